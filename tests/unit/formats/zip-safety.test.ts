// Zip containers are hostile until read: caps on inflation (whatever the headers claim),
// overlapping entries refused, truncation reported as damage, and the entries of a .zip of
// clippings listed without directories, hidden files, __MACOSX, nested archives or paths.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listZipArticles, readBytes } from '../../../electron/import/formats/index.ts';
import { importErrorReason as reasonOf } from './corpus.ts';

const DOC = '<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Otters are back in the river.</w:t></w:r></w:p></w:body></w:document>';

function docx(documentXml: string | Uint8Array, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': typeof documentXml === 'string' ? strToU8(documentXml) : documentXml,
    ...extra,
  });
}


/** Rewrites every size field of the zip (local and central) to claim `size` bytes. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('zip containers', () => {
  it('reads a small docx built here', () => {
    const read = readBytes(docx(DOC), 'a.docx');
    expect(read.format).toBe('docx');
    expect(read.html).toContain('<p>Otters are back in the river.</p>');
  });

  it('stops inflating at the per-entry cap even when the headers claim a tiny size', () => {
    const huge = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const bomb = lieAboutSizes(docx(huge), 1024);
    const t = performance.now();
    const reason = reasonOf(() => readBytes(bomb, 'bomb.docx', { maxEntryBytes: 1024 * 1024 }));
    expect(reason).toMatch(/inflates to more than 1 MB/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('stops at the archive-wide budget', () => {
    const part = new Uint8Array(600 * 1024).fill(0x20);
    const zip = docx(DOC, { 'word/styles.xml': part, 'docProps/core.xml': part });
    expect(reasonOf(() => readBytes(zip, 'x.docx', { maxTotalInflatedBytes: 700 * 1024 }))).toMatch(/inflates to more than/);
  });

  it('refuses overlapping entries', () => {
    const zip = docx(DOC, { 'word/styles.xml': strToU8('<w:styles xmlns:w="w"/>') }).slice();
    const view = new DataView(zip.buffer);
    const central: number[] = [];
    for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) central.push(i);
    // Point the last entry at the first entry's data, as overlapping-entry bombs do.
    view.setUint32(central[central.length - 1] + 42, view.getUint32(central[0] + 42, true), true);
    expect(reasonOf(() => readBytes(zip, 'x.docx'))).toMatch(/overlap/);
  });

  it('calls a zip cut short damaged', () => {
    const zip = docx(DOC);
    expect(reasonOf(() => readBytes(zip.subarray(0, zip.length - 30), 'x.docx'))).toMatch(/^damaged file/);
  });

  it('lists the articles of a .zip of clippings, names only, never paths', () => {
    const zip = zipSync({
      'a.html': strToU8('<p>a</p>'),
      '__MACOSX/._a.html': strToU8('junk'),
      '.hidden.txt': strToU8('secret'),
      'sub/': new Uint8Array(0),
      'sub/b.txt': strToU8('b'),
      '../../evil.html': strToU8('<p>evil</p>'),
      'nested.zip': zipSync({ 'c.txt': strToU8('c') }),
    });
    const list = listZipArticles(zip);
    expect(list.map((e) => e.name).sort()).toEqual(['a.html', 'b.txt', 'evil.html']);
    expect(list.map((e) => e.path).sort()).toEqual(['a.html', 'evil.html', 'sub/b.txt']);
    expect(new TextDecoder().decode(list.find((e) => e.name === 'b.txt')!.bytes)).toBe('b');
  });

  it('reports an entry it cannot inflate instead of failing the whole archive', () => {
    const zip = lieAboutSizes(zipSync({ 'big.txt': new Uint8Array(3 * 1024 * 1024).fill(65) }), 10);
    const [entry] = listZipArticles(zip, { maxEntryBytes: 1024 * 1024 });
    expect(entry.error).toMatch(/inflates to more than/);
    expect(entry.bytes.length).toBe(0);
  });
});
