// Caps on what the browser-mode server holds open: connections (idle keep-alive ones included)
// and event streams (each holds its connection for as long as the window is open). Past a cap
// the client gets a 503 with a sentence, not a reset connection or an ever-growing server.
import type http from 'node:http';
import type { Socket } from 'node:net';

/** How long a connection over the cap may wait to send its request before it is closed. */
const OVER_CAP_IDLE_MS = 10_000;

/**
 * Counts the server's open sockets. A socket that arrives while `max` are open is still
 * accepted, so that its first request can be answered 503 with a reason, and then closed
 * (`isOverCap`); one that sends nothing is closed after a short wait.
 */
export function capConnections(server: http.Server, max: number): { isOverCap(socket: Socket): boolean; open(): number } {
  let open = 0;
  const overCap = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    open++;
    socket.once('close', () => open--);
    if (open > max) {
      overCap.add(socket);
      socket.setTimeout(OVER_CAP_IDLE_MS, () => socket.destroy());
    }
  });
  return { isOverCap: (socket) => overCap.has(socket), open: () => open };
}

/** A fixed number of slots: take one per event stream, give it back when the stream closes. */
export class Slots {
  private used = 0;
  constructor(readonly max: number) {}
  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }
  release(): void {
    if (this.used > 0) this.used--;
  }
  inUse(): number {
    return this.used;
  }
}
