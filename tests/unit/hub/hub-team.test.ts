// Two hub processes on one PostgreSQL database serving one team, as desktops see them through
// HTTP: conflicts, tags, deletions, privacy, roles, originals and long polls.
import crypto from 'node:crypto';
import net from 'node:net';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMember } from '../../../electron/hub/hub-admin.ts';
import { WRITE_LOCK } from '../../../electron/hub/advisory-locks.ts';
import { ChangeFeed } from '../../../electron/hub/change-feed.ts';
import { purgeDeletedClips } from '../../../electron/hub/deleted-clips.ts';
import { migrateHub } from '../../../electron/hub/hub-migrate.ts';
import { startHub, type RunningHub } from '../../../electron/hub/hub-server.ts';
import type { DeletedClip, HistoryEntry, MemberInfo, PullResponse, StoredChange } from '../../../electron/sync/protocol.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { at, call, change, pullAll, push } from './hub-client.ts';

let postgres: TestPostgres;
let databaseUrl: string;
let hubA: RunningHub;
let hubB: RunningHub;
let ana: string;
let ben: string;
let rita: string;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = postgres.createDatabase('team');
  [hubA, hubB] = await Promise.all([startHub({ databaseUrl }), startHub({ databaseUrl, maxOriginalBytes: 4096 })]);
  ana = await addMember(databaseUrl, 'Ana', 'editor');
  ben = await addMember(databaseUrl, 'Ben', 'editor');
  rita = await addMember(databaseUrl, 'Rita', 'reader');
});

afterAll(async () => {
  await hubA?.close();
  await hubB?.close();
  postgres?.remove();
});

/** The current fields of an object, by field name, as `member` sees them. */
async function fields(base: string, token: string, kind: string, key: string): Promise<Record<string, StoredChange>> {
  const r = await call<StoredChange[]>(base, token, 'GET', `/v1/object?kind=${kind}&key=${encodeURIComponent(key)}`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.body.map((c) => [c.field, c]));
}

async function historyOf(base: string, token: string, kind: string, key: string): Promise<HistoryEntry[]> {
  const r = await call<HistoryEntry[]>(base, token, 'GET', `/v1/history?kind=${kind}&key=${encodeURIComponent(key)}`);
  expect(r.status).toBe(200);
  return r.body;
}

describe('two hubs on one database', () => {
  test('both say they are the same hub', async () => {
    const a = await call<MemberInfo>(hubA.url, ana, 'GET', '/v1/whoami');
    const b = await call<MemberInfo>(hubB.url, ana, 'GET', '/v1/whoami');
    expect(a.body).toMatchObject({ member: 'Ana', role: 'editor' });
    expect(b.body.hub).toBe(a.body.hub);
  });

  test('a change pushed through hub A is pulled through hub B by another member', async () => {
    const before = (await pullAll(hubB.url, ben)).next;
    const r = await push(hubA.url, ana, [change('clip', 'k-share', 'title', 'Maduro meets Putin', at(10))]);
    expect(r).toMatchObject({ accepted: 1, superseded: 0, repeated: 0 });
    const page = await pullAll(hubB.url, ben, before);
    expect(page.changes).toEqual([expect.objectContaining({ kind: 'clip', key: 'k-share', field: 'title', value: 'Maduro meets Putin', member: 'Ana', seq: r.seq })]);
    expect(page.next).toBe(r.seq);
  });

  test('two hubs starting at once on an empty database migrate it once', async () => {
    const fresh = postgres.createDatabase('fresh');
    const hubs = await Promise.all([startHub({ databaseUrl: fresh }), startHub({ databaseUrl: fresh })]);
    const token = await addMember(fresh, 'Ana', 'editor');
    const again = await startHub({ databaseUrl: fresh });
    try {
      const ids = await Promise.all([...hubs, again].map(async (h) => (await call<MemberInfo>(h.url, token, 'GET', '/v1/whoami')).body.hub));
      expect(new Set(ids).size).toBe(1);
      const client = new pg.Client({ connectionString: fresh });
      await client.connect();
      const { rows } = await client.query('SELECT version FROM hub_schema ORDER BY version');
      await client.end();
      expect(rows.map((r) => r.version)).toEqual([1]);
      const pool = new pg.Pool({ connectionString: fresh });
      expect(await migrateHub(pool)).toEqual([]);
      await pool.end();
    } finally {
      await Promise.all([...hubs, again].map((h) => h.close()));
    }
  });
});

describe('conflicts', () => {
  test('the later edit of a field wins whichever arrives first, and the loser is kept in history', async () => {
    // Ben's edit is later but reaches the hub first; Ana's earlier one arrives after.
    await push(hubB.url, ben, [change('clip', 'k-lww', 'author', 'By AFP', at(200, 'ben'))]);
    const anaCursor = (await pullAll(hubA.url, ana)).next;
    const r = await push(hubA.url, ana, [change('clip', 'k-lww', 'author', 'By Reuters', at(100, 'ana'))]);
    expect(r).toMatchObject({ accepted: 0, superseded: 1 });
    for (const [hub, token] of [[hubA, ana], [hubB, ben]] as const) {
      expect((await fields(hub.url, token, 'clip', 'k-lww')).author).toMatchObject({ value: 'By AFP', member: 'Ben' });
    }
    // Ana, who pushed the loser, pulls the winner again.
    const page = await pullAll(hubA.url, ana, anaCursor);
    expect(page.changes.filter((c) => c.key === 'k-lww')).toEqual([expect.objectContaining({ field: 'author', value: 'By AFP' })]);
    const history = await historyOf(hubB.url, ben, 'clip', 'k-lww');
    expect(history).toEqual([expect.objectContaining({ field: 'author', value: 'By Reuters', member: 'Ana', hlc: at(100, 'ana'), supersededBy: at(200, 'ben') })]);

    // A later edit still replaces it, and the replaced value joins the history.
    await push(hubA.url, ana, [change('clip', 'k-lww', 'author', 'By AP', at(300, 'ana'))]);
    expect((await fields(hubB.url, ben, 'clip', 'k-lww')).author.value).toBe('By AP');
    expect((await historyOf(hubA.url, ana, 'clip', 'k-lww')).map((h) => h.value)).toEqual(['By Reuters', 'By AFP']);
  });

  test('different fields edited by two members both survive', async () => {
    await push(hubA.url, ana, [change('clip', 'k-fields', 'title', 'New headline', at(400, 'ana'))]);
    await push(hubB.url, ben, [change('clip', 'k-fields', 'starred', true, at(390, 'ben'))]);
    const f = await fields(hubA.url, ana, 'clip', 'k-fields');
    expect(f.title.value).toBe('New headline');
    expect(f.starred.value).toBe(true);
  });

  test('a retried push changes nothing and numbers nothing', async () => {
    const batch = [change('clip', 'k-retry', 'title', 'Once', at(500)), change('clip', 'k-retry', 'url', 'https://example.org/a', at(500))];
    const first = await push(hubA.url, ana, batch);
    expect(first).toMatchObject({ accepted: 2, repeated: 0 });
    const second = await push(hubB.url, ana, batch);
    expect(second).toMatchObject({ accepted: 0, superseded: 0, repeated: 2 });
    expect((await pullAll(hubB.url, ben, first.seq)).changes).toEqual([]);
    // A retried loser is a repeat too: it is not put in the history twice.
    await push(hubA.url, ana, [change('clip', 'k-retry', 'title', 'Older', at(450))]);
    const again = await push(hubA.url, ana, [change('clip', 'k-retry', 'title', 'Older', at(450))]);
    expect(again).toMatchObject({ repeated: 1 });
    expect((await historyOf(hubA.url, ana, 'clip', 'k-retry')).filter((h) => h.value === 'Older')).toHaveLength(1);
  });

  test("two members tagging the same clip both keep their tags, and a removal is one member's edit", async () => {
    await push(hubA.url, ana, [change('clip', 'k-tags', 'tag:venezuela', true, at(600, 'ana'))]);
    await push(hubB.url, ben, [change('clip', 'k-tags', 'tag:russia', true, at(601, 'ben'))]);
    let f = await fields(hubB.url, ben, 'clip', 'k-tags');
    expect([f['tag:venezuela'].value, f['tag:russia'].value]).toEqual([true, true]);
    await push(hubB.url, ben, [change('clip', 'k-tags', 'tag:venezuela', false, at(700, 'ben'))]);
    f = await fields(hubA.url, ana, 'clip', 'k-tags');
    expect([f['tag:venezuela'].value, f['tag:russia'].value]).toEqual([false, true]);
  });

  test('a deletion followed by a later edit: the edit brings the clip back', async () => {
    await push(hubA.url, ana, [change('clip', 'k-del1', 'title', 'To delete', at(1000, 'ana'))]);
    await push(hubA.url, ana, [change('clip', 'k-del1', 'deleted', true, at(1100, 'ana'))]);
    expect((await call<DeletedClip[]>(hubB.url, ben, 'GET', '/v1/deleted')).body.map((d) => d.key)).toContain('k-del1');
    await push(hubB.url, ben, [change('clip', 'k-del1', 'note', 'still relevant', at(1200, 'ben'))]);
    const f = await fields(hubA.url, ana, 'clip', 'k-del1');
    expect(f.deleted).toMatchObject({ value: false, hlc: at(1200, 'ben'), member: 'Ben' });
    expect((await historyOf(hubA.url, ana, 'clip', 'k-del1')).filter((h) => h.field === 'deleted').map((h) => h.value)).toContain(true);
    expect((await call<DeletedClip[]>(hubB.url, ben, 'GET', '/v1/deleted')).body.map((d) => d.key)).not.toContain('k-del1');
  });

  test('a deletion that arrives after a later edit loses to it, with the same outcome', async () => {
    await push(hubA.url, ana, [change('clip', 'k-del2', 'title', 'To delete', at(1000, 'ana'))]);
    await push(hubB.url, ben, [change('clip', 'k-del2', 'note', 'still relevant', at(1200, 'ben'))]);
    const r = await push(hubA.url, ana, [change('clip', 'k-del2', 'deleted', true, at(1100, 'ana'))]);
    expect(r).toMatchObject({ accepted: 0, superseded: 1 });
    const f = await fields(hubB.url, ben, 'clip', 'k-del2');
    expect(f.deleted).toMatchObject({ value: false, hlc: at(1200, 'ben'), member: 'Ben' });
    expect((await historyOf(hubB.url, ben, 'clip', 'k-del2')).filter((h) => h.field === 'deleted').map((h) => h.value)).toContain(true);
  });

  test('a deletion later than every edit holds and can be listed for restoring, then purged after the restore period', async () => {
    await push(hubA.url, ana, [
      change('clip', 'k-del3', 'record', { title: 'Guardian: Maduro in Moscow', bodyText: 'Body' }, at(1000, 'ana')),
      change('clip', 'k-del3', 'tag:russia', true, at(1000, 'ana')),
    ]);
    await push(hubB.url, ben, [change('clip', 'k-del3', 'deleted', true, at(1300, 'ben'))]);
    const listed = (await call<DeletedClip[]>(hubA.url, ana, 'GET', '/v1/deleted')).body.find((d) => d.key === 'k-del3');
    expect(listed).toMatchObject({ title: 'Guardian: Maduro in Moscow', deletedBy: 'Ben' });
    expect(listed!.restorableUntil > listed!.deletedAt.slice(0, 10)).toBe(true);

    // Thirty-one days later (the deletion's time set back): the purge keeps only the tombstone.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`UPDATE objects SET written_at = now() - interval '31 days' WHERE kind = 'clip' AND key = 'k-del3' AND field = 'deleted'`);
    await client.end();
    const pool = new pg.Pool({ connectionString: databaseUrl });
    expect(await purgeDeletedClips(pool)).toBe(1);
    await pool.end();
    const f = await fields(hubB.url, ben, 'clip', 'k-del3');
    expect(Object.keys(f)).toEqual(['deleted']);
    expect(f.deleted.value).toBe(true);
    expect((await call<DeletedClip[]>(hubA.url, ana, 'GET', '/v1/deleted')).body.map((d) => d.key)).not.toContain('k-del3');

    // A desktop away all that time edits it: too late to bring it back; it learns of the deletion.
    const cursor = (await pullAll(hubA.url, ana)).next;
    expect(await push(hubA.url, ana, [change('clip', 'k-del3', 'title', 'Edited offline', at(1400, 'ana'))])).toMatchObject({ accepted: 0, superseded: 1 });
    expect(Object.keys(await fields(hubB.url, ben, 'clip', 'k-del3'))).toEqual(['deleted']);
    expect((await pullAll(hubA.url, ana, cursor)).changes).toEqual([expect.objectContaining({ key: 'k-del3', field: 'deleted', value: true })]);
  });
});

describe('privacy and roles', () => {
  test("a private note and highlight are seen only by the member who wrote them, on each of that member's machines", async () => {
    const before = (await pullAll(hubA.url, ana)).next;
    await push(hubA.url, ana, [
      change('clip', 'k-priv', 'note', 'my source says otherwise', at(2000, 'ana'), { private: true }),
      change('highlight', 'h-priv', 'clip', 'k-priv', at(2000, 'ana'), { private: true }),
      change('highlight', 'h-priv', 'note', 'check this', at(2000, 'ana'), { private: true }),
      change('clip', 'k-priv', 'title', 'Shared headline', at(2000, 'ana')),
    ], 'ana-laptop');
    await push(hubA.url, ana, [change('clip', 'k-priv', 'note', 'my source confirms', at(2100, 'ana'), { private: true })], 'ana-desktop');

    const bens = await pullAll(hubB.url, ben, before);
    expect(bens.changes.map((c) => `${c.kind}/${c.field}`)).toEqual(['clip/title']);
    expect(await fields(hubB.url, ben, 'clip', 'k-priv')).not.toHaveProperty('note');
    expect(await fields(hubB.url, ben, 'highlight', 'h-priv')).toEqual({});
    expect(await historyOf(hubB.url, ben, 'clip', 'k-priv')).toEqual([]);

    const anas = await pullAll(hubB.url, ana, before);
    expect(anas.changes.filter((c) => c.private).map((c) => `${c.kind}/${c.field}`).sort()).toEqual(['clip/note', 'highlight/clip', 'highlight/note']);
    expect((await fields(hubB.url, ana, 'clip', 'k-priv')).note).toMatchObject({ value: 'my source confirms', private: true });
    expect((await historyOf(hubB.url, ana, 'clip', 'k-priv')).map((h) => h.value)).toEqual(['my source says otherwise']);

    // Ben's own shared note on the clip sits beside Ana's private one; neither replaces the other.
    await push(hubB.url, ben, [change('clip', 'k-priv', 'note', 'team note', at(1900, 'ben'))]);
    expect((await fields(hubA.url, ana, 'clip', 'k-priv')).note.value).toBeDefined();
    const all = (await call<StoredChange[]>(hubA.url, ana, 'GET', '/v1/object?kind=clip&key=k-priv')).body.filter((c) => c.field === 'note');
    expect(all.map((c) => [c.value, !!c.private]).sort()).toEqual([['my source confirms', true], ['team note', false]]);
  });

  test('a read-only member reads the library, and every write is refused with 403', async () => {
    const page = await call<PullResponse>(hubA.url, rita, 'GET', '/v1/changes?since=0');
    expect(page.status).toBe(200);
    expect(page.body.changes.length).toBeGreaterThan(0);
    const pushed = await call(hubA.url, rita, 'POST', '/v1/changes', { library: 'x', changes: [change('clip', 'k-r', 'title', 'No', at(1))] });
    expect(pushed.status).toBe(403);
    expect(pushed.body).toEqual({ error: expect.stringContaining('read-only') });
    const bytes = Buffer.from('a file');
    const put = await call(hubB.url, rita, 'PUT', `/v1/originals/${crypto.createHash('sha256').update(bytes).digest('hex')}`, bytes);
    expect(put.status).toBe(403);
    expect((await fields(hubA.url, ana, 'clip', 'k-r'))).toEqual({});
  });

  test('a missing or unknown token is refused with 401 and says why', async () => {
    const none = await call(hubA.url, null, 'GET', '/v1/whoami');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: expect.stringContaining('no member token') });
    const wrong = await call(hubB.url, 'cut_not-a-real-token', 'GET', '/v1/changes?since=0');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: expect.stringContaining('not one this hub knows') });
  });
});

describe('pushes the hub refuses', () => {
  test('a bad change is refused with 400 naming it, and nothing of its push is stored', async () => {
    const good = change('clip', 'k-bad', 'title', 'Fine', at(3000));
    const cases: [unknown, string][] = [
      [{ ...good, kind: 'article' }, 'the kind must be one of'],
      [{ ...good, key: '' }, 'the key must be'],
      [{ ...good, field: 'x'.repeat(300) }, 'the field must be'],
      [{ ...good, hlc: '2024-01-01' }, 'hybrid logical clock'],
      [{ ...good, value: 'x'.repeat(9 * 1024 * 1024) }, 'more than the'],
    ];
    for (const [bad, says] of cases) {
      const r = await call<{ error: string }>(hubA.url, ana, 'POST', '/v1/changes', { library: 'l', changes: [good, bad] });
      expect(r.status).toBe(400);
      expect(r.body.error).toContain('change 2');
      expect(r.body.error).toContain(says);
    }
    expect(await fields(hubA.url, ana, 'clip', 'k-bad')).toEqual({});
    const notJson = await call<{ error: string }>(hubA.url, ana, 'POST', '/v1/changes', Buffer.from('{"library":'), { 'Content-Type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toContain('not valid JSON');
  });
});

describe('originals', () => {
  const bytes = Buffer.from('%PDF-1.4 a newsletter saved as PDF');
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');

  test('are stored once per hash, fetched through either hub, and a wrong hash is refused', async () => {
    const missing = await call<{ missing: string[] }>(hubA.url, ana, 'POST', '/v1/originals/missing', { hashes: [sha, sha] });
    expect(missing.body.missing).toEqual([sha]);
    expect((await call(hubA.url, ana, 'PUT', `/v1/originals/${sha}`, bytes)).status).toBe(201);
    const again = await call(hubB.url, ben, 'PUT', `/v1/originals/${sha}`, bytes);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: false });
    expect((await call<{ missing: string[] }>(hubB.url, ben, 'POST', '/v1/originals/missing', { hashes: [sha] })).body.missing).toEqual([]);
    const got = await call<Buffer>(hubB.url, ben, 'GET', `/v1/originals/${sha}`);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body, bytes)).toBe(0);

    const other = Buffer.from('something else');
    const wrong = await call<{ error: string }>(hubA.url, ana, 'PUT', `/v1/originals/${crypto.createHash('sha256').update('x').digest('hex')}`, other);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toContain('hash');
    const absent = await call(hubA.url, ana, 'GET', `/v1/originals/${'0'.repeat(64)}`);
    expect(absent.status).toBe(404);
  });

  test('larger than the hub keeps are refused with 413', async () => {
    const big = crypto.randomBytes(8192);
    const r = await call<{ error: string }>(hubB.url, ana, 'PUT', `/v1/originals/${crypto.createHash('sha256').update(big).digest('hex')}`, big);
    expect(r.status).toBe(413);
    expect(r.body.error).toContain('larger than');
  });
});

describe('transport', () => {
  test('pushes may come gzip-compressed and pulls go out gzip-compressed when asked', async () => {
    const changes = Array.from({ length: 200 }, (_, i) => change('clip', `k-gz-${i}`, 'title', `Headline number ${i} about the same story`, at(4000 + i)));
    const body = zlib.gzipSync(JSON.stringify({ library: 'gz', changes }));
    const r = await call<{ accepted: number; seq: number }>(hubA.url, ana, 'POST', '/v1/changes', body, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    expect(r.body.accepted).toBe(200);
    const res = await fetch(new URL(`v1/changes?since=${r.body.seq - 200}`, hubB.url), { headers: { Authorization: `Bearer ${ben}`, 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const page = (await res.json()) as PullResponse;
    expect(page.changes).toHaveLength(200);
    expect(page.more).toBe(false);
  });

  test('a request that is not well-formed HTTP still gets a sentence in JSON', async () => {
    const port = new URL(hubA.url).port;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('{"error":"the request is not well-formed HTTP"}');
  });

  test('pages follow the sequence without skipping a change', async () => {
    const since = (await pullAll(hubA.url, ana)).next;
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        push(n % 2 ? hubA.url : hubB.url, n % 3 ? ana : ben, Array.from({ length: 25 }, (_, i) => change('tag', `t-${n}-${i}`, 'name', `Tag ${n} ${i}`, at(5000 + i)))),
      ),
    );
    const seen: string[] = [];
    let cursor = since;
    for (;;) {
      const r = await call<PullResponse>(hubB.url, ben, 'GET', `/v1/changes?since=${cursor}&limit=30`);
      seen.push(...r.body.changes.map((c) => c.key));
      cursor = r.body.next;
      if (!r.body.more) break;
    }
    expect(new Set(seen).size).toBe(200);
    expect(seen).toHaveLength(200);
  });

  test('a member pulling while others push through both hubs misses no change', async () => {
    let cursor = (await pullAll(hubB.url, ben)).next;
    const seen = new Set<string>();
    let pushing = true;
    const puller = (async () => {
      for (;;) {
        const stillPushing = pushing;
        const r = await call<PullResponse>(hubB.url, ben, 'GET', `/v1/changes?since=${cursor}&limit=50`);
        for (const c of r.body.changes) seen.add(c.key);
        cursor = r.body.next;
        if (!stillPushing && !r.body.more) return;
      }
    })();
    await Promise.all(
      Array.from({ length: 6 }, async (_, n) => {
        for (let round = 0; round < 10; round++) {
          const hub = (n + round) % 2 ? hubA : hubB;
          await push(hub.url, n % 2 ? ana : ben, Array.from({ length: 10 }, (_, i) => change('outlet', `o-${n}-${round}-${i}`, 'name', `Outlet ${n}`, at(7000 + round))));
        }
      }),
    );
    pushing = false;
    await puller;
    expect(seen.size).toBe(600);
  });

  test('a number handed out but not yet committed is never skipped by a puller', async () => {
    const before = (await pullAll(hubB.url, ben)).next;
    // A push in flight elsewhere: it holds the write lock and a number, and has not committed.
    const slow = new pg.Client({ connectionString: databaseUrl });
    await slow.connect();
    await slow.query('BEGIN');
    await slow.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    await slow.query(`INSERT INTO objects (kind, key, field, value, hlc, member, seq) VALUES ('clip', 'k-slow', 'title', '"Slow"', $1, 'Ana', nextval('objects_seq'))`, [at(8000)]);
    const quick = push(hubA.url, ana, [change('clip', 'k-quick', 'title', 'Quick', at(8001))]);
    await new Promise((r) => setTimeout(r, 300));
    const between = await pullAll(hubB.url, ben, before);
    await slow.query('COMMIT');
    await slow.end();
    await quick;
    const after = await pullAll(hubB.url, ben, between.next);
    expect([...between.changes, ...after.changes].map((c) => c.key)).toEqual(['k-slow', 'k-quick']);
  });

  test('a long poll through hub B wakes when hub A takes a push', async () => {
    const since = (await pullAll(hubB.url, ben)).next;
    // What every hub process's long polls wait on: another listener on the same database says
    // whether the push woke it, or whether it only reached its deadline (far beyond the test's).
    const feed = new ChangeFeed(databaseUrl);
    await feed.start();
    try {
      const woken = feed.waitSince(feed.mark, Date.now() + 10 * 60_000);
      const waiting = call<PullResponse>(hubB.url, ben, 'GET', `/v1/changes?since=${since}&wait=30`);
      await new Promise((r) => setTimeout(r, 300));
      await push(hubA.url, ana, [change('clip', 'k-live', 'starred', true, at(6000))]);
      expect(await woken).toBe(true);
      const r = await waiting;
      expect(r.body.changes.map((c) => c.key)).toEqual(['k-live']);
    } finally {
      await feed.close();
    }
  });
});
