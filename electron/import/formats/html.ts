// Saved web pages (.html/.htm): decode in the browser's order (BOM > transport charset >
// <meta> > UTF-8 > windows-1252), keep the markup for the extractor, and read the one
// piece of metadata the file itself adds: Chrome's "saved from url" comment.
import { ImportError, type MetadataHints, type ReadResult } from '../types.ts';
import { decodeHtml } from './charset.ts';
import type { Limits } from './limits.ts';
import { htmlResult, safeUrl, textResult } from './result.ts';
import { capText, cleanHtml, cleanText } from './text-clean.ts';

export function readHtml(bytes: Uint8Array, limits: Limits, transportCharset?: string | null): ReadResult {
  const decoded = decodeHtml(bytes, transportCharset);
  return htmlFromString(decoded.text, limits, decoded.warnings);
}

export function htmlFromString(source: string, limits: Limits, warnings: string[] = [], hints: MetadataHints = {}): ReadResult {
  const html = capText(cleanHtml(source), limits.maxTextChars, warnings);
  if (!htmlHasText(html)) throw new ImportError('no article text found');
  if (!/<[A-Za-z!?/]/.test(html)) {
    // Not one tag (e.g. a UTF-7 page read literally): hand it over as the text it is.
    warnings.push('the page has no markup: read as plain text');
    return textResult('html', cleanText(html), hints, warnings);
  }
  const savedFrom = savedFromUrl(html);
  return htmlResult('html', html, { url: savedFrom, ...hints }, warnings);
}

/** `<!-- saved from url=(0047)https://… -->` (Chrome, IE): the page's address. */
export function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d{1,5}\)([^\s>]{1,4096}?)\s*-->/i.exec(html.slice(0, 4096));
  return m ? safeUrl(m[1]) : null;
}

/**
 * Whether any character would be visible: text outside tags, comments, <script> and
 * <style>. A single linear pass that stops at the first visible character.
 */
export function htmlHasText(html: string): boolean {
  const lower = (i: number, n: number) => html.slice(i, i + n).toLowerCase();
  let i = 0;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4);
        if (end < 0) return false;
        i = end + 3;
        continue;
      }
      const tag = lower(i, 11);
      const raw = /^<(script|style|template|noscript)[\s>]/.exec(tag);
      if (raw) {
        const close = new RegExp(`</${raw[1]}`, 'gi');
        close.lastIndex = i + 1;
        const m = close.exec(html);
        if (!m) return false;
        i = m.index + 2;
        continue;
      }
      if (/^<[a-z!/?]/i.test(html.slice(i, i + 2))) {
        const end = html.indexOf('>', i + 1);
        if (end < 0) return false;
        i = end + 1;
        continue;
      }
      return true; // a lone "<" is text
    }
    if (c > 32 && c !== 0xa0 && c !== 0xfeff) {
      if (c === 38 /* & */ && /^&(?:nbsp|#160|#x0*a0|#32|#x20|#0*9|#0*10|#0*13);/i.test(html.slice(i, i + 10))) {
        i = html.indexOf(';', i) + 1;
        continue;
      }
      return true;
    }
    i++;
  }
  return false;
}

/** Text outside tags (script and style bodies included), in one linear pass: for sizing only. */
export function roughHtmlText(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt) + ' ';
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    i = gt + 1;
  }
  return out;
}
