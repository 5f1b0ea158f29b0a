// `cuttings import PATH…`: the Api's importPaths, a progress bar on standard error while it
// runs, then one line per file.
import type { ImportProgress, ImportSummary } from '../../api.ts';
import { MAX_FILE_MB_FLAG, plural, UsageError, type LibraryCommand } from '../command.ts';
import { CLEAR_BAR, outcomeLine, progressBar } from '../print.ts';

export const importCommand: LibraryCommand = {
  name: 'import',
  args: 'PATH…',
  summary: 'Import saved articles (files, folders, .zip); one result per file',
  library: 'open',
  flags: [{ name: 'no-progress', kind: 'switch', help: 'No progress bar on standard error' }, MAX_FILE_MB_FLAG],
  async run({ io, input, events, handlers, call }) {
    if (input.positional.length === 0) throw new UsageError('import needs at least one file or folder');
    // The bar is for a person watching: not in a pipe, not with --json.
    const showProgress = io.isTTY && !input.json && !input.has('no-progress');
    const unsubscribe = events.subscribe((event, payload) => {
      if (event === 'import-progress' && showProgress) io.err(progressBar(payload as ImportProgress));
    });
    let summary: ImportSummary;
    try {
      const { jobId } = await call('importPaths', { paths: input.positional });
      summary = await handlers.waitForImport(jobId);
    } finally {
      unsubscribe();
    }
    if (showProgress) io.err(CLEAR_BAR);
    for (const o of summary.outcomes) {
      if (input.json) io.out(JSON.stringify(o));
      else if (o.status === 'failed') io.err(outcomeLine(o));
      else io.out(outcomeLine(o));
    }
    if (!input.json) {
      io.err(`${summary.added} added, ${plural(summary.duplicates, 'duplicate')}, ${summary.failed} failed (${(summary.elapsedMs / 1000).toFixed(1)} s)`);
    }
    return summary.failed > 0 ? 1 : 0;
  },
};
