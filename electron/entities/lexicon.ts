// What the recogniser knows about words beyond the weights: names seen in annotated text of
// every training language (a gazetteer, so "Putin" learnt from Croatian helps English), and
// how often a word is written with a capital in mid-sentence (so a capital that only opens a
// sentence is not taken for a name). Built by the training script; shipped inside the model.

export interface Lexicon {
  /** Lower-cased word → bit set of (type, role) it had inside entities (see roleBit), plus the
   * share of its occurrences inside an entity, bucketed, in bits 12–14. */
  words: Map<string, number>;
  /** Lower-cased token sequence joined by spaces → bit set of the types it was annotated as. */
  names: Map<string, number>;
  /** Longest name in `names`, in tokens. */
  longestName: number;
  /** Lower-cased word → how often it is capitalised away from a sentence start (0–4, see capBucket). */
  capitalised: Map<string, number>;
  /** Lower-cased word → a distributional word class learnt from unlabelled text (see clusters.ts). */
  clusters: Map<string, number>;
  /** Lower-cased word or phrase → bit set of word-list classes (EXTERNAL_CLASSES) from an
   * npm package's lexicon: first names, surnames, cities, countries, organisations, titles, and
   * the nouns that end organisation names ("… Bank", "… Council") or place names ("… Bay"). */
  external: Map<string, number>;
  /** Longest phrase in `external`, in tokens. */
  longestExternal: number;
  /** Lower-cased word → its class among pre-trained English word vectors (coarse * EMBEDDING_FINE
   * + fine; see scripts/entity-embeddings.ts): newswire's own sense of which words are alike. */
  embeddings: WordClasses;
}

/** A read-only word → class map. Training builds a Map; a loaded model holds SortedWordClasses,
 * which keeps hundreds of thousands of words in two strings instead of a Map's entries. */
export interface WordClasses {
  get(word: string): number | undefined;
  readonly size: number;
  entries(): IterableIterator<[string, number]>;
}

const CLASS_BASE = 0x100;

/** Words sorted by code unit and joined by '\n', with one character per word for its class
 * (class + CLASS_BASE, so no character needs escaping in JSON). Looked up by binary search;
 * the recogniser asks once per distinct word and caches the answer. */
export class SortedWordClasses implements WordClasses {
  private readonly starts: Int32Array;
  readonly size: number;
  constructor(private readonly words: string, private readonly classes: string) {
    this.size = classes.length;
    this.starts = new Int32Array(this.size + 1);
    let k = 0;
    for (let i = 0; i < words.length && k < this.size; i++) if (words.charCodeAt(i) === 10) this.starts[++k] = i + 1;
    this.starts[this.size] = words.length + 1;
  }
  static encode(map: WordClasses): { words: string; classes: string } {
    const entries = [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { words: entries.map(([w]) => w).join('\n'), classes: entries.map(([, c]) => String.fromCharCode(c + CLASS_BASE)).join('') };
  }
  private word(k: number): string {
    return this.words.slice(this.starts[k], this.starts[k + 1] - 1);
  }
  get(word: string): number | undefined {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = this.word(mid);
      if (w === word) return this.classes.charCodeAt(mid) - CLASS_BASE;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
  *entries(): IterableIterator<[string, number]> {
    for (let k = 0; k < this.size; k++) yield [this.word(k), this.classes.charCodeAt(k) - CLASS_BASE];
  }
}

/** Sub-classes per coarse class in `embeddings`. */
export const EMBEDDING_FINE = 8;

/** Classes of the external word lists, in bit order. */
export const EXTERNAL_CLASSES = ['FirstName', 'LastName', 'Person', 'City', 'Country', 'Place', 'Organization', 'SportsTeam', 'Actor', 'Honorific', 'Demonym', 'OrgWord', 'PlaceWord'] as const;

/** Roles a word plays in a name: 0 = the whole name, 1 first, 2 inner, 3 last word. */
export const roleBit = (typeIndex: number, role: number): number => 1 << (typeIndex * 4 + role);
export const ENTITY_SHARE_SHIFT = 12;

export function emptyLexicon(): Lexicon {
  return { words: new Map(), names: new Map(), longestName: 0, capitalised: new Map(), clusters: new Map(), external: new Map(), longestExternal: 0, embeddings: new Map() };
}

/** 0: never capitalised mid-sentence … 4: nearly always (0.9+). */
export function capBucket(capitalisedCount: number, total: number): number {
  const r = capitalisedCount / total;
  return r === 0 ? 0 : r < 0.25 ? 1 : r < 0.75 ? 2 : r < 0.95 ? 3 : 4;
}

/** 1: never inside a name … 5: nearly always. 0 is kept for "no record". */
export function shareBucket(inside: number, total: number): number {
  const r = inside / total;
  return r === 0 ? 1 : r < 0.1 ? 2 : r < 0.5 ? 3 : r < 0.9 ? 4 : 5;
}

/** A labelled document reduced to what lexicon building needs. */
export interface LabelledTokens {
  lower: string[];
  /** Entity token ranges [first, last) and type index. */
  spans: { first: number; last: number; type: number }[];
}

/** Gazetteer parts of a lexicon from labelled documents (the training script builds these per
 * fold, so a training document never sees its own names in the gazetteer). */
export function buildGazetteer(docs: Iterable<LabelledTokens>, target: Lexicon): void {
  const inside = new Map<string, number>();
  const total = new Map<string, number>();
  const bits = new Map<string, number>();
  let longest = 0;
  for (const d of docs) {
    for (const w of d.lower) total.set(w, (total.get(w) ?? 0) + 1);
    for (const s of d.spans) {
      const len = s.last - s.first;
      const key = d.lower.slice(s.first, s.last).join(' ');
      target.names.set(key, (target.names.get(key) ?? 0) | (1 << s.type));
      if (len > longest) longest = len;
      for (let i = s.first; i < s.last; i++) {
        const w = d.lower[i];
        inside.set(w, (inside.get(w) ?? 0) + 1);
        const role = len === 1 ? 0 : i === s.first ? 1 : i === s.last - 1 ? 3 : 2;
        bits.set(w, (bits.get(w) ?? 0) | roleBit(s.type, role));
      }
    }
  }
  for (const [w, b] of bits) target.words.set(w, b | (shareBucket(inside.get(w) ?? 0, total.get(w) ?? 1) << ENTITY_SHARE_SHIFT));
  target.longestName = Math.max(target.longestName, longest);
}

/** Capitalisation statistics from unlabelled text (words with a letter, seen at least twice). */
export function buildCapitalisation(
  docs: Iterable<{ words: string[]; lower: string[]; sentenceInitial: Uint8Array }>,
  target: Lexicon,
): void {
  const caps = new Map<string, number>();
  const total = new Map<string, number>();
  for (const d of docs) {
    for (let i = 0; i < d.words.length; i++) {
      if (d.sentenceInitial[i]) continue;
      const w = d.words[i];
      const first = w.charAt(0);
      if (first.toLowerCase() === first.toUpperCase()) continue;
      const lw = d.lower[i];
      total.set(lw, (total.get(lw) ?? 0) + 1);
      if (first !== first.toLowerCase()) caps.set(lw, (caps.get(lw) ?? 0) + 1);
    }
  }
  for (const [w, n] of total) if (n >= 2) target.capitalised.set(w, capBucket(caps.get(w) ?? 0, n));
}
