// How results are ordered by relevance.
//
// 1. BM25 over the index columns, title above tags above author/source above body. The
//    weights live in the index's rank config (migration 002), so `ORDER BY rank` uses them.
// 2. The first RERANK_WINDOW rows by BM25 are re-ordered in JS: a clip where the query's
//    words stand as the exact phrase, or close together, beats one where they are scattered
//    (BM25 knows nothing of positions). Deeper pages follow plain BM25; the window and the
//    rest never overlap, so paging neither repeats nor skips a clip.
// 3. Equal scores: the newer publication first.

/** Column order of clips_fts: title, author, source, tags, body, notes (a person's own words). */
export const RANK_FUNCTION = 'bm25(8.0, 4.0, 4.0, 5.0, 1.0, 3.0)';

/** Position checks cost a seek per row and term; the first page or so is where order matters. */
export const RERANK_WINDOW = 60;
/** Multipliers of the (negative, lower-is-better) BM25 score. */
export const PHRASE_BOOST = 2.0;
export const NEAR_BOOST = 1.4;
/** Words within this many tokens of each other count as "close". */
export const NEAR_DISTANCE = 10;

export interface Scored {
  id: number;
  score: number;
  publishedAt: string | null;
}

/** Lower score first (BM25 from FTS5 is negative); ties: newer publication, then newer id. */
export function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return a.score - b.score;
  const pa = a.publishedAt ?? '';
  const pb = b.publishedAt ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return b.id - a.id;
}

export function boosted<T extends { id: number; score: number }>(rows: T[], phrase: Set<number>, near: Set<number>): T[] {
  return rows.map((r) => ({ ...r, score: r.score * (phrase.has(r.id) ? PHRASE_BOOST : near.has(r.id) ? NEAR_BOOST : 1) }));
}
