// The desktop app prints a press review's PDF itself, with Electron's printToPDF, from an
// offscreen window that loads the review's HTML file — the same file Chromium prints from
// elsewhere, so both PDFs agree. The window runs no script, has a session of its own (in memory,
// not the app's), and that session lets it load nothing but the one file (and inline data: images).
import { BrowserWindow, session } from 'electron';
import fsp from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../export/review-chromium.ts';

/** Not "persist:": nothing of the print window's session is kept on disk. */
const PARTITION = 'cuttings-review-print';

export function electronPrinter(): PdfPrinter {
  return async (htmlFile, pdfFile, signal) => {
    const only = pathToFileURL(htmlFile).href;
    const ses = session.fromPartition(PARTITION, { cache: false });
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== only && !details.url.startsWith('data:') }));
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { offscreen: true, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, session: ses },
    });
    const close = () => {
      if (!win.isDestroyed()) win.destroy();
    };
    signal.addEventListener('abort', close, { once: true });
    try {
      await win.loadFile(htmlFile);
      if (signal.aborted) throw new Error('cancelled');
      // Page size, margins, running head and numbers come from the review's own @page rules.
      const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, generateDocumentOutline: true, generateTaggedPDF: true });
      await fsp.writeFile(pdfFile, pdf);
    } finally {
      signal.removeEventListener('abort', close);
      close();
    }
  };
}
