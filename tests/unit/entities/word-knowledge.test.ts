// What the recogniser knows about a word before it weighs it: where a sentence starts (a capital
// there says little), and the word classes of pre-trained word vectors that the model file carries.
import { describe, expect, it } from 'vitest';
import { SortedWordClasses } from '../../../electron/entities/lexicon.ts';
import { defaultModel, recogniseEntities } from '../../../electron/entities/recognise.ts';
import { tokenize } from '../../../electron/entities/tokenize.ts';

function opensSentence(text: string, word: string): boolean {
  const tok = tokenize(text);
  const i = tok.words.indexOf(word);
  expect(i, word).toBeGreaterThanOrEqual(0);
  return tok.sentenceInitial[i] === 1;
}

describe('sentence starts', () => {
  it('does not take the full stop of a title or an initial for the end of a sentence', () => {
    expect(opensSentence('Unlike October, Mr. Comey said little.', 'Comey')).toBe(false);
    expect(opensSentence('It was led by Timothy R. Geithner of the New York Fed.', 'Geithner')).toBe(false);
    expect(opensSentence('Sie sprach mit Dr. Merkel.', 'Merkel')).toBe(false);
    expect(opensSentence('Gen. Petraeus arrived.', 'Petraeus')).toBe(false);
  });

  it('still ends a sentence at an ordinary full stop', () => {
    expect(opensSentence('The talks ended. Later that day the minister left.', 'Later')).toBe(true);
    expect(opensSentence('He cited the Dr. Who archive. Then he left.', 'Then')).toBe(true);
  });
});

describe('word classes in the model file', () => {
  it('looks words up from the two strings it is stored as', () => {
    const built = new Map([['zagreb', 3], ['comey', 17], ['isner', 17], ['a', 0], ['état', 511]]);
    const { words, classes } = SortedWordClasses.encode(built);
    const table = new SortedWordClasses(words, classes);
    expect(table.size).toBe(5);
    for (const [w, c] of built) expect(table.get(w), w).toBe(c);
    expect(table.get('zagre')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
    expect(table.get('zz')).toBeUndefined();
    expect(new Map(table.entries())).toEqual(built);
  });

  it('ships classes for surnames that no annotated text holds, alike for alike', () => {
    const { embeddings } = defaultModel().lexicon;
    expect(embeddings.size).toBeGreaterThan(100_000);
    // Two tennis players share a class; a tennis player and a month do not.
    expect(embeddings.get('isner')).toBeDefined();
    expect(embeddings.get('isner')).toBe(embeddings.get('berdych'));
    expect(embeddings.get('isner')).not.toBe(embeddings.get('october'));
  });

  it('finds a person named after a title and a full stop', () => {
    const got = recogniseEntities("Unlike that of the 28th of October, Mr. Comey's letter has hardly been commented upon.", 'en');
    expect(got.map((e) => `${e.type}:${e.text}`)).toContain('PER:Comey');
  });
});
