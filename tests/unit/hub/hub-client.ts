// A minimal client of the hub's HTTP protocol for its tests: what a desktop sends, nothing more.
import { formatHlc } from '../../../electron/sync/hlc.ts';
import type { Change, Json, PullResponse, PushResponse } from '../../../electron/sync/protocol.ts';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(base: string, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } };
  if (body instanceof Uint8Array) init.body = new Uint8Array(body);
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(new URL(path.replace(/^\//, ''), base), init);
  const type = res.headers.get('content-type') ?? '';
  const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** A clock at `ms` milliseconds of a node, for edits whose order a test decides. */
export const at = (ms: number, node = 'n1', counter = 0) => formatHlc({ physical: 1_700_000_000_000 + ms, counter, node });

export function change(kind: Change['kind'], key: string, field: string, value: Json, hlc: string, extra: Partial<Change> = {}): Change {
  return { kind, key, field, value, hlc, ...extra };
}

export async function push(base: string, token: string, changes: Change[], library = 'lib-test'): Promise<PushResponse> {
  const r = await call<PushResponse>(base, token, 'POST', '/v1/changes', { library, changes });
  if (r.status !== 200) throw new Error(`push answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function pullAll(base: string, token: string, since = 0): Promise<PullResponse> {
  const r = await call<PullResponse>(base, token, 'GET', `/v1/changes?since=${since}`);
  if (r.status !== 200) throw new Error(`pull answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}
