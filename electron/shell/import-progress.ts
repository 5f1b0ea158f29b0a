// A long import or re-extraction as the desktop shows it outside the window: progress on the
// dock icon or taskbar button, and a notification when it ends while nobody is looking.
import type { ImportProgress, ImportSummary, ReextractSummary } from '../api.ts';

/** Electron's setProgressBar value: 0–1, above 1 for "busy, amount unknown", below 0 to remove. */
export function taskbarProgress(p: Pick<ImportProgress, 'done' | 'total' | 'scanning'>): number {
  if (p.total <= 0 || (p.scanning && p.done === 0)) return 2;
  return Math.min(1, Math.max(0, p.done / p.total));
}

export const NO_PROGRESS = -1;

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function importFinishedNotice(s: Pick<ImportSummary, 'added' | 'duplicates' | 'failed' | 'cancelled'>): { title: string; body: string } {
  const parts = [`${plural(s.added, 'clip')} added`];
  if (s.duplicates) parts.push(`${plural(s.duplicates, 'duplicate')} skipped`);
  if (s.failed) parts.push(`${plural(s.failed, 'file')} could not be read`);
  return { title: s.cancelled ? 'Import stopped' : 'Import finished', body: `${parts.join(', ')}.` };
}

export function reextractFinishedNotice(s: Pick<ReextractSummary, 'changed' | 'unchanged' | 'failed' | 'cancelled'>): { title: string; body: string } {
  const parts = [`${plural(s.changed, 'clip')} updated`, `${s.unchanged.toLocaleString('en')} unchanged`];
  if (s.failed) parts.push(`${plural(s.failed, 'clip')} could not be read again`);
  return { title: s.cancelled ? 'Re-extraction stopped' : 'Re-extraction finished', body: `${parts.join(', ')}.` };
}

