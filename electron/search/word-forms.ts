// Words the way the full-text index sees them: split like FTS5's unicode61 tokenizer (runs
// of letters and digits; everything else separates) and folded like `remove_diacritics 2`
// (lower case, accents dropped), so "São" typed as "Sao" is the same word here as in the index.

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower case without diacritics: "São" → "sao", "Guaidó" → "guaido". */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** The words of a text as written (not folded), in order. */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Words worth remembering for typo correction: folded, 3–32 letters, no digits (nobody
 * mistypes "2019" into a word we could guess).
 */
const PLAIN_ASCII = /^[A-Za-z]+$/;

export function vocabularyWords(text: string, into: Set<string>): void {
  for (const raw of text.match(WORD) ?? []) {
    if (raw.length < 3 || raw.length > 32) continue;
    // Most words are plain ASCII letters: lower-casing is all their folding needs.
    if (PLAIN_ASCII.test(raw)) {
      into.add(raw.toLowerCase());
      continue;
    }
    const w = foldWord(raw);
    if (w.length < 3 || /\p{N}/u.test(w)) continue;
    into.add(w);
  }
}
