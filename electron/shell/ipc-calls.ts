// The one IPC channel's handler: a call from the window is checked (its sender, its method, its
// arguments) and goes to the shared Api handler table, or to one of the few desktop-only
// shell methods. The same generic step as HTTP and the CLI (handlers/dispatch.ts).
import path from 'node:path';
import { API_METHODS, EXPORT_FORMATS, SHELL_METHODS, type Api, type ApiMethod, type ShellMethod, type ShellMethods } from '../api.ts';
import { ApiCallError, dispatch, toApiError } from '../handlers/dispatch.ts';
import { arrayOf, bool, int, object, oneOf, optional, reviewRequest, str, validateArgs } from '../handlers/validate.ts';

export type IpcReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

export type ShellHandlers = { [M in ShellMethod]: (args: ShellMethods[M]['args']) => Promise<ShellMethods[M]['result']> };

/**
 * Api methods the window may not call. A path handed over by the page could name any file
 * (~/.ssh/id_rsa), and a script that ever ran in the window could then read it back as a clip:
 * the window imports what the user dropped (paths read by the preload from File objects) or
 * chose in a native dialog, both produced outside the page.
 */
export const REFUSED_FROM_WINDOW: Partial<Record<ApiMethod, string>> = {
  importPaths: 'The window imports only files you drop on it or choose with Import: it does not take paths from the page.',
};

const shellValidators: { [M in ShellMethod]: (raw: unknown) => ShellMethods[M]['args'] } = {
  importDropped: (raw) => {
    const args = object<ShellMethods['importDropped']['args']>({ paths: arrayOf(str(4_096), 100_000) })(raw, 'arguments');
    if (args.paths.some((p) => !path.isAbsolute(p))) throw new ApiCallError('bad-request', 'Dropped files arrive as absolute paths.');
    return args;
  },
  chooseAndImport: (raw) => object<ShellMethods['chooseAndImport']['args']>({ kind: oneOf('files', 'folder') })(raw, 'arguments'),
  exportTo: (raw) =>
    object<ShellMethods['exportTo']['args']>({ format: oneOf(...EXPORT_FORMATS), ids: optional(arrayOf(int(1), 100_000)), query: optional(str(2_000)) })(raw, 'arguments'),
  compileReviewTo: (raw) => reviewRequest(raw, 'arguments'),
  popupMenu: (raw) =>
    object<ShellMethods['popupMenu']['args']>({
      items: arrayOf(object({ id: str(100), label: str(200), enabled: optional(bool), separatorBefore: optional(bool) }), 50),
    })(raw, 'arguments'),
};

const isShellMethod = (m: string): m is ShellMethod => (SHELL_METHODS as readonly string[]).includes(m);
const isApiName = (m: string): m is ApiMethod => (API_METHODS as readonly string[]).includes(m);

export interface IpcCallOptions {
  /** The Api of the library open now (it changes when the user switches library). */
  api(): Api;
  shell: ShellHandlers;
  /** Whether the call came from our own window's top frame. */
  trusted(event: unknown): boolean;
}

export function createIpcCall(opts: IpcCallOptions) {
  return async (event: unknown, method: unknown, args: unknown): Promise<IpcReply> => {
    if (!opts.trusted(event)) return { ok: false, error: { code: 'unauthorized', message: 'Refused: the call did not come from the Cuttings window.' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad-request', message: 'The method name must be text.' } };
    try {
      if (isShellMethod(method)) {
        const handler = opts.shell[method] as (a: unknown) => Promise<unknown>;
        return { ok: true, result: await handler(shellValidators[method](args)) };
      }
      const refusal = isApiName(method) ? REFUSED_FROM_WINDOW[method] : undefined;
      if (refusal) {
        validateArgs(method as ApiMethod, args); // malformed arguments are named as such first
        throw new ApiCallError('unauthorized', refusal);
      }
      return { ok: true, result: await dispatch(opts.api(), method, args) };
    } catch (e) {
      const err = toApiError(e);
      return { ok: false, error: { code: err.code, message: err.message } };
    }
  };
}
