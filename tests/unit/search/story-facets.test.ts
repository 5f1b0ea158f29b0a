// Facets with stories grouped: the list shows a story once, so the facets count it once, under
// every value any of its matching versions has. Each count is then the rows the list shows
// after narrowing to that value; without grouping, every version counts.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacetCount } from '../../../electron/api.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { searchClips } from '../../../electron/search/search-clips.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { WIRE_OUTLETS, writeWirePages } from '../../helpers/story-pages.ts';

let lib: ReturnType<typeof tempLibrary>;
let work: string;
beforeAll(async () => {
  lib = tempLibrary();
  work = tempDir('cuttings-story-facets-');
  // The wire story in three outlets: one story of three versions.
  const summary = await new ImportJob(lib).runPaths(writeWirePages(work));
  expect(summary.added).toBe(3);
  // A clip of its own that names the same people, so a count mixes a story and a lone clip.
  fs.writeFileSync(`${work}/other.txt`, 'Putin meets Maduro in Moscow\n\nBy Jan de Vries\n\n' + 'Vladimir Putin received Nicolas Maduro in Moscow on Wednesday, the Kremlin said, as the two leaders discussed oil, debt and arms deliveries to Caracas. '.repeat(5));
  expect((await new ImportJob(lib).runPaths([`${work}/other.txt`])).added).toBe(1);
});
afterAll(() => {
  lib.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

const Q = 'maduro';
const count = (list: FacetCount[], value: string) => list.find((f) => f.value === value)?.count ?? 0;

describe('facets when stories are grouped', () => {
  it('count a story once, and every version when not grouped', () => {
    const every = searchClips(lib.db, { q: Q, limit: 50 });
    const grouped = searchClips(lib.db, { q: Q, limit: 50, collapseStories: true });
    expect(every.total).toBe(4);
    expect(grouped.total).toBe(2);
    expect(grouped.folded).toBe(2);
    const maduro = every.facets.people!.find((p) => /maduro/i.test(p.value))!;
    expect(maduro.count).toBe(4);
    // The story once, the lone clip once: the two rows the list shows.
    expect(count(grouped.facets.people!, maduro.value)).toBe(2);
    // Three versions of 2019, one row.
    expect(count(every.facets.years, '2019')).toBe(3);
    expect(count(grouped.facets.years, '2019')).toBe(1);
  });

  it('under each value, as many as the rows the list shows narrowed to it', () => {
    const grouped = searchClips(lib.db, { q: Q, limit: 50, collapseStories: true });
    // Every outlet that ran the story counts it once, whichever version the row shows.
    for (const o of WIRE_OUTLETS) expect(count(grouped.facets.sources, o.name)).toBe(1);
    for (const f of grouped.facets.sources) {
      const narrowed = searchClips(lib.db, { q: Q, limit: 50, collapseStories: true, source: f.value });
      expect({ source: f.value, count: narrowed.total }).toEqual({ source: f.value, count: f.count });
    }
    for (const f of grouped.facets.years) {
      const narrowed = searchClips(lib.db, { q: Q, limit: 50, collapseStories: true, from: f.value, to: f.value });
      expect(narrowed.total).toBe(f.count);
    }
    for (const [facet, word] of [['people', 'person'], ['places', 'place'], ['organisations', 'org']] as const) {
      for (const f of grouped.facets[facet] ?? []) {
        const narrowed = searchClips(lib.db, { q: `${Q} ${word}:"${f.value}"`, limit: 50, collapseStories: true });
        expect({ [word]: f.value, count: narrowed.total }).toEqual({ [word]: f.value, count: f.count });
      }
    }
    expect(grouped.facets.people!.length).toBeGreaterThan(2);
  });
});
