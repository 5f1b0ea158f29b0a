// File names made from clip titles, safe on Windows, macOS and Linux and in a note vault:
// no character any of them forbids or that Obsidian reads as link syntax, no name Windows
// reserves (CON, NUL, COM1…), no leading dot (hidden) or trailing dot or space (Windows drops
// them), short enough for Linux's 255 bytes and Windows' 260-character paths, and unique the
// way a case-insensitive, normalising file system (macOS, Windows) compares names.

const MAX_CHARS = 100;
const MAX_BYTES = 200;

const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts at a grapheme boundary (an emoji or a letter with its accents stays whole). */
function cap(s: string): string {
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(s)) {
    const b = Buffer.byteLength(segment);
    if (out.length + segment.length > MAX_CHARS || bytes + b > MAX_BYTES) break;
    out += segment;
    bytes += b;
  }
  return out;
}

/** A title as a file name without extension (not yet unique). */
export function safeFileStem(title: string, fallback = 'Untitled'): string {
  let s = title
    .normalize('NFC')
    // Controls, line separators, zero-width spaces and bidi overrides ("txt.exe" shown as
    // "exe.txt"); zero-width joiners stay: emoji sequences and several scripts need them.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, ' ')
    // "Venezuela: the view from Moscow" reads as "Venezuela - the view from Moscow".
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[/\\|]/g, '-')
    .replace(/"/g, "'")
    .replace(/[<>?*#^[\]]/g, '')
    .replace(/\s+/g, ' ');
  s = cap(s.trim()).replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (!s) s = fallback;
  if (RESERVED.test(s)) s = s.replace(RESERVED, '$&_');
  return s;
}

/** Hands out names that no two clips of one export share, whatever the file system's case rules. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.normalize('NFC').toLowerCase());
  }

  /** `stem` (already safe) plus `extension` (".md"), numbered "(2)", "(3)"… when taken. */
  name(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}${extension}` : `${stem} (${n})${extension}`;
      const key = name.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
  }
}
