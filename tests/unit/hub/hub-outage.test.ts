// PostgreSQL stopping under running hubs: they answer 503 with a sentence, and serve again by
// themselves once it is back, long polls across hubs included. No hub is restarted.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember } from '../../../electron/hub/hub-admin.ts';
import { startHub, type RunningHub } from '../../../electron/hub/hub-server.ts';
import type { MemberInfo, PullResponse } from '../../../electron/sync/protocol.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { at, call, change, pullAll, push } from './hub-client.ts';

let postgres: TestPostgres;
let databaseUrl: string;
let hubA: RunningHub;
let hubB: RunningHub;
let token: string;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = postgres.createDatabase('outage');
  hubA = await startHub({ databaseUrl });
  hubB = await startHub({ databaseUrl });
  token = await addMember(databaseUrl, 'Ana', 'editor');
});

afterAll(async () => {
  await hubA?.close();
  await hubB?.close();
  postgres?.remove();
});

test('with PostgreSQL stopped the hubs answer 503 saying so, and serve again when it is back', async () => {
  await push(hubA.url, token, [change('clip', 'k1', 'title', 'Before the outage', at(1))]);
  postgres.stop();
  try {
    for (const [method, path, body] of [
      ['GET', '/v1/whoami', undefined],
      ['GET', '/v1/changes?since=0', undefined],
      ['POST', '/v1/changes', { library: 'l', changes: [change('clip', 'k1', 'title', 'During', at(2))] }],
    ] as const) {
      const r = await call<{ error: string }>(hubA.url, token, method, path, body);
      expect(r.status).toBe(503);
      expect(r.body.error).toMatch(/^the hub's database is unreachable \(.+\)$/);
    }
    await expect(startHub({ databaseUrl })).rejects.toThrow(/cannot reach the hub's database/);
  } finally {
    postgres.start();
  }
  const who = await call<MemberInfo>(hubA.url, token, 'GET', '/v1/whoami');
  expect(who.status).toBe(200);
  expect((await pullAll(hubB.url, token)).changes.map((c) => c.value)).toEqual(['Before the outage']);

  // Long polls through B wake on a push through A again.
  const since = (await pullAll(hubB.url, token)).next;
  const waiting = call<PullResponse>(hubB.url, token, 'GET', `/v1/changes?since=${since}&wait=30`);
  await new Promise((r) => setTimeout(r, 300));
  await push(hubA.url, token, [change('clip', 'k1', 'title', 'After the outage', at(3))]);
  expect((await waiting).body.changes.map((c) => c.value)).toEqual(['After the outage']);
});

test('a long poll waiting when the database goes away answers 503 rather than hanging', async () => {
  const since = (await pullAll(hubB.url, token)).next;
  const waiting = call<{ error: string }>(hubB.url, token, 'GET', `/v1/changes?since=${since}&wait=30`);
  await new Promise((r) => setTimeout(r, 300));
  postgres.stop();
  try {
    const r = await waiting;
    expect(r.status).toBe(503);
    expect(r.body.error).toContain("the hub's database is unreachable");
  } finally {
    postgres.start();
  }
  expect((await call(hubB.url, token, 'GET', '/v1/whoami')).status).toBe(200);
});
