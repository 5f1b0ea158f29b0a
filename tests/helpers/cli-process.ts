// The `cuttings` command run as a real process of its own (bin/cuttings.mjs), as a person or a
// script runs it: for tests of several processes sharing one library.
import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './temp-library.ts';

export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when it has exited (killed or not), with its exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Kills what is still running (a test that failed half way leaves no import or server behind). */
export async function stopAll(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('close', resolve)))));
}

export function runCli(args: string[], options: Pick<SpawnOptions, 'uid' | 'gid' | 'env'> = {}): CliRun {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cuttings.mjs'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    uid: options.uid,
    gid: options.gid,
  }) as ChildProcessWithoutNullStreams;
  running.add(child);
  child.on('close', () => running.delete(child));
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close': the process has exited (and been reaped) and its output is all read.
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until `test` holds, polling every `everyMs`; fails after `timeoutMs`. */
export async function waitFor(test: () => boolean, what: string, timeoutMs = 120_000, everyMs = 20): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
