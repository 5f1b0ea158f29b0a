// PDFs ("Print → Save as PDF" of a page, or any article PDF): text in reading order via
// pdf.js, run on a reader thread so that readBytes() stays synchronous and a hostile file
// is bounded in time (the thread is terminated) and memory (the thread's heap limit).
// pdf.js runs with eval, scripting, font loading and every fetch switched off; cMaps and
// standard fonts come from the local pdfjs-dist folder.
//
// Hints: /Title and /Author from the Info dictionary. A browser printout's /Title is the
// page <title> (with the site suffix) and its CreationDate is the PRINT time: that goes to
// savedAt (only for browser-made PDFs, Producer "Skia/PDF"), never to publishedAt; its
// site segment ("… - Los Angeles Times") names the outlet.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { siteFromTitle } from '../extract/outlet-name.ts';
import { ImportError, type ReadResult } from '../types.ts';
import type { Limits } from './limits.ts';
import { layoutPages, type PdfPage } from './pdf-layout.ts';
import { pruneHints } from './result.ts';
import { capText, cleanText, hasVisibleText } from './text-clean.ts';

interface Extracted {
  numPages: number;
  info: Record<string, string | null>;
  pages: PdfPage[];
  warnings: string[];
  /** Reading was stopped by the clock; `pages` holds what was read before. */
  overtime: boolean;
}

type WorkerMessage =
  | { type: 'info'; numPages: number; info: Record<string, string | null> }
  | { type: 'start'; page: number }
  | { type: 'page'; page: PdfPage }
  | { type: 'warning'; text: string }
  | { type: 'done' }
  | { type: 'failed'; name: string; message: string };

let worker: Worker | null = null;
let workerHeapMb = 0;

function workerPaths() {
  const req = createRequire(import.meta.url);
  const pdfjsMain = req.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = join(dirname(pdfjsMain), '..', '..');
  return {
    pdfjsUrl: pathToFileURL(pdfjsMain).href,
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  };
}

function getWorker(limits: Limits): Worker {
  if (worker && workerHeapMb === limits.pdfMemoryMb) return worker;
  stopWorker();
  const w = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
    workerData: workerPaths(),
    resourceLimits: { maxOldGenerationSizeMb: limits.pdfMemoryMb, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
  w.unref(); // an idle reader thread never keeps the process alive
  w.on('error', () => {
    if (worker === w) worker = null;
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
  });
  worker = w;
  workerHeapMb = limits.pdfMemoryMb;
  return w;
}

function stopWorker(): void {
  const w = worker;
  worker = null;
  if (w) void w.terminate();
}

/**
 * Runs the reader thread on the bytes and blocks until it is done, a page overruns its
 * budget or the whole document overruns the time limit. The thread posts every page as it
 * finishes, so a stop keeps the pages already read.
 */
function extractOnThread(bytes: Uint8Array, limits: Limits): Extracted {
  const w = getWorker(limits);
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const started = Date.now();
  w.postMessage({ bytes: bytes.slice(), limits: { maxPages: limits.maxPdfPages, maxChars: limits.maxTextChars }, port: port2, flag }, [port2]);
  const out: Extracted = { numPages: 0, info: {}, pages: [], warnings: [], overtime: false };
  let seen = 0;
  let lastProgress = started;
  let finished = false;
  let failure: { name: string; message: string } | null = null;
  let gotInfo = false;
  while (!finished) {
    const now = Date.now();
    // Opening the document counts against the page budget too (a huge xref, a broken file).
    if (now - started > limits.pdfTimeoutMs || now - lastProgress > limits.pdfPageTimeoutMs) {
      out.overtime = true;
      break;
    }
    Atomics.wait(flag, 0, seen, 100);
    for (;;) {
      const received = receiveMessageOnPort(port1) as { message: WorkerMessage } | undefined;
      if (!received) break;
      seen++;
      const m = received.message;
      if (m.type === 'info') {
        gotInfo = true;
        out.numPages = m.numPages;
        out.info = m.info;
      } else if (m.type === 'start') lastProgress = Date.now();
      else if (m.type === 'page') out.pages.push(m.page);
      else if (m.type === 'warning') out.warnings.push(m.text);
      else if (m.type === 'failed') {
        failure = m;
        finished = true;
      } else finished = true;
    }
  }
  port1.close();
  if (out.overtime) {
    // pdf.js may be spinning inside one page: the thread is thrown away, a new one starts.
    stopWorker();
    out.warnings.push(`reading stopped at page ${out.pages.length + 1} of ${out.numPages}: it takes too long to read (a hostile or broken PDF?)`);
  }
  if (failure) throw pdfError(failure);
  if (!gotInfo && out.overtime) throw new ImportError('the PDF could not be opened within the time limit');
  return out;
}

function pdfError(r: { name: string; message: string }): ImportError {
  if (r.name === 'PasswordException') return new ImportError('encrypted (password-protected) PDF: not supported');
  if (r.name === 'InvalidPDFException') return new ImportError('not a PDF: the file is damaged (no readable document structure)');
  if (/xref|trailer|startxref/i.test(r.message)) return new ImportError('not a PDF: the file is damaged (no cross-reference table)');
  return new ImportError('damaged PDF: it cannot be read');
}

export function readPdf(bytes: Uint8Array, limits: Limits): ReadResult {
  const r = extractOnThread(bytes, limits);
  const warnings = [...r.warnings];
  const title = r.info.title?.trim() || null;
  const raw = layoutPages(r.pages, title);
  const text = capText(cleanText(raw), limits.maxTextChars, warnings);
  if (!hasVisibleText(text)) {
    if (r.overtime) throw new ImportError('the PDF could not be read within the time limit (a hostile or broken file?)');
    throw new ImportError(r.pages.length ? 'no text found in the PDF (a scanned image? it is not read)' : 'damaged PDF: no page could be read');
  }
  const extra: Record<string, string> = {};
  for (const [k, v] of [['pdfProducer', r.info.producer], ['pdfCreator', r.info.creator], ['pdfCreationDate', pdfDate(r.info.creationDate)], ['pdfModDate', pdfDate(r.info.modDate)], ['keywords', r.info.keywords]] as const) {
    if (v) extra[k] = v;
  }
  extra.pdfPages = String(r.numPages);
  const printedByBrowser = /skia\/pdf|chrom|mozilla|cairo/i.test(`${r.info.producer ?? ''} ${r.info.creator ?? ''}`);
  return {
    format: 'pdf', kind: 'text', text,
    hints: pruneHints({
      title,
      author: r.info.author,
      source: printedByBrowser ? siteFromTitle(title) : null,
      description: r.info.subject,
      savedAt: printedByBrowser ? pdfDate(r.info.creationDate) : null,
      extra,
    }),
    attachments: [], warnings,
  };
}

/** "D:20191120070000+00'00'" → ISO 8601. */
export function pdfDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(v.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi, s, tz] = m;
  if (!h) return `${y}-${mo}-${d}`;
  let zone = 'Z';
  if (tz && tz !== 'Z') zone = `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi ?? '00'}:${s ?? '00'}${zone}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
