// A search hit inside a person's own highlight is shown as one: the highlighted words (or the
// highlight's note) with the query's words marked, in the highlight's colour. Highlights have
// their own index (highlights_fts, migration 8), searched only among the clips of the page
// being returned, so this costs a few seeks per page whatever the size of the library.
import type Database from 'better-sqlite3';
import type { HighlightColour, HighlightHit } from '../api.ts';
import { CLOSE, OPEN, markedHtml } from './markup.ts';

/** Words of context a highlight's snippet keeps around the match. */
const TOKENS = 24;

interface Row {
  clip_id: number;
  colour: HighlightColour;
  exact: string;
  note: string;
  in_exact: number;
}

/** For each of these clips, its first highlight whose words or note match `expr` (an FTS5 query). */
export function highlightHits(db: Database.Database, expr: string, clipIds: number[]): Map<number, HighlightHit> {
  const out = new Map<number, HighlightHit>();
  if (!clipIds.length) return out;
  let rows: Row[];
  try {
    if (!hasHighlights(db, clipIds)) return out;
    rows = db
      .prepare(
        `SELECT h.clip_id, h.colour,
                snippet(highlights_fts, 0, '${OPEN}', '${CLOSE}', '…', ${TOKENS}) AS exact,
                snippet(highlights_fts, 1, '${OPEN}', '${CLOSE}', '…', ${TOKENS}) AS note,
                instr(highlight(highlights_fts, 0, '${OPEN}', '${CLOSE}'), '${OPEN}') > 0 AS in_exact
         FROM highlights_fts JOIN highlights h ON h.id = highlights_fts.rowid
         WHERE highlights_fts MATCH ? AND h.clip_id IN (SELECT value FROM json_each(?))
         ORDER BY h.clip_id, h.start IS NULL, h.start`,
      )
      .all(expr, JSON.stringify(clipIds)) as Row[];
  } catch {
    // The clips' index took the expression; should this one not (or a library opened at an older
    // version, as the migration tests do, have no highlights yet), the hits are shown as before.
    return out;
  }
  for (const r of rows) {
    if (out.has(r.clip_id)) continue;
    out.set(r.clip_id, {
      colour: r.colour,
      html: markedHtml(r.exact),
      noteHtml: r.note ? markedHtml(r.note) : undefined,
      inNote: !r.in_exact,
    });
  }
  return out;
}

function hasHighlights(db: Database.Database, clipIds: number[]): boolean {
  return db.prepare('SELECT 1 FROM highlights WHERE clip_id IN (SELECT value FROM json_each(?)) LIMIT 1').get(JSON.stringify(clipIds)) !== undefined;
}
