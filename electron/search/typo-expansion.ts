// Typo tolerance: a query word the index does not know is read as the library's close
// words. Candidates come from the symmetric-delete index (a few seeks, whatever the size of
// the vocabulary), then the few found are ranked by Damerau (optimal string alignment)
// distance and by how many clips hold them.
import type Database from 'better-sqlite3';
import type { ParsedQuery, TermClause } from './query-parser.ts';
import { deletionsOf, wordsByDeletion, wordsByPrefix } from './vocabulary.ts';
import { foldWord } from './word-forms.ts';

export interface Correction {
  word: string;
  replacements: string[];
}

/**
 * What a term is read as besides itself. 'typo': close words for an unknown word (reported
 * to the user). 'completion': for a word still being typed, its most common completions in
 * the vocabulary stand in for an FTS5 prefix query — a prefix of two or three letters merges
 * thousands of doclists (hundreds of ms at 10,000 clips), eight words do not. A rare
 * completion outside the eight is found once another letter is typed.
 */
export interface Expansion {
  kind: 'typo' | 'completion';
  words: string[];
}

/** Completions (the commonest) that stand in for a word being typed. */
export const MAX_COMPLETIONS = 8;

/** Edits allowed for a word of this length: short words have too many neighbours. */
export function maxDistance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/** At most this many replacements per word: enough for near-ties, few enough to stay precise. */
const MAX_REPLACEMENTS = 3;

/** Optimal string alignment distance (Damerau without re-editing a transposed pair), capped. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** FTS5 string literal: double any quote. Our words hold none, but never trust that. */
export function ftsString(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** Whether the index matches the word at all (stems, tag renames and all): known words are never corrected. */
function indexKnows(db: Database.Database, word: string, prefix: boolean): boolean {
  const expr = ftsString(word) + (prefix ? '*' : '');
  return db.prepare('SELECT 1 FROM clips_fts WHERE clips_fts MATCH ? LIMIT 1').get(expr) !== undefined;
}

/** Close live words for a word the index does not hold, best first (empty if none). */
export function closeWords(db: Database.Database, word: string): string[] {
  const folded = foldWord(word);
  const max = maxDistance(folded.length);
  if (max === 0) return [];
  const found = wordsByDeletion(db, deletionsOf(folded, max));
  const ranked = found
    .map((c) => ({ ...c, distance: c.word === folded ? 0 : editDistance(folded, c.word, max) }))
    .filter((c) => c.distance > 0 && c.distance <= max)
    .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.word < b.word ? -1 : 1));
  if (ranked.length === 0) return [];
  // Only the best distance: "venezuala" → venezuela, not also venezuelan.
  const best = ranked[0].distance;
  return ranked.filter((c) => c.distance === best).slice(0, MAX_REPLACEMENTS).map((c) => c.word);
}

/**
 * Expansions for each term that needs one: a single bare word (quotes mean "exactly this"),
 * positive, unknown to the index (typo) or being typed (completion).
 */
export function expandTerms(db: Database.Database, parsed: ParsedQuery): Map<TermClause, Expansion> {
  const out = new Map<TermClause, Expansion>();
  const seen = new Map<string, Expansion | null>();
  for (const group of parsed.groups) {
    for (const c of group) {
      if (c.kind !== 'term' || c.negated || c.quoted || c.words.length !== 1) continue;
      const word = c.words[0];
      const folded = foldWord(word);
      const key = folded + (c.prefix ? '*' : '') + (c.typing ? '…' : '');
      if (!seen.has(key)) seen.set(key, expandWord(db, word, folded, c));
      const e = seen.get(key);
      if (e) out.set(c, e);
    }
  }
  return out;
}

function expandWord(db: Database.Database, word: string, folded: string, c: TermClause): Expansion | null {
  if (c.typing && !/\p{N}/u.test(folded)) {
    // Even a few completions beat the prefix query: FTS5 answers a prefix by merging every
    // matching term's doclist, and does it again for each row it makes a snippet of.
    const completions = wordsByPrefix(db, folded, MAX_COMPLETIONS);
    if (completions.length > 0) return { kind: 'completion', words: completions.map((w) => w.word) };
  }
  if (indexKnows(db, word, c.prefix)) return null;
  const close = closeWords(db, word);
  return close.length ? { kind: 'typo', words: close } : null;
}
