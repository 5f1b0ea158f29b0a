// The library's own list of words as written (folded: lower case, no accents), for typo
// correction. FTS5's vocabulary holds porter stems ("venezuelan" → "venezuelan", "quickly" →
// "quickli"), which are not what people type, so search keeps its own:
//
//   search_vocab(word, docs)     every word of 3–32 letters, and how many live clips hold it
//   search_deletes(h, word_id)   for each word, the word and every form of it with one letter
//                                deleted, hashed to an integer (symmetric-delete index): a
//                                mistyped word finds its neighbours by a handful of index
//                                seeks instead of a scan of 100,000+ words.
//
// Counts go up when clips are added (import, undo) and down when they are removed (delete).
// Words are never dropped: a word whose clips are all gone keeps a 0 count and is skipped as
// a correction. Changes that bypass the hooks (a tag renamed) can leave the counts stale;
// typo correction then misses a renamed tag's words, nothing worse — whether a word is known
// is asked of the index itself (see typo-expansion.ts), never of this list.
import type Database from 'better-sqlite3';
import { vocabularyWords } from './word-forms.ts';

/** FNV-1a, 32 bits. Collisions only add a candidate that the edit distance then rejects. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hashKey of the word and of each form of it with one character removed (deletionsOf(word, 1)),
 * computed without building the strings: the import hashes ~10 forms of every new word. */
export function deletionHashes(word: string): number[] {
  const n = word.length;
  const out = [hashKey(word)];
  if (n <= 2) return out;
  for (let skip = 0; skip < n; skip++) {
    // Removing either letter of a double ("ll") gives the same form: hash it once.
    if (skip > 0 && word.charCodeAt(skip) === word.charCodeAt(skip - 1)) continue;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      if (i === skip) continue;
      h ^= word.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    out.push(h >>> 0);
  }
  return out;
}

/** The word and each form of it with one character removed. */
export function deletionsOf(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 2) continue;
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(del)) {
          out.add(del);
          next.push(del);
        }
      }
    }
    frontier = next;
  }
  return out;
}

interface ClipText {
  id: number;
  title: string;
  author: string | null;
  source: string | null;
  tags_text: string;
  body_text: string;
  annotations_text: string;
}

/** The words of each clip, as the index sees its columns (title, author, source, tags, body, notes). */
function wordCounts(rows: ClipText[]): Map<string, number> {
  const counts = new Map<string, number>();
  const words = new Set<string>();
  for (const r of rows) {
    words.clear();
    vocabularyWords(r.title, words);
    if (r.author) vocabularyWords(r.author, words);
    if (r.source) vocabularyWords(r.source, words);
    vocabularyWords(r.tags_text, words);
    vocabularyWords(r.body_text, words);
    vocabularyWords(r.annotations_text, words);
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/**
 * `notes: false` reads a clip as libraries before migration 8 indexed it (no notes column):
 * migration 2 counts words before that column exists, and migration 8 swaps one for the other.
 */
function readClips(db: Database.Database, ids: number[], notes = true): ClipText[] {
  return db
    .prepare(
      `SELECT id, title, author, source, tags_text, body_text, ${notes ? 'annotations_text' : "'' AS annotations_text"} FROM clips
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ClipText[];
}

// Whole batches go to SQLite as JSON (json_each) in four statements, not a statement or
// two per word: an import of 1,000 pages meets ~80,000 new words and ~800,000 deletion keys,
// and per-row calls from JavaScript cost more than the B-tree work itself.
function applyCounts(db: Database.Database, counts: Map<string, number>, sign: 1 | -1): void {
  if (!counts.size) return;
  const json = JSON.stringify([...counts]);
  db.prepare(
    `UPDATE search_vocab SET docs = max(0, docs + ? * (j.value ->> 1))
     FROM json_each(?) j WHERE search_vocab.word = j.value ->> 0`,
  ).run(sign, json);
  if (sign < 0) return;
  // OR IGNORE skips the words just updated; RETURNING lists only the rows inserted.
  const fresh = db
    .prepare(`INSERT OR IGNORE INTO search_vocab (word, docs) SELECT value ->> 0, value ->> 1 FROM json_each(?) RETURNING id, word`)
    .all(json) as { id: number; word: string }[];
  if (!fresh.length) return;
  // One array per word, [id, key, key…]: SQLite pairs them and sorts the pairs, which costs
  // the main thread a third of building and sorting 800,000 [key, id] pairs in JavaScript.
  const perWord: number[][] = [];
  for (const { id, word } of fresh) {
    const keys = deletionHashes(word);
    keys.unshift(id);
    perWord.push(keys);
  }
  // In key order, so the inserts walk the index from one end to the other.
  db.prepare(
    `INSERT OR IGNORE INTO search_deletes (h, word_id)
     SELECT k.value AS h, w.value ->> 0 AS id FROM json_each(?) w, json_each(w.value) k
     WHERE k.key > 0 ORDER BY h, id`,
  ).run(JSON.stringify(perWord));
}

/** The distinct vocabulary words of one clip's indexed text (title, author, source, tags, body). */
export function clipWords(parts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const p of parts) if (p) vocabularyWords(p, words);
  return [...words];
}

/** Adds clips whose words were already listed (by the import worker, see clipWords). */
export function addWordLists(db: Database.Database, lists: string[][]): void {
  const counts = new Map<string, number>();
  for (const list of lists) for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  applyCounts(db, counts, 1);
}

/** Clips in memory at once while counting (bodies are a few KB each). */
const CHUNK = 2000;

export function addClipWords(db: Database.Database, ids: number[], notes = true): void {
  for (let i = 0; i < ids.length; i += CHUNK) applyCounts(db, wordCounts(readClips(db, ids.slice(i, i + CHUNK), notes)), 1);
}

export function removeClipWords(db: Database.Database, ids: number[], notes = true): void {
  for (let i = 0; i < ids.length; i += CHUNK) applyCounts(db, wordCounts(readClips(db, ids.slice(i, i + CHUNK), notes)), -1);
}

/** Recounts every live clip from scratch (the migrations' backfill; a repair). */
export function rebuildVocabulary(db: Database.Database, notes = true): void {
  db.exec('DELETE FROM search_deletes; DELETE FROM search_vocab;');
  const ids = db.prepare('SELECT id FROM clips WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
  addClipWords(db, ids, notes);
}

export interface VocabularyEntry {
  word: string;
  docs: number;
}

/** Live words sharing a deletion key with any of `keys` (the candidates of a mistyped word). */
export function wordsByDeletion(db: Database.Database, keys: Iterable<string>): VocabularyEntry[] {
  const hashes = [...new Set([...keys].map(hashKey))];
  return db
    .prepare(
      `SELECT DISTINCT v.word, v.docs FROM search_deletes d JOIN search_vocab v ON v.id = d.word_id
       WHERE d.h IN (SELECT value FROM json_each(?)) AND v.docs > 0`,
    )
    .all(JSON.stringify(hashes)) as VocabularyEntry[];
}

/** The most common live words beginning with `prefix` (folded). */
export function wordsByPrefix(db: Database.Database, prefix: string, limit: number): VocabularyEntry[] {
  // A range on the unique index, rather than LIKE, so it stays a seek whatever the collation.
  return db
    .prepare(
      `SELECT word, docs FROM search_vocab WHERE word >= ? AND word < ? AND docs > 0
       ORDER BY docs DESC LIMIT ?`,
    )
    .all(prefix, prefix + '\uffff', limit) as VocabularyEntry[];
}
