// `cuttings extract FILE…`: what importing each file would record, as JSON lines, without a
// library. The same extraction and the same "a clip needs text" rule as the import.
import path from 'node:path';
import { extractFromBytes } from '../../import/extract-file.ts';
import { requireText } from '../../import/prepare-clip.ts';
import { displayName, readSourceFile } from '../../import/read-source.ts';
import { ImportError } from '../../import/types.ts';
import { walkPaths } from '../../import/walk-paths.ts';
import { UsageError, type PlainCommand } from '../command.ts';

export const extractCommand: PlainCommand = {
  name: 'extract',
  args: 'FILE…',
  summary: 'Print what would be recorded for each file, as JSON, without a library',
  library: 'none',
  flags: [],
  async run({ io, input }) {
    const files = input.positional;
    if (files.length === 0) throw new UsageError('extract needs at least one file');
    let failed = 0;
    const found: { path: string; display: string }[] = [];
    walkPaths(files, {
      file: (f) => found.push(f),
      problem: (p) => {
        failed++;
        io.err(`${displayName(p.display)}: ${p.reason}`);
      },
      cancelled: () => false,
    });
    for (const f of found) {
      const read = readSourceFile(f.path);
      try {
        if (!read.ok) throw new ImportError(read.reason);
        const ex = extractFromBytes(read.bytes, path.basename(f.path), read.mtimeMs);
        if (ex.format !== 'cuttings-json') requireText(ex);
        io.out(
          JSON.stringify({
            file: f.display, format: ex.format, title: ex.title, author: ex.author, source: ex.source, site: ex.site,
            url: ex.url, publishedAt: ex.publishedAt, savedAt: ex.savedAt, language: ex.language,
            standfirst: ex.standfirst, captions: ex.captions, body: ex.bodyText, warnings: ex.warnings,
          }),
        );
      } catch (e) {
        failed++;
        const reason = e instanceof ImportError ? e.reason : `could not be read (${(e as Error).message})`;
        io.err(`${displayName(f.display)}: ${reason}`);
      }
    }
    return failed ? 1 : 0;
  },
};
