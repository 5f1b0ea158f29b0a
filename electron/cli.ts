// The `cuttings` command: the same library and the same Api handler table, from a terminal.
// This file is the wiring: parse against the command table (cli/command-table.ts), open the
// library when the command needs one, run it, and turn what went wrong into an exit status:
// 0 all went well, 1 some input failed, 2 usage error.
import crypto from 'node:crypto';
import path from 'node:path';
import type { ApiMethod, ApiResult } from './api.ts';
import { ApiCallError, dispatch } from './handlers/dispatch.ts';
import { EventBus } from './handlers/event-bus.ts';
import { createHandlers } from './handlers/handler-table.ts';
import { defaultLibraryDir } from './library/library-location.ts';
import { openLibrary, type Library } from './library/open-library.ts';
import { SAMPLES_DIR } from './project-paths.ts';
import { UsageError, type Command, type CommandContext } from './cli/command.ts';
import { COMMANDS, findCommand } from './cli/command-table.ts';
import { commandHelp, overallHelp } from './cli/help.ts';
import { outputFailed, processIo, terminalSafe, type Io } from './cli/io.ts';
import { commandInput, parseArgs, type ParsedArgs } from './cli/parse-args.ts';

export { terminalSafe } from './cli/io.ts';
export type { Io } from './cli/io.ts';

export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv, COMMANDS);
  } catch (e) {
    io.err(`cuttings: ${(e as Error).message}\n${helpPointer(findCommand((e as UsageError).command))}`);
    return 2;
  }
  const { command: name, flags } = parsed;
  if (name === undefined || name === 'help') {
    // `cuttings help search` is `cuttings search --help`.
    const about = name === 'help' ? findCommand(parsed.positional[0]) : undefined;
    const asked = flags.has('help') || name === 'help';
    (asked ? io.out : io.err)(about ? commandHelp(about) : overallHelp(COMMANDS));
    return asked ? 0 : 2;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`cuttings: unknown command "${terminalSafe(name)}"\n${helpPointer(undefined)}`);
    return 2;
  }
  if (flags.has('help')) {
    io.out(commandHelp(command));
    return 0;
  }
  const library = flags.get('library')?.at(-1);
  const ctx: CommandContext = { io, input: commandInput(parsed), libraryDir: library ? path.resolve(library) : defaultLibraryDir() };
  const code = await run(command, ctx);
  return code === 0 && outputFailed() ? 1 : code;
}

function helpPointer(command: Command | undefined): string {
  return `Run \`cuttings ${command ? `${command.name} ` : ''}--help\` for usage.`;
}

async function run(command: Command, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  let library: Library | null = null;
  let dispose = async () => {};
  try {
    if (command.library === 'none') return await command.run(ctx);
    try {
      library = openLibrary(ctx.libraryDir);
    } catch (e) {
      io.err(`cuttings: ${(e as Error).message}`);
      return 1;
    }
    const events = new EventBus();
    const maxMb = ctx.input.value('max-file-mb');
    // Browser mode's handlers know the session token, so they can hand out download URLs.
    const token = crypto.randomBytes(24).toString('base64url');
    const handlers = createHandlers({
      library, events, shell: command.browser ? 'browser' : 'cli', samplesDir: SAMPLES_DIR,
      originalUrl: command.browser ? (id) => `api/original/${id}?token=${encodeURIComponent(token)}` : undefined,
      reviewUrl: command.browser ? (jobId) => `api/review/${encodeURIComponent(jobId)}?token=${encodeURIComponent(token)}` : undefined,
      maxFileBytes: maxMb ? Number(maxMb) * 1024 * 1024 : undefined,
      // `serve` keeps a window's library in step with its team hub, as the desktop app does.
      backgroundSync: command.browser === true,
    });
    dispose = () => handlers.dispose();
    // Every Api call a command makes goes through dispatch, so it is validated exactly as a
    // call from the window or from browser mode is.
    const call = <M extends ApiMethod>(method: M, args: unknown) => dispatch(handlers.api, method, args) as Promise<ApiResult<M>>;
    return await command.run({ ...ctx, library, events, handlers, token, call });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cuttings: ${e.message}\n${helpPointer(command)}`);
      return 2;
    }
    // Arguments the Api's validation refused are a usage error too (`--limit 50000`).
    if (e instanceof ApiCallError && e.code === 'bad-request') {
      io.err(`cuttings: ${e.message}`);
      return 2;
    }
    // Anything else (no such clip, a library that cannot be written, an export with nothing
    // in it, a restore into a folder that is not empty) failed on its input: status 1.
    io.err(`cuttings: ${(e as Error).message}`);
    return 1;
  } finally {
    await dispose();
    library?.close();
  }
}
