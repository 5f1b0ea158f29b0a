// Corrections remembered per site: offered after the same correction on two clips of one site,
// stored when the person says so, applied to that site's new imports (real corpus pages through
// the real import pipeline), and gone once deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { applySiteRules } from '../../../electron/library/site-rules.ts';
import { corpusPages } from '../../helpers/corpus-pages.ts';
import { tempLibrary } from '../../helpers/temp-library.ts';

let lib: ReturnType<typeof tempLibrary>;
let handlers: Handlers;
beforeEach(() => {
  lib = tempLibrary();
  handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
});
afterEach(async () => {
  await handlers.dispose();
  lib.cleanup();
});

const api = () => handlers.api;
async function importPages(prefixes: string[]) {
  const summary = await handlers.waitForImport((await api().importPaths({ paths: corpusPages(prefixes) })).jobId);
  expect(summary.outcomes.map((o) => o.status)).toEqual(prefixes.map(() => 'added'));
  return Promise.all(summary.outcomes.map((o) => api().getClip({ id: o.clipId! })));
}

// Pages of bbc.com whose byline came out as the site's own name, and one with a real byline.
const BBC_SITE_BYLINE = ['70cb2d5bca75', 'c7e39ac49fa1'];
const BBC_REAL_BYLINE = 'bbc.com.52241221';
// Two pages of latimes.com.
const LATIMES = ['098bb3e96c0a', '8634d1211c3f'];

describe('site rules', () => {
  it('are offered after the same correction on two clips of a site, and only then', async () => {
    const [a, b] = await importPages(BBC_SITE_BYLINE);
    expect([a.author, b.author, a.site, b.site]).toEqual(['BBC News', 'BBC News', 'bbc.com', 'bbc.com']);
    const first = await api().updateClip({ id: a.id, patch: { author: null } });
    expect(first.edit.suggestions).toEqual([]);
    const second = await api().updateClip({ id: b.id, patch: { author: null } });
    expect(second.edit.suggestions).toEqual([{ site: 'bbc.com', field: 'author', action: 'drop', match: 'BBC News', value: null, clips: 2 }]);
    // Nothing is remembered until the person says so.
    expect(await api().listSiteRules({})).toEqual([]);
  });

  it('the same replacement reads as replacing the value; different ones as dropping it', async () => {
    const [a, b] = await importPages(BBC_SITE_BYLINE);
    await api().updateClip({ id: a.id, patch: { source: 'British Broadcasting Corporation' } });
    const s = await api().updateClip({ id: b.id, patch: { source: 'British Broadcasting Corporation' } });
    expect(s.edit.suggestions).toEqual([{ site: 'bbc.com', field: 'source', action: 'replace', match: 'BBC News', value: 'British Broadcasting Corporation', clips: 2 }]);
    // Different bylines put in place of the site's name: the rule is to drop it.
    await api().updateClip({ id: a.id, patch: { author: 'Newsbeat reporter' } });
    const t = await api().updateClip({ id: b.id, patch: { author: 'Europe desk' } });
    expect(t.edit.suggestions).toEqual([{ site: 'bbc.com', field: 'author', action: 'drop', match: 'BBC News', value: null, clips: 2 }]);
    // An outlet set to one name from different extracted values: the site is that outlet.
    const [c, d] = await importPages(LATIMES);
    await api().updateClip({ id: c.id, patch: { source: 'Tribune Publishing' } });
    // As if that page's outlet had come out as "latimes", the way a Word copy of it does.
    lib.db.prepare("UPDATE clip_corrections SET extracted = 'latimes' WHERE clip_id = ?").run(c.id);
    const u = await api().updateClip({ id: d.id, patch: { source: 'Tribune Publishing' } });
    expect(u.edit.suggestions).toEqual([{ site: 'latimes.com', field: 'source', action: 'set', match: null, value: 'Tribune Publishing', clips: 2 }]);
    // A headline or a date is never learnt.
    expect((await api().updateClips({ ids: [a.id, b.id], patch: { publishedAt: '2019' } })).suggestions).toEqual([]);
  });

  it('once remembered, apply to the new imports of that site and no other, until deleted', async () => {
    const [a, b] = await importPages(BBC_SITE_BYLINE);
    await api().updateClip({ id: a.id, patch: { author: null, source: 'British Broadcasting Corporation' } });
    const { suggestions } = (await api().updateClip({ id: b.id, patch: { author: null, source: 'British Broadcasting Corporation' } })).edit;
    expect(suggestions.map((s) => `${s.field} ${s.action} ${s.match} ${s.value}`).sort()).toEqual([
      'author drop BBC News null', 'source replace BBC News British Broadcasting Corporation',
    ]);
    const rules = [];
    for (const s of suggestions) rules.push(await api().createSiteRule(s));
    expect(await api().listSiteRules({})).toEqual(rules.sort((x, y) => x.field.localeCompare(y.field)));
    expect(await api().listSiteRules({ site: 'www.BBC.com' })).toHaveLength(2);
    expect(await api().listSiteRules({ site: 'latimes.com' })).toEqual([]);
    // The same correction again is not offered again.
    await api().updateClip({ id: a.id, patch: { author: 'BBC News' } });
    expect((await api().updateClip({ id: a.id, patch: { author: null } })).edit.suggestions).toEqual([]);

    const [later, other] = await importPages([BBC_REAL_BYLINE, LATIMES[0]]);
    // The byline is a real one (the rule drops only the site's name); the outlet is replaced.
    expect(later).toMatchObject({ site: 'bbc.com', author: 'Nada Tawfik; New York', source: 'British Broadcasting Corporation' });
    expect(other).toMatchObject({ site: 'latimes.com', author: 'Meg James', source: 'Los Angeles Times' });
    // What a rule put in is the import's value, not a person's correction: re-extraction may change it.
    expect(later.corrections).toEqual([]);
    expect((await api().search({ q: 'source:"British Broadcasting" burials' })).total).toBe(1);

    const source = rules.find((r) => r.field === 'source')!;
    expect(await api().deleteSiteRule({ id: source.id })).toEqual({ deleted: true, rule: source });
    expect(await api().listSiteRules({})).toEqual(rules.filter((r) => r !== source));
    await api().deleteClips({ ids: [later.id] });
    const [again] = await importPages([BBC_REAL_BYLINE]);
    expect(again.source).toBe('BBC News');
    expect(await api().deleteSiteRule({ id: source.id })).toEqual({ deleted: false, rule: null });
  });

  it('a rule drops one name of a byline list', async () => {
    const [page] = await importPages(['9eef8162bbb6']);
    expect(page).toMatchObject({ site: 'cnn.com', author: 'Sandee LaMotte; CNN' });
    await api().deleteClips({ ids: [page.id] });
    await api().createSiteRule({ site: 'cnn.com', field: 'author', action: 'drop', match: 'cnn', value: null });
    const [again] = await importPages(['9eef8162bbb6']);
    expect(again.author).toBe('Sandee LaMotte');
  });

  it('re-extraction can apply them to fields of its own: one name of a byline list, a set outlet, a title never emptied', async () => {
    const at = '2026-01-01T00:00:00Z';
    await api().createSiteRule({ site: 'cnn.com', field: 'author', action: 'drop', match: 'CNN', value: null });
    await api().createSiteRule({ site: 'cnn.com', field: 'source', action: 'set', match: null, value: 'CNN' });
    const fields = { title: 'A title', author: 'Sandee LaMotte; CNN', source: 'MSN', url: 'https://www.cnn.com/2019/11/18/health/x', publishedAt: at };
    expect(applySiteRules(lib.db, null, fields)).toEqual({ ...fields, author: 'Sandee LaMotte', source: 'CNN' });
    expect(applySiteRules(lib.db, 'nbcnews.com', fields)).toEqual(fields);
    await expect(api().createSiteRule({ site: ' ', field: 'author', action: 'drop', match: 'x', value: null })).rejects.toThrow(/needs a site/);
    await expect(api().createSiteRule({ site: 'cnn.com', field: 'author', action: 'replace', match: 'CNN', value: '  ' })).rejects.toThrow(/needs the value to put in/);
  });
});
