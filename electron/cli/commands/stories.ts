// `cuttings stories`: the stories told by several outlets (or pages saved as they changed), the
// most versions first; `stories ID` lists one story's versions; `stories diff A B` prints what
// changed from clip A to clip B, wdiff-style ([-removed-] {+added+}).
import type { Story, StoryVersion } from '../../api.ts';
import { UsageError, plural, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

function storyHead(s: Story): string {
  const what = s.kind === 'page' ? `page changed · ${plural(s.versions.length, 'version')}` : s.outlets === s.versions.length ? plural(s.outlets, 'outlet') : `${plural(s.versions.length, 'version')} · ${plural(s.outlets, 'outlet')}`;
  return `${terminalSafe(s.title)}  (${what})`;
}

function versionLine(v: StoryVersion, page: boolean): string {
  const when = (page ? (v.savedAt ?? v.importedAt) : (v.publishedAt ?? v.savedAt ?? v.importedAt)).slice(0, 16).replace('T', ' ');
  return `  ${String(v.id).padStart(6)}  ${when.padEnd(16)}  ${terminalSafe(v.source ?? 'Unknown source')}${page ? '' : ` — ${terminalSafe(v.title)}`}`;
}

export const storiesCommand: LibraryCommand = {
  name: 'stories',
  args: '[ID | diff FROM TO]',
  summary: 'List stories run by several outlets (or pages that changed), a story\'s versions, or what changed between two',
  library: 'open',
  flags: [
    { name: 'limit', kind: 'value', value: 'N', help: 'At most N stories (default 50)' },
    { name: 'min', kind: 'value', value: 'N', help: 'Only stories of at least N versions (default 2)' },
  ],
  async run({ io, input, call }) {
    const [first, ...rest] = input.positional;
    if (first === 'diff') {
      if (rest.length !== 2) throw new UsageError('stories diff needs two clip numbers: the older version and the newer', 'stories');
      const d = await call('diffClips', { from: rest[0], to: rest[1] });
      if (input.json) printJson(io, d);
      else {
        io.out(`${d.from.id} → ${d.to.id}: ${plural(d.removed, 'word')} removed, ${plural(d.added, 'word')} added${d.truncated ? ' (too different to compare word by word throughout)' : ''}`);
        io.out(d.parts.map((p) => (p.op === 'same' ? p.text : p.op === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`)).map(terminalSafe).join(''));
      }
      return 0;
    }
    if (first !== undefined) {
      const s = await call('storyOf', { id: first });
      if (input.json) printJson(io, s);
      else if (!s) io.out(`Clip ${terminalSafe(first)} has no other version in the library.`);
      else {
        io.out(storyHead(s));
        for (const v of s.versions) io.out(versionLine(v, s.kind === 'page'));
      }
      return 0;
    }
    const r = await call('listStories', { limit: input.value('limit') ?? 50, minVersions: input.value('min') });
    if (input.json) printJson(io, r);
    else {
      io.out(`${r.total} ${r.total === 1 ? 'story' : 'stories'}`);
      for (const s of r.stories) {
        io.out(storyHead(s));
        for (const v of s.versions) io.out(versionLine(v, s.kind === 'page'));
      }
    }
    return 0;
  },
};
