// `cuttings hub` as a person runs it, in processes of its own: add members, serve, stop.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MemberInfo, PullResponse } from '../../../electron/sync/protocol.ts';
import { runCli, stopAll, waitFor } from '../../helpers/cli-process.ts';
import { freePort, startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { at, call, change, push } from './hub-client.ts';

let postgres: TestPostgres;
let databaseUrl: string;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = postgres.createDatabase('cli');
});

afterAll(async () => {
  await stopAll();
  postgres?.remove();
});

test('add-member prints a token once, and the hub it serves takes it', async () => {
  const added = runCli(['hub', 'add-member', 'Ana Reporter', '--database', databaseUrl]);
  expect((await added.exited).code).toBe(0);
  const token = added.stdout().trim();
  expect(token).toMatch(/^\S{20,}$/);
  expect(added.stderr()).toContain('shown this once');
  const reader = runCli(['hub', 'add-member', 'Rita', '--read-only', '--database', databaseUrl]);
  expect((await reader.exited).code).toBe(0);
  const readerToken = reader.stdout().trim();

  const listed = runCli(['hub', 'members', '--database', databaseUrl]);
  expect((await listed.exited).code).toBe(0);
  expect(listed.stdout()).toMatch(/Ana Reporter\s+editor/);
  expect(listed.stdout()).toMatch(/Rita\s+read-only/);

  const port = await freePort();
  const hub = runCli(['hub', '--database', databaseUrl, '--port', String(port)]);
  await waitFor(() => hub.stdout().includes('\n') || hub.child.exitCode !== null, 'the hub to say it is ready', 60_000);
  expect(hub.stdout()).toBe(`Cuttings hub at http://127.0.0.1:${port}/\n`);
  const base = `http://127.0.0.1:${port}/`;
  const who = await call<MemberInfo>(base, token, 'GET', '/v1/whoami');
  expect(who.status).toBe(200);
  expect(who.body).toMatchObject({ member: 'Ana Reporter', role: 'editor' });
  const refused = await call(base, readerToken, 'POST', '/v1/changes', { library: 'l', changes: [change('clip', 'k', 'title', 'T', at(1))] });
  expect(refused.status).toBe(403);

  hub.child.kill('SIGTERM');
  expect((await hub.exited).code).toBe(0);
});

test('a name used twice is refused, and so is an unreachable database or a bad URL, with exit status 1', async () => {
  const twice = runCli(['hub', 'add-member', 'ana reporter', '--database', databaseUrl]);
  expect((await twice.exited).code).toBe(1);
  expect(twice.stderr()).toContain('already a member');

  const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/cuttings`;
  const unreachable = runCli(['hub', '--database', nowhere]);
  expect((await unreachable.exited).code).toBe(1);
  expect(unreachable.stderr()).toContain("cannot reach the hub's database");
  expect(unreachable.stdout()).toBe('');

  const bad = runCli(['hub', 'members', '--database', 'localhost/cuttings']);
  expect((await bad.exited).code).toBe(1);
  expect(bad.stderr()).toContain('is not a database URL');
});

test('remove-member: the token stops working, what was shared stays, what was private goes with them', async () => {
  const database = postgres.createDatabase('cli_remove');
  const addAs = async (name: string) => {
    const added = runCli(['hub', 'add-member', name, '--database', database]);
    expect((await added.exited).code).toBe(0);
    return added.stdout().trim();
  };
  const leaving = await addAs('Leo Stringer');
  const staying = await addAs('Ana Reporter');
  const port = await freePort();
  const hub = runCli(['hub', '--database', database, '--port', String(port)]);
  await waitFor(() => hub.stdout().includes('\n') || hub.child.exitCode !== null, 'the hub to say it is ready', 60_000);
  const base = `http://127.0.0.1:${port}/`;
  await push(base, leaving, [
    change('clip', 'k1', 'title', 'Shared by Leo', at(1)),
    change('clip', 'k1', 'note', 'my source, do not share', at(2), { private: true }),
  ]);

  const removed = runCli(['hub', 'remove-member', 'leo stringer', '--database', database]);
  expect((await removed.exited).code).toBe(0);
  expect(removed.stdout()).toContain('Removed Leo Stringer: their token no longer works');
  expect(removed.stdout()).toContain('private notes and highlights (1 value)');
  expect((await call(base, leaving, 'GET', '/v1/whoami')).status).toBe(401);
  const listed = runCli(['hub', 'members', '--database', database]);
  await listed.exited;
  expect(listed.stdout()).not.toContain('Leo');

  // The team keeps Leo's shared title; a new member given his name never reads his private note.
  const seen = async (token: string) => (await call<PullResponse>(base, token, 'GET', '/v1/changes?since=0')).body.changes.map((c) => `${c.field}=${String(c.value)}`);
  expect(await seen(staying)).toEqual(['title=Shared by Leo']);
  expect(await seen(await addAs('Leo Stringer'))).toEqual(['title=Shared by Leo']);

  const unknown = runCli(['hub', 'remove-member', 'Nobody', '--database', database]);
  expect((await unknown.exited).code).toBe(1);
  expect(unknown.stderr()).toContain('no member called "Nobody"');
  hub.child.kill('SIGTERM');
  await hub.exited;
});
