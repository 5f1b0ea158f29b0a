// MIME (RFC 2045–2047, 2387) as used by saved pages (.mhtml) and e-mails (.eml): headers
// with folding and encoded words, parameters, multipart bodies, quoted-printable and
// base64. Bodies are kept as binary strings (one byte per char) until a reader knows
// their charset. Nesting is bounded; a part deeper than the limit is left unopened.
import { fromBinaryString } from './bytes.ts';
import { decodeAs, decodeUtf8OrLegacy, normaliseLabel } from './charset.ts';

export interface MimeHeaders {
  /** Lower-cased name → raw value (unfolded, still RFC 2047-encoded), first occurrence. */
  raw: Map<string, string>;
}

export interface MimePart {
  headers: MimeHeaders;
  /** Lower-cased "type/subtype"; "text/plain" when absent. */
  type: string;
  params: Record<string, string>;
  /** Binary string of the encoded body. */
  body: string;
  children: MimePart[];
  /** True when a multipart boundary was never found or the part was cut short. */
  damaged: boolean;
  /** True when nesting went beyond the limit and this part was not opened. */
  tooDeep: boolean;
}

const HEADER_NAME = /^[!-9;-~]{1,200}:/;

/** Splits a header block from its body. A line that is not a header ends the block. */
export function parseHeaders(bin: string, start = 0): { headers: MimeHeaders; bodyStart: number } {
  const raw = new Map<string, string>();
  let pos = start;
  let name = '';
  let value = '';
  const flush = () => {
    if (name && !raw.has(name)) raw.set(name, value.trim());
    name = '';
  };
  while (pos < bin.length) {
    let eol = bin.indexOf('\n', pos);
    if (eol < 0) eol = bin.length;
    const line = bin.slice(pos, eol > pos && bin.charCodeAt(eol - 1) === 13 ? eol - 1 : eol);
    if (line === '') {
      pos = eol + 1;
      break;
    }
    if ((line[0] === ' ' || line[0] === '\t') && name) {
      value += ' ' + line.trim();
    } else if (HEADER_NAME.test(line)) {
      flush();
      const colon = line.indexOf(':');
      name = line.slice(0, colon).trim().toLowerCase();
      value = line.slice(colon + 1);
    } else {
      break; // body starts without a blank line
    }
    pos = eol + 1;
  }
  flush();
  return { headers: { raw }, bodyStart: Math.min(pos, bin.length) };
}

/** A header as text: raw 8-bit bytes decoded (UTF-8 or windows-1252), encoded words decoded. */
export function headerText(headers: MimeHeaders, name: string): string | null {
  const v = headers.raw.get(name);
  if (v === undefined) return null;
  return decodeWords(decodeRawHeader(v)).replace(/\s+/g, ' ').trim();
}

function decodeRawHeader(v: string): string {
  return /[\x80-\xff]/.test(v) ? decodeUtf8OrLegacy(fromBinaryString(v)).text : v;
}

/** RFC 2047 encoded words; whitespace between two encoded words disappears. */
export function decodeWords(s: string): string {
  if (!s.includes('=?')) return s;
  const joined = s.replace(/(\?=)[ \t]+(?==\?)/g, '$1');
  return joined.replace(/=\?([^?\s]{1,60})\?([bBqQ])\?([^?\s]{0,10000})\?=/g, (_m, charset: string, enc: string, data: string) => {
    const bytes = enc.toUpperCase() === 'B'
      ? new Uint8Array(Buffer.from(data, 'base64'))
      : decodeQuotedPrintable(data.replace(/_/g, ' '));
    const label = normaliseLabel(charset.split('*')[0]);
    // Refused or unknown charsets (UTF-7 among them) show their bytes literally.
    return label ? decodeAs(bytes, label) : decodeUtf8OrLegacy(bytes).text;
  });
}

/** "text/html; charset=utf-8; boundary=\"x\"" → value + lower-cased parameter names. */
export function parseParams(value: string): { value: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && quoted && i + 1 < value.length) cur += value[++i];
    else if (c === ';' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    let key = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    // RFC 2231: name*=utf-8''percent%20encoded
    if (key.endsWith('*')) {
      key = key.slice(0, -1);
      const m = /^([^']*)'[^']*'(.*)$/.exec(v);
      if (m) {
        try {
          v = decodeAs(fromBinaryString(unescape(m[2])), normaliseLabel(m[1]) ?? 'utf-8');
        } catch {
          v = m[2];
        }
      }
    }
    if (key && !(key in params)) params[key] = v;
  }
  return { value: parts[0].trim().toLowerCase(), params };
}

export interface ParseOptions {
  maxDepth: number;
  /** Most parts collected in one message (hostile messages list thousands). */
  maxParts?: number;
}

/** Parses a whole message (or a part) from a binary string. */
export function parseMessage(bin: string, options: ParseOptions): MimePart {
  const budget = { parts: options.maxParts ?? 5000 };
  return parsePart(bin, 0, options.maxDepth, budget);
}

function parsePart(bin: string, depth: number, maxDepth: number, budget: { parts: number }): MimePart {
  const { headers, bodyStart } = parseHeaders(bin);
  const ct = parseParams(decodeRawHeader(headers.raw.get('content-type') ?? 'text/plain'));
  const type = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(ct.value) ? ct.value : 'text/plain';
  const part: MimePart = { headers, type, params: ct.params, body: bin.slice(bodyStart), children: [], damaged: false, tooDeep: false };
  budget.parts--;
  if (!type.startsWith('multipart/')) return part;
  if (depth >= maxDepth || budget.parts <= 0) {
    part.tooDeep = true;
    return part;
  }
  const boundary = ct.params.boundary || guessBoundary(part.body);
  if (!boundary) {
    part.damaged = true;
    return part;
  }
  const { bodies, closed } = splitMultipart(part.body, boundary);
  part.damaged = !closed;
  for (const b of bodies) {
    if (budget.parts <= 0) break;
    part.children.push(parsePart(b, depth + 1, maxDepth, budget));
  }
  return part;
}

/** For "multipart/*" without a boundary parameter: the first line that looks like one. */
function guessBoundary(body: string): string | null {
  const m = /^--([^\r\n]{1,200}?)[ \t]*\r?$/m.exec(body.slice(0, 65536));
  return m && !m[1].endsWith('--') ? m[1] : null;
}

/** The bodies between "--boundary" lines; `closed` when "--boundary--" was seen. */
export function splitMultipart(body: string, boundary: string): { bodies: string[]; closed: boolean } {
  const delim = '--' + boundary;
  const bodies: string[] = [];
  let pos = body.startsWith(delim) ? 0 : body.indexOf('\n' + delim);
  if (pos < 0) return { bodies, closed: false };
  if (pos > 0) pos += 1;
  for (;;) {
    const afterDelim = pos + delim.length;
    if (body.startsWith('--', afterDelim)) return { bodies, closed: true };
    const lineEnd = body.indexOf('\n', afterDelim);
    if (lineEnd < 0) return { bodies, closed: false };
    const start = lineEnd + 1;
    const next = body.indexOf('\n' + delim, start - 1);
    if (next < 0) {
      bodies.push(body.slice(start));
      return { bodies, closed: false };
    }
    let end = next;
    if (end > start && body.charCodeAt(end - 1) === 13) end--;
    bodies.push(body.slice(start, Math.max(start, end)));
    pos = next + 1;
  }
}

/** The decoded bytes of a leaf part (Content-Transfer-Encoding applied). */
export function decodeBody(part: MimePart): Uint8Array {
  const cte = (part.headers.raw.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (cte === 'base64') return new Uint8Array(Buffer.from(part.body.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64'));
  if (cte === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return fromBinaryString(part.body);
}

/** Quoted-printable: "=XX" bytes and "=" soft line breaks; a broken escape stays literal. */
export function decodeQuotedPrintable(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let o = 0;
  const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 61 /* = */) {
      out[o++] = c & 0xff;
      continue;
    }
    const a = s.charCodeAt(i + 1);
    if (a === 13 && s.charCodeAt(i + 2) === 10) {
      i += 2;
      continue;
    }
    if (a === 10) {
      i += 1;
      continue;
    }
    const h = hex(a);
    const l = hex(s.charCodeAt(i + 2));
    if (h >= 0 && l >= 0) {
      out[o++] = h * 16 + l;
      i += 2;
    } else if (i + 1 >= s.length) {
      // "=" at the very end: a soft break cut off
    } else {
      out[o++] = c;
    }
  }
  return out.subarray(0, o);
}

/** Content-Disposition says attachment (or the part carries a file name and is not text). */
export function isAttachment(part: MimePart): boolean {
  const disp = parseParams(part.headers.raw.get('content-disposition') ?? '');
  if (disp.value === 'attachment') return true;
  if (disp.value === 'inline') return false;
  return !!(disp.params.filename || part.params.name) && !part.type.startsWith('text/');
}

/** Every leaf in document order, bounded. */
export function leaves(part: MimePart, out: MimePart[] = [], max = 5000): MimePart[] {
  const stack: MimePart[] = [part];
  while (stack.length && out.length < max) {
    const p = stack.pop()!;
    if (p.children.length) for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i]);
    else out.push(p);
  }
  return out;
}

/** "<abc@x>" → "abc@x" */
export function contentId(part: MimePart): string | null {
  const v = part.headers.raw.get('content-id');
  if (!v) return null;
  return v.trim().replace(/^<|>$/g, '') || null;
}
