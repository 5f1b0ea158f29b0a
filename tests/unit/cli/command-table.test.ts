// The CLI's one command table: help, the known commands, flag parsing and dispatch all come
// from it, so a command or flag added there is everywhere at once, and nowhere else.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type Io } from '../../../electron/cli.ts';
import { GLOBAL_FLAGS, UsageError } from '../../../electron/cli/command.ts';
import { COMMANDS } from '../../../electron/cli/command-table.ts';
import { commandHelp, overallHelp } from '../../../electron/cli/help.ts';
import { parseArgs } from '../../../electron/cli/parse-args.ts';
import { tempDir } from '../../helpers/temp-library.ts';

const work = tempDir('cuttings-cli-table-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function recordingIo(): Io & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (l) => out.push(l + '\n'),
    write: (t) => out.push(t),
    err: (l) => err.push(l + '\n'),
    isTTY: false,
    outText: () => out.join(''),
    errText: () => err.join(''),
  };
}

const usageMessage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('the command table', () => {
  it('holds every command the README documents, once each', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['import', 'extract', 'search', 'list', 'show', 'tag', 'untag', 'tags', 'timeline', 'export', 'backup', 'restore', 'serve', 'api']) {
      expect(names).toContain(n);
    }
  });

  it('gives a flag name one kind wherever it appears, and never redefines a global flag', () => {
    const kinds = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const f of c.flags) {
        expect(GLOBAL_FLAGS.some((g) => g.name === f.name), `${c.name} --${f.name}`).toBe(false);
        // The choices may differ by command (`export --format json…`, `review --format pdf…`):
        // once the command is known its own flags are the ones read.
        const kind = `${f.kind} ${f.whole ?? ''}`;
        expect(kinds.get(f.name) ?? kind, `--${f.name}`).toBe(kind);
        kinds.set(f.name, kind);
      }
    }
  });

  it('writes the help from the table: every command, its arguments, summary and flags', () => {
    const help = overallHelp(COMMANDS);
    for (const c of COMMANDS) {
      expect(help).toContain(`  ${[c.name, c.args].filter(Boolean).join(' ')}`);
      expect(help).toContain(c.summary);
      const own = commandHelp(c);
      expect(own).toContain(`Usage: cuttings ${c.name}`);
      for (const f of [...c.flags, ...GLOBAL_FLAGS]) {
        expect(own).toContain(`--${f.name}`);
        expect(own).toContain(f.help);
      }
    }
  });

  it('parses each command\'s own flags and refuses another command\'s', () => {
    for (const c of COMMANDS) {
      for (const f of c.flags) {
        const value = f.kind === 'switch' ? [] : [f.choices?.[0] ?? '1'];
        const parsed = parseArgs([c.name, `--${f.name}`, ...value, 'x'], COMMANDS);
        expect(parsed.command).toBe(c.name);
        expect(parsed.flags.has(f.name)).toBe(true);
        expect(parsed.positional).toEqual(['x']);
        for (const other of COMMANDS.filter((o) => !o.flags.some((g) => g.name === f.name))) {
          expect(usageMessage(() => parseArgs([other.name, `--${f.name}`, ...value], COMMANDS))).toBe(`${other.name} has no option --${f.name}`);
        }
      }
    }
  });

  it('takes flags before the command, repeats a repeatable flag, and checks choices and numbers', () => {
    const p = parseArgs(['--library', 'L', 'list', '--tag', 'a', '--tag=b', '--limit', '5', '--limit', '7'], COMMANDS);
    expect(p.command).toBe('list');
    expect(p.flags.get('library')).toEqual(['L']);
    expect(p.flags.get('tag')).toEqual(['a', 'b']);
    expect(p.flags.get('limit')).toEqual(['7']);
    expect(parseArgs(['search', '--', '--not-a-flag'], COMMANDS).positional).toEqual(['--not-a-flag']);
    expect(parseArgs(['search', 'oil', '-tag:x'], COMMANDS).positional).toEqual(['oil', '-tag:x']);
    expect(usageMessage(() => parseArgs(['export', '--format', 'pdf'], COMMANDS))).toBe('--format must be one of json, markdown, html, csv, csl-json, ris, bibtex, highlights');
    expect(usageMessage(() => parseArgs(['serve', '--port', 'eighty'], COMMANDS))).toBe('--port must be a whole number');
    expect(usageMessage(() => parseArgs(['list', '--limit'], COMMANDS))).toBe('--limit needs a value');
    expect(usageMessage(() => parseArgs(['--bogus', 'list'], COMMANDS))).toBe('unknown option --bogus');
  });
});

describe('runCli over the table', () => {
  it('prints the overall help for --help and `help`, a command\'s own for `CMD --help` and `help CMD`', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const io = recordingIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(io.outText()).toMatch(/^Cuttings — /);
    }
    for (const argv of [['timeline', '--help'], ['help', 'timeline']]) {
      const io = recordingIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(io.outText()).toMatch(/^Usage: cuttings timeline \[options\]/);
      expect(io.outText()).toMatch(/--by year\|month\|day\s+The period/);
    }
    const none = recordingIo();
    expect(await runCli([], none)).toBe(2);
    expect(none.errText()).toMatch(/Usage: cuttings <command>/);
  });

  it('says an unknown command is unknown, without opening a library', async () => {
    const dir = path.join(work, 'never-made');
    const io = recordingIo();
    expect(await runCli(['--library', dir, 'frobnicate'], io)).toBe(2);
    expect(io.errText()).toMatch(/unknown command "frobnicate"/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('sends every Api call through validation, so the CLI cannot pass what the window cannot', async () => {
    const dir = path.join(work, 'library');
    const cases: [string[], RegExp][] = [
      [['search', 'oil', '--limit', '50000'], /limit must be between 0 and 10000/],
      [['list', '--offset', '-1'], /offset must be between 0 and/],
      [['list', '--sort', 'sideways'], /sort must be one of/],
      [['show', '0'], /id must be between 1 and/],
      [['tag', 'seven', 'x'], /id must be a whole number/],
      [['timeline', '--from', 'last week'], /from must be a date/],
    ];
    for (const [argv, message] of cases) {
      const io = recordingIo();
      expect(await runCli(['--library', dir, ...argv], io), argv.join(' ')).toBe(2);
      expect(io.errText()).toMatch(message);
    }
  });
});
