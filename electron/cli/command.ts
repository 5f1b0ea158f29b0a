// The shape of one CLI command. The command table (command-table.ts) is a list of these, and
// help, argument parsing and dispatch are all read from it: a command is described once.
import type { ApiMethod, ApiResult } from '../api.ts';
import type { EventBus } from '../handlers/event-bus.ts';
import type { Handlers } from '../handlers/handler-table.ts';
import type { Library } from '../library/open-library.ts';
import type { Io } from './io.ts';

/** A mistake in how the command was called: exit status 2, with a pointer to the help
 * (the command's own, when it is known). */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

export interface FlagSpec {
  name: string;
  /** switch: present or not. value: takes one (the last given wins). values: may repeat. */
  kind: 'switch' | 'value' | 'values';
  /** What the value is, as help shows it (N, DIR, FILE). */
  value?: string;
  /** The only values accepted, checked while parsing (when no Api method checks them). */
  choices?: readonly string[];
  /** A whole number, checked while parsing (when no Api method checks it). */
  whole?: boolean;
  help: string;
}

/** Every command takes these. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'library', kind: 'value', value: 'DIR', help: "The library folder (default: $CUTTINGS_LIBRARY, or the desktop app's own)" },
  { name: 'json', kind: 'switch', help: 'Machine-readable output' },
  { name: 'help', kind: 'switch', help: 'This help' },
];

/** Largest file an import reads (import, and the imports `serve` and `api` start). */
export const MAX_FILE_MB_FLAG: FlagSpec = { name: 'max-file-mb', kind: 'value', value: 'N', whole: true, help: 'Largest file to import, in megabytes (default 200)' };

/** A command's arguments after parsing. */
export interface CommandInput {
  positional: string[];
  /** The value of a flag (the last one given), or undefined. */
  value(name: string): string | undefined;
  /** Every value a repeatable flag was given, or undefined when it was not. */
  values(name: string): string[] | undefined;
  has(name: string): boolean;
  json: boolean;
}

export interface CommandContext {
  io: Io;
  input: CommandInput;
  /** --library, resolved, or the default library's folder (whether or not it is opened). */
  libraryDir: string;
}

export interface LibraryContext extends CommandContext {
  library: Library;
  events: EventBus;
  handlers: Handlers;
  /** Browser mode's session token (the handlers hand out download links with it). */
  token: string;
  /** An Api call through dispatch: the arguments are validated as they are for IPC and HTTP. */
  call<M extends ApiMethod>(method: M, args: unknown): Promise<ApiResult<M>>;
}

interface CommandBase {
  name: string;
  /** The positional arguments, as usage shows them ("ID TAG…"). */
  args: string;
  summary: string;
  flags: FlagSpec[];
}

/** A command that works without opening a library (extract; restore, which makes one). */
export interface PlainCommand extends CommandBase {
  library: 'none';
  run(ctx: CommandContext): Promise<number>;
}

/** A command on the open library. */
export interface LibraryCommand extends CommandBase {
  library: 'open';
  /** Serves the browser app: its handlers build download links with the session token. */
  browser?: boolean;
  run(ctx: LibraryContext): Promise<number>;
}

export type Command = PlainCommand | LibraryCommand;

/** "1 clip", "2 clips". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
