// A small XML tokenizer for the documents inside docx/odt/epub/plist. Safe by
// construction: DOCTYPE declarations (and their internal subsets) are skipped, so no
// entity is ever defined, expanded or fetched; an unknown entity reference becomes
// nothing. Linear in the input; well-formedness of the element nesting is checked.

import { decodeWindows1252 } from './charset.ts';

export type XmlToken =
  | { t: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { t: 'close'; name: string }
  | { t: 'text'; text: string };

export class XmlError extends Error {}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9._-]{0,40});/g, (_m, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? '';
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '';
    return String.fromCodePoint(cp);
  });
}

/** Calls `on` for every token. Throws XmlError when the document is not well formed. */
export function scanXml(xml: string, on: (tok: XmlToken) => void): void {
  const stack: string[] = [];
  let i = 0;
  const n = xml.length;
  let sawRoot = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (stack.length) emitText(xml.slice(i), on);
      break;
    }
    if (lt > i && stack.length) emitText(xml.slice(i, lt), on);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('unterminated CDATA');
      if (stack.length) on({ t: 'text', text: xml.slice(lt + 9, end) });
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      i = skipDeclaration(xml, lt);
    } else if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError('unterminated end tag');
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open !== name) throw new XmlError(`mismatched end tag </${name.slice(0, 40)}>`);
      on({ t: 'close', name });
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      if (end < 0) throw new XmlError('unterminated tag');
      const selfClosing = xml.charCodeAt(end - 1) === 47;
      const inner = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameEnd = inner.search(/[\s]/);
      const name = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
      if (!name || !/^[A-Za-z_:][\w:.-]*$/.test(name)) throw new XmlError('bad tag name');
      if (!stack.length && sawRoot) throw new XmlError('more than one root element');
      sawRoot = true;
      on({ t: 'open', name, attrs: nameEnd < 0 ? {} : parseAttrs(inner.slice(nameEnd)), selfClosing });
      if (selfClosing) on({ t: 'close', name });
      else stack.push(name);
      i = end + 1;
    }
  }
  if (stack.length) throw new XmlError(`unclosed element <${stack[stack.length - 1].slice(0, 40)}>`);
  if (!sawRoot) throw new XmlError('no root element');
}

function emitText(raw: string, on: (tok: XmlToken) => void): void {
  on({ t: 'text', text: decodeEntities(raw) });
}

/** Index of the ">" closing a start tag, skipping ">" inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -1; // "<" inside a tag: not well formed
  }
  return -1;
}

/** Skips <!DOCTYPE …> including an internal subset in [ ]: nothing in it is used. */
function skipDeclaration(xml: string, lt: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === 62 && depth <= 0) return i + 1;
  }
  throw new XmlError('unterminated declaration');
}

function parseAttrs(s: string): Record<string, string> {
  // A hand-written loop: a regex here backtracks quadratically on long junk without "=".
  const attrs: Record<string, string> = {};
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && /\s/.test(s[i])) i++;
    const nameStart = i;
    while (i < n && s[i] !== '=' && !/\s/.test(s[i])) i++;
    const name = s.slice(nameStart, i);
    while (i < n && /\s/.test(s[i])) i++;
    if (s[i] !== '=') {
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < n && /\s/.test(s[i])) i++;
    const q = s[i];
    if (q !== '"' && q !== "'") continue;
    const end = s.indexOf(q, i + 1);
    if (end < 0) break;
    if (name && !(name in attrs)) attrs[name] = decodeEntities(s.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** The local part of a qualified name: "w:p" → "p". */
export function local(name: string): string {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
}

/** Decodes XML bytes: BOM, else the encoding declaration, else UTF-8. */
export function xmlBytesToString(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(200, bytes.length)).toString('latin1');
  const m = /^(?:\xef\xbb\xbf)?<\?xml[^>]{0,150}encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head);
  let enc = 'utf-8';
  if (m) {
    try {
      enc = new TextDecoder(m[1]).encoding;
    } catch {
      enc = 'utf-8';
    }
    if (enc.startsWith('utf-16')) enc = 'utf-8';
  }
  return enc === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(enc).decode(bytes);
}

/** Collects the text of simple elements (name → first text), e.g. for metadata files. */
export function simpleElements(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const open: string[] = [];
  let buf = '';
  scanXml(xml, (tok) => {
    if (tok.t === 'open') {
      open.push(tok.name);
      buf = '';
    } else if (tok.t === 'text') buf += tok.text;
    else {
      const name = open.pop();
      if (name && !out.has(name) && buf.trim()) out.set(name, buf.trim());
      buf = '';
    }
  });
  return out;
}
