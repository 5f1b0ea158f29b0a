// Highlights: passages a person marked in a clip, with an optional note (table `highlights`,
// migration 8). They are the person's own work, kept apart from what extraction produced:
// re-extraction moves them with the text (reanchorHighlights) and never drops one.
//
// Each write here also keeps the typo vocabulary in step with the notes it changes (the index
// itself follows by triggers): the clip's words are counted out before and in after.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { HIGHLIGHT_COLOURS, type ExportHighlight, type Highlight, type HighlightColour, type NewHighlight } from '../api.ts';
import { recountingWords } from '../search/index-hooks.ts';
import { NotFoundError } from './clips.ts';
import { anchorQuote, foldText, quoteOf, trimSpan, type QuoteSelector, type TextSpan } from './highlight-anchors.ts';

export class HighlightError extends Error {}

interface HighlightRow {
  id: number;
  uid: string;
  clip_id: number;
  colour: HighlightColour;
  note: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  created_at: string;
  updated_at: string;
  /** From migration 10 (the team library). */
  private?: number;
}

/** Longest quote kept: a highlight is a passage, not the article. */
export const MAX_QUOTE_CHARS = 20_000;
export const MAX_NOTE_CHARS = 20_000;

function fromRow(r: HighlightRow): Highlight {
  return {
    id: r.id,
    uid: r.uid,
    clipId: r.clip_id,
    colour: r.colour,
    note: r.note,
    private: r.private === 1,
    quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
    position: r.start === null || r.end === null ? null : { type: 'TextPositionSelector', start: r.start, end: r.end },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const ORDER = 'ORDER BY start IS NULL, start, id';

export function listHighlights(db: Database.Database, clipId: number): Highlight[] {
  return (db.prepare(`SELECT * FROM highlights WHERE clip_id = ? ${ORDER}`).all(clipId) as HighlightRow[]).map(fromRow);
}

/** The highlights of many clips, each clip's in text order. */
export function highlightsOfClips(db: Database.Database, clipIds: readonly number[]): Map<number, Highlight[]> {
  const out = new Map<number, Highlight[]>();
  const rows = db
    .prepare(`SELECT * FROM highlights WHERE clip_id IN (SELECT value FROM json_each(?)) ORDER BY clip_id, start IS NULL, start, id`)
    .all(JSON.stringify(clipIds)) as HighlightRow[];
  for (const r of rows) {
    const list = out.get(r.clip_id) ?? [];
    list.push(fromRow(r));
    out.set(r.clip_id, list);
  }
  return out;
}

export function getHighlight(db: Database.Database, id: number): Highlight {
  const row = db.prepare('SELECT * FROM highlights WHERE id = ?').get(id) as HighlightRow | undefined;
  if (!row) throw new NotFoundError(`There is no highlight ${id} in this library.`);
  return fromRow(row);
}

function liveBody(db: Database.Database, clipId: number): string {
  const row = db.prepare('SELECT body_text FROM clips WHERE id = ? AND deleted_at IS NULL').get(clipId) as { body_text: string } | undefined;
  if (!row) throw new NotFoundError(`There is no clip ${clipId} in this library.`);
  return row.body_text;
}

/** Runs a change to a clip's notes with the vocabulary counted out before and in after. */
const withNoteWords = <T>(db: Database.Database, clipId: number, change: () => T): T => recountingWords(db, [clipId], change);

function checkNote(note: string): string {
  if (note.length > MAX_NOTE_CHARS) throw new HighlightError(`A note can hold at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters.`);
  return note.trim();
}

/**
 * Finds the words in the clip's text and keeps them as a highlight. The caller's text may be
 * the reader's rendering (different spaces, curly quotes): the anchor is the body's own words.
 */
export function addHighlight(db: Database.Database, input: NewHighlight, now = new Date().toISOString()): Highlight {
  const body = liveBody(db, input.clipId);
  const exact = input.exact.trim();
  if (!exact) throw new HighlightError('Select some words of the article to highlight.');
  if (exact.length > MAX_QUOTE_CHARS) throw new HighlightError(`A highlight can hold at most ${MAX_QUOTE_CHARS.toLocaleString('en')} characters; select a shorter passage.`);
  const found = anchorQuote(body, { exact, prefix: input.prefix ?? '', suffix: input.suffix ?? '' }, input.near);
  if (!found) throw new HighlightError(`Those words are not in the text of clip ${input.clipId}: "${exact.slice(0, 80)}${exact.length > 80 ? '…' : ''}".`);
  const span = trimSpan(body, found);
  const made = insertHighlight(db, input.clipId, quoteOf(body, span), span, input.colour ?? 'yellow', checkNote(input.note ?? ''), now, now);
  if (!input.private) return made;
  db.prepare('UPDATE highlights SET private = 1 WHERE id = ?').run(made.id);
  return getHighlight(db, made.id);
}

function insertHighlight(
  db: Database.Database, clipId: number, quote: QuoteSelector, span: TextSpan | null, colour: HighlightColour, note: string,
  createdAt: string, updatedAt: string, uid: string = crypto.randomUUID(),
): Highlight {
  return withNoteWords(db, clipId, () => {
    const info = db
      .prepare(
        `INSERT INTO highlights (uid, clip_id, colour, note, exact, prefix, suffix, start, "end", created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uid, clipId, colour, note, quote.exact, quote.prefix, quote.suffix, span?.start ?? null, span?.end ?? null, createdAt, updatedAt);
    return getHighlight(db, Number(info.lastInsertRowid));
  });
}

export function updateHighlight(
  db: Database.Database, id: number, patch: { colour?: HighlightColour; note?: string; private?: boolean }, now = new Date().toISOString(),
): Highlight {
  const before = getHighlight(db, id);
  const colour = patch.colour ?? before.colour;
  const note = patch.note === undefined ? before.note : checkNote(patch.note);
  if (patch.private !== undefined && patch.private !== before.private) {
    db.prepare('UPDATE highlights SET private = ?, updated_at = ? WHERE id = ?').run(patch.private ? 1 : 0, now, id);
  }
  if (colour === before.colour && note === before.note) return getHighlight(db, id);
  const write = () => db.prepare('UPDATE highlights SET colour = ?, note = ?, updated_at = ? WHERE id = ?').run(colour, note, now, id);
  if (note === before.note) write();
  else withNoteWords(db, before.clipId, write);
  return getHighlight(db, id);
}

export function deleteHighlight(db: Database.Database, id: number): Highlight {
  const before = getHighlight(db, id);
  withNoteWords(db, before.clipId, () => db.prepare('DELETE FROM highlights WHERE id = ?').run(id));
  return before;
}

/** A clip's highlights as the JSON export keeps them. */
export function exportHighlight(h: Highlight): ExportHighlight {
  const { id: _id, clipId: _clipId, private: isPrivate, ...kept } = h;
  // Only a private one says so: the export of a library that is not shared stays as it was.
  return isPrivate ? { ...kept, private: true } : kept;
}

/**
 * Restores exported highlights onto a clip (a JSON import): each is anchored again in this
 * clip's text, and one that does not fit is kept detached. A uid already present is skipped,
 * so importing the same export twice adds nothing.
 */
export function restoreHighlights(db: Database.Database, clipId: number, list: unknown[]): number {
  const body = liveBody(db, clipId);
  const folded = foldText(body);
  let added = 0;
  for (const raw of list) {
    const h = raw as Partial<ExportHighlight>;
    const exact = typeof h?.quote?.exact === 'string' ? h.quote.exact : '';
    if (!exact.trim() || exact.length > MAX_QUOTE_CHARS) continue;
    const uid = typeof h.uid === 'string' && h.uid ? h.uid : crypto.randomUUID();
    if (db.prepare('SELECT 1 FROM highlights WHERE uid = ?').get(uid)) continue;
    const quote = { exact, prefix: String(h.quote?.prefix ?? ''), suffix: String(h.quote?.suffix ?? '') };
    const hint = typeof h.position?.start === 'number' ? h.position.start : undefined;
    const span = anchorQuote(body, quote, hint, folded);
    const colour = HIGHLIGHT_COLOURS.find((c) => c === h.colour) ?? 'yellow';
    const created = typeof h.createdAt === 'string' ? h.createdAt : new Date().toISOString();
    const updated = typeof h.updatedAt === 'string' ? h.updatedAt : created;
    const note = typeof h.note === 'string' ? h.note.slice(0, MAX_NOTE_CHARS) : '';
    const made = insertHighlight(db, clipId, span ? quoteOf(body, span) : quote, span, colour, note, created, updated, uid);
    if (h.private === true) db.prepare('UPDATE highlights SET private = 1 WHERE id = ?').run(made.id);
    added++;
  }
  return added;
}

export interface ReanchorCount {
  kept: number;
  moved: number;
  detached: number;
  reattached: number;
}

/**
 * After a clip's body changed (re-extraction): every highlight is looked for again by its
 * quote in the new text. One found gets its new place (and fresh context); one not found keeps
 * its quote with no place — detached, shown apart, never dropped. A detached one whose words
 * are back is attached again.
 */
export function reanchorHighlights(db: Database.Database, clipId: number, body: string): ReanchorCount {
  const count: ReanchorCount = { kept: 0, moved: 0, detached: 0, reattached: 0 };
  const rows = db.prepare('SELECT * FROM highlights WHERE clip_id = ?').all(clipId) as HighlightRow[];
  if (!rows.length) return count;
  const folded = foldText(body);
  const update = db.prepare('UPDATE highlights SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ? WHERE id = ?');
  for (const r of rows) {
    const span = anchorQuote(body, { exact: r.exact, prefix: r.prefix, suffix: r.suffix }, r.start ?? undefined, folded);
    if (!span) {
      if (r.start !== null) update.run(r.exact, r.prefix, r.suffix, null, null, r.id);
      count.detached++;
      continue;
    }
    const q = quoteOf(body, span);
    if (r.start === span.start && r.end === span.end && q.exact === r.exact && q.prefix === r.prefix && q.suffix === r.suffix) {
      count.kept++;
      continue;
    }
    update.run(q.exact, q.prefix, q.suffix, span.start, span.end, r.id);
    if (r.start === null) count.reattached++;
    else count.moved++;
  }
  return count;
}
