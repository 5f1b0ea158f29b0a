// `cuttings backup DEST` and `cuttings restore SRC --library DIR`: a whole library folder,
// copied out while in use, and copied back into a new or empty folder.
import path from 'node:path';
import { backUpLibrary, restoreLibrary } from '../../library/backup.ts';
import { plural, UsageError, type LibraryCommand, type PlainCommand } from '../command.ts';
import { printJson } from '../io.ts';

export const backupCommand: LibraryCommand = {
  name: 'backup',
  args: 'DEST',
  summary: 'Copy the whole library into a new folder "Cuttings backup DATE TIME" inside DEST',
  library: 'open',
  flags: [],
  async run({ io, input, library }) {
    const dest = input.positional[0];
    if (!dest) throw new UsageError('backup needs the folder to put the backup in');
    const done = await backUpLibrary(library, path.resolve(dest));
    if (input.json) printJson(io, done);
    else io.out(`Backed up ${plural(done.clips, 'clip')} and ${plural(done.originals, 'original')} to ${done.folder}`);
    return 0;
  },
};

export const restoreCommand: PlainCommand = {
  name: 'restore',
  args: 'SRC',
  summary: 'Restore a backup (or copy a library) into the --library folder, which must be new or empty',
  // The library folder is the restore's target: opening it first would make it non-empty.
  library: 'none',
  flags: [],
  async run({ io, input, libraryDir }) {
    const source = input.positional[0];
    if (!source) throw new UsageError('restore needs the backup folder to restore from');
    // A restore that cannot be done (DIR not empty, SRC not a library) throws a RestoreError
    // before anything is written; the CLI reports its message as a failure (status 1).
    const done = await restoreLibrary(source, libraryDir);
    if (input.json) printJson(io, { library: libraryDir, ...done });
    else io.out(`Restored ${plural(done.clips, 'clip')} and ${plural(done.originals, 'original')} into ${libraryDir}`);
    return 0;
  },
};
