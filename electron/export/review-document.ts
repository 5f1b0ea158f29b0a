// What a press review says, whatever file it is written as: its title page (title, period,
// compiler, day compiled, number of clips), its groups in order, and each clip's number — the
// contents list the clips by number and each clip carries its number, so a reader of the
// printed review finds a clip without page references.
import type { ReviewContent, ReviewGrouping } from '../api.ts';
import { humanDate } from './human-dates.ts';
import type { ReviewClip } from './review-clips.ts';
import { groupClips, periodLabel, type ReviewGroup } from './review-grouping.ts';
import { localDay, type ReviewSettings } from './review-request.ts';

export interface ReviewDocument {
  title: string;
  /** "20–27 September 2019"; null when no clip is dated. */
  period: string | null;
  /** Clips of the review without a publication date (the period leaves them out). */
  undated: number;
  compiledBy: string | null;
  /** "3 December 2026". */
  compiledOn: string;
  clipCount: number;
  grouping: ReviewGrouping;
  content: ReviewContent;
  groups: ReviewGroup[];
  /** Each clip's number in the review, by anchor. */
  numbers: Map<string, number>;
}

export const GROUPING_WORDS: Record<ReviewGrouping, string> = { day: 'By day', outlet: 'By outlet', tag: 'By tag' };
export const CONTENT_WORDS: Record<ReviewContent, string> = { full: 'Full text', standfirst: 'Standfirsts', highlights: 'Highlights' };

export function composeReview(clips: readonly ReviewClip[], settings: ReviewSettings, now: Date): ReviewDocument {
  const groups = groupClips(clips, settings.group);
  const numbers = new Map<string, number>();
  for (const g of groups) for (const c of g.clips) numbers.set(c.anchor, numbers.size + 1);
  return {
    title: settings.title,
    period: periodLabel(clips),
    undated: clips.filter((c) => !c.publishedAt).length,
    compiledBy: settings.compiledBy,
    compiledOn: humanDate(localDay(now)),
    clipCount: clips.length,
    grouping: settings.group,
    content: settings.content,
    groups,
    numbers,
  };
}

/** "By AFP", "By Ana Vanessa Herrero and Anton Troianovski": the byline as a reader expects it. */
export function bylineOf(author: string | null): string | null {
  const a = author?.trim();
  if (!a) return null;
  return /^by\s/i.test(a) ? a : `By ${a}`;
}

/** "Outlet · 20 September 2019": a clip's line in the contents. */
export function entryMeta(c: ReviewClip): string {
  return [c.source, humanDate(c.publishedAt)].filter(Boolean).join(' · ');
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
