// Every row of the malformed corpus's expectations.json, at the reader level: "error"
// rows throw an ImportError with a short readable reason, "import" rows return the
// article, "either" rows do one or the other — never garbage (NULs, runs of U+FFFD,
// control characters) and never slowly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { ImportError, type ReadResult } from '../../../electron/import/types.ts';
import { CORPUS, corpusExists, norm, visibleText } from './corpus.ts';

interface Row {
  path: string;
  expect: 'error' | 'import' | 'either';
  why: string;
}

const ROOT = path.join(CORPUS, 'malformed');
const available = corpusExists('malformed', 'expectations.json');
const rows: Row[] = available ? JSON.parse(fs.readFileSync(path.join(ROOT, 'expectations.json'), 'utf8')) : [];
const files = rows.filter((r) => fs.existsSync(path.join(ROOT, r.path)) && fs.statSync(path.join(ROOT, r.path)).isFile());
// The whole malformed article is the same story; every import must keep its opening.
const ARTICLE = 'a family of otters has been filmed on the river';

type Outcome = { ok: true; read: ReadResult; text: string } | { ok: false; error: unknown };

function attempt(row: Row): Outcome {
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, row.path)));
  try {
    const read = readBytes(bytes, path.basename(row.path));
    return { ok: true, read, text: visibleText(read) };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectReadableError(row: Row, error: unknown): void {
  expect(error, String(error)).toBeInstanceOf(ImportError);
  const reason = (error as ImportError).reason;
  expect(reason.length).toBeGreaterThan(5);
  expect(reason.length).toBeLessThan(200);
  expect(reason).not.toMatch(/[\n\r]|undefined|\bat \w+ \(|TypeError|RangeError/);
  expect(reason).not.toContain(path.basename(row.path)); // the caller adds the (escaped) name
}

// Rows whose bytes ARE damaged UTF-8: replacement characters are the right answer there.
const REPLACEMENTS_EXPECTED = new Set(['text/invalid-utf8.txt', 'html/invalid-utf8.html']);

function expectCleanResult(row: Row, read: ReadResult, text: string): void {
  const raw = read.kind === 'html' ? read.html ?? '' : read.text ?? '';
  expect(raw).not.toContain('\u0000');
  if (!REPLACEMENTS_EXPECTED.has(row.path)) expect(text).not.toMatch(/\ufffd{2,}/);
  if (read.kind === 'text') expect(raw).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  expect(norm(text).length).toBeGreaterThan(0);
}

describe.skipIf(!available)('malformed corpus', () => {
  it('lists the 128 entries of the README', () => {
    expect(rows.length).toBe(128);
  });

  it.each(files)('$path → $expect ($why)', (row) => {
    // A file that makes a reader hang is caught by the test's own time-out; how fast each is
    // read depends on the machine and belongs in bench/.
    const out = attempt(row);
    if (row.expect === 'error') {
      expect(out.ok, out.ok ? `imported as ${out.read.format}` : '').toBe(false);
      if (!out.ok) expectReadableError(row, out.error);
      return;
    }
    if (!out.ok) {
      expect(row.expect, `refused: ${(out.error as ImportError).reason ?? out.error}`).toBe('either');
      expectReadableError(row, out.error);
      return;
    }
    expectCleanResult(row, out.read, out.text);
    // "either" rows may hold only part of the article (a cut file, a swallowed body).
    if (row.expect === 'import') expect(norm(out.text)).toContain(ARTICLE);
  });

  // What specific rows say, beyond "imports".
  const get = (p: string) => {
    const out = attempt({ path: p, expect: 'import', why: '' });
    if (!out.ok) throw out.error;
    return out;
  };

  it('decodes by the BOM over conflicting <meta> charsets, and windows-1252 where declared or detected', () => {
    expect(get('html/charset-conflict.html').text).not.toMatch(/[\u0400-\u04ff\uff61-\uff9f]/); // no Cyrillic / half-width kana mojibake
    for (const p of ['html/windows-1252-declared.html', 'text/windows-1252-smart-quotes.txt', 'html/windows-1252-labelled-utf8.html']) {
      const text = get(p).text;
      expect(text, p).toContain('“Otters are back” —');
      expect(text, p).not.toContain('\ufffd');
    }
    expect(get('html/windows-1252-declared.html').text).toMatch(/river’s café.*€1m/s);
  });

  it('reads UTF-16 with and without a BOM, and drops a UTF-8 BOM', () => {
    expect(get('text/utf16le-bom.txt').text).toContain('\u{1F9A6}');
    expect(norm(get('text/utf16be-bom.txt').text)).toContain(ARTICLE);
    expect(norm(get('text/utf16le-no-bom.txt').text)).toContain(ARTICLE);
    expect(get('text/utf8-bom.txt').text.charCodeAt(0)).not.toBe(0xfeff);
    expect(get('html/utf16le-bom.html').read.format).toBe('html');
  });

  it('keeps damaged UTF-8 as text with replacement characters', () => {
    const t = get('text/invalid-utf8.txt').text;
    expect(t).toContain('\ufffd');
    expect(t).toContain('Volunteers have removed');
  });

  it('normalises every kind of line break and strips NULs and terminal escapes', () => {
    expect(get('text/mixed-line-endings.txt').text).not.toMatch(/[\r\f\u0085\u2028\u2029]/);
    expect(get('text/nul-bytes.txt').text).not.toContain('\u0000');
    const ansi = get('text/ansi-escapes-title.txt').text;
    expect(ansi).not.toContain('\u001b');
    expect(ansi.startsWith('Otters return to city river')).toBe(true);
  });

  it('never expands XML entities from a DTD, never includes external files', () => {
    expect(get('docx/billion-laughs.docx').read.html!.length).toBeLessThan(10_000);
    expect(get('docx/billion-laughs.docx').text).not.toContain('lollol');
    expect(get('docx/xxe-file.docx').text).not.toContain('root:');
  });

  it('sniffs the real format behind a wrong extension', () => {
    expect(get('wrong-ext/pdf-named.html').read.format).toBe('pdf');
    expect(get('wrong-ext/docx-named.pdf').read.format).toBe('docx');
    expect(get('wrong-ext/html-named.pdf').read.format).toBe('html');
    expect(get('wrong-ext/gzip-named.html').read.format).toBe('html');
    expect(get('mhtml/not-mime-at-all.mhtml').read.format).toBe('html');
  });

  it('states the controls\' metadata', () => {
    for (const p of ['valid/article.pdf', 'valid/article.docx', 'valid/article.odt', 'valid/article.epub', 'valid/article.mhtml']) {
      expect(get(p).read.hints.title, p).toBe('Otters return to city river for the first time in fifty years');
    }
    expect(get('valid/article.docx').read.hints.author).toBe('Priya Raman');
    expect(get('valid/article.pdf').read.hints.author).toBe('Priya Raman');
    expect(get('webarchive/xml-plist.webarchive').read.hints.url).toBe('https://www.riversidedaily.example/science/2019/09/20/river-otters-return');
  });
});
