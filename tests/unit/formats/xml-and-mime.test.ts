// The XML tokenizer never expands entities and rejects broken nesting; MIME pieces decode
// quoted-printable, encoded words and parameters the way mail clients do.
import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, decodeWords, headerText, parseMessage, parseParams } from '../../../electron/import/formats/mime.ts';
import { scanXml, simpleElements, XmlError } from '../../../electron/import/formats/xml.ts';

describe('xml tokenizer', () => {
  it('skips the DTD: a billion-laughs entity stays unexpanded', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r><t>x&b;y &amp; &#233;</t></r>`;
    expect(simpleElements(xml).get('t')).toBe('xy & é');
  });

  it('never resolves an external entity', () => {
    const xml = `<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>`;
    expect(simpleElements(xml).get('r')).toBeUndefined();
  });

  it('throws on mismatched or unclosed elements', () => {
    expect(() => scanXml('<a><b></a>', () => {})).toThrow(XmlError);
    expect(() => scanXml('<a><b>text', () => {})).toThrow(XmlError);
    expect(() => scanXml('<a x="1"', () => {})).toThrow(XmlError);
  });

  it('stays linear on a long attribute without "="', () => {
    const junk = `<a ${'x '.repeat(200_000)}></a>`;
    const t = performance.now();
    scanXml(junk, () => {});
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('mime', () => {
  const text = (b: Uint8Array) => new TextDecoder().decode(b);

  it('decodes quoted-printable with soft breaks and a cut escape', () => {
    expect(text(decodeQuotedPrintable('caf=C3=A9 =\r\nau lait=3D ok=3'))).toBe('café au lait= ok=3');
  });

  it('decodes RFC 2047 words, joining adjacent ones', () => {
    expect(decodeWords('=?UTF-8?B?T3R0ZXJz?= =?utf-8?Q?_are_back_=E2=80=94?= today')).toBe('Otters are back — today');
    expect(decodeWords('=?iso-8859-1?Q?caf=E9?=')).toBe('café');
  });

  it('shows a UTF-7 encoded word literally instead of decoding it into markup', () => {
    expect(decodeWords('=?utf-7?Q?+ADw-script+AD4-?=')).toBe('+ADw-script+AD4-');
  });

  it('parses parameters with quotes, semicolons and RFC 2231', () => {
    const p = parseParams(`text/html; charset="utf-8"; name="a;b.html"; filename*=utf-8''caf%C3%A9.html`);
    expect(p.value).toBe('text/html');
    expect(p.params).toEqual({ charset: 'utf-8', name: 'a;b.html', filename: 'café.html' });
  });

  it('bounds multipart nesting', () => {
    let msg = 'Content-Type: text/plain\r\n\r\ninnermost';
    for (let i = 0; i < 500; i++) msg = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${msg}\r\n--b${i}--\r\n`;
    const root = parseMessage(msg, { maxDepth: 20 });
    let depth = 0;
    for (let p = root; p.children.length; p = p.children[0]) depth++;
    expect(depth).toBe(20);
  });

  it('reads raw UTF-8 header bytes (no encoded words) as UTF-8', () => {
    const root = parseMessage('Subject: caf\xc3\xa9 \xe2\x80\x94 ok\r\n\r\nbody', { maxDepth: 5 });
    expect(headerText(root.headers, 'subject')).toBe('café — ok');
  });
});
