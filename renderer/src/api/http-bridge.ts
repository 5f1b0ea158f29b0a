// The Api contract over HTTP (browser mode): POST /api/<method> with JSON arguments, events
// over Server-Sent Events. The session token arrives in the page URL (?token=…); it is kept
// in sessionStorage and removed from the address bar.
import {
  API_METHODS, type Api, type ApiErrorBody, type ApiEventName, type ApiEvents, type CuttingsBridge,
} from '../../../electron/api.ts';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorBody['error']['code'],
    message: string,
  ) {
    super(message);
  }
}

function sessionToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem('cuttings.token', fromUrl);
    } catch {
      /* storage unavailable: keep the token in the URL */
      return fromUrl;
    }
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem('cuttings.token') ?? '';
  } catch {
    return '';
  }
}

// Every event of the contract, spelled as an object so that an event added to ApiEvents and
// not listened for here breaks the build instead of never reaching the page.
const EVENT_NAMES = Object.keys({
  'import-progress': true,
  'import-finished': true,
  'library-changed': true,
  'import-started': true,
  'reextract-progress': true,
  'reextract-finished': true,
  'review-progress': true,
  'review-finished': true,
  'sync-state': true,
} satisfies Record<ApiEventName, true>) as ApiEventName[];

// Browser mode has no `desktop` part: files are uploaded, menus are drawn by the page.
export function createHttpBridge(): CuttingsBridge {
  const token = sessionToken();
  const call = async (method: string, args: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      throw new ApiError('internal', 'Cuttings is not answering. Is `cuttings serve` still running?');
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    if (!res.ok) {
      const err = (body as ApiErrorBody | null)?.error;
      throw new ApiError(err?.code ?? 'internal', err?.message ?? `The request failed (${res.status}).`);
    }
    return body;
  };

  const api = Object.fromEntries(API_METHODS.map((m) => [m, (args: unknown) => call(m, args)])) as unknown as Api;

  type Listener = (payload: unknown) => void;
  const listeners = new Map<ApiEventName, Set<Listener>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };

  return {
    api,
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      connect();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}

/** The session token for addresses the browser fetches itself (downloads), which cannot carry a header. */
function downloadToken(): string {
  try {
    return sessionStorage.getItem('cuttings.token') ?? '';
  } catch {
    return new URL(window.location.href).searchParams.get('token') ?? '';
  }
}

/** Browser mode: where a clip's original file downloads from (an attachment, never rendered). */
export function originalDownloadUrl(id: number): string {
  return `api/original/${id}?token=${encodeURIComponent(downloadToken())}`;
}

/** Browser mode: where an export downloads from (`params` without the token, which is added here). */
export function exportDownloadUrl(params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  query.set('token', downloadToken());
  // Commas stay commas: an id list is shorter, and servers limit an address's length.
  return `api/export?${query.toString().replace(/%2C/gi, ',')}`;
}
