// Printing the review's HTML to PDF with Chromium's headless print, for browser mode, the CLI
// and the tests (the desktop app prints with Electron's own printToPDF: electron/shell/review-pdf.ts).
// One Chromium launch for the whole document, with a throwaway profile, no network (the page's
// CSP loads nothing, and the switches keep Chromium's own services quiet), and a time limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportError } from './export-error.ts';

/** Prints an HTML file to a PDF file; rejects when it cannot (or is aborted). */
export type PdfPrinter = (htmlFile: string, pdfFile: string, signal: AbortSignal) => Promise<void>;

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** $CUTTINGS_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH; null when none is found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.CUTTINGS_CHROMIUM?.trim();
  if (given) return fs.existsSync(given) ? given : onPath(given);
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

export const NO_CHROMIUM =
  'A PDF press review needs Chromium to lay out its pages, and none was found. Install it (Debian or Ubuntu: `sudo apt-get install chromium`; ' +
  'or Google Chrome), or set CUTTINGS_CHROMIUM to its program file. HTML and DOCX reviews need nothing more.';

const SWITCHES = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
  '--disable-default-apps', '--mute-audio', '--hide-scrollbars', '--generate-pdf-document-outline',
];

/** How long one print may take: a minute, plus a second for every 100 KB of HTML (a 200-clip review is a few MB). */
const timeLimitMs = (htmlBytes: number) => 60_000 + Math.ceil(htmlBytes / 100_000) * 1_000;

export function chromiumPrinter(executable?: string): PdfPrinter {
  return async (htmlFile, pdfFile, signal) => {
    const chromium = executable ?? findChromium();
    if (!chromium) throw new ExportError(NO_CHROMIUM);
    const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'cuttings-chromium-'));
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(chromium, [...SWITCHES, `--user-data-dir=${profile}`, `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => {
          if (stderr.length < 20_000) stderr += d.toString();
        });
        const stop = () => child.kill('SIGKILL');
        const timer = setTimeout(stop, timeLimitMs(fs.statSync(htmlFile).size));
        signal.addEventListener('abort', stop, { once: true });
        child.once('error', (e) => {
          clearTimeout(timer);
          reject(new ExportError(`Chromium (${chromium}) could not be started: ${e.message}. ${NO_CHROMIUM}`));
        });
        child.once('exit', (code, sig) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', stop);
          if (signal.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
          if (code === 0 && fs.existsSync(pdfFile) && fs.statSync(pdfFile).size > 0) return resolve();
          const why = sig ? `it was stopped (${sig}) after taking too long` : `it ended with status ${code}`;
          const detail = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^\[\d+:\d+:/.test(l)).slice(-2).join(' ');
          reject(new ExportError(`Chromium could not print the review to PDF: ${why}.${detail ? ` It said: ${detail.slice(0, 300)}` : ''}`));
        });
      });
    } finally {
      await fsp.rm(profile, { recursive: true, force: true });
    }
  };
}
