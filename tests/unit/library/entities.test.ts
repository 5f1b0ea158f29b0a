// People, places and organisations in the library (issue #16): found at import by the real
// pipeline and recogniser, one name per entity, merges and splits that outlive re-extraction,
// soft delete, and migration 9.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { listEntities, writeClipEntities } from '../../../electron/library/entities.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import type { EntitySummary } from '../../../electron/api.ts';
import { SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

describe('the seed, imported', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let handlers: Handlers;
  let clipId: number;

  beforeAll(async () => {
    lib = tempLibrary();
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    const summary = await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId);
    clipId = summary.outcomes[0].clipId!;
  }, 60_000);
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
  });

  const names = (list: EntitySummary[]) => list.map((e) => e.name);

  it('names its people, places and organisations, each once', async () => {
    const people = await handlers.api.listEntities({ kind: 'person' });
    const places = await handlers.api.listEntities({ kind: 'place' });
    const orgs = await handlers.api.listEntities({ kind: 'org' });
    expect(names(people)).toEqual(expect.arrayContaining(['Nicolas Maduro', 'Vladimir Putin', 'Dmitry Peskov', 'Juan Guaido', 'Hugo Chavez']));
    expect(names(places)).toEqual(expect.arrayContaining(['Venezuela', 'Russia', 'Caracas', 'China']));
    for (const e of [...people, ...places, ...orgs]) expect(e.clips).toBe(1);
    // Each name is one thing in one article: no place called Maduro beside the person.
    expect(names([...places, ...orgs]).filter((n) => /maduro/i.test(n))).toEqual([]);
  });

  it('Interfax and the Kremlin as organisations; the Kremlin is no person', async () => {
    const orgs = names(await handlers.api.listEntities({ kind: 'org' }));
    expect(orgs).toEqual(expect.arrayContaining(['Interfax', 'Kremlin']));
    expect(names(await handlers.api.listEntities({ kind: 'person' }))).not.toContain('Kremlin');
  });

  it('Maduro is one person: "Maduro" and "President Maduro" count under Nicolas Maduro', async () => {
    const people = await handlers.api.listEntities({ kind: 'person' });
    expect(people.filter((e) => /maduro/i.test(e.name))).toHaveLength(1);
    const maduro = people.find((e) => e.name === 'Nicolas Maduro')!;
    // The headline's and the body's bare "Maduro" are among its mentions.
    expect(maduro.mentions).toBeGreaterThan(5);
    const row = lib.db
      .prepare('SELECT mentions, first_offset FROM clip_entities WHERE clip_id = ? AND entity_id = ?')
      .get(clipId, maduro.id) as { mentions: number; first_offset: number };
    const body = lib.db.prepare('SELECT body_text FROM clips WHERE id = ?').pluck().get(clipId) as string;
    expect(body.slice(row.first_offset)).toMatch(/^(Nicolas )?Maduro/);
  });

  it('another clip writing “Nicolás Maduro” and “President Maduro” finds the same person', async () => {
    writeTransaction(lib.db, () => {
      const other = insertClip(lib.db, { title: 'Another', bodyText: 'President Nicolás Maduro spoke. Maduro said so.', bodyHtml: '', contentHash: 'accented' });
      writeClipEntities(lib.db, other, [
        { type: 'PER', key: 'nicolas maduro', name: 'Nicolás Maduro', mentions: 2, firstOffset: 10 },
      ]);
    });
    const people = listEntities(lib.db, { kind: 'person' }).filter((e) => /maduro/i.test(e.name));
    expect(people).toHaveLength(1);
    expect(people[0].clips).toBe(2);
    // The spelling with its accent is the better name.
    expect(people[0].name).toBe('Nicolás Maduro');
  });
});

describe('a person’s merges and splits', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let handlers: Handlers;
  let clipId: number;

  beforeAll(async () => {
    lib = tempLibrary();
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    clipId = (await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId)).outcomes[0].clipId!;
  }, 60_000);
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
  });

  const person = async (name: string) => (await handlers.api.listEntities({ kind: 'person' })).find((e) => e.name === name);
  const reextract = async () => {
    const summary = await handlers.waitForReextract((await handlers.api.reextractClips({ ids: [clipId] })).jobId);
    expect(summary.outcomes.map((o) => o.status)).not.toContain('failed');
  };

  it('a merge moves names and clips, outlives re-extraction, and is undone', async () => {
    const maduro = (await person('Nicolas Maduro'))!;
    const chavez = (await person('Hugo Chavez'))!;
    const merged = await handlers.api.mergeEntities({ from: [chavez.id], into: maduro.id });
    expect(merged.entity.names).toContain('Hugo Chavez');
    expect(merged.entity.mentions).toBe(maduro.mentions + chavez.mentions);
    expect(await person('Hugo Chavez')).toBeUndefined();
    expect((await handlers.api.search({ q: 'person:"hugo chavez"' })).total).toBe(1);

    await reextract();
    // Extraction found Hugo Chavez again; the person's choice still puts him with Maduro.
    expect(await person('Hugo Chavez')).toBeUndefined();
    expect((await person('Nicolas Maduro'))!.names).toContain('Hugo Chavez');

    expect((await handlers.api.undoEntityChange({ undoToken: merged.undoToken })).restored).toBe(1);
    expect((await person('Hugo Chavez'))!.clips).toBe(1);
    expect((await person('Nicolas Maduro'))!.names).not.toContain('Hugo Chavez');
    await reextract();
    expect((await person('Hugo Chavez'))!.clips).toBe(1);
    await expect(handlers.api.undoEntityChange({ undoToken: merged.undoToken })).rejects.toThrow(/Nothing to undo/);
  });

  it('a split keeps a name apart across re-extraction, and is undone', async () => {
    const maduro = (await person('Nicolas Maduro'))!;
    const peskov = (await person('Dmitry Peskov'))!;
    await handlers.api.mergeEntities({ from: [peskov.id], into: maduro.id });
    const split = await handlers.api.splitEntity({ id: maduro.id, name: 'Dmitry Peskov' });
    expect(split.entity.name).toBe('Dmitry Peskov');
    await reextract();
    expect((await person('Dmitry Peskov'))!.clips).toBe(1);
    await handlers.api.undoEntityChange({ undoToken: split.undoToken });
    expect(await person('Dmitry Peskov')).toBeUndefined();
    await expect(handlers.api.splitEntity({ id: maduro.id, name: 'Nicolas Maduro' })).rejects.toThrow(/own name/);
    await expect(handlers.api.mergeEntities({ from: [(await handlers.api.listEntities({ kind: 'place', limit: 1 }))[0].id], into: maduro.id })).rejects.toThrow(/one kind/);
  });

  it('a deleted clip’s entities leave the counts, and come back with Undo', async () => {
    const { undoToken } = await handlers.api.deleteClips({ ids: [clipId] });
    expect(await handlers.api.listEntities({})).toEqual([]);
    await handlers.api.undoDelete({ undoToken });
    expect((await person('Vladimir Putin'))!.clips).toBe(1);
  });
});

describe('the JSON export', () => {
  it('carries each clip’s entities and the library’s merges; importing it restores both', async () => {
    const work = tempDir();
    const from = openLibrary(path.join(work, 'from'));
    const h = createHandlers({ library: from, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    const to = openLibrary(path.join(work, 'to'));
    const h2 = createHandlers({ library: to, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    try {
      await h.waitForImport((await h.api.importPaths({ paths: [SEED] })).jobId);
      const people = await h.api.listEntities({ kind: 'person' });
      const maduro = people.find((e) => e.name === 'Nicolas Maduro')!;
      await h.api.mergeEntities({ from: [people.find((e) => e.name === 'Juan Guaido')!.id], into: maduro.id });
      const doc = await h.api.exportClips({});
      expect(doc.entityRules).toEqual([{ kind: 'person', name: 'Juan Guaido', into: 'Nicolas Maduro' }]);
      expect(doc.clips[0].entities).toContainEqual(expect.objectContaining({ kind: 'person', name: 'Juan Guaido', entity: 'Nicolas Maduro', mentions: 1 }));
      expect(doc.clips[0].entities).toContainEqual(expect.objectContaining({ kind: 'place', name: 'Caracas' }));

      const file = path.join(work, 'export.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const summary = await h2.waitForImport((await h2.api.importPaths({ paths: [file] })).jobId);
      expect(summary.outcomes.map((o) => o.status)).toEqual(['added']);
      const strip = (list: EntitySummary[]) => list.map(({ id: _id, ...e }) => e);
      expect(strip(await h2.api.listEntities({}))).toEqual(strip(await h.api.listEntities({})));
      expect((await h2.api.listEntities({ kind: 'person' })).map((e) => e.name)).not.toContain('Juan Guaido');
      const again = await h2.api.exportClips({});
      expect(again.entityRules).toEqual(doc.entityRules);
      expect(again.clips[0].entities).toEqual(doc.clips[0].entities);
    } finally {
      await h.dispose();
      await h2.dispose();
      from.close();
      to.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('migration 9', () => {
  it('adds the entity tables to a library of version 8; older clips keep their rows and have none yet', () => {
    const dir = tempDir();
    try {
      const v8 = openLibrary(dir, { targetVersion: 8 });
      const id = insertClip(v8.db, { title: 'Older clip', bodyText: 'Maduro in Caracas', bodyHtml: '', contentHash: 'old' });
      expect(v8.db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'clip_entities'`).pluck().get()).toBe(0);
      v8.close();
      const v9 = openLibrary(dir, { targetVersion: 9 });
      try {
        expect(v9.db.pragma('user_version', { simple: true })).toBe(9);
        expect(v9.db.prepare('SELECT title FROM clips WHERE id = ?').pluck().get(id)).toBe('Older clip');
        expect(listEntities(v9.db)).toEqual([]);
        writeTransaction(v9.db, () =>
          writeClipEntities(v9.db, id, [
            { type: 'PER', key: 'maduro', name: 'Maduro', mentions: 1, firstOffset: 0 },
            { type: 'LOC', key: 'caracas', name: 'Caracas', mentions: 1, firstOffset: 10 },
          ]),
        );
        expect(listEntities(v9.db).map((e) => [e.kind, e.name, e.clips])).toEqual([
          ['place', 'Caracas', 1],
          ['person', 'Maduro', 1],
        ]);
        // The facet table reloads on a change of entities, as on one of tags.
        const before = v9.db.prepare('SELECT version FROM search_state').pluck().get() as number;
        writeTransaction(v9.db, () => writeClipEntities(v9.db, id, []));
        expect(v9.db.prepare('SELECT version FROM search_state').pluck().get()).toBeGreaterThan(before);
        expect(listEntities(v9.db)).toEqual([]);
      } finally {
        v9.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
