// @ts-check
// The PDF reader thread. pdf.js is asynchronous, while readBytes() is synchronous and must
// stay bounded, so pdf.ts runs pdf.js here and blocks on a shared counter. This thread
// posts the document info, then each page's text items as soon as the page is read, and
// bumps the counter after every message. pdf.js can spin for many seconds inside one page
// without ever returning to the event loop (a content-stream bomb), so no timer here could
// stop it: the caller watches the clock and terminates this thread, keeping the pages it
// already received.
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
 * @param {{maxPages: number, maxChars: number}} limits
 * @param {(msg: any) => void} send
 */
async function extract(bytes, limits, send) {
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
  });
  try {
    const doc = await task.promise;
    const meta = await doc.getMetadata().catch(() => null);
    const info = meta && meta.info ? meta.info : {};
    const pick = (/** @type {string} */ k) => (typeof info[k] === 'string' ? info[k].slice(0, 2000) : null);
    send({
      type: 'info',
      numPages: doc.numPages,
      info: { title: pick('Title'), author: pick('Author'), subject: pick('Subject'), keywords: pick('Keywords'), creator: pick('Creator'), producer: pick('Producer'), creationDate: pick('CreationDate'), modDate: pick('ModDate') },
    });
    const pageCount = Math.min(doc.numPages, limits.maxPages);
    if (doc.numPages > limits.maxPages) send({ type: 'warning', text: `only the first ${limits.maxPages} of ${doc.numPages} pages were read` });
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      send({ type: 'start', page: n });
      let page;
      try {
        page = await doc.getPage(n);
      } catch {
        send({ type: 'warning', text: `page ${n} is damaged and was skipped` });
        continue;
      }
      const view = page.view; // [x0, y0, x1, y1]
      const items = [];
      try {
        const content = await page.getTextContent({ includeMarkedContent: false });
        for (const it of content.items) {
          if (typeof it.str !== 'string') continue;
          const t = it.transform;
          items.push([it.str, t[4], t[5], it.width, it.height, Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]), t[1] !== 0 || t[2] !== 0 ? 1 : 0, it.hasEOL ? 1 : 0]);
          chars += it.str.length;
        }
      } catch {
        send({ type: 'warning', text: `the text of page ${n} could not be read` });
      }
      send({ type: 'page', page: { x0: view[0], y0: view[1], width: view[2] - view[0], height: view[3] - view[1], items } });
      page.cleanup();
      if (chars > limits.maxChars) {
        send({ type: 'warning', text: 'the text was cut at the size limit' });
        break;
      }
    }
    send({ type: 'done' });
  } finally {
    await task.destroy().catch(() => {});
  }
}

parentPort?.on('message', async (msg) => {
  /** @param {any} m */
  const send = (m) => {
    msg.port.postMessage(m);
    Atomics.add(msg.flag, 0, 1);
    Atomics.notify(msg.flag, 0);
  };
  try {
    await extract(msg.bytes, msg.limits, send);
  } catch (err) {
    const e = /** @type {any} */ (err);
    send({ type: 'failed', name: e && e.name ? String(e.name) : 'Error', message: e && e.message ? String(e.message).slice(0, 300) : String(e) });
  }
  msg.port.close();
});
