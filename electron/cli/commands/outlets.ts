// `cuttings outlets`: the outlets with their counts and every name and site they were seen
// under; `outlets rename OUTLET NAME` and `outlets merge OUTLET… --into OUTLET` change them, as
// the window's Sources list does (an outlet is named by any of its names or sites).
import { UsageError, plural, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

export const outletsCommand: LibraryCommand = {
  name: 'outlets',
  args: '[rename OUTLET NAME | merge OUTLET… --into OUTLET]',
  summary: 'List outlets with their counts, names and sites; rename or merge them',
  library: 'open',
  flags: [{ name: 'into', kind: 'value', value: 'OUTLET', help: 'merge: the outlet the others become part of' }],
  async run({ io, input, call }) {
    const [action, ...rest] = input.positional;
    if (action === undefined) {
      const outlets = await call('listSources', {});
      if (input.json) printJson(io, outlets);
      else {
        for (const o of outlets) {
          const aka = [...(o.sites ?? []), ...(o.names ?? [])].map(terminalSafe);
          io.out(`${String(o.count).padStart(6)}  ${terminalSafe(o.value)}${aka.length ? `  (${aka.join(', ')})` : ''}`);
        }
      }
      return 0;
    }
    if (action === 'rename') {
      if (rest.length !== 2) throw new UsageError('outlets rename needs the outlet (any of its names or sites) and its new name', 'outlets');
      const o = await call('renameOutlet', { outlet: rest[0], name: rest[1] });
      if (input.json) printJson(io, o);
      else io.out(`Renamed: ${terminalSafe(o.value)} (${plural(o.count, 'clip')})`);
      return 0;
    }
    if (action === 'merge') {
      const into = input.value('into');
      if (!into || rest.length === 0) throw new UsageError('outlets merge needs the outlets to merge and --into the outlet they become part of', 'outlets');
      const r = await call('mergeOutlets', { from: rest, into });
      if (input.json) printJson(io, r);
      else {
        io.out(`Merged into ${terminalSafe(r.outlet.value)} (${plural(r.outlet.count, 'clip')}).`);
        io.out(`To undo: cuttings api undoMergeOutlets '${JSON.stringify({ undoToken: r.undoToken })}'`);
      }
      return 0;
    }
    throw new UsageError(`outlets: unknown action "${action}" (rename or merge)`, 'outlets');
  },
};
