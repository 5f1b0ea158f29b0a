// Whatever order the edits of several members reach the hub in, and however they are batched,
// the team library ends the same: each field holds the value of its latest edit (a deletion
// only while it is later than every edit), and every other value is in the history once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember } from '../../../electron/hub/hub-admin.ts';
import { startHub, type RunningHub } from '../../../electron/hub/hub-server.ts';
import type { Change, HistoryEntry, StoredChange } from '../../../electron/sync/protocol.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { at, call, change, push } from './hub-client.ts';

let postgres: TestPostgres;
let inOrder: { hub: RunningHub; token: string };
let shuffled: { hubs: RunningHub[]; token: string };

beforeAll(async () => {
  postgres = await startPostgres();
  const one = postgres.createDatabase('in_order');
  const two = postgres.createDatabase('shuffled');
  inOrder = { hub: await startHub({ databaseUrl: one }), token: await addMember(one, 'Desk', 'editor') };
  shuffled = { hubs: [await startHub({ databaseUrl: two }), await startHub({ databaseUrl: two })], token: await addMember(two, 'Desk', 'editor') };
});

afterAll(async () => {
  await inOrder?.hub.close();
  await Promise.all(shuffled?.hubs.map((h) => h.close()) ?? []);
  postgres?.remove();
});

/** mulberry32: the same edits on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function edits(key: string, random: () => number): Change[] {
  const out: Change[] = [];
  const nodes = ['ana', 'ben', 'cy'];
  for (let i = 0; i < 30; i++) {
    const node = nodes[Math.floor(random() * nodes.length)];
    const hlc = at(Math.floor(random() * 60), node, i);
    const r = random();
    if (r < 0.3) out.push(change('clip', key, 'deleted', random() < 0.8, hlc));
    else if (r < 0.55) out.push(change('clip', key, 'title', `Title ${i}`, hlc));
    else if (r < 0.8) out.push(change('clip', key, 'tag:russia', random() < 0.6, hlc));
    else out.push(change('clip', key, 'note', `Note ${i}`, hlc));
  }
  return out;
}

async function state(base: string, token: string, key: string) {
  const fields = (await call<StoredChange[]>(base, token, 'GET', `/v1/object?kind=clip&key=${key}`)).body;
  const history = (await call<HistoryEntry[]>(base, token, 'GET', `/v1/history?kind=clip&key=${key}`)).body;
  return {
    values: Object.fromEntries(fields.map((f) => [f.field, f.value])),
    // The clock `deleted` holds after a restoring edit is that edit's, which may be any of the
    // edits later than the deletion depending on arrival; every other field's is its winner's.
    clocks: Object.fromEntries(fields.filter((f) => f.field !== 'deleted').map((f) => [f.field, f.hlc])),
    history: history.filter((h) => h.field !== 'deleted').map((h) => `${h.field} ${JSON.stringify(h.value)} ${h.hlc}`).sort(),
  };
}

test.each([1, 2, 3, 4, 5, 6])('edits arriving one by one or shuffled into batches end the same (seed %i)', async (seed) => {
  const random = seeded(seed);
  const key = `k-conv-${seed}`;
  const all = edits(key, random);
  for (const c of all) await push(inOrder.hub.url, inOrder.token, [c]);

  const mixed = [...all];
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
  }
  // Some edits sent twice, as a retry after a lost answer would.
  mixed.push(...mixed.slice(0, 5));
  for (let i = 0, n = 0; i < mixed.length; n++) {
    const size = 1 + Math.floor(random() * 6);
    await push(shuffled.hubs[n % 2].url, shuffled.token, mixed.slice(i, i + size));
    i += size;
  }

  const a = await state(inOrder.hub.url, inOrder.token, key);
  const b = await state(shuffled.hubs[0].url, shuffled.token, key);
  expect(b).toEqual(a);

  // What the rule says, worked out from the edits themselves.
  const latest = (field: string) => all.filter((c) => c.field === field).sort((x, y) => (x.hlc < y.hlc ? 1 : -1))[0];
  const lastEdit = all.filter((c) => c.field !== 'deleted').map((c) => c.hlc).sort().at(-1) ?? '';
  const deletion = latest('deleted');
  const deleted = !!deletion && deletion.value === true && deletion.hlc > lastEdit;
  expect(a.values.deleted ?? false).toBe(deleted);
  for (const field of ['title', 'tag:russia', 'note']) {
    if (latest(field)) expect(a.values[field]).toEqual(latest(field).value);
  }
});
