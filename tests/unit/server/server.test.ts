// Browser mode's HTTP server: the token is enforced, the Api answers, and nothing but the
// loopback interface can reach it.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { startServer, type RunningServer } from '../../../electron/server.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';

let lib: ReturnType<typeof tempLibrary>;
let handlers: Handlers;
let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  lib = tempLibrary();
  insertClip(lib.db, {
    title: 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’', source: 'guardian.ng', author: 'AFP', publishedAt: '2019-09-20T15:17',
    bodyText: 'Venezuelan President Nicolas Maduro will visit Russia soon, the Kremlin said Friday.', bodyHtml: '<p>x</p>', contentHash: 'seed',
  });
  const events = new EventBus();
  handlers = createHandlers({ library: lib, events, shell: 'browser', samplesDir: '/nonexistent' });
  staticDir = tempDir('cuttings-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cuttings</title>');
  server = await startServer({ handlers, events, library: lib, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await handlers.dispose();
  lib.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server.port}`;
const auth = () => ({ authorization: `Bearer ${server.token}` });

describe('browser-mode server', () => {
  it('prints a URL on 127.0.0.1 that carries the session token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`));
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses /api without the token, or with a wrong one, with 401', async () => {
    const none = await fetch(`${base()}/api/search?q=maduro`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthorized');
    expect((await fetch(`${base()}/api/search?q=maduro`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${base()}/api/libraryInfo?token=${server.token}x`)).status).toBe(401);
    expect((await fetch(`${base()}/api/listClips`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('answers GET /api/search with total, tookMs and hits (Bearer token)', async () => {
    const res = await fetch(`${base()}/api/search?q=maduro&limit=10`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(typeof body.tookMs).toBe('number');
    expect(Object.keys(body.hits[0])).toEqual(expect.arrayContaining(['id', 'title', 'source', 'author', 'publishedAt', 'snippet']));
    expect(body.hits[0]).toMatchObject({ source: 'guardian.ng', author: 'AFP', publishedAt: '2019-09-20T15:17' });
  });

  it('answers POST with JSON arguments', async () => {
    const res = await fetch(`${base()}/api/tagClips`, { method: 'POST', headers: auth(), body: JSON.stringify({ ids: [1], tags: ['venezuela'] }) });
    expect(res.status).toBe(200);
    const tags = await (await fetch(`${base()}/api/listTags`, { headers: auth() })).json();
    expect(tags).toMatchObject([{ name: 'venezuela', count: 1 }]);
  });

  it('takes the token in the query string only on events and downloads; Api calls need the header', async () => {
    const q = `token=${encodeURIComponent(server.token)}`;
    // Api calls, by GET or POST: a right token in the address is refused, and the answer says where it goes.
    for (const res of [
      await fetch(`${base()}/api/libraryInfo?${q}`),
      await fetch(`${base()}/api/listTags?${q}`, { method: 'POST', body: '{}' }),
      await fetch(`${base()}/api/search?q=maduro&${q}`),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error).toEqual({
        code: 'unauthorized',
        message: 'Api calls take the session token in the Authorization header (Bearer …), not in the address; only event streams and downloads take ?token=.',
      });
    }
    // A wrong header is not rescued by a right query token.
    expect((await fetch(`${base()}/api/original/1?${q}`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    // The scheme is case-insensitive (RFC 9110), and a stray ?token= beside a right header is not an argument.
    expect((await fetch(`${base()}/api/libraryInfo?${q}`, { headers: { authorization: `bearer ${server.token}` } })).status).toBe(200);
    // Where a browser cannot send a header: EventSource and download links.
    const events = new AbortController();
    const stream = await fetch(`${base()}/api/events?${q}`, { signal: events.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    events.abort();
    // The seed clip has no stored original: 404 means the token was accepted.
    const original = await fetch(`${base()}/api/original/1?${q}`);
    expect(original.status).toBe(404);
    expect((await original.json()).error.message).toBe('The original file of this clip is missing from the library folder.');
    // GET /api/export, a download, is one of them too: the token is accepted and the export made.
    const exported = await fetch(`${base()}/api/export?format=csv&${q}`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="Cuttings export \d{4}-\d{2}-\d{2}\.csv"/);
    expect(await exported.text()).toMatch(/Maduro/);
    const unknown = await fetch(`${base()}/api/export?format=pdf&${q}`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/Unknown export format "pdf"/);
    // Without any token, still 401 everywhere.
    for (const route of ['events', 'original/1', 'export']) expect((await fetch(`${base()}/api/${route}`)).status).toBe(401);
  });

  it('rejects bad arguments with 400 and a readable message, unknown methods with 404', async () => {
    const bad = await fetch(`${base()}/api/getClip?id=abc`, { headers: auth() });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/id must be a whole number/);
    const extra = await fetch(`${base()}/api/getClip`, { method: 'POST', headers: auth(), body: JSON.stringify({ id: 1, evil: true }) });
    expect(extra.status).toBe(400);
    expect((await fetch(`${base()}/api/dropTables`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${base()}/api/getClip?id=42`, { headers: auth() })).status).toBe(404);
  });

  it('turns away requests addressed to another host name (DNS rebinding)', async () => {
    const res = await new Promise<string>((resolve) => {
      const s = net.connect(server.port, '127.0.0.1', () => {
        s.write(`GET /api/libraryInfo HTTP/1.1\r\nHost: evil.example:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nConnection: close\r\n\r\n`);
      });
      let buf = '';
      s.on('data', (d) => (buf += d));
      s.on('end', () => resolve(buf));
    });
    expect(res).toMatch(/^HTTP\/1\.1 421/);
  });

  it('serves the interface with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it('cannot be reached on any interface other than loopback', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === 'IPv4')
      .map((i) => i.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ port: server.port, host: address, timeout: 2000 });
        s.on('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        s.on('timeout', () => {
          s.destroy();
          resolve('timeout');
        });
      });
      expect(outcome, `reachable on ${address}`).not.toBe('connected');
    }
    // And the socket itself is bound to the loopback address only.
    const listening = await new Promise<string>((resolve) => {
      const s = net.connect(server.port, '127.0.0.1', () => {
        resolve(s.remoteAddress ?? '');
        s.destroy();
      });
    });
    expect(listening).toBe('127.0.0.1');
  });

  it('refuses importPaths over HTTP, by POST or GET: a page can only upload what the user chose', async () => {
    const secret = path.join(staticDir, 'not-for-the-page.txt');
    fs.writeFileSync(secret, 'Private notes: a paragraph this page must never get into the library.\n\nAnd a second one, so it reads as an article.');
    const clips = async () => (await (await fetch(`${base()}/api/libraryInfo`, { headers: auth() })).json()).clipCount as number;
    const before = await clips();
    const posted = await fetch(`${base()}/api/importPaths`, { method: 'POST', headers: auth(), body: JSON.stringify({ paths: [secret] }) });
    const got = await fetch(`${base()}/api/importPaths?paths=${encodeURIComponent(secret)}`, { headers: auth() });
    for (const res of [posted, got]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'bad-request', message: 'Browser mode imports files you drop or choose in the window; it does not read paths from this machine.' },
      });
    }
    // Nothing was started: no job, no clip.
    expect(handlers.activeImports()).toEqual([]);
    expect(await clips()).toBe(before);
  });

  it('still imports what the window uploads (importUploads)', async () => {
    const text = 'Grain corridor reopens\n\nShips left Odesa on Monday, port officials said, the first in a month.\n\nMore are expected this week.';
    const res = await fetch(`${base()}/api/importUploads`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ files: [{ name: 'grain.txt', dataBase64: Buffer.from(text).toString('base64') }] }),
    });
    expect(res.status).toBe(200);
    const { jobId } = (await res.json()) as { jobId: string };
    const summary = await handlers.waitForImport(jobId);
    expect(summary.added).toBe(1);
    const result = await (await fetch(`${base()}/api/importResult?jobId=${encodeURIComponent(jobId)}`, { headers: auth() })).json();
    expect(result).toMatchObject({ added: 1 });
  });
});
