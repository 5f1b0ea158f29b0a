// The generic step every transport takes: method name + untrusted arguments → validated
// call → result, or an error with a code and a message a person can read.
import type { Api, ApiErrorBody } from '../api.ts';
import { NotFoundError } from '../library/clips.ts';
import { LibraryError, ReadOnlyLibraryError } from '../library/library-errors.ts';
import { TagError } from '../library/tags.ts';
import { BadRequestError, isApiMethod, validateArgs } from './validate.ts';

export class ApiCallError extends Error {
  constructor(readonly code: ApiErrorBody['error']['code'], message: string) {
    super(message);
  }
}

export function toApiError(e: unknown): ApiCallError {
  if (e instanceof ApiCallError) return e;
  if (e instanceof BadRequestError || e instanceof TagError) return new ApiCallError('bad-request', e.message);
  if (e instanceof NotFoundError) return new ApiCallError('not-found', e.message);
  // The library's state refuses the change, whoever asks: HTTP 409.
  if (e instanceof ReadOnlyLibraryError) return new ApiCallError('conflict', e.message);
  if (e instanceof LibraryError) return new ApiCallError('internal', e.message);
  const msg = (e as Error)?.message ?? String(e);
  // Every write waits its turn for the write lock (write-transaction.ts); this is what remains
  // when another process held it for longer than BUSY_TIMEOUT_MS.
  if ((e as { code?: string })?.code?.startsWith('SQLITE_BUSY')) {
    return new ApiCallError('conflict', 'The library is busy: another Cuttings window or command has been writing to it for a long while. Try again in a moment.');
  }
  if (/UNIQUE constraint/.test(msg)) return new ApiCallError('conflict', 'That name is already taken.');
  return new ApiCallError('internal', `Something went wrong: ${msg.split('\n')[0].slice(0, 300)}`);
}

export async function dispatch(api: Api, method: string, rawArgs: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiCallError('not-found', `There is no Api method "${method.slice(0, 80)}".`);
  let args;
  try {
    args = validateArgs(method, rawArgs);
  } catch (e) {
    throw toApiError(e);
  }
  try {
    return await (api[method] as (a: unknown) => Promise<unknown>)(args);
  } catch (e) {
    throw toApiError(e);
  }
}
