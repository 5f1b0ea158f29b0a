// The `cuttings` command run in the test's own process on one library, its output collected:
// for tests of what a command prints and the status it ends with.
import { runCli, type Io } from '../../electron/cli.ts';

export interface CliOutcome {
  status: number;
  out: string;
  err: string;
}

/** A `cuttings …` that always works on `library` (--library is added to every call). */
export function cliOn(library: string): (...args: string[]) => Promise<CliOutcome> {
  return async (...args) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (l) => out.push(l + '\n'), write: (t) => out.push(t), err: (l) => err.push(l + '\n'), isTTY: false };
    const status = await runCli([...args, '--library', library], io);
    return { status, out: out.join(''), err: err.join('') };
  };
}
