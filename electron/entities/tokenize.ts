// Splits text into the tokens the recogniser labels, keeping each token's character offsets
// (JS string indices) so that a labelled token sequence maps straight back onto the text.
// Token edges are chosen to fall where the training corpora put entity edges: "Trump's" is
// "Trump" + "'s", "U.S." stays whole, "SPD-Vorsitzender" stays whole (a -part word, not a name).

export interface Tokens {
  /** The tokens as written. */
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where a token opens a sentence (first word of a line, or after . ! ? …). */
  sentenceInitial: Uint8Array;
}

// Acronyms with dots (U.S., U.K.), words with inner hyphens, apostrophes, dots or ampersands
// (O'Brien, www.example.com, AT&T, 3.5), and any other single non-space character.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&.·][\p{L}\p{M}\p{N}]+)*|\S/gu;
// A possessive or contracted clitic that English treebanks split off ("Trump's", "Putin’s").
const CLITIC = /^(.+?)(['’](?:s|S|ll|re|ve|d|m))$/u;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';']);
// Titles and other abbreviations whose full stop stands before a name rather than ending a
// sentence ("Mr. Comey", "Dr. Merkel", "Gen. Petraeus"); a single capital with a full stop is an
// initial ("Timothy R. Geithner") and does not end one either.
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'st', 'sr', 'sra', 'srta', 'gen', 'lt', 'col', 'capt', 'cpt', 'maj', 'sgt',
  'cpl', 'pvt', 'adm', 'cmdr', 'sen', 'rep', 'gov', 'pres', 'hon', 'rev', 'fr', 'msgr', 'supt', 'det', 'insp', 'mt', 'ft',
  'hr', 'hrn', 'dipl', 'ing', 'mag', 'dra', 'eng', 'mme', 'mlle', 'mgr', 'dott', 'sig', 'brig',
]);
const OPENERS = new Set(['"', '“', '„', '«', '»', '‘', '\'', '(', '[', '-', '–', '—', '•', '*', '‚', '›', '‹']);

/** Whether text[from, to) holds a line break (only the gap between two tokens is scanned). */
export function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const w = m[0];
    const s = m.index;
    // Most words have no apostrophe: skip the clitic pattern for them.
    const clitic = w.length > 2 && (w.includes("'") || w.includes('’')) ? CLITIC.exec(w) : null;
    if (clitic) {
      const head = clitic[1];
      words.push(head, clitic[2]);
      starts.push(s, s + head.length);
      ends.push(s + head.length, s + w.length);
    } else {
      words.push(w);
      starts.push(s);
      ends.push(s + w.length);
    }
  }
  const n = words.length;
  const sentenceInitial = new Uint8Array(n);
  // A token opens a sentence when nothing but openers stands between it and a line start or a
  // sentence-ending mark: capitalisation there says little about whether it is a name.
  let open = true;
  for (let i = 0; i < n; i++) {
    if (i > 0 && lineBreakBetween(text, ends[i - 1], starts[i])) open = true;
    const w = words[i];
    if (OPENERS.has(w)) continue;
    if (open) {
      sentenceInitial[i] = 1;
      open = false;
    }
    if (SENTENCE_END.has(w) && !(w === '.' && i > 0 && ends[i - 1] === starts[i] && isAbbreviation(words[i - 1]))) open = true;
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends), sentenceInitial };
}

function isAbbreviation(w: string): boolean {
  if (w.length === 1) return w !== w.toLowerCase();
  return w.length <= 5 && TITLE_ABBREVIATIONS.has(w.toLowerCase());
}
