import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchClips, searchConditions } from '../../../electron/search/search-clips.ts';
import { onClipsAdded, onClipsRemoved } from '../../../electron/search/index-hooks.ts';
import { restoreClips, softDeleteClips, updateClip } from '../../../electron/library/clips.ts';
import { renameTag, findTag } from '../../../electron/library/tags.ts';
import { timeline } from '../../../electron/library/timeline.ts';
import { addClips, SEED_CLIP, SEED_DIR, seedBody, tempLibrary } from './library-fixture.ts';

const expected = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'guardian-ng-maduro-russia.expected.json'), 'utf8')) as {
  searchesThatMustFindIt: string[];
};

describe('search over a small library', () => {
  const lib = tempLibrary();
  let seed = 0;
  let paulo = 0;
  let starred = 0;
  let climate = 0;
  let untitled = 0;
  const ids = (q: string, extra: object = {}) => searchClips(lib.db, { q, ...extra }).hits.map((h) => h.id);

  beforeAll(() => {
    [seed] = addClips(lib, [{ ...SEED_CLIP, bodyText: seedBody(), tags: ['Venezuela', 'climate change'] }]);
    [paulo, starred, climate, untitled] = addClips(lib, [
      { title: 'Mayor of São Paulo opens a metro line', bodyText: 'The mayor of São Paulo opened a new metro line on Monday. Oil prices were not mentioned.', source: 'Folha de São Paulo', author: 'Ana Núñez', publishedAt: '2021-03-04', tags: ['Brazil'] },
      { title: 'Oil embargo tightens', bodyText: 'Washington tightened the oil embargo on Caracas.', source: 'Reuters', author: 'Staff', publishedAt: '2019-11-02', starred: true, tags: ['energy'] },
      { title: 'Glaciers retreat faster', bodyText: 'Scientists say glaciers retreat faster than models predicted, in a climate report.', source: 'The Guardian', author: null, publishedAt: '2020-06-30', tags: ['climate change'] },
      { title: 'A clipping without a date', bodyText: 'Nothing here is dated; the embargo is mentioned once.', source: null, publishedAt: null },
    ]);
  });
  afterAll(() => lib.remove());

  it.each(expected.searchesThatMustFindIt)('the seed article is found by %s', (q) => {
    expect(ids(q)).toContain(seed);
  });

  it('corrects typos from the library vocabulary and says so', () => {
    const r = searchClips(lib.db, { q: 'Madurro' });
    expect(r.hits.map((h) => h.id)).toEqual([seed]);
    expect(r.corrections).toEqual([{ word: 'madurro', replacements: ['maduro'] }]);
    expect(r.showingResultsFor).toBe('maduro');
    expect(r.hits[0].titleHtml).toContain('<mark>Maduro</mark>');

    const v = searchClips(lib.db, { q: 'Venezuala oil' });
    expect(v.hits.map((h) => h.id)).toContain(seed);
    expect(v.corrections[0]).toEqual({ word: 'venezuala', replacements: ['venezuela'] });
    expect(v.showingResultsFor).toBe('venezuela oil');

    // A letter missing from a double ("Russia" → "Rusia") and a letter doubled.
    expect(searchClips(lib.db, { q: 'Rusia' }).corrections[0]).toEqual({ word: 'rusia', replacements: ['russia'] });
    expect(ids('Rusia')).toContain(seed);
    expect(ids('Kremmlin')).toContain(seed);
  });

  it('does not correct known words, quoted words or short words', () => {
    expect(searchClips(lib.db, { q: 'maduro' }).corrections).toEqual([]);
    expect(searchClips(lib.db, { q: '"Madurro"' }).total).toBe(0);
    expect(searchClips(lib.db, { q: 'oli' }).corrections).toEqual([]);
  });

  it('matches names with and without diacritics', () => {
    expect(ids('Sao Paulo')).toEqual([paulo]);
    expect(ids('São Paulo')).toEqual([paulo]);
    expect(ids('nunez')).toEqual([paulo]);
    expect(ids('Nunes')).toEqual([paulo]); // a typo of a name written with accents
  });

  it('applies every filter and its negation', () => {
    const all = [seed, paulo, starred, climate, untitled];
    const cases: [string, number[]][] = [
      ['tag:venezuela', [seed]],
      ['tag:"climate change"', [seed, climate]],
      ['tag:clim*', [seed, climate]],
      ['-tag:"climate change"', [paulo, starred, untitled]],
      ['source:guardian', [seed, climate]],
      ['source:"Folha de São Paulo"', [paulo]],
      ['-source:guardian', [paulo, starred, untitled]],
      ['author:afp', [seed]],
      ['-author:afp', [paulo, starred, climate, untitled]],
      ['before:2019-11', [seed]],
      ['-before:2019-11', [paulo, starred, climate, untitled]],
      ['after:2019-11', [paulo, climate]],
      ['after:2019', [paulo, climate]],
      ['-after:2019', [seed, starred, untitled]],
      ['year:2019', [seed, starred]],
      ['year:2019..2020', [seed, starred, climate]],
      ['-year:2019', [paulo, climate, untitled]],
      ['is:starred', [starred]],
      ['-is:starred', [seed, paulo, climate, untitled]],
      ['oil tag:energy', [starred]],
      ['oil -tag:energy', [seed, paulo]],
      ['embargo -year:2019', [untitled]],
      ['embargo OR tag:brazil', [seed, paulo, starred, untitled]],
      ['tag:brazil OR tag:energy', [paulo, starred]],
    ];
    for (const [q, want] of cases) {
      expect([...ids(q)].sort((a, b) => a - b), q).toEqual([...want].sort((a, b) => a - b));
      expect(searchClips(lib.db, { q, limit: 0 }).total, q).toBe(want.length);
    }
    expect(all.length).toBe(5);
  });

  it('excludes words and phrases', () => {
    expect(ids('embargo -oil')).toEqual([untitled]);
    expect(ids('embargo -"oil embargo"')).toEqual([untitled]);
    expect([...ids('-embargo')].sort()).toEqual([paulo, climate].sort());
  });

  it('reads the last word as a prefix while typing', () => {
    expect(ids('glac', { asYouType: true })).toEqual([climate]);
    // Settled, the fragment stays one, since whole it finds nothing; quoted it is the word alone.
    expect(ids('glac')).toEqual([climate]);
    expect(ids('"glac"')).toEqual([]);
    expect(ids('glac*')).toEqual([climate]);
    expect(ids('metro li', { asYouType: true })).toEqual([paulo]);
  });

  it('waits for a second letter of a word being started, showing the words before it meanwhile', () => {
    const typing = (q: string) => searchClips(lib.db, { q, asYouType: true });
    // "metro" alone finds São Paulo's clip; "metro l" must not empty the list, nor complete "metro".
    expect(typing('metro l').hits.map((h) => h.id)).toEqual(ids('metro'));
    expect(typing('metro OR l').hits.map((h) => h.id)).toEqual(ids('metro'));
    // The word before the space is finished: not completed ("glac" is no word; "glac" alone is).
    expect(typing('glac').total).toBe(1);
    expect(typing('glac l').total).toBe(0);
    // A single letter alone lists the library as it stood, not "no results".
    expect(typing('m').total).toBe(searchClips(lib.db, { q: '' }).total);
    // Once confirmed (not typing), a one-letter word is a word like any other.
    expect(searchClips(lib.db, { q: 'metro l' }).total).toBe(0);
  });

  it('treats FTS5 syntax and broken input as text, never as an error', () => {
    for (const q of ['NEAR(maduro', 'maduro AND', '"shore up', 'kremlin:', '^maduro', '*', 'OR', '-', '((', 'title:maduro', 'maduro NOT russia', '"', 'a"b"c']) {
      expect(() => searchClips(lib.db, { q }), q).not.toThrow();
    }
    expect(ids('NEAR(maduro')).toContain(seed);
    expect(ids('^maduro')).toEqual([seed]);
  });

  it('never throws on thousands of hostile queries, searching or narrowing the timeline', () => {
    const alphabet = ['"', '*', '^', ':', '(', ')', '-', 'NEAR', 'OR', 'AND', ' ', 'é', '\u0301', '²', '中文', 'tag:', 'year:2019', 'source:', 'is:starred', "'", '\u0000', '🙂', 'maduro', 'ß', '\u200b', '+', '%', '_', '\\'];
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 2000; i++) {
      let q = '';
      for (let k = Math.floor(random() * 10); k > 0; k--) q += alphabet[Math.floor(random() * alphabet.length)];
      expect(() => searchClips(lib.db, { q, asYouType: random() < 0.5 }), q).not.toThrow();
      expect(() => timeline(lib.db, {}, searchConditions(lib.db, q)), q).not.toThrow();
    }
  });

  it('returns escaped HTML with <mark> only', () => {
    const [id] = addClips(lib, [{ title: 'Bobby <script>alert(1)</script> & "tables"', bodyText: 'Robert\u0001 <img src=x onerror=alert(1)> tables\u0002 drop tables', publishedAt: '2018-01-01' }]);
    const hit = searchClips(lib.db, { q: 'tables' }).hits.find((h) => h.id === id)!;
    for (const html of [hit.titleHtml, hit.snippet]) {
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(html.match(/<mark>/g)?.length).toBe(html.match(/<\/mark>/g)?.length);
    }
    expect(hit.titleHtml).toBe('Bobby &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark>tables</mark>&quot;');
    expect(hit.snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    onClipsRemoved(lib.db, [id]);
    softDeleteClips(lib.db, [id], 'test-delete');
    expect(ids('tables')).toEqual([]);
  });

  it('counts facets for the query', () => {
    const r = searchClips(lib.db, { q: 'embargo' });
    expect(r.total).toBe(3);
    expect(r.facets.years).toEqual([{ value: '2019', count: 2 }]);
    expect(r.facets.sources).toEqual(expect.arrayContaining([{ value: 'guardian.ng', count: 1 }, { value: 'Reuters', count: 1 }]));
    expect(r.facets.sources).toHaveLength(2);
    expect(r.facets.authors).toEqual(expect.arrayContaining([{ value: 'AFP', count: 1 }, { value: 'Staff', count: 1 }]));
    expect(r.facets.tags).toEqual(expect.arrayContaining([{ value: 'energy', count: 1 }, { value: 'Venezuela', count: 1 }, { value: 'climate change', count: 1 }]));
    // Facets follow edits (the in-memory table reloads when the library changes).
    updateClip(lib.db, starred, { source: 'AP News' });
    expect(searchClips(lib.db, { q: 'embargo' }).facets.sources).toEqual(expect.arrayContaining([{ value: 'AP News', count: 1 }]));
    updateClip(lib.db, starred, { source: 'Reuters' });
  });

  it('pages, counts with limit 0 and sorts', () => {
    const zero = searchClips(lib.db, { q: 'embargo', limit: 0 });
    expect(zero.total).toBe(3);
    expect(zero.hits).toEqual([]);
    const first = ids('embargo', { limit: 2 });
    const second = ids('embargo', { limit: 2, offset: 2 });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second]).size).toBe(3);
    expect(ids('embargo', { sort: 'newest' })).toEqual([starred, seed, untitled]);
    expect(ids('embargo', { sort: 'oldest' })).toEqual([seed, starred, untitled]);
    expect(ids('embargo', { sort: 'title' })).toEqual([untitled, seed, starred]);
    // No words: filters alone list clips, newest first.
    expect(ids('tag:"climate change"')).toEqual([climate, seed]);
    expect(ids('')).toHaveLength(5);
  });

  it('combines the list filters of SearchArgs with the query', () => {
    expect(ids('embargo', { tags: ['energy'] })).toEqual([starred]);
    expect(ids('embargo', { from: '2019', to: '2019-10' })).toEqual([seed]);
    expect(ids('embargo', { starred: true })).toEqual([starred]);
    expect(ids('embargo', { source: 'reuters' })).toEqual([starred]);
  });

  it('gives the timeline SQL conditions for a query', () => {
    const cond = searchConditions(lib.db, 'embargo -tag:energy');
    const t = timeline(lib.db, { granularity: 'year' }, cond);
    expect(t.buckets).toEqual([{ period: '2019', count: 1 }]);
    expect(t.undated).toBe(1);
    const typo = searchConditions(lib.db, 'Madurro');
    expect(typo.corrections).toEqual([{ word: 'madurro', replacements: ['maduro'] }]);
    expect(timeline(lib.db, {}, typo).buckets).toEqual([{ period: '2019', count: 1 }]);
  });

  it('follows deletes, undo and tag renames', () => {
    onClipsRemoved(lib.db, [paulo]);
    softDeleteClips(lib.db, [paulo], 'stamp-1');
    expect(ids('paulo')).toEqual([]);
    // Its words are no longer offered as corrections…
    expect(searchClips(lib.db, { q: 'Paulp' }).corrections).toEqual([]);
    restoreClips(lib.db, 'stamp-1');
    onClipsAdded(lib.db, [paulo]);
    expect(ids('paulo')).toEqual([paulo]);
    expect(searchClips(lib.db, { q: 'Paulp' }).corrections).toEqual([{ word: 'paulp', replacements: ['paulo'] }]);
    // A renamed tag is searchable by its new name, in words and in tag:.
    renameTag(lib.db, findTag(lib.db, 'Brazil')!.id, 'Brasil news');
    expect(ids('brasil')).toEqual([paulo]);
    expect(ids('tag:"brasil news"')).toEqual([paulo]);
  });
});

describe('ranking', () => {
  const lib = tempLibrary();
  afterAll(() => lib.remove());

  it('puts a title match above a body match, and the newer of equal matches first', () => {
    const filler = 'The council met on Tuesday to discuss the budget and the roads. '.repeat(5);
    const [inBody, inTitle, olderTwin, newerTwin] = addClips(lib, [
      { title: 'Council budget', bodyText: `${filler} The harbour was mentioned.`, publishedAt: '2024-01-01' },
      { title: 'Harbour plans', bodyText: filler, publishedAt: '2010-01-01' },
      { title: 'Twin report', bodyText: 'lighthouse keepers strike', publishedAt: '2015-05-05' },
      { title: 'Twin report', bodyText: 'lighthouse keepers strike', publishedAt: '2016-05-05' },
    ]);
    const order = (q: string) => searchClips(lib.db, { q }).hits.map((h) => h.id);
    expect(order('harbour')).toEqual([inTitle, inBody]);
    expect(order('lighthouse')).toEqual([newerTwin, olderTwin]);
  });

  it('puts the exact phrase and close words above scattered ones', () => {
    const pad = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const [scattered, close, phrase] = addClips(lib, [
      { title: 'Scattered', bodyText: `interest ${pad(40)} rates ${pad(40)}`, publishedAt: '2024-01-01' },
      { title: 'Close', bodyText: `rates ${pad(3)} interest ${pad(77)}`, publishedAt: '2023-01-01' },
      { title: 'Phrase', bodyText: `${pad(40)} interest rates ${pad(40)}`, publishedAt: '2022-01-01' },
    ]);
    expect(searchClips(lib.db, { q: 'interest rates' }).hits.map((h) => h.id)).toEqual([phrase, close, scattered]);
  });

  it('ranks the same way when a filter or a quoted phrase is part of the query, with the right total and facets', () => {
    const filler = 'Officials said the review would take several weeks. '.repeat(6);
    const [body, title, twinOld, twinNew, elsewhere] = addClips(lib, [
      { title: 'Ferry timetable', bodyText: `${filler} The ferry strike ended.`, source: 'Harbour Gazette', publishedAt: '2024-02-01' },
      { title: 'Ferry strike ends', bodyText: filler, source: 'Harbour Gazette', publishedAt: '2012-02-01' },
      { title: 'Ferry notes', bodyText: 'a ferry strike again', source: 'Harbour Gazette', publishedAt: '2014-02-01' },
      { title: 'Ferry notes', bodyText: 'a ferry strike again', source: 'Harbour Gazette', publishedAt: '2019-02-01' },
      { title: 'Ferry strike elsewhere', bodyText: 'ferry strike', source: 'Other Paper', publishedAt: '2020-02-01' },
    ]);
    const order = (q: string) => searchClips(lib.db, { q }).hits.map((h) => h.id);
    // The unfiltered words are ranked by two passes (ids, then ORDER BY rank); with a filter
    // or a phrase, by one pass sorted here: the same order either way.
    const unfiltered = order('ferry strike').filter((id) => id !== elsewhere);
    expect(unfiltered).toHaveLength(4);
    expect(unfiltered.indexOf(twinNew)).toBeLessThan(unfiltered.indexOf(twinOld));
    expect(order('source:"Harbour Gazette" ferry strike')).toEqual(unfiltered);
    const phrase = searchClips(lib.db, { q: 'source:"Harbour Gazette" "ferry strike"' });
    expect(phrase.hits.map((h) => h.id)).toEqual(order('"ferry strike"').filter((id) => id !== elsewhere));
    expect(phrase.hits.map((h) => h.id).sort()).toEqual([body, title, twinOld, twinNew].sort());
    expect(phrase.total).toBe(4);
    expect(phrase.facets.sources).toEqual([{ value: 'Harbour Gazette', count: 4 }]);

    // More matches than the re-rank window: the best of them must still come first.
    const many = addClips(lib, Array.from({ length: 80 }, (_, i) => ({
      title: `Bulletin ${i}`, bodyText: `${filler} A mention of the tugboat crews.`, source: 'Tug Weekly', publishedAt: '2021-03-01',
    })));
    const [best] = addClips(lib, [{ title: 'Tugboat crews walk out', bodyText: filler, source: 'Tug Weekly', publishedAt: '2001-01-01' }]);
    for (const q of ['source:"Tug Weekly" tugboat', 'source:"Tug Weekly" "tugboat crews"']) {
      const r = searchClips(lib.db, { q, limit: 5 });
      expect(r.hits[0].id).toBe(best);
      expect(r.total).toBe(many.length + 1);
    }
  });
});

describe('migration 002 on an existing library', () => {
  it('builds the vocabulary from clips already there and repairs the index of tagged clips', async () => {
    const { openLibrary } = await import('../../../electron/library/open-library.ts');
    const { insertClip } = await import('../../../electron/library/clips.ts');
    const { tagClips } = await import('../../../electron/library/tags.ts');
    const lib = tempLibrary();
    const dir = lib.dir;
    lib.close();
    fs.rmSync(path.join(dir, 'library.sqlite'));
    for (const f of ['library.sqlite-wal', 'library.sqlite-shm']) fs.rmSync(path.join(dir, f), { force: true });
    const v1 = openLibrary(dir, { targetVersion: 1 });
    const id = insertClip(v1.db, { ...SEED_CLIP, bodyText: seedBody(), bodyHtml: '', contentHash: 'x' });
    tagClips(v1.db, [id], ['Venezuela']);
    v1.close();
    const v2 = openLibrary(dir, { targetVersion: 2 });
    try {
      expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
      expect(searchClips(v2.db, { q: 'kremlin peskov' }).hits.map((h) => h.id)).toEqual([id]);
      expect(searchClips(v2.db, { q: 'Madurro' }).hits.map((h) => h.id)).toEqual([id]);
    } finally {
      v2.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
