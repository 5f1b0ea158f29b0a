import { afterAll, describe, expect, it } from 'vitest';
import { createPicker, pickerSearch } from '../../../electron/search/picker-search.ts';
import { searchClips } from '../../../electron/search/search-clips.ts';
import { MAX_COMPLETIONS } from '../../../electron/search/typo-expansion.ts';
import { addClips, tempLibrary } from './library-fixture.ts';

describe('quick pickers (fuse.js)', () => {
  const lib = tempLibrary();
  afterAll(() => lib.remove());

  it('finds tags, outlets and authors despite typos and accents, most used first on ties', () => {
    addClips(lib, [
      { title: 'a', bodyText: 'x', source: 'The Guardian', author: 'José Núñez', tags: ['climate change'] },
      { title: 'b', bodyText: 'y', source: 'The Guardian', author: 'Ana Lopes', tags: ['climate change', 'elections'] },
      { title: 'c', bodyText: 'z', source: 'Folha de São Paulo', author: 'AFP', tags: ['energy'] },
    ]);
    expect(pickerSearch(lib.db, 'sources', 'guardain')[0]).toEqual({ value: 'The Guardian', count: 2 });
    expect(pickerSearch(lib.db, 'sources', 'sao paulo')[0].value).toBe('Folha de São Paulo');
    expect(pickerSearch(lib.db, 'authors', 'nunez')[0].value).toBe('José Núñez');
    expect(pickerSearch(lib.db, 'tags', 'climte')[0]).toEqual({ value: 'climate change', count: 2 });
    expect(pickerSearch(lib.db, 'tags', '').map((t) => t.value)).toEqual(['climate change', 'elections', 'energy']);
    expect(createPicker([{ value: 'x', count: 1 }]).search('qqqq')).toEqual([]);
  });
});

describe('as-you-type over a word that starts many words', () => {
  const lib = tempLibrary();
  afterAll(() => lib.remove());

  it('finds the common completions and the word as typed', () => {
    // More "pre…" words than MAX_COMPLETIONS, the commonest in most clips.
    const words = Array.from({ length: MAX_COMPLETIONS + 6 }, (_, i) => `pre${'abcdefghijklmnopqrstuvwxyz'[i]}${'xyz'.repeat(1 + (i % 2))}`);
    const clips = words.map((w, i) => ({ title: `clip ${i}`, bodyText: `budget ${w} ${i < 3 ? 'president' : ''}`.repeat(1), publishedAt: `20${10 + i}-01-01` }));
    // "president" is the commonest completion by far.
    for (let i = 0; i < 5; i++) clips.push({ title: `extra ${i}`, bodyText: 'budget president', publishedAt: '2001-01-01' });
    clips.push({ title: 'exact', bodyText: 'budget pre', publishedAt: '2000-01-01' });
    addClips(lib, clips);
    const r = searchClips(lib.db, { q: 'budget pre', asYouType: true, limit: 100 });
    const titles = r.hits.map((h) => h.title);
    expect(titles).toContain('extra 0');
    expect(titles).toContain('exact');
    expect(r.corrections).toEqual([]);
    expect(r.hits.find((h) => h.title === 'extra 0')!.snippet).toContain('<mark>president</mark>');
    // Settled, "pre" whole finds less than it did while typed, so it stays a start of words;
    // quoted, it is the word alone and matches only the clip holding it.
    const settled = searchClips(lib.db, { q: 'budget pre', limit: 100 });
    expect(settled.prefixFor).toBe('pre');
    expect(settled.total).toBe(r.total);
    expect(searchClips(lib.db, { q: 'budget "pre"' }).hits.map((h) => h.title)).toEqual(['exact']);
  });
});
