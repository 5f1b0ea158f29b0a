// `cuttings tag ID TAG…` and `cuttings untag ID TAG…`: one command shape, two Api methods.
import { UsageError, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

function taggingCommand(name: 'tag' | 'untag'): LibraryCommand {
  return {
    name,
    args: 'ID TAG…',
    summary: name === 'tag' ? 'Add tags to a clip' : 'Remove tags from a clip',
    library: 'open',
    flags: [],
    async run({ io, input, call }) {
      const [id, ...tags] = input.positional;
      if (id === undefined) throw new UsageError(`${name} needs a clip number (see \`cuttings list\`) and at least one tag name`);
      if (tags.length === 0) throw new UsageError(`${name} needs at least one tag name`);
      // A missing clip is an error, not a silent no-op.
      const clip = await call('getClip', { id });
      const r = await call(name === 'tag' ? 'tagClips' : 'untagClips', { ids: [clip.id], tags });
      if (input.json) printJson(io, r);
      else io.out(`${name === 'tag' ? 'Tagged' : 'Untagged'} #${clip.id}: ${tags.map(terminalSafe).join(', ')}`);
      return 0;
    },
  };
}

export const tagCommand = taggingCommand('tag');
export const untagCommand = taggingCommand('untag');
