// Caps on what the server holds open: event streams (16) and connections (64). Past a cap the
// client gets 503 and a sentence, and once some close the server serves as before.
// Loopback only; every loop is bounded and every socket is closed at the end of its test.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_CONNECTIONS, MAX_EVENT_STREAMS, tooManyConnectionsMessage, tooManyEventStreamsMessage,
} from '../../../electron/http/request-limits.ts';
import { openStream, rawRequest, startTestServer, type TestServer } from './test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries `attempt` (at most 100 times, 20 ms apart) until it is true: a close reaches the server a moment after the client makes it. */
async function eventually(attempt: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await attempt()) return true;
    await pause(20);
  }
  return false;
}

const eventsPath = () => `/api/events?token=${encodeURIComponent(t.server.token)}`;

describe('event streams', () => {
  it(`are capped at ${MAX_EVENT_STREAMS}: one more is answered 503 with a sentence, and a slot frees when a stream closes`, async () => {
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    try {
      for (let i = 0; i < MAX_EVENT_STREAMS; i++) streams.push(await openStream(t.server.port, eventsPath()));
      expect(streams.map((s) => s.status)).toEqual(Array(MAX_EVENT_STREAMS).fill(200));

      const over = await rawRequest(t.server.port, { path: eventsPath() });
      expect(over.status).toBe(503);
      expect(JSON.parse(over.body)).toEqual({ error: { code: 'internal', message: tooManyEventStreamsMessage(MAX_EVENT_STREAMS) } });
      // Api calls are not streams: they still answer.
      expect((await fetch(`${t.base}/api/libraryInfo`, { headers: t.auth })).status).toBe(200);

      // Every open stream still gets events.
      t.events.emit('library-changed', { reason: 'clips' });
      expect(await eventually(async () => streams.every((s) => s.body().includes('event: library-changed')))).toBe(true);

      streams.shift()!.close();
      expect(
        await eventually(async () => {
          const again = await openStream(t.server.port, eventsPath());
          if (again.status === 200) streams.push(again);
          else again.close();
          return again.status === 200;
        }),
      ).toBe(true);
    } finally {
      for (const s of streams) s.close();
    }
  });
});

describe('connections', () => {
  it(`are capped at ${MAX_CONNECTIONS}: a request on one more is answered 503 with a sentence and closed; then the server serves again`, async () => {
    // A server of its own, that nothing else has connected to: the count starts at zero.
    const fresh = await startTestServer();
    const idle: net.Socket[] = [];
    try {
      for (let i = 0; i < MAX_CONNECTIONS; i++) {
        idle.push(await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(fresh.server.port, '127.0.0.1', () => resolve(s));
          s.on('error', reject);
        }));
      }
      const over = await rawRequest(fresh.server.port, { path: '/api/libraryInfo', headers: fresh.auth });
      expect(over.status).toBe(503);
      expect(over.headers.connection).toBe('close');
      expect(JSON.parse(over.body)).toEqual({ error: { code: 'internal', message: tooManyConnectionsMessage(MAX_CONNECTIONS) } });
      // The last connection within the cap is served as usual.
      const last = idle[MAX_CONNECTIONS - 1];
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        last.on('data', (d) => (text += d));
        last.on('end', () => resolve(text));
        last.write(`GET /api/libraryInfo HTTP/1.1\r\nHost: 127.0.0.1:${fresh.server.port}\r\n${`Authorization: ${fresh.auth.authorization}`}\r\nConnection: close\r\n\r\n`);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      for (const s of idle) s.destroy();
    }
    try {
      expect(await eventually(async () => (await rawRequest(fresh.server.port, { path: '/api/libraryInfo', headers: fresh.auth })).status === 200)).toBe(true);
    } finally {
      await fresh.stop();
    }
  });
});
