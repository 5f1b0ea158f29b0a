// person:, place: and org: filters (typo-tolerant) and the People / Places / Organisations
// facets, over the seed imported by the real pipeline and clips given entities directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { writeClipEntities } from '../../../electron/library/entities.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { parseQuery } from '../../../electron/search/query-parser.ts';
import { SEED, tempLibrary } from '../../helpers/temp-library.ts';

describe('entities in search', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let handlers: Handlers;
  let seed: number;
  let other: number;
  let third: number;

  beforeAll(async () => {
    lib = tempLibrary();
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    seed = (await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId)).outcomes[0].clipId!;
    writeTransaction(lib.db, () => {
      other = insertClip(lib.db, { title: 'Oil talks in Caracas', bodyText: 'Talks in Caracas. Rosneft and Maduro.', bodyHtml: '', contentHash: 'a' });
      writeClipEntities(lib.db, other, [
        { type: 'LOC', key: 'caracas', name: 'Caracas', mentions: 1, firstOffset: 9 },
        { type: 'ORG', key: 'rosneft', name: 'Rosneft', mentions: 1, firstOffset: 18 },
        { type: 'PER', key: 'maduro', name: 'Maduro', mentions: 1, firstOffset: 30 },
      ]);
      third = insertClip(lib.db, { title: 'The Kremlin', bodyText: 'The Kremlin said nothing.', bodyHtml: '', contentHash: 'b' });
      writeClipEntities(lib.db, third, [{ type: 'ORG', key: 'kremlin', name: 'Kremlin', mentions: 1, firstOffset: 4 }]);
    });
  }, 60_000);
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
  });

  const ids = async (q: string) => (await handlers.api.search({ q })).hits.map((h) => h.id).sort((a, b) => a - b);

  it('reads person:, place: and org: as filters', () => {
    const [[f]] = parseQuery('person:"Nicolás Maduro"').groups;
    expect(f).toMatchObject({ kind: 'filter', field: 'person', value: 'Nicolás Maduro' });
    expect(parseQuery('place:caracas').groups[0][0]).toMatchObject({ kind: 'filter', field: 'place' });
    expect(parseQuery('org:kremlin').groups[0][0]).toMatchObject({ kind: 'filter', field: 'org' });
  });

  it('person:maduro finds every clip naming him, by any of his names; a bare surname joins the full name', async () => {
    expect(await ids('person:maduro')).toEqual([seed, other]);
    expect(await ids('person:"nicolas maduro"')).toEqual([seed, other]);
    expect(await ids('person:"Nicolás Maduro"')).toEqual([seed, other]);
  });

  it('is typo-tolerant: person:madurro finds the seed', async () => {
    expect(await ids('person:madurro')).toContain(seed);
    expect(await ids('place:caracsa')).toEqual([seed, other]);
  });

  it('combines with words, other filters and negation', async () => {
    expect(await ids('place:caracas "talks in caracas"')).toEqual([other]);
    // The seed's "the Kremlin said" is the organisation too.
    expect(await ids('org:kremlin')).toEqual([seed, third]);
    expect(await ids('org:kremlin -person:putin')).toEqual([third]);
    expect(await ids('place:caracas -org:rosneft')).toEqual([seed]);
    expect(await ids('person:putin OR org:kremlin')).toEqual([seed, third]);
    expect(await ids('person:nobodyknown')).toEqual([]);
    // A place is not a person.
    expect(await ids('person:caracas')).toEqual([]);
  });

  it('an entity’s page: its clips by month, outlets, the entities beside it, its clips', async () => {
    const caracas = (await handlers.api.listEntities({ kind: 'place' })).find((e) => e.name === 'Caracas')!;
    writeTransaction(lib.db, () => lib.db.prepare('UPDATE clips SET published_at = ?, source = ? WHERE id = ?').run('2020', 'Reuters', other));
    const page = await handlers.api.entityPage({ id: caracas.id });
    expect(page.entity).toMatchObject({ name: 'Caracas', kind: 'place', clips: 2 });
    // The seed was published on 20 September 2019; the other clip is dated by its year only.
    expect(page.months).toEqual([{ month: '2019-09', clips: 1, mentions: expect.any(Number) }]);
    expect(page.undated).toBe(1);
    expect(page.outlets.map((o) => [o.value, o.count])).toEqual([['guardian.ng', 1], ['Reuters', 1]]);
    expect(page.related).toContainEqual(expect.objectContaining({ kind: 'person', value: 'Nicolas Maduro', count: 2 }));
    expect(page.related).toContainEqual(expect.objectContaining({ kind: 'org', value: 'Rosneft', count: 1 }));
    expect(page.clips.map((c) => c.id)).toEqual([other, seed]);
    await expect(handlers.api.entityPage({ id: 99_999 })).rejects.toThrow(/no entity/);
  });

  it('counts People, Places and Organisations over the result', async () => {
    const all = (await handlers.api.search({ q: 'caracas' })).facets;
    expect(all.places!.find((p) => p.value === 'Caracas')!.count).toBe(2);
    expect(all.people!.find((p) => p.value === 'Nicolas Maduro')!.count).toBe(2);
    expect(all.people!.find((p) => p.value === 'Vladimir Putin')!.count).toBe(1);
    expect(all.organisations!.map((o) => [o.value, o.count])).toContainEqual(['Rosneft', 1]);
    const narrowed = (await handlers.api.search({ q: 'place:caracas -org:rosneft' })).facets;
    expect(narrowed.organisations!.map((o) => o.value)).not.toContain('Rosneft');
    expect(narrowed.places!.find((p) => p.value === 'Caracas')!.count).toBe(1);
    // The counts follow a merge at once.
    const putin = all.people!.find((p) => p.value === 'Vladimir Putin')!;
    const maduro = all.people!.find((p) => p.value === 'Nicolas Maduro')!;
    const { undoToken } = await handlers.api.mergeEntities({ from: [putin.id], into: maduro.id });
    const merged = (await handlers.api.search({ q: 'caracas' })).facets.people!;
    expect(merged.map((p) => p.value)).not.toContain('Vladimir Putin');
    await handlers.api.undoEntityChange({ undoToken });
    expect((await handlers.api.search({ q: 'caracas' })).facets.people!.map((p) => p.value)).toContain('Vladimir Putin');
  });
});
