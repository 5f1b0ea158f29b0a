// Entry point of the format readers: sniff the real format from the bytes (the name's
// extension only breaks ties), then hand the file to the reader for that format.
// Every reader is synchronous and bounded (see limits.ts); failures are ImportErrors whose
// reason is a short sentence without the file name (the caller adds it).
import { Gunzip } from 'fflate';
import { ImportError, type FormatName, type ReadResult } from '../types.ts';
import { readDocx } from './docx.ts';
import { readEml } from './eml.ts';
import { readEpub } from './epub.ts';
import { readOdt } from './odt.ts';
import { readHtml } from './html.ts';
import { resolveLimits, type Limits, type ReadOptions } from './limits.ts';
import { readMarkdown } from './markdown.ts';
import { readMhtml } from './mhtml.ts';
import { readPdf } from './pdf.ts';
import { formatMiB, textResult } from './result.ts';
import { extensionOf, sniffBytes } from './sniff.ts';
import { readTxt } from './txt.ts';
import { readWebarchive } from './webarchive.ts';
import { listZipEntries, ZipArchive, type ZipArticle } from './zip.ts';
import { decodeText } from './charset.ts';
import { concatChunks } from './bytes.ts';

export type { ReadOptions } from './limits.ts';
export type { ZipArticle } from './zip.ts';

export function readBytes(bytes: Uint8Array, name: string, options?: ReadOptions): ReadResult {
  return readWith(bytes, name, resolveLimits(options), 0);
}

function readWith(bytes: Uint8Array, name: string, limits: Limits, depth: number): ReadResult {
  if (bytes.length === 0) throw new ImportError('file is empty');
  if (bytes.length > limits.maxInputBytes) {
    throw new ImportError(`file too large (${formatMiB(bytes.length)}; the limit is ${formatMiB(limits.maxInputBytes)})`);
  }
  const sniffed = sniffBytes(bytes, name);
  switch (sniffed.type) {
    case 'binary':
      throw new ImportError(`not a text document: the file is ${sniffed.what}`);
    case 'ole':
      throw new ImportError(oleReason(extensionOf(name)));
    case 'gzip': {
      if (depth > 0) throw new ImportError('unsupported format: compressed more than once');
      const inner = gunzipBounded(bytes, limits);
      const result = readWith(inner, name.replace(/\.(?:gz|gzip)$/i, ''), limits, depth + 1);
      result.warnings.unshift('the file was gzip-compressed');
      return result;
    }
    case 'zip':
      return readZipDocument(bytes, limits);
    case 'format': {
      // Plain text under the name of a binary document format is a broken or fake file.
      const ext = extensionOf(name);
      if (sniffed.format === 'txt' && BINARY_DOCUMENT_EXTENSIONS[ext]) {
        throw new ImportError(`not a ${BINARY_DOCUMENT_EXTENSIONS[ext]}: the file holds plain text only (damaged or renamed?)`);
      }
      return readFormat(sniffed.format, bytes, limits);
    }
  }
}

const BINARY_DOCUMENT_EXTENSIONS: Record<string, string> = {
  pdf: 'PDF', docx: 'Word document', doc: 'Word document', odt: 'OpenDocument file', epub: 'EPUB',
  webarchive: 'web archive', zip: 'zip archive', gz: 'gzip file',
};

function readFormat(format: FormatName, bytes: Uint8Array, limits: Limits): ReadResult {
  switch (format) {
    case 'pdf':
      return readPdf(bytes, limits);
    case 'html':
      return readHtml(bytes, limits);
    case 'mhtml':
      return readMhtml(bytes, limits);
    case 'eml':
      return readEml(bytes, limits);
    case 'md':
      return readMarkdown(bytes, limits);
    case 'webarchive':
      return readWebarchive(bytes, limits);
    case 'cuttings-json':
      return readCuttingsJson(bytes);
    case 'txt':
      return readTxt(bytes, limits);
    case 'docx':
    case 'odt':
    case 'epub':
      return readZipDocument(bytes, limits);
  }
}

const ODF_KINDS: Record<string, string> = {
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument presentation',
  'application/vnd.oasis.opendocument.graphics': 'OpenDocument drawing',
};

/** A zip container: Word, OpenDocument text or EPUB by its entries, else refused. */
function readZipDocument(bytes: Uint8Array, limits: Limits): ReadResult {
  const zip = ZipArchive.open(bytes, limits);
  const mimetypeEntry = zip.get('mimetype');
  const mimetype = mimetypeEntry && mimetypeEntry.declaredSize < 200 ? zip.readText(mimetypeEntry, 1024).trim() : '';
  if (mimetype === 'application/vnd.oasis.opendocument.text' || mimetype === 'application/vnd.oasis.opendocument.text-master') {
    return readOdt(zip, limits);
  }
  if (mimetype === 'application/epub+zip') return readEpub(zip, limits);
  if (ODF_KINDS[mimetype]) throw new ImportError(`unsupported format: ${ODF_KINDS[mimetype]}`);
  if (zip.get('word/document.xml') || zip.get('[Content_Types].xml') && zip.entries.some((e) => e.name.startsWith('word/'))) {
    return readDocx(zip, limits);
  }
  if (zip.entries.some((e) => e.name.startsWith('xl/'))) throw new ImportError('unsupported format: Excel workbook');
  if (zip.entries.some((e) => e.name.startsWith('ppt/'))) throw new ImportError('unsupported format: PowerPoint presentation');
  if (zip.get('META-INF/container.xml')) return readEpub(zip, limits);
  if (zip.get('content.xml')) return readOdt(zip, limits);
  if (zip.get('[Content_Types].xml')) throw new ImportError('damaged Word document: word/document.xml is missing');
  throw new ImportError('a zip archive, not a document: import it as an archive of clippings');
}

function oleReason(ext: string): string {
  if (ext === 'msg') return 'Outlook message (.msg): not supported; save it as .eml';
  if (ext === 'xls' || ext === 'ppt') return `legacy Office file (.${ext}): not supported`;
  return 'encrypted or legacy Word document (.doc): not supported; save it as .docx';
}

/** Gunzips without trusting the header: streams in small steps and stops at the cap. */
function gunzipBounded(bytes: Uint8Array, limits: Limits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const cap = Math.min(limits.maxEntryBytes, limits.maxInputBytes);
  const gz = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > cap) throw new ImportError(`file too large once decompressed (more than ${formatMiB(cap)})`);
    chunks.push(chunk);
  });
  try {
    for (let off = 0; off < bytes.length; off += 4096) gz.push(bytes.subarray(off, off + 4096), off + 4096 >= bytes.length);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    if (!total) throw new ImportError('damaged file: the gzip data cannot be decompressed');
    // A cut-off gzip stream: keep what was decompressed.
  }
  return concatChunks(chunks, total);
}

/** Cuttings' own export: recognised here, imported by the library (the JSON text as-is). */
function readCuttingsJson(bytes: Uint8Array): ReadResult {
  const { text } = decodeText(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ImportError('damaged Cuttings export: the JSON cannot be read');
  }
  const meta = (parsed as { cuttings?: { format?: unknown } } | null)?.cuttings;
  if (!meta || meta.format !== 'cuttings-export') throw new ImportError('unsupported format: JSON data');
  return textResult('cuttings-json', text);
}

/**
 * The files inside a .zip of clippings, to import one by one (each through readBytes).
 * Directories, hidden files, __MACOSX and nested archives are skipped; inflation is
 * bounded per entry and in total. Entry names are display names, never paths on disk.
 */
export function listZipArticles(bytes: Uint8Array, options?: ReadOptions): ZipArticle[] {
  return listZipEntries(bytes, resolveLimits(options));
}

/** True when the bytes are a plain zip archive (not a docx/odt/epub document). */
export function isZipOfClippings(bytes: Uint8Array): boolean {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return false;
  try {
    const zip = ZipArchive.open(bytes, resolveLimits());
    return !zip.get('mimetype') && !zip.get('word/document.xml') && !zip.get('[Content_Types].xml') && !zip.get('META-INF/container.xml');
  } catch {
    return false;
  }
}
