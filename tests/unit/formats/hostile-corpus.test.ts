// The hostile corpus at the reader level: every saved article carrying a script payload
// still reads (headline paragraphs present), markup in .txt stays characters, and a UTF-7
// label never turns "+ADw-script+AD4-" into live markup. (Sanitizing and rendering are
// tested where they happen; the reader's job is not to create markup that was not there.)
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { ImportError } from '../../../electron/import/types.ts';
import { HOSTILE, norm, visibleText } from './corpus.ts';

interface Entry {
  file: string;
  format: string;
  placement: string;
  expect: { import: 'success' | 'success-or-clear-error'; bodyContains?: string[]; bodyContainsLiteral?: string[] };
}

const available = fs.existsSync(path.join(HOSTILE, 'manifest.json'));
const manifest: Entry[] = available ? JSON.parse(fs.readFileSync(path.join(HOSTILE, 'manifest.json'), 'utf8')) : [];
const EXPECTED_FORMAT: Record<string, string> = { html: 'html', mhtml: 'mhtml', eml: 'eml', markdown: 'md', md: 'md', txt: 'txt', text: 'txt' };

describe.skipIf(!available)('hostile corpus', () => {
  it.each(manifest)('$file ($placement) reads without creating markup', (entry) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(HOSTILE, 'files', entry.file)));
    let read;
    try {
      read = readBytes(bytes, entry.file);
    } catch (err) {
      expect(entry.expect.import).toBe('success-or-clear-error');
      expect(err).toBeInstanceOf(ImportError);
      return;
    }
    expect(read.format).toBe(EXPECTED_FORMAT[entry.format] ?? entry.format);
    const text = norm(visibleText(read));
    for (const s of entry.expect.bodyContains ?? []) expect(text).toContain(norm(s));
    if (read.kind === 'text') {
      for (const s of entry.expect.bodyContainsLiteral ?? []) expect(read.text).toContain(s);
    }
    if (/utf7/.test(entry.placement)) {
      // Nothing but literal text: the "+ADw-" sequences stay as they were written.
      expect(read.html ?? read.text).toContain('+ADw-');
      const { document } = parseHTML(read.html ?? '');
      expect((document as unknown as Document).querySelectorAll('script,img,svg,iframe,a,meta[http-equiv]').length).toBe(0);
    }
    if (entry.format === 'mhtml' || entry.format === 'eml') {
      expect(read.hints.url ?? '').not.toMatch(/^\s*javascript:/i);
      for (const a of read.attachments) expect(a.mime).not.toMatch(/svg|html|javascript/);
    }
  });

  it('reads .txt payloads as text, never as HTML', () => {
    const txt = manifest.filter((e) => e.file.endsWith('.txt'));
    expect(txt.length).toBeGreaterThan(0);
    for (const e of txt) {
      const read = readBytes(new Uint8Array(fs.readFileSync(path.join(HOSTILE, 'files', e.file))), e.file);
      expect(read.kind).toBe('text');
      expect(read.text).toContain('<script');
    }
  });

  it('takes the forwarded article out of a message/rfc822 part, titled by the outer Subject', () => {
    const read = readBytes(new Uint8Array(fs.readFileSync(path.join(HOSTILE, 'files', 'xss-joplin-017.eml'))), 'x.eml');
    expect(norm(visibleText(read))).toContain('reference: probe joplin-017.');
    expect(read.hints.title).toBe('Minister defends rail budget as northern lines face cuts');
  });
});
