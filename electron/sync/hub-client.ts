// HTTP to a hub: the member's token on every request, JSON both ways, and the failures sorted
// into the two a person hears about (sync-errors.ts). fetch asks for gzip and unpacks it.
import type { HubError } from './protocol.ts';
import { SyncAttentionError, SyncOfflineError } from './sync-errors.ts';

/** How long one request may take before the hub counts as unreachable (a long poll adds its wait). */
const REQUEST_TIMEOUT_MS = 60_000;
/** Pushes are idempotent (a field at a clock), as are originals by hash and every read. */
const RETRIES_ON_RESET = 2;

export class HubClient {
  readonly base: string;

  constructor(readonly hubUrl: string, private readonly token: string, private readonly signal?: AbortSignal) {
    this.base = hubUrl.replace(/\/+$/, '');
  }

  async json<T>(method: 'GET' | 'POST', path: string, body?: unknown, extraWaitMs = 0): Promise<T> {
    const res = await this.request(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json', extraWaitMs);
    return (await res.json()) as T;
  }

  async bytes(path: string): Promise<Uint8Array | null> {
    const res = await this.request('GET', path, undefined, undefined, 0, true);
    if (res.status === 404) return null;
    return new Uint8Array(await res.arrayBuffer());
  }

  async putBytes(path: string, bytes: Uint8Array): Promise<void> {
    const res = await this.request('PUT', path, bytes, 'application/octet-stream');
    await res.arrayBuffer();
  }

  private async request(
    method: string, path: string, body: string | Uint8Array | undefined, type: string | undefined, extraWaitMs = 0, allow404 = false,
  ): Promise<Response> {
    let res: Response;
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS + extraWaitMs);
      const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
      try {
        res = await fetch(this.base + path, {
          method,
          headers: { authorization: `Bearer ${this.token}`, ...(type ? { 'content-type': type } : {}), 'accept-encoding': 'gzip' },
          body: body as unknown as BodyInit | undefined,
          signal,
        });
        break;
      } catch (e) {
        if (this.signal?.aborted) throw e;
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        // A kept-alive connection the hub closed just as it was reused (a long local write kept
        // this process from noticing): every request of the protocol may be sent again.
        if (attempt < RETRIES_ON_RESET && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET')) continue;
        throw new SyncOfflineError(this.hubUrl, cause?.code ?? cause?.message ?? (e as Error).message);
      }
    }
    if (res.ok || (allow404 && res.status === 404)) return res;
    const reason = await hubReason(res);
    if (res.status === 401 || res.status === 403) throw new SyncAttentionError(reason, res.status);
    // The hub answers but cannot serve (its database is down, it is starting): try again later.
    if (res.status >= 500) throw new SyncOfflineError(this.hubUrl, reason);
    throw new Error(`The team hub at ${this.hubUrl} refused ${method} ${path}: ${reason}`);
  }
}

async function hubReason(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as HubError;
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 300) || `HTTP ${res.status} ${res.statusText}`;
}
