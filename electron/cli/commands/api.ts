// `cuttings api METHOD [JSON]`: any Api method, JSON in and out, through the same dispatch
// as IPC and HTTP.
import type { ApiMethod } from '../../api.ts';
import { MAX_FILE_MB_FLAG, UsageError, type LibraryCommand } from '../command.ts';
import { printJson } from '../io.ts';

export const apiCommand: LibraryCommand = {
  name: 'api',
  args: 'METHOD [JSON]',
  summary: 'Call any Api method with JSON arguments (prints JSON)',
  library: 'open',
  flags: [MAX_FILE_MB_FLAG],
  async run({ io, input, handlers, call }) {
    const [method, json] = input.positional;
    if (!method) throw new UsageError('api needs a method name');
    let args: unknown = {};
    if (json) {
      try {
        args = JSON.parse(json);
      } catch {
        throw new UsageError('the arguments must be JSON, e.g. \'{"id": 3}\'');
      }
    }
    // dispatch refuses a name that is not an Api method.
    const result = await call(method as ApiMethod, args);
    // A re-extraction and an import answer with their job; the terminal waits for the job's summary.
    if (method === 'reextractClips') {
      printJson(io, await handlers.waitForReextract((result as { jobId: string }).jobId));
    } else if (typeof result === 'object' && result && 'jobId' in result && Object.keys(result).length === 1) {
      printJson(io, await handlers.waitForImport((result as { jobId: string }).jobId));
    } else printJson(io, result);
    return 0;
  },
};
