// The CSV export: one row per clip, for a spreadsheet. RFC 4180 (CRLF rows, fields quoted when
// they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte-order mark so
// Excel reads accents and emoji correctly. A cell a spreadsheet would run as a formula
// (=, +, -, @, or a tab or carriage return before one) is prefixed with an apostrophe: a
// headline "=HYPERLINK(…)" from a hostile page stays text.
import type Database from 'better-sqlite3';
import { clipBatches, type ExportClip } from './clip-records.ts';

export const CSV_COLUMNS = ['id', 'title', 'source', 'author', 'published', 'url', 'tags', 'word count', 'starred', 'note', 'imported'] as const;

export const UTF8_BOM = '\ufeff';

/** One cell: neutralised if a spreadsheet would read it as a formula, then quoted if needed. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(c: ExportClip): string {
  return [
    c.id,
    c.title,
    c.source ?? '',
    c.author ?? '',
    c.publishedAt ?? '',
    c.url ?? '',
    // Tag names may hold commas; a semicolon list reads well and splits cleanly in a sheet.
    c.tags.join('; '),
    c.wordCount,
    c.starred ? 'yes' : 'no',
    c.note,
    c.importedAt,
  ]
    .map(csvCell)
    .join(',');
}

export async function* csvChunks(db: Database.Database, ids: readonly number[]): AsyncGenerator<string> {
  yield `${UTF8_BOM}${CSV_COLUMNS.map(csvCell).join(',')}\r\n`;
  for await (const batch of clipBatches(db, ids)) if (batch.length) yield batch.map((c) => `${row(c)}\r\n`).join('');
}
