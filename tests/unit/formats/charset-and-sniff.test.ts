// Decoding order and format sniffing: the bytes decide, the extension only breaks ties.
import { gzipSync, strToU8 } from 'fflate';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeHtml, decodeText, decodeWindows1252, normaliseLabel } from '../../../electron/import/formats/charset.ts';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { corpusExists, readCorpusFile } from './corpus.ts';
import { importErrorReason as reason } from './corpus.ts';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));


describe('charsets', () => {
  it('decodes windows-1252 by the WHATWG table (not as ISO-8859-1 controls)', () => {
    expect(decodeWindows1252(latin1('\x93caf\xe9\x94 \x80 \x97'))).toBe('“café” € —');
  });

  it('follows BOM > transport charset > <meta> > UTF-8 > windows-1252 for HTML', () => {
    const meta1251 = '<meta charset="windows-1251"><p>\xc0</p>';
    expect(decodeHtml(latin1(meta1251)).text).toContain('<p>А</p>'); // Cyrillic A
    expect(decodeHtml(latin1(meta1251), 'iso-8859-2').encoding).toBe('iso-8859-2');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="shift_jis"><p>é</p>')])).text).toContain('<p>é</p>');
    expect(decodeHtml(latin1('<p>caf\xe9</p>')).encoding).toBe('windows-1252');
    expect(decodeHtml(utf8('<p>café</p>')).encoding).toBe('utf-8');
  });

  it('reads a page saved as UTF-8 that still declares a one-byte charset as UTF-8, and says so', () => {
    const d = decodeHtml(utf8('<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1"><title>Andrés Iniesta: «mágicos»</title>'));
    expect(d.text).toContain('Andrés Iniesta: «mágicos»');
    expect(d.warnings).toEqual(['declared "ISO-8859-1" but the bytes are UTF-8: read as UTF-8']);
    // A real saved page from the corpus: its <meta> says ISO-8859-1, its bytes are UTF-8.
    const text = decodeHtml(new Uint8Array(gunzipSync(readCorpusFile('extraction/dev/htmldate/html/1653186688.html.gz')))).text;
    expect(text).toContain('Andrés Iniesta');
    expect(text).not.toContain('AndrÃ©s');
    // The same mistake in an e-mail part's charset.
    expect(decodeText(utf8('Grüße aus Köln'), 'iso-8859-1').text).toBe('Grüße aus Köln');
    // Text really in the declared charset is still read in it: ASCII, Latin-1 and Cyrillic.
    expect(decodeHtml(latin1('<meta charset="iso-8859-1"><p>caf\xe9 cr\xe8me</p>')).text).toContain('café crème');
    expect(decodeHtml(latin1('<meta charset="windows-1251"><p>\xcc\xee\xf1\xea\xe2\xe0</p>')).text).toContain('Москва');
    expect(decodeHtml(utf8('<meta charset="iso-8859-1"><p>plain</p>'))).toMatchObject({ encoding: 'windows-1252', warnings: [] });
    expect(decodeText(latin1('Gr\xfc\xdfe'), 'iso-8859-1').text).toBe('Grüße');
  });

  it('treats a <meta> UTF-16 claim on ASCII bytes as UTF-8', () => {
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>café</p>')).text).toContain('café');
  });

  it('refuses UTF-7 everywhere, so "+ADw-" stays literal', () => {
    expect(normaliseLabel('utf-7')).toBeNull();
    expect(normaliseLabel('UNICODE-1-1-UTF-7')).toBeNull();
    const d = decodeHtml(utf8('+ADw-script+AD4-alert(1)+ADw-/script+AD4-'), 'utf-7');
    expect(d.text).toBe('+ADw-script+AD4-alert(1)+ADw-/script+AD4-');
  });

  it('keeps damaged UTF-8 as UTF-8 and isolated high bytes as windows-1252', () => {
    expect(decodeText(utf8('naïve café ')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([...utf8('naïve café '), 0xc0, 0xaf, 0xe2, 0x82])).encoding).toBe('utf-8');
    expect(decodeText(latin1('na\xefve caf\xe9 \x93quoted\x94')).encoding).toBe('windows-1252');
  });

  it('detects UTF-16 without a BOM', () => {
    const le = new Uint8Array(Buffer.from('Otters return to the river.', 'utf16le'));
    expect(decodeText(le).text).toBe('Otters return to the river.');
  });
});

describe('sniffing', () => {
  it('refuses a PNG named .txt and random bytes under any name', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(reason(() => readBytes(png, 'photo.txt'))).toBe('not a text document: the file is a PNG image');
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(reason(() => readBytes(random, 'page.html'))).toMatch(/^not a text document/);
  });

  it('gives an OLE compound file a clear legacy/encrypted Word reason', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(reason(() => readBytes(ole, 'report.docx'))).toMatch(/encrypted or legacy Word document/);
  });

  it('gunzips gzip-compressed HTML, whatever the name', () => {
    const gz = gzipSync(strToU8('<!DOCTYPE html><title>T</title><p>Otters are back.</p>'));
    const read = readBytes(gz, 'page.html');
    expect(read.format).toBe('html');
    expect(read.html).toContain('Otters are back.');
  });

  it('refuses a gzip that inflates past the cap', () => {
    const gz = gzipSync(new Uint8Array(4 * 1024 * 1024).fill(0x41));
    expect(reason(() => readBytes(gz, 'page.html', { maxEntryBytes: 1024 * 1024 }))).toMatch(/too large once decompressed/);
  });

  it.skipIf(!corpusExists('malformed', 'valid', 'article.pdf'))('reads a PDF named .html as a PDF', () => {
    expect(readBytes(readCorpusFile('malformed', 'valid', 'article.pdf'), 'article.html').format).toBe('pdf');
  });

  it('tells an e-mail from an MHTML snapshot by its headers, the extension breaking ties', () => {
    const mail = 'From: "Daily" <n@daily.example>\r\nTo: r@example.org\r\nSubject: Hi\r\nContent-Type: text/plain\r\n\r\nOtters are back.\r\n';
    expect(readBytes(utf8(mail), 'note.txt').format).toBe('eml');
    const snapshot = 'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://a.example/\r\nSubject: T\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Otters are back.</p>\r\n--b--\r\n';
    const read = readBytes(utf8(snapshot), 'page.eml');
    expect(read.format).toBe('mhtml');
    expect(read.hints.url).toBe('https://a.example/');
  });

  it('keeps markup in a .txt file as text', () => {
    const read = readBytes(utf8('Headline\n\n<script>alert(1)</script>\n'), 'page.txt');
    expect(read.format).toBe('txt');
    expect(read.text).toContain('<script>alert(1)</script>');
  });

  it('recognises a Cuttings export and refuses other JSON', () => {
    const json = JSON.stringify({ cuttings: { format: 'cuttings-export', version: 1 }, clips: [] });
    const read = readBytes(utf8(json), 'library.json');
    expect(read.format).toBe('cuttings-json');
    expect(read.text).toBe(json);
    expect(reason(() => readBytes(utf8('{"a": 1}'), 'data.json'))).toBe('unsupported format: JSON data');
  });

  it('says "file is empty" and "file too large"', () => {
    expect(reason(() => readBytes(new Uint8Array(0), 'a.html'))).toBe('file is empty');
    expect(reason(() => readBytes(utf8('<p>hello</p>'), 'a.html', { maxInputBytes: 5 }))).toMatch(/^file too large/);
  });

  it('refuses plain text under a binary document name', () => {
    expect(reason(() => readBytes(utf8('This is not a zip at all, just some text.'), 'article.docx'))).toMatch(/^not a Word document/);
  });
});
