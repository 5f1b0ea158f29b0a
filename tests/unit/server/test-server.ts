// A browser-mode server on a real temporary library, and a plain node:http client for the
// tests that need what fetch hides (chunked bodies, cut connections, raw sockets).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../../electron/server.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';

export interface TestServer {
  server: RunningServer;
  lib: ReturnType<typeof tempLibrary>;
  handlers: Handlers;
  events: EventBus;
  staticDir: string;
  base: string;
  auth: { authorization: string };
  stop(): Promise<void>;
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const lib = tempLibrary();
  const events = new EventBus();
  const handlers = createHandlers({ library: lib, events, shell: 'browser', samplesDir: '/nonexistent' });
  const staticDir = tempDir('cuttings-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cuttings</title>');
  const server = await startServer({ handlers, events, library: lib, staticDir, port: 0, ...options });
  return {
    server, lib, handlers, events, staticDir,
    base: `http://127.0.0.1:${server.port}`,
    auth: { authorization: `Bearer ${server.token}` },
    async stop() {
      await server.close();
      await handlers.dispose();
      lib.cleanup();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body ended early: the connection was cut after the headers. */
  aborted: boolean;
}

/**
 * One request on a connection of its own (no pooling). `write` sends the body; without a
 * Content-Length header node:http sends it chunked. Errors while sending are ignored once an
 * answer has begun: the server may answer (413) and close while the body is still going out.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; write?: (req: http.ClientRequest) => void },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      let aborted = false;
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, aborted: aborted || !res.complete }));
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (options.write) options.write(req);
    else req.end();
  });
}

/** A GET whose answer stays open (an event stream): resolves with the status once the headers arrive. */
export function openStream(port: number, path: string): Promise<{ status: number; body: () => string; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('error', () => {});
      resolve({ status: res.statusCode ?? 0, body: () => body, close: () => req.destroy() });
    });
    req.on('error', (e) => reject(e));
  });
}
