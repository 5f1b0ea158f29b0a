// The press review as PDF (one Chromium print of the review's HTML) and as DOCX: real files
// whose text holds the headlines, the title page and the page numbers. The PDF's pages are
// rendered to PNG (pdftoppm, in /tmp/cuttings-review-pages/) for a person to look at; the DOCX
// is read from its XML, and laid out by LibreOffice where it is installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../../electron/api.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { findChromium } from '../../../electron/export/review-chromium.ts';
import { PROJECT_ROOT } from '../../helpers/temp-library.ts';
import { exportFixture, type ExportFixture } from './export-library.ts';
import { compileReview } from './review-compile.ts';

const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const PAGES_DIR = path.join(os.tmpdir(), 'cuttings-review-pages');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
/** Words of a headline as pdftotext gives them back (lines may wrap anywhere). */
const words = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter((w) => w.length > 3).slice(0, 4);

describe('press review files', () => {
  let fx: ExportFixture;
  let handlers: Handlers;
  const events = new EventBus();
  let clips: Clip[];
  beforeAll(async () => {
    fx = await exportFixture();
    handlers = createHandlers({ library: fx.lib, events, shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
    const page = await handlers.api.listClips({ limit: 100 });
    // Latin-script clips only for the text checks: this machine may have no CJK font.
    clips = (await Promise.all(page.clips.map((c) => handlers.api.getClip({ id: c.id })))).filter((c) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u.test(c.title));
    fs.mkdirSync(PAGES_DIR, { recursive: true });
  });
  afterAll(async () => {
    await handlers.dispose();
    await fx.cleanup();
  });

  it.skipIf(!findChromium() || !has('pdftotext'))('PDF: a real PDF with the title page, headlines and "Page N of M" on every page but the first', async () => {
    const output = path.join(fx.work, 'review.pdf');
    const { summary, progress } = await compileReview(handlers, events, { format: 'pdf', title: 'Morning press review', compiledBy: 'Press Office', group: 'day' }, output);
    expect(summary).toMatchObject({ status: 'done', format: 'pdf', output });
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['reading', 'printing', 'saving']));
    expect(fs.readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pageCount(output);
    // A title page, contents, and each full article starting on a page of its own.
    expect(pages).toBeGreaterThanOrEqual(summary.clips + 2);
    expect(pages).toBeLessThan(summary.clips * 12);
    const text = pdfText(output);
    expect(text).toContain('Morning press review');
    expect(text).toContain('Press Office');
    for (const c of clips) for (const w of words(c.title)) expect(text, c.title).toContain(w);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', output, '-'], { encoding: 'utf8' });
    expect(first).not.toMatch(/Page \d+ of/);
    for (const n of [2, pages]) {
      expect(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), output, '-'], { encoding: 'utf8' })).toContain(`Page ${n} of ${pages}`);
    }
    // The pages as images, to look at.
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '8', output, path.join(PAGES_DIR, 'pdf-page')]);
      expect(fs.readdirSync(PAGES_DIR).filter((f) => f.startsWith('pdf-page')).length).toBeGreaterThanOrEqual(Math.min(8, pages));
    }
  }, 120_000);

  it('DOCX: opens as a Word document with the title page, grouped contents, headings, text and page numbers', async () => {
    const output = path.join(fx.work, 'review.docx');
    const { summary } = await compileReview(handlers, events, { format: 'docx', title: 'Morning press review', compiledBy: 'Press Office', group: 'outlet', content: 'full' }, output);
    expect(summary.status).toBe('done');
    const files = unzipSync(new Uint8Array(fs.readFileSync(output)));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    expect(text).toContain('Morning press review');
    expect(text).toContain('Press Office');
    expect(xml).toContain('w:val="Title"');
    const seed = clips.find((c) => c.id === fx.seedId)!;
    // Each clip a Heading 2 holding a bookmark the contents link to.
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
    expect(headings).toContain(seed.title.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;'));
    expect(xml).toMatch(/<w:hyperlink[^>]*w:anchor="c_[A-Za-z0-9]+"/);
    expect(xml).toMatch(/<w:bookmarkStart w:name="c_[A-Za-z0-9]+"/);
    expect(text).toContain('Russia is the second-largest lender to Caracas');
    expect(text).toContain('By AFP');
    // Groups by outlet, as Heading 1.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]{0,400}guardian\.ng/);
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => new TextDecoder().decode(files[f])).join('');
    expect(footers).toMatch(/PAGE[\s\S]*NUMPAGES/);

    if (has('soffice') && has('pdftotext')) {
      const outDir = path.join(fx.work, 'docx-pdf');
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, output], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: fx.work } });
      const pdf = path.join(outDir, 'review.pdf');
      const laidOut = pdfText(pdf);
      for (const w of words(seed.title)) expect(laidOut).toContain(w);
      expect(laidOut).toMatch(/Page 2 of \d+/);
      if (has('pdftoppm')) execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '6', pdf, path.join(PAGES_DIR, 'docx-page')]);
    }
  }, 180_000);
});
