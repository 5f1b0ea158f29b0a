// The headline of a page saved as text. Above the article a text rendering prints menus,
// breadcrumbs, the site's name, section labels and teaser lists; the headline is the line
// among them that a page marks in ways that survive the loss of markup:
//  - the article's byline or date line follows it closely;
//  - the page names it again: in its breadcrumb trail, its window title, a "Comments on …"
//    line, a share text — where a section label or a teaser usually stands once;
//  - its words come back in the first paragraphs of the story;
//  - it stands close above the body, alone on its line (flush left where the layout
//    indents prose, as lynx does), over its deck or standfirst rather than under it;
//  - it is neither a sentence of prose, nor a list item, nor a person's name, nor a
//    section label, a tag list or a button.
// Each line near the body's start gets a score from these signs; the best one is the headline.
import { looksLikeName } from './bylines.ts';
import type { DateOptions } from './dates.ts';
import type { Kind } from './text-article.ts';
import { namesOfLine } from './text-bylines.ts';
import { headerKindOf, type HeaderKind } from './text-header.ts';
import type { TextPara } from './text-lines.ts';
import { stripSiteSuffix } from './titles.ts';

/** How far above the body's first paragraph the headline is looked for, and below it. */
const REACH_ABOVE = 60;
const REACH_BELOW = 8;
/** How many paragraphs under a headline its byline or date line may come. */
const ANCHOR_REACH = 5;
const MAX_CHARS = 220;
const MAX_WORDS = 35;
/** How much of the story's start its headline's words are looked for in. */
const STORY_CHARS = 1500;

// Interface text: share and follow buttons, newsletter boxes, "read more" links, ad labels.
const INTERFACE = /^(?:share|teilen|partager|compartir|compartilhe|condividi|tweet|drucken|print)(?:\s+\S+){0,2}$|\b(?:share (?:this|on|via|with)|follow us|folgen sie uns|sign up|subscribe|abonnieren|newsletter|copy (?:this )?link|read more|weiterlesen|lire la suite|leer más|leia mais|mehr lesen|skip to|zum inhalt|advertisement|anzeige|werbung|publicidad)\b/i;

// Interface text a text browser prints in place of images and controls.
const PLACEHOLDERS = /\[[^\]]{0,80}\]|\((?:BUTTON|IMG|INLINE|FORM)\)|IFRAME:\s*\S+/g;

/** A candidate line as a headline would read: without image names, title prefixes and site suffixes. */
export function headlineText(raw: string, sites: string[] = []): string {
  let t = raw.replace(PLACEHOLDERS, ' ').replace(/\s+/g, ' ').trim();
  // A window-title line as lynx prints it: ": Headline | Section | SITE".
  t = t.replace(/^[:|•·\-–—]\s+/, '');
  // A breadcrumb trail ending in the headline: keep its last step.
  const crumbs = t.split(/\s+[»›>]\s+/);
  if (crumbs.length >= 2 && crumbs[crumbs.length - 1].split(' ').length >= 2) t = crumbs[crumbs.length - 1];
  if (/\s[|]\s/.test(t)) t = stripSiteSuffix(t, sites);
  return t.trim();
}

/** Lower-case letters and digits only: how a line is found again wherever the page repeats it. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function countOf(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0 && n < 5; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

const contentWords = (s: string) => new Set((s.toLowerCase().match(/\p{L}{4,}/gu) ?? []));

/** Paragraphs of prose from `start` to `i` (each text once; not one holding `key`, a breadcrumb to the line). */
function proseBefore(paras: TextPara[], kinds: Kind[], start: number, i: number, key = '\0'): number {
  const seen = new Set<string>();
  for (let k = start; k < i; k++) {
    if (kinds[k] !== 'good') continue;
    const t = squash(paras[k].text);
    if (!t.includes(key)) seen.add(t);
  }
  return seen.size;
}

const wordsIn = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A line that could head the story or stand under its headline: a few words or one sentence, not a list item. */
function titleShaped(p: TextPara, kind: Kind): boolean {
  if (p.bullet || (kind === 'junk' && p.text.split(/\s+/).length < 4) || kind === 'stop' || kind === 'caption' || kind === 'byline' || kind === 'date' || kind === 'code') return false;
  const w = p.text.split(/\s+/).length;
  return w >= 2 && p.text.length <= 300;
}

/** The nearest paragraph before (-1) or after (1) paragraph `i` with some text (not just an image's name), or -1. */
function neighbour(paras: TextPara[], i: number, dir: 1 | -1): number {
  for (let k = i + dir; k >= 0 && k < paras.length; k += dir) if (/[\p{L}\p{N}]/u.test(paras[k].text.replace(PLACEHOLDERS, ''))) return k;
  return -1;
}

/** Do most paragraphs of prose start indented? */
function proseIndented(paras: TextPara[], kinds: Kind[]): boolean {
  let indented = 0;
  let prose = 0;
  for (let i = 0; i < paras.length; i++) {
    if (kinds[i] !== 'good' || paras[i].bullet) continue;
    prose++;
    if (paras[i].indent >= 2) indented++;
  }
  return prose >= 3 && indented >= prose * 0.7;
}

/** How many header lines of one make ("Release: <date>", "[ <date> ] <teaser>") are a list. */
const LIST_OF_DATED = 3;

/**
 * Header lines that can date or sign the article: not those of a list of teasers, each
 * with its date written the same way ("Release: 27.08.2013", "Release: 11.02.2005").
 */
function anchorsOf(paras: TextPara[], header: (HeaderKind | null)[], lo: number, hi: number, names: (k: number) => string | null): boolean[] {
  const shape = (k: number) => `${header[k]}|${squash(paras[k].text.replace(/\d.*$/s, ''))}`;
  const counts = new Map<string, number>();
  for (let k = 0; k < paras.length; k++) if (header[k]) counts.set(shape(k), (counts.get(shape(k)) ?? 0) + 1);
  const anchor = header.map((h, k) => h !== null && (counts.get(shape(k)) ?? 0) < LIST_OF_DATED);
  // A bare name beside the date line or the reading time is the byline.
  for (let k = lo; k <= Math.min(hi, paras.length - 1); k++) {
    if (anchor[k] || header[k] || !names(k)) continue;
    const near = [neighbour(paras, k, -1), neighbour(paras, k, 1)];
    if (near.some((n) => n >= 0 && anchor[n] && header[n] !== 'byline' && header[n] !== 'lead')) anchor[k] = true;
  }
  return anchor;
}

/** Words of the story's first paragraphs, from paragraph `from` on. */
function storyWords(paras: TextPara[], kinds: Kind[], from: number, end: number): Set<string> {
  let t = '';
  for (let i = from; i <= end && t.length < STORY_CHARS; i++) if (kinds[i] === 'good' || kinds[i] === 'medium') t += ` ${paras[i].text}`;
  return contentWords(t.slice(0, STORY_CHARS));
}

export interface HeadlineChoice {
  index: number;
  text: string;
}

interface Context {
  paras: TextPara[];
  kinds: Kind[];
  header: (HeaderKind | null)[];
  /** Header lines that date or sign an article (not one of a list of dated teasers). */
  anchor: boolean[];
  /** The whole text squashed, paragraphs joined (a breadcrumb may wrap). */
  doc: string;
  bodyWords: Set<string>;
  start: number;
  end: number;
  sites: string[];
  /** The layout indents prose and sets headings flush left (lynx does). */
  headingsFlush: boolean;
  /** Each paragraph squashed, and read as names, when first asked for. */
  squashed: (string | undefined)[];
  names: (string | null | undefined)[];
}

function squashedAt(c: Context, k: number): string {
  return (c.squashed[k] ??= squash(c.paras[k].text));
}

function namesAt(c: Context, k: number): string | null {
  if (c.names[k] === undefined) c.names[k] = namesOfLine(c.paras[k].text);
  return c.names[k] ?? null;
}

function score(c: Context, i: number): number | null {
  const p = c.paras[i];
  const kind = c.kinds[i];
  if (kind === 'stop' || kind === 'caption' || kind === 'byline' || kind === 'date' || kind === 'code' || c.header[i]) return null;
  const text = headlineText(p.text, c.sites);
  const words = text.split(/\s+/).filter(Boolean).length;
  if (text.length < 4 || text.length > MAX_CHARS || words > MAX_WORDS || /[,;:]$/.test(text)) return null;
  if (!/\p{L}{2}/u.test(text)) return null;
  let s = 0;
  // Shape: a few words, not a sentence of prose.
  if (words >= 3 && text.length >= 15) s += 1;
  else if (words === 1) s -= 1.5;
  if (words > 20) s -= 0.5;
  if (kind === 'good' && /[.…]$/.test(text)) s -= 1;
  // Two sentences are a standfirst.
  if (/[.!?]\s+\p{Lu}\p{Ll}/u.test(text) && /[.!?]\s+\S+\s+\S+/u.test(text)) s -= 2;
  if (kind === 'junk' && !p.bullet) s -= 1;
  // A list item; one among others is a menu, a breadcrumb or a teaser list.
  const prev = neighbour(c.paras, i, -1);
  const next = neighbour(c.paras, i, 1);
  // A person's name, or a list of names, is a byline, certainly so beside a byline or date
  // line ("Provence Travel Guide" reads like a name too).
  const names = text === p.text ? namesAt(c, i) : namesOfLine(text);
  const dated = (k: number) => k >= 0 && c.header[k] !== null && c.header[k] !== 'byline' && c.header[k] !== 'lead';
  if (names) s -= names.includes(';') || dated(prev) || dated(next) ? 2 : 1;
  if (p.bullet) s -= (prev >= 0 && c.paras[prev].bullet) || (next >= 0 && c.paras[next].bullet) ? 2.5 : 1.5;
  if (text === text.toUpperCase() && words <= 4) s -= 1.5;
  if (INTERFACE.test(text)) s -= 5;
  // "Kolumnist*in: Evan Tepest": a label and a name.
  const label = /^[^:]{2,25}:\s+(.+)$/.exec(text);
  if (label && looksLikeName(label[1]) && label[1].split(' ').length <= 4) s -= 3;
  // The article's byline or date line right under it (not the next item of its own list),
  // or right above it.
  let below = -1;
  for (let k = next, seen = 0; k >= 0 && seen < ANCHOR_REACH; k = neighbour(c.paras, k, 1), seen++) {
    if (c.anchor[k] && !(p.bullet && c.paras[k].bullet)) {
      below = seen;
      break;
    }
    // A menu, a search box or a button between them: they are in different parts of the page.
    if (c.kinds[k] === 'stop' || (c.kinds[k] === 'junk' && !c.paras[k].bullet && !c.header[k])) break;
  }
  if (below >= 0) s += 3 - 0.5 * below;
  else if (prev >= 0 && c.anchor[prev]) s += 1.5;
  else if (prev >= 0 && c.anchor[neighbour(c.paras, prev, -1)]) s += 1;
  // A breadcrumb run together with the headline under it ("StartseiteNetzwerkHeadline").
  // The headline under such a trail is the strongest sign there is.
  const key = squash(text);
  for (const k of [prev, next]) {
    if (k < 0) continue;
    const other = squashedAt(c, k);
    if (other.length >= 10 && other.length < key.length && key.endsWith(other)) s -= 2.5;
    if (k === prev && words >= 3 && other.length > key.length && other.endsWith(key)) s += 1.5;
  }
  // Named again elsewhere on the page (an image's alt text printed again as its caption,
  // right under it, does not count).
  if (key.length >= 10) {
    const all = countOf(c.doc, key) - 1;
    let apart = all;
    for (const k of [prev, next]) if (k >= 0) apart -= countOf(squashedAt(c, k), key);
    if (apart >= 1) s += 2.5;
    // Printed twice in a row: a heading shown twice, or an image's alt text and its caption.
    else if (all >= 1 && kind !== 'good') s += 0.5;
  }
  // Its words come back in the story.
  const cw = contentWords(text);
  if (cw.size) {
    const story = i < c.start ? c.bodyWords : storyWords(c.paras, c.kinds, i + 1, c.end);
    let hit = 0;
    for (const w of cw) if (story.has(w)) hit++;
    s += (2 * hit) / Math.max(cw.size, 3);
  }
  // A short line under an image is its caption.
  if (words <= 4 && i > 0 && !/[\p{L}\p{N}]/u.test(c.paras[i - 1].text.replace(PLACEHOLDERS, '')) && /\[/.test(c.paras[i - 1].text)) s -= 1.5;
  // Close above the body.
  if (i < c.start) s -= Math.min(1.5, 0.05 * (c.start - i));
  else {
    s -= proseBefore(c.paras, c.kinds, c.start, i, key);
    // The story's own first paragraph.
    if (kind === 'good') s -= 1;
  }
  // Over a standfirst or deck (a sentence, or longer than a headline), or first of the
  // lines under a section label: the headline.
  if (next >= 0 && next <= i + 2 && titleShaped(c.paras[next], c.kinds[next])) {
    const n = c.paras[next].text;
    const underLabel = !/[.!?]$/.test(text) && (prev < 0 || !titleShaped(c.paras[prev], c.kinds[prev]) || wordsIn(c.paras[prev].text) <= 2);
    if (/[.!?…]$/.test(n) || n.length >= text.length || underLabel) s += 1.2;
  }
  // A sentence under a headline-like line is its standfirst.
  if (/[.]$/.test(text) && prev >= i - 2 && prev >= 0 && titleShaped(c.paras[prev], c.kinds[prev]) && !/[.!?:;,]$/.test(c.paras[prev].text) && wordsIn(c.paras[prev].text) >= 3) s -= 1.5;
  // "A Column von Jane Doe und John Roe": a credit line.
  const credit = /\s(?:by|von|par|por|di|door)\s+(\p{Lu}.*)$/u.exec(text);
  if (credit && namesOfLine(credit[1])) s -= 2;
  // Tags or categories: "Politics, Justice, Emmanuel Macron".
  const items = text.split(/\s*[,;]\s*/);
  if (items.length >= 3 && items.every((x) => x.split(/\s+/).length <= 4)) s -= 2;
  // A section label over the headline ("Immobilien" / "Immobilienkrise: …").
  if (words <= 3 && next >= 0 && next <= i + 2 && !c.paras[next].bullet && !c.header[next]) {
    const n = c.paras[next].text;
    if (n.split(/\s+/).length >= 4 && n.length <= MAX_CHARS && !/[.:,;]$/.test(n)) s -= 1.5;
  }
  // Where prose is indented, a heading stands out flush left.
  if (c.headingsFlush) s += p.indent === 0 && !p.bullet ? 1.5 : -0.5;
  const after = c.paras[i + 1];
  if (p.blankBefore && (!after || after.blankBefore)) s += 0.3;
  return s;
}

/**
 * The lines that could be the headline of a text page whose body run starts at paragraph
 * `start`, best first, each with its score and its text as a headline reads.
 */
export function rankHeadlines(paras: TextPara[], kinds: Kind[], start: number, end: number, opts: DateOptions = {}, sites: string[] = []): (HeadlineChoice & { score: number })[] {
  const lo = Math.max(0, start - REACH_ABOVE);
  const hi = Math.min(paras.length - 1, start + REACH_BELOW);
  const header: (HeaderKind | null)[] = [];
  for (let i = 0; i < paras.length; i++) header.push(i >= lo && i <= hi + 2 * ANCHOR_REACH ? headerKindOf(paras[i], kinds[i], opts) : null);

  const c: Context = {
    paras, kinds, header, anchor: [], start, end, sites,
    doc: squash(paras.map((p) => p.text).join(' ')),
    bodyWords: storyWords(paras, kinds, start, end),
    headingsFlush: proseIndented(paras, kinds),
    squashed: [],
    names: [],
  };
  c.anchor = anchorsOf(paras, header, lo, hi + ANCHOR_REACH, (k) => namesAt(c, k));
  const out: (HeadlineChoice & { score: number })[] = [];
  for (let i = lo; i <= hi; i++) {
    // Past the story's third paragraph of prose, nothing is its headline.
    if (i > start && kinds[i - 1] === 'good' && proseBefore(paras, kinds, start, i) >= 3) break;
    const s = score(c, i);
    if (s !== null) out.push({ index: i, text: headlineText(paras[i].text, sites), score: s });
  }
  // Best first; between equals, the one higher on the page.
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** The headline: its paragraph index and its text, or null when no line above the body can be one. */
export function chooseHeadline(paras: TextPara[], kinds: Kind[], start: number, end: number, opts: DateOptions = {}, sites: string[] = []): HeadlineChoice | null {
  const best = rankHeadlines(paras, kinds, start, end, opts, sites)[0];
  return best ? { index: best.index, text: best.text } : null;
}
