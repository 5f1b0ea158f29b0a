// A settled query (Enter, the Api, the CLI) never finds less than the same text found while it
// was being typed: a last word that is only the start of a word stays a start, and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchClips, searchConditions } from '../../../electron/search/search-clips.ts';
import { timeline } from '../../../electron/library/timeline.ts';
import { addClips, SEED_CLIP, seedBody, tempLibrary } from './library-fixture.ts';

describe('a settled query keeps what typing found', () => {
  const lib = tempLibrary();
  let seed = 0;
  let paulo = 0;
  let embargo = 0;
  const run = (q: string, extra: object = {}) => searchClips(lib.db, { q, limit: 50, ...extra });
  const ids = (q: string, extra: object = {}) => run(q, extra).hits.map((h) => h.id).sort((a, b) => a - b);

  beforeAll(() => {
    [seed, paulo, embargo] = addClips(lib, [
      { ...SEED_CLIP, bodyText: seedBody(), tags: ['Venezuela'] },
      { title: 'Mayor of São Paulo opens a metro line', bodyText: 'The mayor of São Paulo opened a new metro line on Monday.', source: 'Folha de São Paulo', publishedAt: '2021-03-04', tags: ['Brazil'] },
      { title: 'Oil embargo tightens', bodyText: 'Washington tightened the oil embargo on Caracas, and the embargoes on gold.', source: 'Reuters', publishedAt: '2019-11-02', tags: ['energy'] },
    ]);
  });
  afterAll(() => lib.remove());

  it('Enter after a fragment: "madu" finds the Maduro article, as it did while typed', () => {
    expect(ids('madu', { asYouType: true })).toEqual([seed]);
    const settled = run('madu');
    expect(settled.hits.map((h) => h.id)).toEqual([seed]);
    expect(settled.prefixFor).toBe('madu');
    expect(settled.hits[0].titleHtml).toContain('<mark>');
  });

  it('a fragment after whole words, and a fragment with filters', () => {
    expect(ids('kremlin madu')).toEqual([seed]);
    expect(ids('madu tag:Venezuela')).toEqual([seed]);
    expect(ids('madu source:guardian.ng')).toEqual([seed]);
    // The filters still hold: nothing tagged Brazil mentions Maduro, whole or in part.
    const none = run('madu tag:Brazil');
    expect(none.total).toBe(0);
    expect(none.prefixFor).toBeNull();
    // The list's own filters count too.
    expect(ids('madu', { tags: ['Brazil'] })).toEqual([]);
    expect(ids('madu', { tags: ['Venezuela'] })).toEqual([seed]);
  });

  it('a phrase is taken as typed; a fragment after a phrase is completed', () => {
    const quoted = run('"madu"');
    expect(quoted.total).toBe(0);
    expect(quoted.prefixFor).toBeNull();
    expect(ids('"nicolas maduro" rus')).toEqual([seed]);
    expect(run('"nicolas maduro" rus').prefixFor).toBe('rus');
    // A finished phrase is not widened.
    expect(run('"nicolas maduro"').prefixFor).toBeNull();
  });

  it('a whole word that finds as much as its completions is searched whole, with no note', () => {
    const r = run('maduro');
    expect(r.hits.map((h) => h.id)).toEqual([seed]);
    expect(r.prefixFor).toBeNull();
  });

  it('a word that is also the start of longer words finds those too, as it did while typed', () => {
    // "embargo" whole finds the clip; so does "embargoes": no more clips, so no widening.
    expect(run('embargo').prefixFor).toBeNull();
    expect(ids('embargo')).toContain(embargo);
    // "metr" is no word at all: settled it would find nothing.
    expect(ids('metr')).toEqual([paulo]);
  });

  it('for every start of every word, the settled search finds at least what typing found', () => {
    const words = ['venezuela', 'kremlin', 'russia', 'maduro', 'embargo', 'paulo', 'metro', 'caracas', 'washington', 'mayor'];
    for (const w of words) {
      for (let n = 2; n <= w.length; n++) {
        const q = w.slice(0, n);
        const typed = run(q, { asYouType: true }).total;
        expect(run(q).total, `"${q}"`).toBeGreaterThanOrEqual(typed);
      }
    }
  });

  it('the timeline follows the settled search', () => {
    const t = timeline(lib.db, { granularity: 'year' }, searchConditions(lib.db, 'madu'));
    const counted = t.buckets.reduce((n, b) => n + b.count, 0) + t.undated;
    expect(counted).toBe(1);
  });
});
