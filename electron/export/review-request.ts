// A press review request as the job reads it: the defaults filled in, the text the person typed
// trimmed and bounded, and what the file is called and served as. Every front door (the window,
// browser mode, the CLI) comes through here, so a review is named and titled the same way.
import type { ReviewContent, ReviewFormat, ReviewGrouping, ReviewRequest } from '../api.ts';

export interface ReviewSettings {
  format: ReviewFormat;
  title: string;
  compiledBy: string | null;
  group: ReviewGrouping;
  content: ReviewContent;
}

export const DEFAULT_REVIEW_TITLE = 'Press review';
/** More clips than a person reads in a press review: a document of thousands of pages helps nobody. */
export const MAX_REVIEW_CLIPS = 2_000;

export const REVIEW_MIME_TYPES: Record<ReviewFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Control characters and runs of spaces out; a title is one line. */
const oneLine = (s: string | undefined, max: number) => (s ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);

export function reviewSettings(request: ReviewRequest): ReviewSettings {
  return {
    format: request.format,
    title: oneLine(request.title, 300) || DEFAULT_REVIEW_TITLE,
    compiledBy: oneLine(request.compiledBy, 200) || null,
    group: request.group ?? 'day',
    content: request.content ?? 'full',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar day, as ISO ("2026-12-03"): the day the person compiled it on. */
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** "Press review 2026-12-03.pdf": the title (made safe as a file name) and the day. */
export function reviewFileName(settings: Pick<ReviewSettings, 'title' | 'format'>, now: Date): string {
  const stem = settings.title.replace(/[<>:"/\\|?*#^[\]]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80) || DEFAULT_REVIEW_TITLE;
  return `${stem} ${localDay(now)}.${settings.format}`;
}
