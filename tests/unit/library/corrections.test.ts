// A person's corrections of a clip's record, kept apart from what the import extracted
// (clip_corrections, migration 7): through the Api as the window calls it, on a real library
// holding the seed article, imported by the real pipeline.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { corpusPages } from '../../helpers/corpus-pages.ts';
import { closeSeedLibrary, seedLibrary, type SeedLibrary } from '../../helpers/seed-library.ts';
import { tempDir } from '../../helpers/temp-library.ts';

let seed: SeedLibrary;
let lib: SeedLibrary['lib'];
let handlers: SeedLibrary['handlers'];
let id: number;

beforeEach(async () => {
  seed = await seedLibrary();
  ({ lib, handlers, id } = seed);
});
afterEach(() => closeSeedLibrary(seed));

const api = () => handlers.api;
const rows = () => lib.db.prepare('SELECT field, value, extracted FROM clip_corrections WHERE clip_id = ? ORDER BY field').all(id);
const titles = async (q: string) => (await api().search({ q })).hits.map((h) => h.title);

describe('correcting a record', () => {
  it('sets the effective values and keeps what the import extracted apart', async () => {
    const before = await api().getClip({ id });
    expect(before).toMatchObject({ title: 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’', author: 'AFP', source: 'guardian.ng', publishedAt: '2019-09-20T15:17' });
    expect(before.corrections).toEqual([]);

    const after = await api().updateClip({
      id,
      patch: { title: 'Maduro heads to Moscow', author: 'Agence France-Presse', source: 'The Guardian Nigeria', publishedAt: '2019-09', url: 'https://guardian.ng/news/maduro-russia/' },
    });
    expect(after).toMatchObject({ title: 'Maduro heads to Moscow', author: 'Agence France-Presse', source: 'The Guardian Nigeria', publishedAt: '2019-09', url: 'https://guardian.ng/news/maduro-russia/' });
    expect(after.edit).toMatchObject({ changed: 1, suggestions: [] });
    expect(after.edit.undoToken).toBeTruthy();
    expect(rows()).toEqual([
      { field: 'author', value: 'Agence France-Presse', extracted: 'AFP' },
      { field: 'published_at', value: '2019-09', extracted: '2019-09-20T15:17' },
      { field: 'source', value: 'The Guardian Nigeria', extracted: 'guardian.ng' },
      { field: 'title', value: 'Maduro heads to Moscow', extracted: 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’' },
      { field: 'url', value: 'https://guardian.ng/news/maduro-russia/', extracted: before.url },
    ]);
    expect(after.corrections.map((c) => [c.field, c.extracted])).toEqual([
      ['author', 'AFP'], ['publishedAt', '2019-09-20T15:17'], ['source', 'guardian.ng'],
      ['title', 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’'], ['url', before.url],
    ]);

    // The list, search (with a typo in a word only the new headline has), the outlets and the filters follow.
    expect((await api().listClips({})).clips[0]).toMatchObject({ title: 'Maduro heads to Moscow', source: 'The Guardian Nigeria', publishedAt: '2019-09' });
    expect(await titles('moscow')).toEqual(['Maduro heads to Moscow']);
    expect(await titles('moskow')).toEqual(['Maduro heads to Moscow']);
    expect(await titles('kremlin')).toEqual(['Maduro heads to Moscow']); // the body still says it
    expect(await titles('source:"Guardian Nigeria"')).toEqual(['Maduro heads to Moscow']);
    expect(await titles('author:agence')).toEqual(['Maduro heads to Moscow']);
    expect((await api().listSources({})).map((s) => s.value)).toEqual(['The Guardian Nigeria']);
  });

  it('a second correction keeps the first extracted value; setting it back removes the correction', async () => {
    await api().updateClip({ id, patch: { author: 'AFP Staff' } });
    await api().updateClip({ id, patch: { author: 'Agence France-Presse' } });
    expect(rows()).toEqual([{ field: 'author', value: 'Agence France-Presse', extracted: 'AFP' }]);
    const back = await api().updateClip({ id, patch: { author: 'AFP' } });
    expect(back.author).toBe('AFP');
    expect(rows()).toEqual([]);
    expect(back.corrections).toEqual([]);
    // A field set to what it already is changes nothing, and offers no undo.
    const same = await api().updateClip({ id, patch: { author: 'AFP', title: back.title } });
    expect(same.edit).toEqual({ changed: 0, undoToken: null, suggestions: [] });
  });

  it('an emptied author, outlet, date or link is stored as none, and that is a correction too', async () => {
    const c = await api().updateClip({ id, patch: { author: null, source: null, publishedAt: null } });
    expect(c).toMatchObject({ author: null, source: null, publishedAt: null });
    expect(rows()).toEqual([
      { field: 'author', value: null, extracted: 'AFP' },
      { field: 'published_at', value: null, extracted: '2019-09-20T15:17' },
      { field: 'source', value: null, extracted: 'guardian.ng' },
    ]);
    expect((await api().timeline({})).undated).toBe(1);
  });

  it('undo gives back the values and the corrections as they were', async () => {
    await api().updateClip({ id, patch: { author: 'AFP Staff' } });
    const stampBefore = lib.db.prepare('SELECT corrected_at FROM clip_corrections WHERE clip_id = ?').pluck().get(id);
    const edit = (await api().updateClip({ id, patch: { author: 'Agence France-Presse', title: 'A corrected headline' } })).edit;
    const r = await api().undoEdit({ undoToken: edit.undoToken! });
    expect(r.restored).toBe(1);
    const c = await api().getClip({ id });
    expect(c).toMatchObject({ author: 'AFP Staff', title: 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’' });
    expect(lib.db.prepare('SELECT field, value, extracted, corrected_at FROM clip_corrections WHERE clip_id = ?').all(id)).toEqual([
      { field: 'author', value: 'AFP Staff', extracted: 'AFP', corrected_at: stampBefore },
    ]);
    expect(await titles('corrected headline')).toEqual([]);
    expect(await titles('kremlin peskov')).toHaveLength(1);
    // An undo happens once.
    await expect(api().undoEdit({ undoToken: edit.undoToken! })).rejects.toThrow(/Nothing to undo/);
  });

  it('a delete and its undo keep the corrections; the purge of deleted clips removes them', async () => {
    await api().updateClip({ id, patch: { author: 'Agence France-Presse' } });
    const del = await api().deleteClips({ ids: [id] });
    expect(rows()).toHaveLength(1);
    await api().undoDelete({ undoToken: del.undoToken });
    expect((await api().getClip({ id })).corrections.map((c) => c.field)).toEqual(['author']);

    await api().deleteClips({ ids: [id] });
    await handlers.dispose();
    lib.close();
    const reopened = openLibrary(lib.dir);
    try {
      expect(reopened.db.prepare('SELECT count(*) FROM clip_corrections').pluck().get()).toBe(0);
    } finally {
      reopened.close();
      lib = { ...lib, close: () => undefined, cleanup: () => fs.rmSync(lib.dir, { recursive: true, force: true }) };
      handlers = { ...handlers, dispose: async () => undefined };
    }
  });

  it('refuses a bad date, a link that is not http(s), and an empty headline, in words', async () => {
    const call = (patch: unknown) => dispatch(api(), 'updateClip', { id, patch });
    await expect(call({ publishedAt: '2019-13' })).rejects.toThrow('patch.publishedAt must be a date: a day, a month or a year, like 2019-09-20, 2019-09 or 2019');
    await expect(call({ publishedAt: '2019-02-30' })).rejects.toThrow(/must be a date/);
    await expect(call({ publishedAt: '20 Sep 2019' })).rejects.toThrow(/must be a date/);
    await expect(call({ url: 'javascript:alert(1)' })).rejects.toThrow('patch.url must be a web address starting with http:// or https://');
    await expect(call({ url: 'file:///etc/passwd' })).rejects.toThrow(/web address/);
    await expect(call({ title: '   ' })).rejects.toThrow('A clip needs a headline.');
    expect(rows()).toEqual([]);
    await expect(call({ publishedAt: '2019', url: 'http://guardian.ng/x' })).resolves.toMatchObject({ publishedAt: '2019' });
  });
});

describe('month- and year-only dates', () => {
  it('are found by the list, the timeline and the search filters of their period', async () => {
    await api().updateClip({ id, patch: { publishedAt: '2019-09' } });
    const list = (args: object) => api().listClips(args).then((p) => p.clips.map((c) => c.id));
    expect(await list({ from: '2019', to: '2019' })).toContain(id);
    expect(await list({ from: '2019-09', to: '2019-09' })).toContain(id);
    expect(await list({ from: '2019-09-20', to: '2019-09-20' })).not.toContain(id);
    expect(await list({ undated: true })).not.toContain(id);
    expect((await api().search({ q: 'maduro year:2019' })).total).toBe(1);
    expect((await api().search({ q: 'maduro after:2019-08' })).total).toBe(1);
    expect((await api().search({ q: 'maduro before:2019-10' })).total).toBe(1);
    expect((await api().search({ q: 'maduro year:2020' })).total).toBe(0);
    expect((await api().search({ q: 'maduro' })).facets.years).toEqual([{ value: '2019', count: 1 }]);
    // A month view holds it in its bar; a day view of that month counts it apart, in no bar.
    expect((await api().timeline({ granularity: 'month', from: '2019', to: '2019' })).buckets).toEqual([{ period: '2019-09', count: 1 }]);
    expect(await api().timeline({ granularity: 'day', from: '2019-09', to: '2019-09' })).toMatchObject({ buckets: [], imprecise: 1 });

    await api().updateClip({ id, patch: { publishedAt: '2019' } });
    expect(await list({ from: '2019', to: '2019' })).toContain(id);
    expect(await list({ from: '2019-09', to: '2019-09' })).not.toContain(id);
    expect((await api().timeline({ granularity: 'year' })).buckets).toEqual([{ period: '2019', count: 1 }]);
    expect(await api().timeline({ granularity: 'month', from: '2019', to: '2019' })).toMatchObject({ buckets: [], imprecise: 1 });
    expect((await api().search({ q: 'maduro year:2019' })).total).toBe(1);
    expect((await api().listClips({ sort: 'oldest' })).clips[0]).toMatchObject({ id, publishedAt: '2019' });
  });
});

describe('several clips at once', () => {
  it('sets the outlet or the date of a selection in one call, with one undo', async () => {
    const pages = corpusPages(['098bb3e96c0a', '8634d1211c3f']);
    const added = (await handlers.waitForImport((await api().importPaths({ paths: pages })).jobId)).outcomes.map((o) => o.clipId!);
    expect(added).toHaveLength(2);
    // An outlet is named once (outlets.ts): "latimes" typed for a page of the Los Angeles Times is that outlet.
    const same = await api().updateClip({ id: added[0], patch: { source: 'latimes' } });
    expect(same.edit).toEqual({ changed: 0, undoToken: null, suggestions: [], outlet: 'Los Angeles Times' });
    await api().updateClip({ id: added[0], patch: { source: 'Tribune' } });
    const ids = [id, ...added];
    const edit = await api().updateClips({ ids, patch: { source: 'Press cuttings', publishedAt: '2019-11' } });
    expect(edit).toMatchObject({ changed: 3 });
    for (const c of ids) expect(await api().getClip({ id: c })).toMatchObject({ source: 'Press cuttings', publishedAt: '2019-11' });
    expect((await api().listSources({})).map((s) => [s.value, s.count])).toEqual([['Press cuttings', 3]]);
    expect((await api().timeline({ granularity: 'month', from: '2019', to: '2019' })).buckets).toEqual([{ period: '2019-11', count: 3 }]);
    expect(lib.db.prepare("SELECT clip_id AS id, value, extracted FROM clip_corrections WHERE field = 'source' ORDER BY clip_id").all()).toEqual([
      { id, value: 'Press cuttings', extracted: 'guardian.ng' },
      { id: added[0], value: 'Press cuttings', extracted: 'Los Angeles Times' },
      { id: added[1], value: 'Press cuttings', extracted: 'Los Angeles Times' },
    ]);

    await api().undoEdit({ undoToken: edit.undoToken! });
    expect((await api().getClip({ id: added[0] })).source).toBe('Tribune');
    expect((await api().getClip({ id: added[1] })).source).toBe('Los Angeles Times');
    expect((await api().getClip({ id })).publishedAt).toBe('2019-09-20T15:17');
    expect(lib.db.prepare('SELECT clip_id AS id, field, value FROM clip_corrections ORDER BY clip_id').all()).toEqual([
      { id: added[0], field: 'source', value: 'Tribune' },
    ]);
  });
});

describe('migration 7', () => {
  it('adds the corrections and site rules to a library of version 6, its clips kept', () => {
    const dir = tempDir();
    try {
      const v6 = openLibrary(dir, { targetVersion: 6 });
      const clip = insertClip(v6.db, { title: 'Older clip', bodyText: 'kept across the step', bodyHtml: '', contentHash: 'old', author: 'AFP' });
      v6.close();
      const v7 = openLibrary(dir);
      try {
        expect(v7.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
        expect(v7.db.prepare('SELECT title FROM clips WHERE id = ?').pluck().get(clip)).toBe('Older clip');
        const add = (field: string) => v7.db.prepare("INSERT INTO clip_corrections VALUES (?, ?, 'x', 'y', '2026-01-01')").run(clip, field);
        expect(() => add('body_text')).toThrow(/CHECK constraint/);
        add('author');
        const rule = (action: string, match: string | null, value: string | null) =>
          v7.db.prepare("INSERT INTO site_rules (site, field, action, match, value, created_at) VALUES ('bbc.com', 'author', ?, ?, ?, '2026-01-01')").run(action, match, value);
        expect(() => rule('drop', 'BBC News', 'something')).toThrow(/CHECK constraint/);
        expect(() => rule('set', 'BBC News', 'x')).toThrow(/CHECK constraint/);
        rule('drop', 'BBC News', null);
        expect(() => rule('replace', 'bbc news', 'BBC')).toThrow(/UNIQUE constraint/);
        // A clip removed for good takes its corrections with it.
        v7.db.prepare('DELETE FROM clips WHERE id = ?').run(clip);
        expect(v7.db.prepare('SELECT count(*) FROM clip_corrections').pluck().get()).toBe(0);
      } finally {
        v7.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
