// @ts-check
// The PDF reader thread. pdf.js is asynchronous, while readBytes() is synchronous and must
// stay bounded, so pdf.ts runs pdf.js here and waits on a shared flag: a runaway document
// (a content-stream bomb, a lying page count) is stopped by the caps below, and if it still
// takes too long the whole thread is terminated — never the import itself.
//
// Plain JavaScript (not TypeScript) because a worker thread starts without the TS loader.
// It only extracts positioned text items; layout (lines, columns, headers) is pdf-layout.ts.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {any} */
let pdfjs = null;

async function load() {
  if (!pdfjs) pdfjs = await import(workerData.pdfjsUrl);
  return pdfjs;
}

/**
 * @param {Uint8Array} bytes
 * @param {{maxPages: number, maxChars: number, deadline: number}} limits
 */
async function extract(bytes, limits) {
  const lib = await load();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableScripting: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: workerData.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: workerData.standardFontDataUrl,
    maxImageSize: 1,
  });
  const doc = await task.promise;
  const warnings = [];
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const info = meta && meta.info ? meta.info : {};
    const pick = (/** @type {string} */ k) => (typeof info[k] === 'string' ? info[k].slice(0, 2000) : null);
    const pageCount = Math.min(doc.numPages, limits.maxPages);
    if (doc.numPages > limits.maxPages) warnings.push(`only the first ${limits.maxPages} of ${doc.numPages} pages were read`);
    const pages = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      if (Date.now() > limits.deadline) {
        warnings.push(`reading stopped at page ${n} (time limit)`);
        break;
      }
      let page;
      try {
        page = await doc.getPage(n);
      } catch {
        warnings.push(`page ${n} is damaged and was skipped`);
        continue;
      }
      const view = page.view; // [x0, y0, x1, y1]
      const items = [];
      const reader = page.streamTextContent({ includeMarkedContent: false, disableNormalization: false }).getReader();
      let stopped = false;
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const it of value.items) {
            if (typeof it.str !== 'string') continue;
            const t = it.transform;
            items.push([it.str, t[4], t[5], it.width, it.height, Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]), t[1] !== 0 || t[2] !== 0 ? 1 : 0, it.hasEOL ? 1 : 0]);
            chars += it.str.length;
          }
          if (chars > limits.maxChars || Date.now() > limits.deadline) {
            stopped = true;
            await reader.cancel('limit');
            break;
          }
        }
      } catch {
        warnings.push(`the text of page ${n} could not all be read`);
      }
      pages.push({ x0: view[0], y0: view[1], width: view[2] - view[0], height: view[3] - view[1], items });
      page.cleanup();
      if (stopped) {
        warnings.push(chars > limits.maxChars ? 'the text was cut at the size limit' : `reading stopped at page ${n} (time limit)`);
        break;
      }
    }
    return {
      ok: true,
      numPages: doc.numPages,
      info: { title: pick('Title'), author: pick('Author'), subject: pick('Subject'), keywords: pick('Keywords'), creator: pick('Creator'), producer: pick('Producer'), creationDate: pick('CreationDate'), modDate: pick('ModDate') },
      pages,
      warnings,
    };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

parentPort?.on('message', async (msg) => {
  /** @type {any} */
  let result;
  try {
    result = await extract(msg.bytes, msg.limits);
  } catch (err) {
    const e = /** @type {any} */ (err);
    result = { ok: false, name: e && e.name ? String(e.name) : 'Error', message: e && e.message ? String(e.message).slice(0, 300) : String(e) };
  }
  msg.port.postMessage(result);
  msg.port.close();
  Atomics.store(msg.flag, 0, 1);
  Atomics.notify(msg.flag, 0);
});
