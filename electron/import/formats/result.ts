// Building ReadResults the same way in every reader.
import type { FormatName, MetadataHints, ReadResult } from '../types.ts';

export function htmlResult(format: FormatName, html: string, hints: MetadataHints = {}, warnings: string[] = []): ReadResult {
  return { format, kind: 'html', html, hints: pruneHints(hints), attachments: [], warnings };
}

export function textResult(format: FormatName, text: string, hints: MetadataHints = {}, warnings: string[] = []): ReadResult {
  return { format, kind: 'text', text, hints: pruneHints(hints), attachments: [], warnings };
}

/** Drops empty values so "not stated" is always absent, never "". */
export function pruneHints(hints: MetadataHints): MetadataHints {
  const out: MetadataHints = {};
  for (const [k, v] of Object.entries(hints) as [keyof MetadataHints, unknown][]) {
    if (k === 'extra') {
      const extra = v as Record<string, string> | undefined;
      if (extra && Object.keys(extra).length) out.extra = extra;
    } else if (typeof v === 'string') {
      const t = v.trim();
      if (t) (out as Record<string, string>)[k] = t;
    }
  }
  return out;
}

/** Only web addresses become hints.url: never javascript:, data: or file paths. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/[\x00-\x20]+/g, (m) => (m.includes(' ') ? '%20' : ''));
  return /^https?:\/\/[^\s/]+/i.test(v) && v.length <= 4096 ? v : null;
}

/** A date header or property as ISO 8601 (UTC), or null when it does not parse. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/\s*\([^)]{0,80}\)\s*$/, ''); // "… +0000 (UTC)"
  if (!v || v.length > 100) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  return y >= 1900 && y <= 2200 ? d.toISOString() : null;
}

const MiB = 1024 * 1024;
export function formatMiB(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
