// Press review benchmark: seconds to compile a review of 200 real clips (full text, grouped by
// day) as HTML, DOCX and PDF through the job the app runs, beside the naive way in the same run:
//   HTML — each clip fetched through the Api one by one (getClip) and its body sanitized with
//          DOMPurify in a fresh jsdom window, the pieces concatenated;
//   PDF  — one Chromium launch per clip (each clip's page printed on its own, and not even
//          merged afterwards), measured on 20 clips and scaled to 200.
//
//   npm run bench:review [-- --clips 200 --naive-pdf 20]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { EventBus } from '../electron/handlers/event-bus.ts';
import { createHandlers } from '../electron/handlers/handler-table.ts';
import { chromiumPrinter, findChromium } from '../electron/export/review-chromium.ts';
import { openLibrary } from '../electron/library/open-library.ts';
import { writeUniquePages } from '../tests/helpers/unique-pages.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIPS = arg('clips', 200);
const NAIVE_PDF = arg('naive-pdf', 20);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-bench-review-'));
const library = openLibrary(path.join(work, 'library'));
const events = new EventBus();
const handlers = createHandlers({ library, events, shell: 'cli', samplesDir: path.join(work, 'none') });
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

try {
  const pages = writeUniquePages(path.join(work, 'pages'), Math.ceil(CLIPS * 1.15), 'bench');
  await handlers.waitForImport((await handlers.api.importPaths({ paths: pages })).jobId);
  const ids = (await handlers.api.listClips({ limit: CLIPS })).clips.map((c) => c.id);
  console.log(`Press review of ${ids.length} clips (full text, by day), ${os.cpus().length} cores, Node ${process.versions.node}`);

  const rows: { format: string; seconds: number; bytes: number; pages?: number; naive?: number; naiveHow?: string }[] = [];
  for (const format of ['html', 'docx', 'pdf'] as const) {
    if (format === 'pdf' && !findChromium()) {
      console.log('pdf: skipped (no Chromium found)');
      continue;
    }
    const output = path.join(work, `review.${format}`);
    const t = performance.now();
    const summary = await handlers.waitForReview(handlers.compileReviewTo({ format, ids, group: 'day', content: 'full' }, output).jobId);
    const seconds = (performance.now() - t) / 1000;
    if (summary.status !== 'done') throw new Error(`${format}: ${summary.error}`);
    const pages = format === 'pdf' ? Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [output], { encoding: 'utf8' }))?.[1]) : undefined;
    rows.push({ format, seconds, bytes: summary.bytes ?? 0, pages });
  }

  // Naive HTML: an Api call and a fresh jsdom + DOMPurify per clip.
  {
    const t = performance.now();
    let html = '<!doctype html><html><body>';
    for (const id of ids) {
      const c = await handlers.api.getClip({ id });
      const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
      html += `<article><h2>${esc(c.title)}</h2><p>${esc(c.source ?? '')} ${esc(c.author ?? '')} ${esc(c.publishedAt ?? '')}</p>${purify.sanitize(c.bodyHtml)}</article>`;
    }
    html += '</body></html>';
    fs.writeFileSync(path.join(work, 'naive.html'), html);
    const row = rows.find((r) => r.format === 'html');
    if (row) Object.assign(row, { naive: (performance.now() - t) / 1000, naiveHow: 'getClip + jsdom/DOMPurify per clip' });
  }

  // Naive PDF: one Chromium launch per clip, on NAIVE_PDF clips, scaled to all of them.
  const pdfRow = rows.find((r) => r.format === 'pdf');
  if (pdfRow && NAIVE_PDF > 0) {
    const print = chromiumPrinter();
    const some = ids.slice(0, NAIVE_PDF);
    const t = performance.now();
    for (const id of some) {
      const c = await handlers.api.getClip({ id });
      const file = path.join(work, `naive-${id}.html`);
      fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><h1>${esc(c.title)}</h1>${c.bodyHtml}`);
      await print(file, path.join(work, `naive-${id}.pdf`), new AbortController().signal);
    }
    pdfRow.naive = ((performance.now() - t) / 1000) * (ids.length / some.length);
    pdfRow.naiveHow = `a Chromium launch per clip (${some.length} measured, scaled to ${ids.length})`;
  }

  console.log('');
  console.log('format  seconds   size        pages  naive (s)  ratio  naive way');
  for (const r of rows) {
    const ratio = r.naive ? `${(r.naive / r.seconds).toFixed(1)}×` : '';
    console.log(
      `${r.format.padEnd(6)}  ${r.seconds.toFixed(2).padStart(7)}   ${`${(r.bytes / 1e6).toFixed(2)} MB`.padEnd(10)}  ${String(r.pages ?? '').padStart(5)}  ${r.naive ? r.naive.toFixed(2).padStart(9) : '        —'}  ${ratio.padStart(5)}  ${r.naiveHow ?? ''}`,
    );
  }
} finally {
  await handlers.dispose();
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
}
