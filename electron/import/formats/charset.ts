// Turning bytes into text: byte-order marks, declared charsets (WHATWG labels, so
// "iso-8859-1" means windows-1252 as in every browser), UTF-16 without a BOM, and the
// windows-1252 fallback for text that is not valid UTF-8.
//
// UTF-7 is deliberately NOT supported: "+ADw-script+AD4-" decodes to live markup, and no
// browser honours the label any more. A UTF-7 label is treated as unknown, so the bytes
// are read as ASCII/windows-1252 and "+ADw-" stays literal text.
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** The encoding actually used (WHATWG name). */
  encoding: string;
  warnings: string[];
}

export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

export function sniffBom(bytes: Uint8Array): Bom | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

// Labels that must never be honoured: they make markup out of ASCII-looking bytes.
const REFUSED_LABELS = /^(?:x-)?(?:unicode-1-1-)?utf-?7(?:-imap)?$|^csunicode11utf7$|^hz-gb-2312$|^x-user-defined$/;
// Families iconv-lite may decode when the WHATWG decoder does not know the label
// (old IBM/DOS code pages in e-mails). Anything else unknown falls back.
const ICONV_FAMILIES = /^(?:cp|ibm|windows-|iso-?8859|koi8|mac|x-mac|csibm|dos-)/;

/** A decoder name for a declared label, or null when the label is unknown or refused. */
export function normaliseLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l || l.length > 40 || REFUSED_LABELS.test(l)) return null;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    if (ICONV_FAMILIES.test(l) && iconv.encodingExists(l)) return `iconv:${l}`;
    return null;
  }
}

// windows-1252's 0x80–0x9F (WHATWG table; undefined bytes map to the C1 control as
// browsers do). Node 20's TextDecoder('windows-1252') wrongly decodes these as ISO-8859-1
// controls, so this decoder is ours.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80])) : latin1;
}

export function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (encoding.startsWith('iconv:')) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding.slice(6));
  // ignoreBOM false: a BOM that matches is dropped, as browsers do.
  return new TextDecoder(encoding).decode(bytes);
}

/** Node's SIMD validator: half the time of a fatal TextDecoder pass, and no string built. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** WHATWG names of the one-byte-per-character encodings a page or message may declare. */
const SINGLE_BYTE = /^(?:windows-12\d\d|windows-874|iso-8859-\d{1,2}|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

/**
 * A one-byte charset declared over bytes that are valid UTF-8 and not all ASCII: a page saved
 * (or a message re-encoded) as UTF-8 that kept its old declaration. Real text in such a
 * charset is practically never valid UTF-8 (an accented letter between ASCII bytes is an
 * invalid sequence), while honouring the label turns every "é" into "Ã©".
 */
function utf8UnderLegacyLabel(bytes: Uint8Array, encoding: string): boolean {
  return SINGLE_BYTE.test(encoding) && !isAscii(bytes) && isValidUtf8(bytes);
}

/** Bytes in the charset `label` declares (`encoding`, its decoder), unless that is a one-byte
 * charset over UTF-8: then as UTF-8, with a warning that says so. */
function decodeDeclared(bytes: Uint8Array, encoding: string, label: string, warnings: string[]): Decoded {
  if (!utf8UnderLegacyLabel(bytes, encoding)) return { text: decodeAs(bytes, encoding), encoding, warnings };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings: [...warnings, `declared "${cleanLabel(label)}" but the bytes are UTF-8: read as UTF-8`] };
}

/**
 * For bytes that are NOT valid UTF-8: is it damaged UTF-8 (decode with U+FFFD) or a legacy
 * single-byte charset? In UTF-8 every non-ASCII byte sits next to another non-ASCII byte
 * (lead + continuation); in windows-1252 prose an accented letter or smart quote usually
 * stands alone between ASCII bytes. Count which kind dominates.
 */
export function looksLikeDamagedUtf8(bytes: Uint8Array): boolean {
  let grouped = 0;
  let isolated = 0;
  const n = Math.min(bytes.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    if (bytes[i] < 0x80) continue;
    const prevHigh = i > 0 && bytes[i - 1] >= 0x80;
    const nextHigh = i + 1 < n && bytes[i + 1] >= 0x80;
    if (prevHigh || nextHigh) grouped++;
    else isolated++;
  }
  return grouped > isolated * 2;
}

/**
 * UTF-16 without a BOM (Notepad "Unicode" saved by some tools): ASCII-range text has a NUL
 * in every other byte. Returns the byte order when the pattern is clear.
 */
export function detectUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Text without a trustworthy declaration: BOM > UTF-16 pattern > valid UTF-8 > damaged
 * UTF-8 (U+FFFD) > windows-1252. `declared` (an e-mail part's charset) comes after the BOM.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeAs(bytes, bom.encoding), encoding: bom.encoding, warnings };
  if (declared) {
    const enc = normaliseLabel(declared);
    if (enc && enc !== 'utf-8') return decodeDeclared(bytes, enc, declared, warnings);
    if (!enc) warnings.push(`unsupported character set "${cleanLabel(declared)}": guessed instead`);
  }
  const utf16 = detectUtf16WithoutBom(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16, warnings };
  return { ...decodeUtf8OrLegacy(bytes), warnings };
}

/** UTF-8 if it is (or is damaged UTF-8), otherwise windows-1252. */
export function decodeUtf8OrLegacy(bytes: Uint8Array, declaredUtf8 = false): Decoded {
  const warnings: string[] = [];
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
  if (looksLikeDamagedUtf8(bytes)) {
    warnings.push('invalid UTF-8 sequences were replaced');
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
  }
  if (declaredUtf8) warnings.push('declared UTF-8 but the bytes are windows-1252: decoded as windows-1252');
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings };
}

/** A label as it may appear in a warning: short and printable. */
export function cleanLabel(label: string): string {
  return label.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}

/**
 * The charset an HTML document declares in <meta charset> or <meta http-equiv
 * content="…; charset=…"> within its first 8 KiB (browsers look at 1 KiB; saved pages
 * sometimes push it further down behind comments).
 */
export function prescanHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString('latin1');
  const re = /<meta\b[^>]{0,2000}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/gi;
  const m = re.exec(head);
  return m ? m[1] : null;
}

/**
 * HTML decoding in the HTML standard's order: BOM > transport charset (MIME part / HTTP
 * header) > <meta> > UTF-8 if valid > windows-1252. A <meta> claiming UTF-16 means
 * UTF-8 (the bytes in hand are ASCII-compatible). A UTF-8 claim over non-UTF-8 bytes is
 * re-detected, so a mislabelled windows-1252 page does not fill with U+FFFD; and a one-byte
 * claim over valid UTF-8 is read as UTF-8 (see utf8UnderLegacyLabel), where a browser would
 * show the page garbled.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): Decoded {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeAs(bytes, bom.encoding), encoding: bom.encoding, warnings };
  for (const [label, from] of [[transportCharset, 'part'], [prescanHtmlCharset(bytes), 'meta']] as const) {
    if (!label) continue;
    let enc = normaliseLabel(label);
    if (!enc) {
      warnings.push(`unsupported character set "${cleanLabel(label)}" ignored`);
      continue;
    }
    if (from === 'meta' && enc.startsWith('utf-16')) enc = 'utf-8';
    if (enc === 'utf-8') {
      const d = decodeUtf8OrLegacy(bytes, true);
      return { ...d, warnings: [...warnings, ...d.warnings] };
    }
    return decodeDeclared(bytes, enc, label, warnings);
  }
  const d = decodeUtf8OrLegacy(bytes);
  return { ...d, warnings: [...warnings, ...d.warnings] };
}
