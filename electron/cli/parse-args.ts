// argv → command name, positional arguments and flags, read against the command table: a
// flag is known because a command (or every command) declares it, with its kind.
import { GLOBAL_FLAGS, UsageError, type Command, type CommandInput, type FlagSpec } from './command.ts';

export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string[]>;
}

/**
 * Flags may come before the command (`cuttings --library DIR list`), so a flag seen before
 * it is looked up among every command's flags (a name has one kind in the whole table, which
 * a test checks); once the command is known, each flag given must be one it takes.
 */
export function parseArgs(argv: string[], commands: readonly Command[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  let command: string | undefined;
  const specOf = (name: string): FlagSpec | undefined => {
    const own = commands.find((c) => c.name === command);
    return (
      GLOBAL_FLAGS.find((f) => f.name === name) ??
      (own ? own.flags.find((f) => f.name === name) : commands.flatMap((c) => c.flags).find((f) => f.name === name))
    );
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const spec = specOf(name);
      if (!spec) {
        const known = commands.some((c) => c.name === command);
        throw new UsageError(known ? `${command} has no option --${name}` : `unknown option --${name}`, known ? command : undefined);
      }
      if (spec.kind === 'switch') {
        flags.set(name, ['true']);
      } else {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`, command);
        checkValue(spec, value, command);
        flags.set(name, spec.kind === 'values' ? [...(flags.get(name) ?? []), value] : [value]);
      }
      continue;
    }
    if (command === undefined && a === '-h') {
      flags.set('help', ['true']);
      continue;
    }
    if (command === undefined) command = a;
    else positional.push(a);
  }
  const own = commands.find((c) => c.name === command);
  if (own) {
    for (const name of flags.keys()) {
      if (!GLOBAL_FLAGS.some((f) => f.name === name) && !own.flags.some((f) => f.name === name)) {
        throw new UsageError(`${own.name} has no option --${name}`, own.name);
      }
    }
  }
  return { command, positional, flags };
}

function checkValue(spec: FlagSpec, value: string, command: string | undefined): void {
  if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`--${spec.name} must be one of ${spec.choices.join(', ')}`, command);
  if (spec.whole && !/^\d+$/.test(value)) throw new UsageError(`--${spec.name} must be a whole number`, command);
}

export function commandInput(parsed: ParsedArgs): CommandInput {
  return {
    positional: parsed.positional,
    value: (name) => parsed.flags.get(name)?.at(-1),
    values: (name) => parsed.flags.get(name),
    has: (name) => parsed.flags.has(name),
    json: parsed.flags.has('json'),
  };
}
