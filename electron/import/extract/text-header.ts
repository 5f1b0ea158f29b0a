// The byline and date of a page saved as text, read from the lines around its headline.
// Under the headline most pages print a standfirst, a byline and a date line (in either
// order, or on one line), sometimes an image and its caption, then the story; some print
// the date line or the byline just above the headline. Teasers further down carry bylines
// and dates of other articles, so only this header is read.
import type { DateOptions } from './dates.ts';
import type { Kind } from './text-article.ts';
import { bylineOfLine, endsWithLead, namesOfLine } from './text-bylines.ts';
import { dateOfLine, isRelativeDateLine } from './text-dates.ts';
import type { TextPara } from './text-lines.ts';

/** Lines read under the headline, at most, and how far into the body. */
const REACH = 30;
const INTO_BODY = 3;
const ABOVE = 3;
/** Lines read after the body's end, when the header lacks a byline or a date. */
const FOOTER = 8;

export interface Header {
  author: string | null;
  /** The publication date (an update date when the header shows no other). */
  published: string | null;
  /** Paragraphs that are the header's byline, date, relative-time or reading-time lines: never body text. */
  lines: Set<number>;
}

/** The paragraphs of the header, nearest the headline first: those under it, then those above. */
function headerRange(paras: TextPara[], kinds: Kind[], headline: number, start: number, opts: DateOptions): number[] {
  const out: number[] = [];
  const from = headline >= 0 ? headline + 1 : Math.max(0, start - 8);
  // Down to the story's start, however many share buttons come between (within reason).
  const limit = Math.min(paras.length, from + REACH, Math.max(start, from) + INTO_BODY + 2);
  let prose = 0;
  for (let k = from; k < limit; k++) {
    if (kinds[k] === 'stop' && !dateOfLine(paras[k].text, opts)) break;
    // Two paragraphs of the story read: the header is behind.
    if (k >= start && kinds[k] === 'good' && !dateOfLine(paras[k].text, opts) && ++prose >= 2) break;
    out.push(k);
  }
  if (headline >= 0) for (let k = headline - 1; k >= Math.max(0, headline - ABOVE); k--) {
    if (kinds[k] === 'stop') break;
    out.push(k);
  }
  return out;
}

export type HeaderKind = 'byline' | 'date' | 'relative' | 'lead' | 'reading';

// "5 min read", "Lesedauer: 8 Min.", "3 min Lesezeit", "8 min lues", "Tiempo de lectura: 4 min".
const READING_TIME = /^(?:(?:lesedauer|lesezeit|reading time|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura)\s*:?\s*(?:ca\.?\s*)?\d{1,3}\s*min\w*\.?|(?:ca\.?\s*)?\d{1,3}\s*(?:min\.?|minutes?|minuten|minutos|minuti)\s*(?:read|lesezeit|lesedauer|lues|de lecture|de lectura|de leitura|di lettura)?)$/i;

/** What a short line in an article's header says about the article, if anything. */
export function headerKindOf(p: TextPara, kind: Kind, opts: DateOptions = {}): HeaderKind | null {
  if (kind === 'byline') return 'byline';
  if (kind === 'date') return 'date';
  const t = p.text;
  if (t.length > 200) return null;
  if (isRelativeDateLine(t)) return 'relative';
  if (READING_TIME.test(t.trim())) return 'reading';
  if (dateOfLine(t, opts)) return 'date';
  if (bylineOfLine(t, opts)) return 'byline';
  if (endsWithLead(t)) return 'lead';
  return null;
}

/** The nearest paragraph before (-1) or after (1) paragraph `i` with a letter or digit, or -1. */
function withText(paras: TextPara[], i: number, dir: 1 | -1): number {
  if (i < 0) return -1;
  for (let k = i + dir; k >= 0 && k < paras.length; k += dir) if (/[\p{L}\p{N}]/u.test(paras[k].text)) return k;
  return -1;
}

/**
 * The article's author and publication date from its header, around paragraph `headline`
 * (-1 when no headline was found: then just above the body's start).
 */
export function readHeader(paras: TextPara[], kinds: Kind[], headline: number, start: number, end: number, opts: DateOptions = {}): Header {
  const head = readLines(paras, kinds, headerRange(paras, kinds, headline, start, opts), headline, opts);
  if (head.author && head.published) return head;
  // Blogs sign at the foot of the post: "Posted on 2 August 2019 by Jane Doe".
  const foot: number[] = [];
  for (let k = Math.max(start, end - 1); k < Math.min(paras.length, end + FOOTER); k++) {
    if (kinds[k] === 'stop' && !bylineOfLine(paras[k].text, opts) && !dateOfLine(paras[k].text, opts)) break;
    foot.push(k);
  }
  const tail = readLines(paras, kinds, foot, headline, opts);
  const lines = new Set(head.lines);
  if (!head.author && tail.author) for (const k of tail.lines) if (!dateOfLine(paras[k].text, opts) || bylineOfLine(paras[k].text, opts)) lines.add(k);
  if (!head.published && tail.published) for (const k of tail.lines) if (dateOfLine(paras[k].text, opts)) lines.add(k);
  return { author: head.author ?? tail.author, published: head.published ?? tail.published, lines };
}

/** The author and date the given lines show, and which of them say so. */
function readLines(paras: TextPara[], kinds: Kind[], range: number[], headline: number, opts: DateOptions): Header {
  const lines = new Set<number>();
  let published: string | null = null;
  let updated: string | null = null;
  let dateAt = -1;
  let updatedAt = -1;
  for (const k of range) {
    const t = paras[k].text;
    if (isRelativeDateLine(t) || READING_TIME.test(t.trim())) {
      lines.add(k);
      continue;
    }
    const d = kinds[k] === 'good' && t.length > 160 ? null : dateOfLine(t, opts);
    if (!d) continue;
    // Under the headline every date line is the article's; above it, only the one it dates
    // itself by (the site header's "today" stays where it is).
    if (k > headline) lines.add(k);
    if (d.updated) {
      if (!updated) {
        updated = d.iso;
        updatedAt = k;
      }
    } else if (!published) {
      published = d.iso;
      dateAt = k;
    }
  }
  if (!published) {
    published = updated;
    dateAt = updatedAt;
  }
  if (dateAt >= 0) lines.add(dateAt);

  // Bylines in the header; a name written as a name wins over a user handle ("von human").
  let author: string | null = null;
  let handle: { name: string; lines: number[] } | null = null;
  for (const k of range) {
    const t = paras[k].text;
    let name = kinds[k] === 'good' && t.length > 160 ? null : bylineOfLine(t, opts);
    let at = [k];
    // "Tipps von" / "Jane Doe": the name on the next line.
    if (!name && endsWithLead(t) && k + 1 < paras.length) {
      name = namesOfLine(paras[k + 1].text, opts, true);
      at = [k, k + 1];
    }
    if (!name) continue;
    // "Author" / "By Jane Doe": the label line goes with its byline.
    if (k > 0 && at.length === 1 && endsWithLead(paras[k - 1].text) && paras[k - 1].text.length <= 20) at.push(k - 1);
    if (/\p{Lu}/u.test(name.charAt(0)) && /\s/.test(name)) {
      author = name;
      for (const i of at) lines.add(i);
      break;
    }
    handle ??= { name, lines: at };
  }
  if (!author && handle) {
    author = handle.name;
    for (const i of handle.lines) lines.add(i);
  }
  // A bare name on the date line, or beside it or beside the reading time.
  const beside = [dateAt, ...range.filter((k) => k !== dateAt && lines.has(k) && !dateOfLine(paras[k].text, opts))];
  // One line further only past a short one (a category: "Energie & Umwelt").
  const further = (k: number, dir: 1 | -1) => (k >= 0 && k !== headline && paras[k].text.split(/\s+/).length <= 4 ? withText(paras, k, dir) : -1);
  for (const at of beside) {
    if (author || at < 0) break;
    const up = withText(paras, at, -1);
    const down = withText(paras, at, 1);
    for (const k of [at, up, down, further(up, -1), further(down, 1)]) {
      if (k < 0 || k >= paras.length || k === headline || !range.includes(k)) continue;
      if (kinds[k] === 'good' || kinds[k] === 'caption') continue;
      const a = namesOfLine(paras[k].text, opts);
      if (a) {
        author = a;
        lines.add(k);
        break;
      }
    }
  }
  return { author, published, lines };
}
