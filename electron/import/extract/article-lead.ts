// Readability scores containers and keeps the best one (with its siblings). Many pages set
// the story's opening outside that container: a lead paragraph in the header block, an
// introduction above a recipe, the first item of an endless-scroll page whose longest story
// is further down. The text extractor reads the whole cleaned page as one sequence and finds
// the article's run of prose; where that run starts before Readability's first paragraph and
// reaches into it, the prose between the two is the article's beginning.
//
// Only what precedes is taken: after the container, the same run goes on into comments,
// author boxes and teasers as often as into article text.
import { articleRun } from './text-article.ts';

/** Non-prose paragraphs (headings, dates, image lines) a lead may be separated from the body by. */
const MAX_GAP = 5;

/** Text compared without case, punctuation or spacing. */
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export interface LeadOptions {
  /** Texts that are never a lead: the page's image captions. */
  notLead?: readonly string[];
  /** Per page paragraph, the share of its text inside links. */
  linkShare?: readonly number[];
}

/** Paragraphs on either side of the body's start that are read to find its lead. */
const WINDOW = 30;
/** Nothing shorter is prose (the text extractor's shortest sentence-like paragraph). */
const MIN_LEAD = 25;

/** A paragraph mostly made of links is navigation or a teaser, not a lead. */
const MAX_LINK_SHARE = 0.5;

/**
 * Prose paragraphs of the page that open the article before `body` (Readability's paragraphs,
 * cleaned) starts; empty when the page's prose run does not lead into the body. Paragraphs
 * in `notLead` (the page's image captions) and repeats of the body are never taken.
 */
export function leadBeforeBody(body: string[], page: string[], opts: LeadOptions = {}): string[] {
  if (!body.length || page.length < 2) return [];
  // Where Readability's paragraphs start in the page (both come from the same DOM text; its
  // cleaning may have changed one or two of them).
  let first = -1;
  for (const p of body.slice(0, 5)) if ((first = page.indexOf(p)) >= 0) break;
  if (first <= 0) return [];
  // Only the neighbourhood of the body's start is read (a page's far ends are menus, footers
  // and comments, and reading them costs time on every import).
  const lo = Math.max(0, first - WINDOW);
  const hi = Math.min(page.length, first + WINDOW);
  if (!page.slice(lo, first).some((p) => p.length >= MIN_LEAD)) return [];
  const { kinds, run } = articleRun(page.slice(lo, hi).map((text, i) => ({ text, indent: 0, bullet: false, blankBefore: true, line: i })));
  if (!run) return [];
  const [start, end] = [run[0] + lo, run[1] + lo];
  if (start >= first || end < first) return [];
  // Made only here: most pages have returned above, and the body can be long.
  const skip = new Set(body.map(norm));
  const captions = (opts.notLead ?? []).map(norm);
  const links = opts.linkShare ?? [];
  const isCaption = (key: string) => captions.some((c) => c.includes(key));
  // Walk up from the body: a lead sits right above it, with at most a byline, a date or an
  // image between; a longer gap separates it from what is not the article (a notice about
  // ad blockers or the browser, the site's welcome text, a list of posts).
  const lead: string[] = [];
  let gap = 0;
  for (let i = first - 1; i >= start && gap <= MAX_GAP; i--) {
    if ((kinds[i - lo] === 'good' || kinds[i - lo] === 'medium') && (links[i] ?? 0) <= MAX_LINK_SHARE && !skip.has(norm(page[i])) && !isCaption(norm(page[i]))) {
      lead.unshift(page[i]);
      gap = 0;
    } else gap++;
  }
  return lead;
}
