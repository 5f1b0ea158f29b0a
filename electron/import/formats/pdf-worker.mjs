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
import { inflateSync } from 'node:zlib';

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
  // pdf.js takes ownership of (and may detach) the buffer it is given: keep our own view
  // of the file for the ActualText pass below.
  const original = bytes;
  const task = lib.getDocument({
    data: bytes.slice(),
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
        const content = await page.getTextContent({ includeMarkedContent: true });
        const texts = withActualText(content.items, original, page.ref);
        for (const it of texts) {
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

/**
 * Chrome prints characters it has no font for as glyph 0 wrapped in
 * "/Span <</ActualText <FEFF…>>> BDC … EMC"; pdf.js ignores ActualText and yields "\0".
 * When a page has such items, its content stream is scanned for the marked-content
 * openings in order and each span's text is replaced by its ActualText. Only used when
 * the count of openings matches pdf.js's, so a page with form XObjects is left as it is.
 * @param {any[]} items @param {Uint8Array} bytes @param {{num: number, gen: number} | null} ref
 */
function withActualText(items, bytes, ref) {
  const plain = items.filter((it) => typeof it.str === 'string');
  if (!ref || !plain.some((it) => it.str.includes('\0'))) return plain;
  /** @type {(string | null)[] | null} */
  let actual;
  try {
    actual = actualTextsOfPage(bytes, ref);
  } catch {
    actual = null;
  }
  const begins = items.filter((it) => it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps').length;
  if (!actual || actual.length !== begins) return plain.map((it) => ({ ...it, str: it.str.replace(/\0/g, '') }));
  const out = [];
  /** @type {{text: string | null, used: boolean}[]} */
  const stack = [];
  let k = 0;
  for (const it of items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') stack.push({ text: actual[k++], used: false });
    else if (it.type === 'endMarkedContent') stack.pop();
    else if (typeof it.str === 'string') {
      let span = null;
      for (let i = stack.length - 1; i >= 0 && !span; i--) if (stack[i].text !== null) span = stack[i];
      if (span && span.text !== null) {
        out.push({ ...it, str: span.used ? '' : span.text });
        span.used = true;
      } else out.push({ ...it, str: it.str.replace(/\0/g, '') });
    }
  }
  return out;
}

/** @param {Uint8Array} bytes @param {{num: number, gen: number}} ref */
function actualTextsOfPage(bytes, ref) {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const pageObj = objectBody(src, ref.num, ref.gen);
  if (!pageObj) return null;
  const contents = /\/Contents\s*(\[[^\]]{0,20000}\]|\d+\s+\d+\s+R)/.exec(pageObj);
  if (!contents) return null;
  const refs = [...contents[1].matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => [Number(m[1]), Number(m[2])]);
  let content = '';
  for (const [num, gen] of refs.slice(0, 500)) {
    const body = objectBody(src, num, gen);
    if (!body) return null;
    const start = /stream\r?\n/.exec(body);
    const end = body.lastIndexOf('endstream');
    if (!start || end < 0) return null;
    const dict = body.slice(0, start.index);
    let data = Buffer.from(body.slice(start.index + start[0].length, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data, { maxOutputLength: 64 * 1024 * 1024 });
    else if (/\/Filter/.test(dict)) return null;
    content += data.toString('latin1') + '\n';
  }
  /** @type {(string | null)[]} */
  const out = [];
  const re = /(BDC|BMC)(?=[\s/[<(]|$)/g;
  let prev = 0;
  let m;
  while ((m = re.exec(content))) {
    const before = m.index > 0 ? content[m.index - 1] : ' ';
    if (/[A-Za-z0-9_.]/.test(before)) continue; // part of another token
    if (m[1] === 'BMC') out.push(null);
    else {
      const operands = content.slice(prev, m.index);
      const open = operands.lastIndexOf('<<');
      const dict = open >= 0 ? operands.slice(open) : '';
      const at = /\/ActualText\s*(<[0-9A-Fa-f\s]*>|\((?:\\[^]|[^\\)]){0,10000}\))/.exec(dict);
      out.push(at ? pdfString(at[1]) : null);
    }
    prev = m.index + m[0].length;
    if (out.length > 200000) return null;
  }
  return out;
}

/** The text of object "num gen obj … endobj" (the last definition wins: incremental updates). @param {string} src @param {number} num @param {number} gen */
function objectBody(src, num, gen) {
  const re = new RegExp(`(?:^|\\s)${num}\\s+${gen}\\s+obj\\b`, 'g');
  let last = null;
  let m;
  while ((m = re.exec(src))) last = m;
  if (!last) return null;
  const end = src.indexOf('endobj', last.index);
  return src.slice(last.index + last[0].length, end < 0 ? src.length : end);
}

/** A PDF text string (hex or literal; UTF-16BE with BOM, else PDFDocEncoding ≈ latin1). @param {string} tok */
function pdfString(tok) {
  let raw;
  if (tok.startsWith('<')) raw = Buffer.from(tok.slice(1, -1).replace(/\s+/g, ''), 'hex');
  else {
    /** @type {Record<string, string>} */
    const map = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    const body = tok.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e) => {
      if (map[e] !== undefined) return map[e];
      if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
      return '';
    });
    raw = Buffer.from(body, 'latin1');
  }
  if (raw[0] === 0xfe && raw[1] === 0xff) return Buffer.from(raw.subarray(2)).swap16().toString('utf16le');
  return raw.toString('latin1');
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
