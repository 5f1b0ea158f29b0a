// The clips of a press review, read from the library a batch at a time and reduced to what the
// document shows: the record (headline, outlet, byline, date), and the content the person chose —
// the article's HTML through the import's allowlist serializer again, its standfirst (or, when it
// has none, its opening paragraph), or its highlighted passages. Each output (HTML, DOCX) renders
// these; none reads the library itself.
import type Database from 'better-sqlite3';
import type { ReviewContent } from '../api.ts';
import { paragraphsToHtml } from '../import/extract/safe-html.ts';
import { clipBatches, type ExportClip } from './clip-records.ts';
import { storedBodyHtml, webLink } from './html.ts';
import type { HighlightSource, ReviewHighlight } from './review-highlights.ts';
import { standfirstToShow } from './standfirst.ts';

export interface ReviewClip {
  id: number;
  /** A stable anchor for the contents ("clip-…"): the clip's uid, never a page number. */
  anchor: string;
  title: string;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  tags: string[];
  /** The standfirst to print above the text (none when the body opens with it). */
  standfirst: string | null;
  /** content 'full': the article as allowlisted HTML. */
  bodyHtml: string | null;
  /** content 'standfirst' for a clip without one: its opening paragraph, cut at a sentence. */
  lead: string | null;
  /** content 'highlights': the passages, in the order they appear. */
  highlights: ReviewHighlight[] | null;
}

const LEAD_WORDS = 70;

/** The body as allowlisted HTML: stored HTML re-serialized (data: images only), or text as paragraphs. */
export function safeBodyHtml(c: Pick<ExportClip, 'bodyHtml' | 'bodyText' | 'url'>): string {
  if (!c.bodyHtml.trim()) return paragraphsToHtml(c.bodyText.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean));
  return storedBodyHtml(c);
}

/** The first paragraph of the text, at most about LEAD_WORDS words, ended at a sentence where one ends. */
export function leadOf(bodyText: string): string | null {
  const first = bodyText.replace(/\r\n?/g, '\n').split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).find((p) => p.split(' ').length >= 8)
    ?? bodyText.replace(/\s+/g, ' ').trim();
  if (!first) return null;
  const words = first.split(' ');
  if (words.length <= LEAD_WORDS) return first;
  const cut = words.slice(0, LEAD_WORDS).join(' ');
  const sentence = /^([\s\S]*[.!?][’”"')]?)\s/.exec(cut + ' ');
  return sentence && sentence[1].length > cut.length / 2 ? sentence[1] : `${cut.replace(/[,;:–—-]+$/, '')}…`;
}

/** The anchor id of a clip: letters, digits and dashes only, so it is safe in HTML and as a DOCX bookmark. */
const anchorOf = (c: ExportClip) => `clip-${(c.uid || String(c.id)).replace(/[^A-Za-z0-9-]/g, '').slice(0, 36) || c.id}`;

export function toReviewClip(c: ExportClip, content: ReviewContent, highlights: HighlightSource | null): ReviewClip {
  const standfirst = standfirstToShow(c);
  return {
    id: c.id,
    anchor: anchorOf(c),
    title: c.title.trim() || 'Untitled',
    source: c.source,
    author: c.author,
    publishedAt: c.publishedAt,
    url: webLink(c.url),
    language: c.language,
    tags: c.tags,
    // The standfirst mode shows the standfirst even where the body repeats it: there is no body.
    standfirst: content === 'standfirst' ? (c.standfirst?.trim() || null) : standfirst,
    bodyHtml: content === 'full' ? safeBodyHtml(c) : null,
    lead: content === 'standfirst' && !c.standfirst?.trim() ? leadOf(c.bodyText) : null,
    highlights: content === 'highlights' && highlights ? highlights(c.id) : null,
  };
}

/**
 * Every clip of `ids` as the review shows it, in batches: between batches the event loop gets
 * a turn (the desktop app's main process keeps answering the window) and `onBatch` reports
 * progress and may stop the work by throwing.
 */
export async function readReviewClips(
  db: Database.Database,
  ids: readonly number[],
  content: ReviewContent,
  highlights: HighlightSource | null,
  onBatch: (done: number) => void,
): Promise<ReviewClip[]> {
  const out: ReviewClip[] = [];
  for await (const batch of clipBatches(db, ids)) {
    for (const c of batch) out.push(toReviewClip(c, content, highlights));
    onBatch(out.length);
  }
  return out;
}
