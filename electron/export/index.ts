// Exports: the clips of a request (ids, a search query, or all) as Cuttings' JSON, a Markdown
// folder, one HTML document, a CSV spreadsheet, or CSL-JSON, RIS or BibTeX for a reference manager, written to a path (the CLI's --output, the
// desktop app's save dialog) or handed back as one file's bytes (browser mode's download).
// One module per output beside this one; this file only chooses, names and writes.
import path from 'node:path';
import { zipSync } from 'fflate';
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../api.ts';
import type { Library } from '../library/open-library.ts';
import { writeFileAtomically, writeFolderAtomically } from './atomic-output.ts';
import { bibtexChunks } from './bibtex.ts';
import { cslJsonChunks } from './csl-json.ts';
import { csvChunks } from './csv.ts';
import { ExportError } from './export-error.ts';
import { highlightsDocument } from './highlights-markdown.ts';
import { htmlChunks } from './html.ts';
import { jsonExport } from './json.ts';
import { markdownEntries } from './markdown.ts';
import { risChunks } from './ris.ts';
import { selectClipIds } from './select-clips.ts';

export { selectClipIds } from './select-clips.ts';
export { ExportError } from './export-error.ts';
export { exportRequestFromQuery } from './request-query.ts';

const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  markdown: 'application/zip',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  highlights: 'text/markdown; charset=utf-8',
  // The types reference managers register for these files (Zotero opens them on a double click).
  'csl-json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { json: '.json', markdown: '.zip', html: '.html', csv: '.csv', highlights: '.md',
  'csl-json': '.csl.json', ris: '.ris', bibtex: '.bib',
};

/** The reference-manager exports: one stream of text, clip by clip. */
function referenceChunks(library: Library, format: 'csl-json' | 'ris' | 'bibtex', ids: number[]): AsyncIterable<string> {
  if (format === 'csl-json') return cslJsonChunks(library.db, ids);
  return format === 'ris' ? risChunks(library.db, ids) : bibtexChunks(library.db, ids);
}

function checkFormat(request: ExportRequest): void {
  if (!(EXPORT_FORMATS as readonly string[]).includes(request?.format)) {
    throw new ExportError(`Unknown export format "${String(request?.format).slice(0, 40)}": use ${EXPORT_FORMATS.join(', ')}.`);
  }
}

/** The ids to export; an export of nothing is refused with the reason. */
function idsToExport(library: Library, request: ExportRequest): number[] {
  const ids = selectClipIds(library, request);
  if (ids.length) return ids;
  if (request.ids) throw new ExportError('None of the chosen clips is in the library any more: nothing was exported.');
  if (request.query?.trim()) throw new ExportError(`No clips match "${request.query.trim().slice(0, 200)}": nothing was exported.`);
  throw new ExportError('The library has no clips yet: nothing was exported.');
}

/** What the HTML document calls its contents. */
function heading(request: ExportRequest): string {
  if (request.ids) return 'Selected clippings';
  if (request.query?.trim()) return `Clippings matching “${request.query.trim()}”`;
  return 'All clippings';
}

/** The highlights document; refused when none of the clips has a highlight. */
function highlightsExport(library: Library, request: ExportRequest, ids: number[]): { text: string; clips: number } {
  const doc = highlightsDocument(library.db, ids, `Highlights: ${heading(request).replace(/^./, (c) => c.toLowerCase())}`);
  if (!doc.highlights) throw new ExportError(`None of the ${ids.length === 1 ? 'chosen clip' : `${ids.length} chosen clips`} has highlights: nothing was exported.`);
  return doc;
}

/** Whole library and no query: the JSON document reads every clip without an id list. */
const wholeLibrary = (request: ExportRequest) => !request.ids && !request.query?.trim();

const pad = (n: number) => String(n).padStart(2, '0');
/** "Cuttings export 2026-12-03": the name of a download, or of the folder inside a Markdown zip. */
export function exportStem(now = new Date()): string {
  return `Cuttings export ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Writes the export at `output`: a file for json, html and csv (an existing file there is
 * replaced, in one rename), a folder for markdown (it must be new or empty). Nothing is left
 * half-written if it fails.
 */
export async function writeExport(library: Library, request: ExportRequest, output: string): Promise<{ output: string; clips: number }> {
  checkFormat(request);
  const target = path.resolve(output);
  const ids = idsToExport(library, request);
  switch (request.format) {
    case 'json': {
      const { text, clips } = jsonExport(library.db, wholeLibrary(request) ? undefined : ids);
      await writeFileAtomically(target, [text]);
      return { output: target, clips };
    }
    case 'markdown':
      await writeFolderAtomically(target, markdownEntries(library.db, ids));
      return { output: target, clips: ids.length };
    case 'html':
      await writeFileAtomically(target, htmlChunks(library.db, ids, { heading: heading(request) }));
      return { output: target, clips: ids.length };
    case 'csv':
      await writeFileAtomically(target, csvChunks(library.db, ids));
      return { output: target, clips: ids.length };
    case 'csl-json':
    case 'ris':
    case 'bibtex':
      await writeFileAtomically(target, referenceChunks(library, request.format, ids));
      return { output: target, clips: ids.length };
    case 'highlights': {
      const { text, clips } = highlightsExport(library, request, ids);
      await writeFileAtomically(target, [text]);
      return { output: target, clips };
    }
  }
}

async function collectText(chunks: AsyncIterable<string>): Promise<Uint8Array> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return new TextEncoder().encode(parts.join(''));
}

/** The export as one file to download: markdown comes as a .zip holding the folder. */
export async function exportForDownload(library: Library, request: ExportRequest): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  checkFormat(request);
  const ids = idsToExport(library, request);
  const stem = exportStem();
  let bytes: Uint8Array;
  switch (request.format) {
    case 'json':
      bytes = new TextEncoder().encode(jsonExport(library.db, wholeLibrary(request) ? undefined : ids).text);
      break;
    case 'markdown': {
      // The notes sit in a folder inside the zip, so unzipping never scatters them.
      const files: Record<string, Uint8Array> = {};
      for await (const entry of markdownEntries(library.db, ids)) files[`${stem}/${entry.path}`] = entry.bytes;
      bytes = zipSync(files, { level: 6 });
      break;
    }
    case 'html':
      bytes = await collectText(htmlChunks(library.db, ids, { heading: heading(request) }));
      break;
    case 'csv':
      bytes = await collectText(csvChunks(library.db, ids));
      break;
    case 'csl-json':
    case 'ris':
    case 'bibtex':
      bytes = await collectText(referenceChunks(library, request.format, ids));
      break;
    case 'highlights':
      bytes = new TextEncoder().encode(highlightsExport(library, request, ids).text);
      break;
  }
  return { fileName: `${stem}${EXTENSIONS[request.format]}`, mimeType: MIME_TYPES[request.format], bytes };
}
