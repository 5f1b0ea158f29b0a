// What a file really is, from its bytes: signatures first, then markers in the text, and
// the file name's extension only to break ties (an .eml and an .mhtml look alike).
import type { FormatName } from '../types.ts';
import { indexOfAscii, startsWithBytes, toBinaryString } from './bytes.ts';
import { decodeAs, detectUtf16WithoutBom, sniffBom } from './charset.ts';
import { looksBinary } from './text-clean.ts';

export type Sniffed =
  | { type: 'format'; format: FormatName }
  | { type: 'zip' }
  | { type: 'gzip' }
  | { type: 'ole' }
  | { type: 'binary'; what: string };

// Signatures of files that are certainly not articles: refused with a name for them.
const NOT_DOCUMENTS: [number[], string, number?][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x00, 0x00, 0x01, 0x00], 'an icon image'],
  [[0x57, 0x45, 0x42, 0x50], 'a WebP image', 8],
  [[0x66, 0x74, 0x79, 0x70], 'a video or image (MP4/HEIC)', 4],
  [[0x49, 0x44, 0x33], 'an MP3 audio file'],
  [[0x4f, 0x67, 0x67, 0x53], 'an Ogg audio file'],
  [[0x66, 0x4c, 0x61, 0x43], 'a FLAC audio file'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'a video (WebM/MKV)'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a Zstandard archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a program (Mach-O)'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
  [[0x77, 0x4f, 0x46, 0x46], 'a web font'],
  [[0x77, 0x4f, 0x46, 0x32], 'a web font'],
];

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Sniffs the container from the bytes; text formats are refined by `sniffText`. */
export function sniffBytes(bytes: Uint8Array, name: string): Sniffed {
  if (indexOfAscii(bytes, '%PDF-', 0, 1024) >= 0) return { type: 'format', format: 'pdf' };
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWithBytes(bytes, [0x50, 0x4b, 0x05, 0x06])) return { type: 'zip' };
  if (startsWithBytes(bytes, [0x1f, 0x8b])) return { type: 'gzip' };
  if (startsWithBytes(bytes, OLE)) return { type: 'ole' };
  if (startsWithBytes(bytes, [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30])) return { type: 'format', format: 'webarchive' };
  for (const [magic, what, at] of NOT_DOCUMENTS) {
    if (at === undefined && magic.length < 3 && bytes.length > 64 && !looksBinary(bytes)) continue; // "BM…", "MZ…" as text
    if (startsWithBytes(bytes, magic, at ?? 0)) return { type: 'binary', what };
  }
  const bom = sniffBom(bytes);
  const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : detectUtf16WithoutBom(bytes);
  if (!utf16 && looksBinary(bytes)) return { type: 'binary', what: 'binary data' };
  const head = headText(bytes, utf16);
  return { type: 'format', format: sniffText(head, extensionOf(name)) };
}

/** The first few KiB as text, good enough to look for markers. */
function headText(bytes: Uint8Array, utf16: string | null): string {
  const slice = bytes.subarray(0, 16384);
  if (utf16) return decodeAs(slice, utf16);
  return toBinaryString(slice).replace(/^\xef\xbb\xbf/, '');
}

const HEADER_LINE = /^[!-9;-~]{1,76}:/;
const MAIL_HEADERS = /^(?:from|to|cc|subject|date|message-id|mime-version|content-type|received|return-path|reply-to|delivered-to|x-[a-z0-9-]+|snapshot-content-location|list-[a-z]+|sender|in-reply-to|references|content-transfer-encoding|dkim-signature|authentication-results|thread-topic|thread-index|importance|user-agent|organization):/i;

/** Recognises the text formats from their opening and markers; extension breaks ties. */
export function sniffText(head: string, ext: string): FormatName {
  const start = head.replace(/^[\s\ufeff]+/, '');
  const lower = start.slice(0, 4096).toLowerCase();
  if (/^<\?xml[^>]{0,200}>\s*(?:<!doctype plist|<plist)/.test(lower) || lower.startsWith('<!doctype plist') || lower.startsWith('<plist')) {
    return 'webarchive';
  }
  if (start.startsWith('{') && /"cuttings"\s*:\s*\{/.test(start.slice(0, 4096)) && start.slice(0, 4096).includes('cuttings-export')) {
    return 'cuttings-json';
  }
  // Other JSON goes to the same reader, which refuses it with a clear reason.
  if (ext === 'json' && /^[{[]/.test(start)) return 'cuttings-json';
  const mime = sniffMimeHeaders(start);
  if (mime) {
    if (mime === 'mhtml-sure') return 'mhtml';
    if (ext === 'eml' || ext === 'msg' || ext === 'mbox') return 'eml';
    if (ext === 'mht' || ext === 'mhtml') return 'mhtml';
    return mime === 'mhtml-likely' ? 'mhtml' : 'eml';
  }
  const afterComments = skipLeadingComments(lower);
  const strongHtml = /^(?:<!doctype html|<html[\s>]|<\?xml[^>]{0,200}>\s*(?:<!doctype html|<html[\s>]))/.test(afterComments)
    || lower.startsWith('<!-- saved from url=');
  if (strongHtml) return 'html';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd' || ext === 'mdx') return 'md';
  if (ext === 'txt' || ext === 'text') return 'txt';
  const weakHtml = /<(?:head|body|meta|title|article|div|p|table|section|main|h1|span|a|br|ul|link|style|script)[\s>/]/.test(lower);
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml' || ext === 'php' || ext === 'asp' || ext === 'aspx') {
    return weakHtml || lower.startsWith('<') ? 'html' : 'txt';
  }
  if (lower.startsWith('<') && weakHtml) return 'html';
  if (/^---\r?\n/.test(start) && /\n(?:title|source|author|published|created|tags|date|url):/.test(start.slice(0, 4096))) return 'md';
  return 'txt';
}

/** 'mhtml-sure' | 'mhtml-likely' | 'mail' when the text opens with an RFC 822 header block. */
function sniffMimeHeaders(start: string): 'mhtml-sure' | 'mhtml-likely' | 'mail' | null {
  let text = start;
  if (/^From [^\r\n]{0,400}\r?\n/.test(text)) text = text.slice(text.search(/\n/) + 1); // mbox "From " line
  const lines = text.slice(0, 16384).split(/\r?\n/);
  let known = 0;
  let seen = 0;
  let related = false;
  let sure = false;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (/multipart\/related/i.test(line)) related = true;
      continue;
    }
    if (!HEADER_LINE.test(line)) return seen >= 2 && known >= 2 ? 'mail' : null;
    seen++;
    if (MAIL_HEADERS.test(line)) known++;
    if (/^snapshot-content-location:/i.test(line) || /^from:\s*<?saved by /i.test(line) || /^x-mimeole:\s*produced by microsoft mimeole/i.test(line)) sure = true;
    if (/^content-type:\s*multipart\/related/i.test(line)) related = true;
    if (seen > 400) break;
  }
  if (known < 2 && !(known >= 1 && seen >= 2)) return null;
  if (sure) return 'mhtml-sure';
  return related ? 'mhtml-likely' : 'mail';
}

function skipLeadingComments(s: string): string {
  let i = 0;
  for (let n = 0; n < 20 && s.startsWith('<!--', i); n++) {
    const end = s.indexOf('-->', i + 4);
    if (end < 0) break;
    i = end + 3;
    while (i < s.length && /\s/.test(s[i])) i++;
  }
  return s.slice(i);
}
