// Outlets through the Api, on real files: one article of the Los Angeles Times saved as a page,
// an MHTML snapshot, a Word file, an e-mail and a web clipping is imported into a real library;
// the Sources list shows one outlet, which can be renamed, merged and unmerged.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { dispatch } from '../../../electron/handlers/dispatch.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { openLibrary, type Library } from '../../../electron/library/open-library.ts';
import { CORPUS, PROJECT_ROOT, SEED, tempDir } from '../../helpers/temp-library.ts';

const ARTICLE = '098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2';
const FORMATS = path.join(CORPUS, 'formats');

let work: string;
let lib: Library;
let handlers: Handlers;

beforeAll(async () => {
  work = tempDir('cuttings-outlets-');
  const files = ['mhtml', 'docx', 'eml', 'md'].map((f) => path.join(FORMATS, f, `aeb-${ARTICLE}.${f}`));
  const page = path.join(work, 'disney-plus-kevin-mayer.html');
  fs.writeFileSync(page, zlib.gunzipSync(fs.readFileSync(path.join(CORPUS, 'extraction', 'dev', 'aeb', 'html', `${ARTICLE}.html.gz`))));
  lib = openLibrary(path.join(work, 'lib'));
  handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
  const summary = await handlers.waitForImport((await handlers.api.importPaths({ paths: [...files, page, SEED] })).jobId);
  expect(summary.failed).toBe(0);
}, 120_000);

afterAll(async () => {
  await handlers?.dispose();
  lib?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const clipsOf = (source: string) => lib.db.prepare('SELECT count(*) FROM clips WHERE source = ? AND deleted_at IS NULL').pluck().get(source) as number;

describe('outlets through the Api', () => {
  it('lists the Los Angeles Times once, whatever each file called it', async () => {
    const sources = await handlers.api.listSources({});
    const la = sources.filter((s) => /latimes|los angeles/i.test([s.value, ...(s.names ?? []), ...(s.sites ?? [])].join(' ')));
    expect(la).toHaveLength(1);
    expect(la[0].value).toBe('Los Angeles Times');
    expect(la[0].sites).toEqual(['latimes.com']);
    // Every clip of the article that names an outlet carries this one.
    const named = lib.db.prepare("SELECT count(*) FROM clips WHERE title LIKE '%Disney%' AND source IS NOT NULL").pluck().get() as number;
    expect(named).toBeGreaterThanOrEqual(3);
    expect(la[0].count).toBe(named);
    expect((await handlers.api.search({ q: 'source:latimes' })).total).toBe(named);
    expect((await handlers.api.search({ q: 'source:"Los Angeles Times" glitch' })).total).toBe(named);
  });

  it('renames an outlet, and refuses a name another outlet has', async () => {
    const before = clipsOf('Los Angeles Times');
    const renamed = await handlers.api.renameOutlet({ outlet: 'latimes', name: 'The LA Times' });
    expect(renamed).toMatchObject({ value: 'The LA Times', count: before, sites: ['latimes.com'] });
    expect(clipsOf('The LA Times')).toBe(before);
    expect((await handlers.api.listSources({})).map((s) => s.value)).not.toContain('Los Angeles Times');
    const seedOutlet = (await handlers.api.listSources({})).find((s) => s.value !== 'The LA Times')!;
    await expect(dispatch(handlers.api, 'renameOutlet', { outlet: seedOutlet.value, name: 'the la times' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(dispatch(handlers.api, 'renameOutlet', { outlet: 'No Such Paper', name: 'X' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(dispatch(handlers.api, 'renameOutlet', { outlet: 'The LA Times', name: ' ' })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('merges one outlet into another, and undoes it', async () => {
    const seed = (await handlers.api.listSources({})).find((s) => s.value !== 'The LA Times')!;
    const la = clipsOf('The LA Times');
    const { outlet, undoToken } = await handlers.api.mergeOutlets({ from: [seed.value], into: 'latimes.com' });
    expect(outlet.value).toBe('The LA Times');
    expect(outlet.count).toBe(la + seed.count);
    expect(outlet.names).toContain(seed.value);
    expect((await handlers.api.listSources({})).map((s) => s.value)).toEqual(['The LA Times']);
    expect(await handlers.api.undoMergeOutlets({ undoToken })).toEqual({ restored: seed.count });
    expect((await handlers.api.listSources({})).map((s) => [s.value, s.count]).sort()).toEqual([[seed.value, seed.count], ['The LA Times', la]].sort());
    await expect(dispatch(handlers.api, 'undoMergeOutlets', { undoToken })).rejects.toMatchObject({ code: 'not-found' });
  });
});
