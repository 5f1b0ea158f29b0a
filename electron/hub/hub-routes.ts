// The hub's endpoints (HUB_PATHS of protocol.ts), each a function of the member who asks. The
// server (hub-server.ts) authenticates the request and turns what these throw into answers.
import type http from 'node:http';
import type pg from 'pg';
import {
  OBJECT_KINDS, PULL_PAGE, PULL_PAGE_MAX, PULL_WAIT_MAX_SECONDS,
  type MemberInfo, type ObjectKind,
} from '../sync/protocol.ts';
import type { ChangeFeed } from './change-feed.ts';
import { objectFields, objectHistory, pullPage } from './changes-read.ts';
import { newestSeq, pushChanges } from './changes-push.ts';
import { BadPush, validatePush } from './change-validation.ts';
import { deletedClips } from './deleted-clips.ts';
import { formatBytes, HubHttpError, readBody, readJson, sendBody, sendJson } from './hub-http.ts';
import type { Member } from './members.ts';
import { missingOriginals, originalExists, readOriginal, SHA256_PATTERN, storeOriginal, WrongHash } from './originals.ts';

export interface HubContext {
  pool: pg.Pool;
  feed: ChangeFeed;
  hubId: string;
  maxJsonBytes: number;
  maxOriginalBytes: number;
  /** True once the hub is closing: long polls answer at once. */
  closing(): boolean;
}

interface Call {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  member: Member;
}

const MAX_MISSING_QUERY = 10_000;

function editorOnly(member: Member): void {
  if (member.role !== 'editor') {
    throw new HubHttpError(403, `${member.id} is a read-only member of this hub: they can read the team library but not change it`);
  }
}

function wholeParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new HubHttpError(400, `"${name}" must be a whole number from ${min} to ${max}, not "${raw.slice(0, 40)}"`);
  }
  return Number(raw);
}

function objectParams(url: URL): { kind: ObjectKind; key: string } {
  const kind = url.searchParams.get('kind');
  const key = url.searchParams.get('key');
  if (!kind || !OBJECT_KINDS.includes(kind as ObjectKind)) throw new HubHttpError(400, `"kind" must be one of ${OBJECT_KINDS.join(', ')}`);
  if (!key) throw new HubHttpError(400, '"key" must name the object');
  return { kind: kind as ObjectKind, key };
}

async function whoami(ctx: HubContext, { req, res, member }: Call): Promise<void> {
  const info: MemberInfo = { member: member.id, role: member.role, hub: ctx.hubId, seq: await newestSeq(ctx.pool) };
  await sendJson(req, res, 200, info);
}

async function push(ctx: HubContext, { req, res, member }: Call): Promise<void> {
  editorOnly(member);
  const body = await readJson(req, ctx.maxJsonBytes);
  let request;
  try {
    request = validatePush(body);
  } catch (e) {
    if (e instanceof BadPush) throw new HubHttpError(400, `the push was refused, nothing of it was stored: ${e.message}`);
    throw e;
  }
  await sendJson(req, res, 200, await pushChanges(ctx.pool, member, request));
}

async function pull(ctx: HubContext, { req, res, url, member }: Call): Promise<void> {
  const since = wholeParam(url, 'since', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = wholeParam(url, 'limit', PULL_PAGE, 1, PULL_PAGE_MAX);
  const wait = Math.min(wholeParam(url, 'wait', 0, 0, 3600), PULL_WAIT_MAX_SECONDS);
  const deadline = Date.now() + wait * 1000;
  let gone = false;
  res.once('close', () => (gone = true));
  for (;;) {
    const mark = ctx.feed.mark;
    const page = await pullPage(ctx.pool, member.id, since, limit);
    if (page.count || gone || ctx.closing() || Date.now() >= deadline) {
      if (!gone) await sendJson(req, res, 200, null, page.json);
      return;
    }
    await ctx.feed.waitSince(mark, deadline);
  }
}

async function history(ctx: HubContext, { req, res, url, member }: Call): Promise<void> {
  const { kind, key } = objectParams(url);
  await sendJson(req, res, 200, await objectHistory(ctx.pool, member.id, kind, key));
}

async function object(ctx: HubContext, { req, res, url, member }: Call): Promise<void> {
  const { kind, key } = objectParams(url);
  await sendJson(req, res, 200, null, await objectFields(ctx.pool, member.id, kind, key));
}

async function deleted(ctx: HubContext, { req, res }: Call): Promise<void> {
  await sendJson(req, res, 200, await deletedClips(ctx.pool));
}

async function originalsMissing(ctx: HubContext, { req, res }: Call): Promise<void> {
  const body = (await readJson(req, ctx.maxJsonBytes)) as { hashes?: unknown } | null;
  const hashes = body?.hashes;
  if (!Array.isArray(hashes) || hashes.length > MAX_MISSING_QUERY) {
    throw new HubHttpError(400, `send {"hashes": [...]}, a list of at most ${MAX_MISSING_QUERY} SHA-256 hashes`);
  }
  const bad = hashes.find((h) => typeof h !== 'string' || !SHA256_PATTERN.test(h));
  if (bad !== undefined) throw new HubHttpError(400, `${JSON.stringify(bad)?.slice(0, 80)} is not a SHA-256 hash (64 lower-case hex digits)`);
  await sendJson(req, res, 200, { missing: await missingOriginals(ctx.pool, [...new Set(hashes as string[])]) });
}

async function putOriginal(ctx: HubContext, { req, res, member }: Call, sha256: string): Promise<void> {
  editorOnly(member);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > ctx.maxOriginalBytes) {
    req.resume();
    throw new HubHttpError(413, `the file is ${formatBytes(declared)}, larger than the ${formatBytes(ctx.maxOriginalBytes)} the hub keeps per original`);
  }
  const bytes = await readBody(req, ctx.maxOriginalBytes).catch((e: unknown) => {
    if (e instanceof HubHttpError && e.status === 413) {
      throw new HubHttpError(413, `the file is larger than the ${formatBytes(ctx.maxOriginalBytes)} the hub keeps per original`);
    }
    throw e;
  });
  try {
    const outcome = await storeOriginal(ctx.pool, sha256, bytes, member.id);
    await sendJson(req, res, outcome === 'stored' ? 201 : 200, { sha256, size: bytes.length, stored: outcome === 'stored' });
  } catch (e) {
    if (e instanceof WrongHash) throw new HubHttpError(400, `the original was refused: ${e.message}`);
    throw e;
  }
}

async function getOriginal(ctx: HubContext, { req, res }: Call, sha256: string): Promise<void> {
  if (req.method === 'HEAD') {
    if (!(await originalExists(ctx.pool, sha256))) throw new HubHttpError(404, `the hub holds no original ${sha256}`);
    res.writeHead(200, { 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const bytes = await readOriginal(ctx.pool, sha256);
  if (!bytes) throw new HubHttpError(404, `the hub holds no original ${sha256}: it was never uploaded`);
  await sendBody(req, res, 200, 'application/octet-stream', bytes);
}

const ORIGINAL_PATH = /^\/v1\/originals\/([^/]+)$/;

/** Runs the endpoint the request names; false when there is none. */
export async function route(ctx: HubContext, call: Call): Promise<boolean> {
  const { req, url } = call;
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const is = (m: string, p: string) => method === m && path === p;
  if (is('GET', '/v1/whoami')) await whoami(ctx, call);
  else if (is('POST', '/v1/changes')) await push(ctx, call);
  else if (is('GET', '/v1/changes')) await pull(ctx, call);
  else if (is('GET', '/v1/history')) await history(ctx, call);
  else if (is('GET', '/v1/object')) await object(ctx, call);
  else if (is('GET', '/v1/deleted')) await deleted(ctx, call);
  else if (is('POST', '/v1/originals/missing')) await originalsMissing(ctx, call);
  else {
    const m = ORIGINAL_PATH.exec(path);
    if (!m || !['GET', 'HEAD', 'PUT'].includes(method)) return false;
    const sha256 = decodeURIComponent(m[1]);
    if (!SHA256_PATTERN.test(sha256)) throw new HubHttpError(400, `"${sha256.slice(0, 80)}" is not a SHA-256 hash (64 lower-case hex digits)`);
    if (method === 'PUT') await putOriginal(ctx, call, sha256);
    else await getOriginal(ctx, call, sha256);
  }
  return true;
}
