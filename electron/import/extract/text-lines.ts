// A page saved as text → paragraphs. Text-mode browsers (w3m, lynx) and "save as text"
// wrap at a fixed width; a line that ends early ended its paragraph, a line that reaches
// the width was wrapped and continues on the next. Each paragraph keeps what the layout
// says about it: indentation, list bullet, whether a blank line preceded it.

export interface TextPara {
  text: string;
  /** Leading spaces of its first line (lynx indents body text, not headings). */
  indent: number;
  /** Starts with a list bullet ("•", "*", "+", "o", "□", "1.") — menus are lists. */
  bullet: boolean;
  /** A blank line precedes it. */
  blankBefore: boolean;
  /** Index of its first line in the file. */
  line: number;
}

const MAX_CHARS = 5_000_000;
const RULE = /^\s*[─━═_\-=~*·•]{10,}\s*$/;
const MAX_LINE = 20_000;
// A day number before a month and year ("16. Mai 2019") is a date, not a numbered item.
const BULLET = /^(?:[•*+□○◦▪■·►▸»☆★◆◇➤\-–]|o(?=\s)|\d{1,2}[.)](?!\s+\p{L}{3,10}\.?\s+\d{4}\b))\s+/u;

/** Strip what is not text: BOM, ANSI escapes, control characters, zero-width/bidi marks. */
export function normalizeText(raw: string): { text: string; truncated: boolean } {
  let s = raw;
  let truncated = false;
  if (s.length > MAX_CHARS) {
    s = s.slice(0, MAX_CHARS);
    truncated = true;
  }
  s = s
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u001b\[[0-9;?]{0,20}[A-Za-z]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\t/g, '    ');
  return { text: s, truncated };
}

/** The wrap width, if the text looks wrapped (many lines end near one length); else null. */
export function wrapWidth(lines: string[]): number | null {
  const lens = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  if (lens.length < 5) return null;
  const max = Math.max(...lens);
  if (max > 140 || max < 40) return null;
  const near = lens.filter((n) => n >= max - 12).length;
  return near >= 3 ? max : null;
}

function firstWordLength(s: string): number {
  const m = /^\S+/.exec(s.trimStart());
  return m ? m[0].length : 0;
}

/** Split text into paragraphs, rejoining wrapped lines. */
export function toParagraphs(text: string): TextPara[] {
  const lines = text.split('\n').map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l).trimEnd());
  const width = wrapWidth(lines);
  const out: TextPara[] = [];
  let cur: TextPara | null = null;
  let prevLine = '';
  let blank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A horizontal rule ("━━━━", "-----") separates, like a blank line.
    if (!line.trim() || RULE.test(line)) {
      if (cur) out.push(cur);
      cur = null;
      blank = true;
      prevLine = '';
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    const bullet = BULLET.test(body);
    // Continue the paragraph only when the previous line was filled to the wrap width
    // (its successor's first word would not have fitted) and this line is not a new item.
    const continues =
      cur !== null && width !== null && !bullet &&
      prevLine.length + 1 + firstWordLength(body) > width - 1 &&
      Math.abs(indent - (cur.bullet ? cur.indent + 2 : cur.indent)) <= 4;
    if (continues && cur) {
      cur.text += (cur.text.endsWith('-') && /^\p{Ll}/u.test(body) ? '' : ' ') + body;
    } else {
      if (cur) out.push(cur);
      cur = { text: body, indent, bullet, blankBefore: blank, line: i };
    }
    blank = false;
    prevLine = line;
  }
  if (cur) out.push(cur);
  // A bullet item's text without its marker.
  for (const p of out) if (p.bullet) p.text = p.text.replace(BULLET, '');
  return out;
}
