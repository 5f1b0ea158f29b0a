// What the Press review dialog offers, and what it remembers between reviews (who compiled it,
// the format, grouping and content last chosen), kept in the window's local storage.
import {
  REVIEW_CONTENTS, REVIEW_FORMATS, REVIEW_GROUPINGS, type ReviewContent, type ReviewFormat, type ReviewGrouping,
} from '../../../electron/api.ts';

export const FORMAT_CHOICES: { value: ReviewFormat; label: string; hint: string }[] = [
  { value: 'pdf', label: 'PDF', hint: 'Paginated, with page numbers: to print or send.' },
  { value: 'docx', label: 'Word (DOCX)', hint: 'To edit before sending.' },
  { value: 'html', label: 'Web page (HTML)', hint: 'One self-contained file, readable in any browser.' },
];
export const GROUP_CHOICES: { value: ReviewGrouping; label: string }[] = [
  { value: 'day', label: 'By day' },
  { value: 'outlet', label: 'By outlet' },
  { value: 'tag', label: 'By tag' },
];
export const CONTENT_CHOICES: { value: ReviewContent; label: string; hint: string }[] = [
  { value: 'full', label: 'Full text', hint: 'Each article whole, on a page of its own.' },
  { value: 'standfirst', label: 'Standfirsts', hint: 'Headline, record and standfirst (or first paragraph).' },
  { value: 'highlights', label: 'Highlights', hint: 'Only the passages highlighted in each clip, with their notes.' },
];

export interface ReviewPrefs {
  compiledBy: string;
  format: ReviewFormat;
  group: ReviewGrouping;
  content: ReviewContent;
}

const KEY = 'cuttings.review';
const DEFAULTS: ReviewPrefs = { compiledBy: '', format: 'pdf', group: 'day', content: 'full' };
const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

export function rememberedPrefs(): ReviewPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof ReviewPrefs, unknown>>;
    return {
      compiledBy: typeof raw.compiledBy === 'string' ? raw.compiledBy.slice(0, 200) : '',
      format: oneOf(REVIEW_FORMATS, raw.format, DEFAULTS.format),
      group: oneOf(REVIEW_GROUPINGS, raw.group, DEFAULTS.group),
      content: oneOf(REVIEW_CONTENTS, raw.content, DEFAULTS.content),
    };
  } catch {
    return DEFAULTS;
  }
}

export function rememberPrefs(prefs: ReviewPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    /* storage unavailable */
  }
}
