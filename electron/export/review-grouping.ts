// How a press review is ordered and divided: by day of publication (oldest first, so the
// coverage reads as the story unfolded), by outlet (A–Z), or by tag (A–Z); and the period it
// covers, as the title page states it. Dates keep the precision they were recorded with: a clip
// known only to the month is grouped under the month, never placed on a day it was not.
import type { ReviewGrouping } from '../api.ts';
import { humanDate } from './human-dates.ts';
import type { ReviewClip } from './review-clips.ts';

export interface ReviewGroup {
  /** A stable anchor ("group-1"), for the contents' links. */
  anchor: string;
  label: string;
  clips: ReviewClip[];
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DATE_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The date as recorded, without a time: "2019-09-20", "2019-09" or "2019"; null when undated. */
export function dateKey(iso: string | null): string | null {
  const m = iso ? DATE_PART.exec(iso) : null;
  return m ? m[0] : null;
}

/** "Friday 20 September 2019" for a day, "September 2019" for a month, "2019" for a year. */
function dayLabel(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  if (!d) return humanDate(key);
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${humanDate(key)}`;
}

const byText = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;

/** Oldest first; undated clips last; then by outlet and headline, so the order never depends on ids. */
function chronological(a: ReviewClip, b: ReviewClip): number {
  const da = a.publishedAt ?? '\uffff';
  const db = b.publishedAt ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : byText(a.source ?? '', b.source ?? '') || byText(a.title, b.title) || a.id - b.id;
}

/**
 * The tag a clip is filed under when grouping by tag. A clip appears once in a review, so it
 * goes under one of its tags: not one every clip carries (a review of `tag:venezuela` would be
 * one group), then the one most of the review's clips share (the review's real subjects),
 * then A–Z.
 */
function tagChooser(clips: readonly ReviewClip[]): (c: ReviewClip) => string | null {
  const counts = new Map<string, number>();
  for (const c of clips) for (const t of new Set(c.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return (c) => {
    if (!c.tags.length) return null;
    const distinguishing = c.tags.filter((t) => counts.get(t)! < clips.length);
    const pool = distinguishing.length ? distinguishing : c.tags;
    return [...pool].sort((a, b) => counts.get(b)! - counts.get(a)! || byText(a, b))[0];
  };
}

export function groupClips(clips: readonly ReviewClip[], grouping: ReviewGrouping): ReviewGroup[] {
  const ordered = [...clips].sort(chronological);
  const keyOf: (c: ReviewClip) => string | null =
    grouping === 'day' ? (c) => dateKey(c.publishedAt) : grouping === 'outlet' ? (c) => c.source?.trim() || null : tagChooser(ordered);
  const groups = new Map<string | null, ReviewClip[]>();
  for (const c of ordered) {
    const key = keyOf(c);
    // Outlets compare as the same name whatever their case.
    const found = key === null ? null : [...groups.keys()].find((k) => k !== null && byText(k, key) === 0);
    const slot = found ?? key;
    groups.set(slot, [...(groups.get(slot) ?? []), c]);
  }
  const keys = [...groups.keys()].filter((k): k is string => k !== null);
  keys.sort(grouping === 'day' ? (a, b) => (a < b ? -1 : a > b ? 1 : 0) : byText);
  const rest = grouping === 'day' ? 'Undated' : grouping === 'outlet' ? 'Outlet not known' : 'Untagged';
  const labelled = keys.map((k) => ({ label: grouping === 'day' ? dayLabel(k) : k, clips: groups.get(k)! }));
  if (groups.has(null)) labelled.push({ label: rest, clips: groups.get(null)! });
  return labelled.map((g, i) => ({ anchor: `group-${i + 1}`, ...g }));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "20–27 September 2019", "28 September – 3 October 2019", "December 2018 – January 2019". */
export function periodLabel(clips: readonly ReviewClip[]): string | null {
  const keys = clips.map((c) => dateKey(c.publishedAt)).filter((k): k is string => !!k).sort();
  if (!keys.length) return null;
  const from = keys[0];
  const to = keys[keys.length - 1];
  if (from === to) return humanDate(from);
  const [fy, fm, fd] = from.split('-');
  const [ty, tm, td] = to.split('-');
  if (fd && td && fy === ty && fm === tm) return `${Number(fd)}–${Number(td)} ${MONTHS[Number(tm) - 1]} ${ty}`;
  if (fd && td && fy === ty) return `${Number(fd)} ${MONTHS[Number(fm) - 1]} – ${humanDate(to)}`;
  return `${humanDate(from)} – ${humanDate(to)}`;
}
