// Closing a connection whose client may still be sending, without losing the answer.
//
// A body refused with 413 is usually still arriving when the answer goes out. Node closes a
// `Connection: close` socket as soon as the answer is written; the kernel then answers the
// client's next bytes (or those still unread) with a reset, and a client busy writing sees that
// reset (EPIPE, ECONNRESET) instead of the 413 waiting unread in its buffer: Node's own client
// does, and a browser's fetch may report "failed to fetch". So, as nginx and Apache do: send our
// side's close (FIN) after the answer, keep reading and dropping whatever still arrives, and
// close for good when the client closes its side, has sent nothing for a moment, or at the latest
// after a while. Memory stays flat: nothing read here is kept.
import type { Socket } from 'node:net';

/** Closes once the client has sent nothing for this long. */
const QUIET_MS = 2_000;
/** And at the latest after this, however much it sends. */
const LONGEST_MS = 30_000;

/**
 * Makes the close that follows this socket's current answer a lingering one. Node ends a
 * `Connection: close` answer by calling `socket.destroySoon()` (or `end()` when there is none,
 * see resOnFinish in node:_http_server); this replaces it on this one socket.
 */
export function lingerAfterAnswer(socket: Socket): void {
  socket.destroySoon = function lingeringClose(this: Socket): void {
    if (this.destroyed) return;
    this.end();
    const close = () => this.destroy();
    const longest = setTimeout(close, LONGEST_MS);
    longest.unref();
    this.setTimeout(QUIET_MS, close);
    this.once('end', close);
    this.once('close', () => clearTimeout(longest));
    // Nobody else may be reading any more: make sure the bytes keep being taken off the wire.
    this.resume();
  };
}
