// `cuttings export [QUERY…] --format F --output PATH`: all clips, or those a search query
// matches, in one of the export formats (electron/export/). JSON is Cuttings' own document,
// which `cuttings import` reads back losslessly.
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../../api.ts';
import { exportForDownload, writeExport } from '../../export/index.ts';
import { plural, UsageError, type LibraryCommand } from '../command.ts';
import { printJson } from '../io.ts';

export const exportCommand: LibraryCommand = {
  name: 'export',
  args: '[QUERY…]',
  summary: 'Export all clips, or those a search query matches (JSON re-imports losslessly)',
  library: 'open',
  flags: [
    { name: 'format', kind: 'value', choices: EXPORT_FORMATS, help: 'The format (default json)' },
    { name: 'output', kind: 'value', value: 'PATH', help: 'The file to write (a folder for markdown); without it the other formats go to standard output' },
  ],
  async run({ io, input, library }) {
    const format = (input.value('format') ?? 'json') as ExportFormat;
    const query = input.positional.join(' ').trim();
    const request: ExportRequest = query ? { format, query } : { format };
    const output = input.value('output');
    // A Markdown export is a folder of notes: there is no one stream to print.
    if (!output && format === 'markdown') throw new UsageError('export --format markdown writes a folder of notes: name it with --output DIR');
    // An export that cannot be made (no clips match, no such folder) throws an ExportError,
    // which the CLI reports as a failure (status 1) with its message as it is.
    if (output) {
      const written = await writeExport(library, request, output);
      if (input.json) printJson(io, written);
      else io.err(`Exported ${plural(written.clips, 'clip')} to ${written.output}`);
    } else {
      const { bytes } = await exportForDownload(library, request);
      io.write(new TextDecoder().decode(bytes));
    }
    return 0;
  },
};
