// Commands that read the library: search, list, show, tags, timeline. Each builds its Api
// call's arguments from the command line as they came (numbers still text) and lets the Api's
// validation judge them, as it does for the window and browser mode.
import { UsageError, plural, type FlagSpec, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';
import { clipLine, printClip, printSearch, printTimeline } from '../print.ts';

const TAG_FLAG: FlagSpec = { name: 'tag', kind: 'values', value: 'TAG', help: 'Only clips with this tag (may be repeated)' };

export const searchCommand: LibraryCommand = {
  name: 'search',
  args: 'QUERY…',
  summary: 'Search the library (typo-tolerant; "phrases", -words, OR; tag:, source:, author:, year:, before:, after:, is:starred)',
  library: 'open',
  flags: [{ name: 'limit', kind: 'value', value: 'N', help: 'At most N hits (default 20, at most 10000)' }, TAG_FLAG],
  async run({ io, input, call }) {
    const q = input.positional.join(' ');
    if (!q.trim()) throw new UsageError('search needs a query');
    const r = await call('search', { q, limit: input.value('limit') ?? 20, tags: input.values('tag') });
    if (input.json) printJson(io, r);
    else printSearch(r, io);
    return 0;
  },
};

export const listCommand: LibraryCommand = {
  name: 'list',
  args: '',
  summary: 'List clips, newest first',
  library: 'open',
  flags: [
    { name: 'sort', kind: 'value', value: 'newest|oldest|imported|title', help: 'The order (default newest)' },
    { name: 'limit', kind: 'value', value: 'N', help: 'At most N clips (default 50, at most 10000)' },
    { name: 'offset', kind: 'value', value: 'N', help: 'Skip the first N' },
    TAG_FLAG,
  ],
  async run({ io, input, call }) {
    const page = await call('listClips', { limit: input.value('limit') ?? 50, offset: input.value('offset'), sort: input.value('sort'), tags: input.values('tag') });
    if (input.json) printJson(io, page);
    else {
      io.out(plural(page.total, 'clip'));
      for (const c of page.clips) io.out(clipLine(c));
    }
    return 0;
  },
};

export const showCommand: LibraryCommand = {
  name: 'show',
  args: 'ID',
  summary: 'Show one clip in full',
  library: 'open',
  flags: [],
  async run({ io, input, call }) {
    if (input.positional.length === 0) throw new UsageError('show needs a clip number (see `cuttings list`)');
    const clip = await call('getClip', { id: input.positional[0] });
    if (input.json) printJson(io, clip);
    else printClip(clip, io);
    return 0;
  },
};

export const tagsCommand: LibraryCommand = {
  name: 'tags',
  args: '',
  summary: 'List tags with their counts',
  library: 'open',
  flags: [],
  async run({ io, input, call }) {
    const tags = await call('listTags', {});
    if (input.json) printJson(io, tags);
    else for (const t of tags) io.out(`${String(t.count).padStart(6)}  ${terminalSafe(t.name)}`);
    return 0;
  },
};

export const timelineCommand: LibraryCommand = {
  name: 'timeline',
  args: '',
  summary: 'Clips per period of publication',
  library: 'open',
  flags: [
    { name: 'by', kind: 'value', value: 'year|month|day', help: 'The period (default year)' },
    { name: 'from', kind: 'value', value: 'DATE', help: 'From this date (2019, 2019-09 or 2019-09-20)' },
    { name: 'to', kind: 'value', value: 'DATE', help: 'Up to this date' },
  ],
  async run({ io, input, call }) {
    const t = await call('timeline', { granularity: input.value('by') ?? 'year', from: input.value('from'), to: input.value('to') });
    if (input.json) printJson(io, t);
    else printTimeline(t, io);
    return 0;
  },
};
