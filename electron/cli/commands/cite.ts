// `cuttings cite ID [ID…] --style apa|chicago|mla`: the clips' citations, one a line, as the
// window's "Copy citation" makes them (the Api's citeClips). With --json, the text and the HTML.
import { CITATION_STYLES } from '../../api.ts';
import { UsageError, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

export const citeCommand: LibraryCommand = {
  name: 'cite',
  args: 'ID [ID…]',
  summary: 'Cite clips in APA, Chicago (notes and bibliography) or MLA (9th edition)',
  library: 'open',
  flags: [{ name: 'style', kind: 'value', choices: CITATION_STYLES, help: 'The citation style (default apa)' }],
  async run({ io, input, call }) {
    if (input.positional.length === 0) throw new UsageError('cite needs one or more clip numbers (see `cuttings list`)', 'cite');
    // The ids go to the Api as typed: its validation says which one is not a clip number.
    const cited = await call('citeClips', { ids: input.positional, style: input.value('style') ?? 'apa' });
    if (input.json) printJson(io, cited);
    else for (const line of cited.text.split('\n')) io.out(terminalSafe(line));
    return 0;
  },
};
