// Cleaning decoded text before it leaves a reader: one kind of line break, no NULs or
// other control characters (a NUL truncates strings in SQLite/FTS5), no terminal escape
// sequences, and a length cap.
import { ImportError } from '../types.ts';

// ESC [ … final byte (CSI) and ESC ] … BEL / ESC \ (OSC: sets the terminal title).
// Each class is followed by a fixed terminator, so matching is linear.
const ANSI_CSI = /\x1b\[[0-9;?<=>]{0,64}[ -/]{0,8}[@-~]/g;
const ANSI_OSC = /\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)/g;
// C0 controls except tab and newline, DEL, C1 controls (NEL is handled before).
const CONTROLS = /[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x84\x86-\x9f]/g;

/** Line breaks: CRLF, CR, NEL, U+2028 → "\n"; form feed and U+2029 → a paragraph break. */
export function normaliseLineBreaks(s: string): string {
  return s.replace(/\r\n?|\u0085|\u2028/g, '\n').replace(/[\f\u2029]/g, '\n\n');
}

export function stripControls(s: string): string {
  return s.replace(ANSI_OSC, '').replace(ANSI_CSI, '').replace(CONTROLS, '');
}

/** Everything a plain-text result goes through. */
export function cleanText(s: string): string {
  let out = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  out = stripControls(normaliseLineBreaks(out));
  return out;
}

/** HTML keeps its own whitespace rules; only NULs (and the BOM) must go. */
export function cleanHtml(s: string): string {
  const out = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  return out.includes('\0') ? out.replace(/\0/g, '') : out;
}

export function capText(s: string, maxChars: number, warnings: string[]): string {
  if (s.length <= maxChars) return s;
  warnings.push(`text cut at ${maxChars} characters`);
  return s.slice(0, maxChars);
}

export function hasVisibleText(s: string): boolean {
  return /[^\s\u200b-\u200f\u2060\ufeff]/.test(s);
}

/**
 * Bytes that are not text at all: many control bytes (random data has ~10 %), or a run of
 * mostly high bytes mixed with controls. Tabs, line breaks, form feeds and ESC (terminal
 * colour codes) count as text. Call on bytes already known not to be UTF-16.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return false;
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) {
      controls++;
      if (b === 0) nuls++;
    }
  }
  if (controls / n > 0.05) return true;
  // Long runs of NULs are padding in binary formats, never in text.
  return nuls > 64 && nuls / n > 0.02;
}

export function assertText(bytes: Uint8Array): void {
  if (looksBinary(bytes)) throw new ImportError('not a text document: the file contains binary data');
}
