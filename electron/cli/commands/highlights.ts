// `cuttings highlight ID --quote "exact words" [--note N] [--colour C]` marks a passage of a
// clip by its words, as a selection in the reader does; `cuttings highlights ID` lists them.
import { HIGHLIGHT_COLOURS, type Highlight } from '../../api.ts';
import { UsageError, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function describe(h: Highlight): string {
  const place = h.position ? `characters ${h.position.start}–${h.position.end}` : 'detached: its words are no longer in the text';
  const lines = [`  [${h.id}] ${h.colour}, ${place}`, `      “${terminalSafe(oneLine(h.quote.exact))}”`];
  if (h.note) lines.push(`      Note: ${terminalSafe(oneLine(h.note))}`);
  return lines.join('\n');
}

export const highlightCommand: LibraryCommand = {
  name: 'highlight',
  args: 'ID',
  summary: 'Highlight a passage of a clip by its exact words',
  library: 'open',
  flags: [
    { name: 'quote', kind: 'value', value: 'TEXT', help: 'The exact words to highlight (spaces and quote marks need not match)' },
    { name: 'note', kind: 'value', value: 'TEXT', help: 'A note on the passage' },
    { name: 'colour', kind: 'value', choices: HIGHLIGHT_COLOURS, help: 'The colour (default yellow)' },
  ],
  async run({ io, input, call }) {
    const [id, ...rest] = input.positional;
    if (id === undefined) throw new UsageError('highlight needs a clip number (see `cuttings list`) and --quote "the exact words"');
    if (rest.length) throw new UsageError('highlight takes one clip number; give the words with --quote "…"');
    const quote = input.value('quote');
    if (!quote?.trim()) throw new UsageError('highlight needs the words to mark: --quote "the exact words"');
    const h = await call('addHighlight', { clipId: id, exact: quote, note: input.value('note'), colour: input.value('colour') });
    if (input.json) printJson(io, h);
    else io.out(`Highlighted in #${h.clipId}:\n${describe(h)}`);
    return 0;
  },
};

export const highlightsCommand: LibraryCommand = {
  name: 'highlights',
  args: 'ID',
  summary: "List a clip's highlights and their notes",
  library: 'open',
  flags: [],
  async run({ io, input, call }) {
    const [id, ...rest] = input.positional;
    if (id === undefined || rest.length) throw new UsageError('highlights needs one clip number (see `cuttings list`)');
    const list = await call('listHighlights', { clipId: id });
    if (input.json) printJson(io, list);
    else if (!list.length) io.out(`#${id} has no highlights.`);
    else io.out(`${list.length} ${list.length === 1 ? 'highlight' : 'highlights'} in #${id}:\n${list.map(describe).join('\n')}`);
    return 0;
  },
};
