// Help text, written from the command table: what a command is called, takes and does is
// said once, where the command is defined.
import { GLOBAL_FLAGS, type Command, type FlagSpec } from './command.ts';

const COLUMN = 24;

function flagUsage(f: FlagSpec): string {
  const value = f.choices ? f.choices.join('|') : f.value;
  return value ? `--${f.name} ${value}` : `--${f.name}`;
}

function row(left: string, right: string): string {
  const l = `  ${left}`;
  return l.length < COLUMN ? l.padEnd(COLUMN) + right : `${l}\n${' '.repeat(COLUMN)}${right}`;
}

function usageLine(c: Command): string {
  return [c.name, c.args].filter(Boolean).join(' ');
}

export function overallHelp(commands: readonly Command[]): string {
  const lines = ['Cuttings — an offline library for news clippings.', '', 'Usage: cuttings <command> [options]', '', 'Commands:'];
  for (const c of commands) {
    lines.push(row(usageLine(c), c.summary));
    if (c.flags.length) lines.push(`${' '.repeat(COLUMN)}${c.flags.map(flagUsage).join('  ')}`);
  }
  lines.push('', 'Options (every command):');
  for (const f of GLOBAL_FLAGS) lines.push(row(flagUsage(f), f.help));
  lines.push('', 'Run `cuttings <command> --help` for what each option does.', '');
  return lines.join('\n');
}

export function commandHelp(c: Command): string {
  const lines = [`Usage: cuttings ${usageLine(c)} [options]`, '', c.summary, ''];
  if (c.flags.length) {
    lines.push('Options:');
    for (const f of c.flags) lines.push(row(flagUsage(f), f.help));
    lines.push('');
  }
  lines.push('Options (every command):');
  for (const f of GLOBAL_FLAGS) lines.push(row(flagUsage(f), f.help));
  lines.push('');
  return lines.join('\n');
}
