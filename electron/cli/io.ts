// Where the CLI's output goes. Text from articles is printed in a terminal, so it is made
// safe first; and output is often piped into `head` or `less`, which may close the pipe
// long before the command is done: that ends the output quietly, not with a stack trace.

export interface Io {
  /** One line on standard output. */
  out(line: string): void;
  /** Text on standard output as it is (a document that brings its own line ends). */
  write(text: string): void;
  /** One line on standard error (a line starting with \r rewrites the progress bar). */
  err(line: string): void;
  isTTY: boolean;
}

/** Text from articles is shown in a terminal: never let it send escape sequences. */
export function terminalSafe(s: string | null | undefined): string {
  return (s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

let stdoutClosed = false;
let stdoutFailed = false;
let listening = false;

/**
 * The reader of standard output went away (`cuttings list | head -1`): Node reports EPIPE
 * as an 'error' event, which without a listener is an uncaught exception. The reader asked
 * for no more, so the rest is dropped and the command ends as it would have (status 0).
 * Any other write error (a full disk under `> file`) is said once and fails the command.
 */
function watchOutput(): void {
  if (listening) return;
  listening = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (stdoutClosed || stdoutFailed) return;
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      stdoutClosed = true;
      return;
    }
    stdoutFailed = true;
    process.exitCode = 1;
    if (!process.stderr.destroyed) process.stderr.write(`cuttings: could not write the output (${e.code ?? e.message})\n`);
  });
  // Standard error piped and closed too (`2>&1 | head`): nothing left to tell.
  process.stderr.on('error', () => undefined);
}

const writable = () => !stdoutClosed && !stdoutFailed && !process.stdout.destroyed;

/** True when writing the output failed for a reason other than a closed pipe. */
export function outputFailed(): boolean {
  return stdoutFailed;
}

/** The process's own standard output and error. */
export function processIo(): Io {
  watchOutput();
  return {
    out: (line) => {
      if (writable()) process.stdout.write(line + '\n');
    },
    write: (text) => {
      if (writable()) process.stdout.write(text);
    },
    err: (line) => {
      if (!process.stderr.destroyed) process.stderr.write(line + (line.startsWith('\r') ? '' : '\n'));
    },
    isTTY: !!process.stderr.isTTY,
  };
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
