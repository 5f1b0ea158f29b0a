// Where a highlighted passage stands in a clip's text, by the W3C Web Annotation selectors:
// a text-quote selector (the exact words, with a little of the text before and after them)
// and a text-position selector (offsets into clips.body_text).
//
// The quote is what survives a change of the body: a re-extraction that finds one more
// paragraph, fixes a hyphenation or turns straight quotes into curly ones moves every offset,
// but the words are still there. So the quote is searched for, with whitespace, typographic
// quotes, dashes and case folded away; among several places the words stand, the one whose
// surroundings match the stored prefix and suffix best wins, then the one nearest the old
// offset. A long quote whose middle was edited is still found by its first and last words.

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextSpan {
  start: number;
  end: number;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;
/** Occurrences weighed at most (a quote of one common word can stand hundreds of times). */
const MAX_OCCURRENCES = 2000;
/** A quote at least this long can be found by its ends when its middle changed. */
const ENDS_MIN_LENGTH = 48;
const END_CHARS = 20;

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '.',
};
const SPACE = /\s/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/** Text folded for matching, and for each of its characters the offset it came from. */
export interface FoldedText {
  text: string;
  from: number[];
}

/** `edges: false` keeps a space at either end (a prefix's last space is part of its context). */
export function foldText(text: string, edges = true): FoldedText {
  let out = '';
  const from: number[] = [];
  let spaced = edges;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (!spaced) {
        out += ' ';
        from.push(i);
        spaced = true;
      }
      continue;
    }
    const folded = FOLD[ch] ?? ch;
    const lower = folded.toLowerCase();
    // A character whose lower case is longer ("İ") keeps its case, so one character stays one.
    out += lower.length === folded.length ? lower : folded;
    from.push(i);
    spaced = false;
  }
  if (edges && out.endsWith(' ')) {
    out = out.slice(0, -1);
    from.pop();
  }
  return { text: out, from };
}

const fold = (s: string, edges = true) => foldText(s, edges).text;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0 && at.length < MAX_OCCURRENCES; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/** The folded span [start, end) as offsets into the original text. */
function unfold(folded: FoldedText, start: number, end: number): TextSpan {
  return { start: folded.from[start], end: folded.from[end - 1] + 1 };
}

/**
 * The span of `text` the quote stands for, or null when its words are not there any more.
 * `hint` is where it stood before (the stored text-position selector), to choose among
 * equally good places.
 */
export function anchorQuote(text: string, quote: QuoteSelector, hint?: number, folded = foldText(text)): TextSpan | null {
  const exact = fold(quote.exact);
  if (!exact) return null;
  const prefix = fold(quote.prefix, false);
  const suffix = fold(quote.suffix, false);
  const hay = folded.text;
  // The hint is an offset into the original text; compare it in folded offsets.
  const foldedHint = hint === undefined ? undefined : nearestFolded(folded, hint);

  const best = (candidates: { start: number; end: number }[]) => {
    let chosen: { start: number; end: number } | null = null;
    let chosenScore = -Infinity;
    for (const c of candidates) {
      const context = commonSuffix(hay.slice(Math.max(0, c.start - prefix.length), c.start), prefix)
        + commonPrefix(hay.slice(c.end, c.end + suffix.length), suffix);
      const distance = foldedHint === undefined ? 0 : Math.abs(c.start - foldedHint) / Math.max(1, hay.length);
      const score = context - distance;
      if (score > chosenScore) {
        chosen = c;
        chosenScore = score;
      }
    }
    return chosen;
  };

  const whole = best(occurrences(hay, exact).map((s) => ({ start: s, end: s + exact.length })));
  if (whole) return unfold(folded, whole.start, whole.end);

  // The middle changed: a long quote is found by its first and last words, in order and at
  // about the length it had.
  if (exact.length < ENDS_MIN_LENGTH) return null;
  const head = exact.slice(0, END_CHARS);
  const tail = exact.slice(-END_CHARS);
  const spans: TextSpan[] = [];
  for (const h of occurrences(hay, head)) {
    const t = hay.indexOf(tail, h + head.length);
    if (t < 0) continue;
    const length = t + tail.length - h;
    if (length >= exact.length * 0.6 && length <= exact.length * 1.5) spans.push({ start: h, end: t + tail.length });
  }
  const ends = best(spans);
  return ends ? unfold(folded, ends.start, ends.end) : null;
}

function nearestFolded(folded: FoldedText, offset: number): number {
  // from[] is increasing: a binary search for the first folded character at or after offset.
  let lo = 0;
  let hi = folded.from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folded.from[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quote selector of text[start, end): its words as they stand, with context on each side. */
export function quoteOf(text: string, span: TextSpan): QuoteSelector {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT_CHARS),
  };
}

/** A span trimmed of the white space at its ends (a drag often takes a space or a line break). */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
