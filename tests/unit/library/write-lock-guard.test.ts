// Every write to a library takes the write lock up front (BEGIN IMMEDIATE, through
// writeTransaction), so a write from one process waits for another's instead of failing with
// "database is locked". Two guards, each able to fail:
// - the sources: no transaction is begun anywhere but write-transaction.ts;
// - what really runs: better-sqlite3's statements are watched while a library is made,
//   migrated, purged, imported into, and while every Api method is called, and any statement
//   that writes outside a BEGIN IMMEDIATE transaction is reported.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type Api, type ApiMethod } from '../../../electron/api.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { buildExportDocument } from '../../../electron/import/export-document.ts';
import { openLibrary, type Library } from '../../../electron/library/open-library.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { addMember } from '../../../electron/hub/hub-admin.ts';
import { startHub, type RunningHub } from '../../../electron/hub/hub-server.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { PROJECT_ROOT, SEED, tempDir } from '../../helpers/temp-library.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';

describe('the sources', () => {
  const sources = (dir: string): string[] =>
    (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  const electron = path.join(PROJECT_ROOT, 'electron');

  it('begin transactions only in write-transaction.ts', () => {
    const offenders: string[] = [];
    for (const file of sources(electron)) {
      if (file.endsWith(path.join('library', 'write-transaction.ts'))) continue;
      // The team hub's transactions are PostgreSQL's, on its own database, not the library's.
      if (file.includes(`${path.sep}hub${path.sep}`)) continue;
      const text = fs.readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        // db.transaction(fn) in any form (its default is deferred), or a BEGIN written out.
        if (/\.transaction\s*\(/.test(line) || /(^|[(=,]\s*)['"`]\s*BEGIN\b/.test(line) || /\.(exec|prepare)\(\s*['"`]\s*begin\b/i.test(line)) offenders.push(`${path.relative(PROJECT_ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('and the check finds one when there is one', () => {
    const deferred = "const n = db.transaction(() => tagClips(db, ids, tags))();";
    expect(/\.transaction\s*\(/.test(deferred)).toBe(true);
    expect(/(^|[(=,]\s*)['"`]\s*BEGIN\b/.test("db.prepare('BEGIN').run();")).toBe(true);
    // A trigger's body opens with BEGIN after a quoted value: that is SQL text, not a transaction.
    expect(/(^|[(=,]\s*)['"`]\s*BEGIN\b/.test("WHEN new.named_by = 'person' BEGIN")).toBe(false);
    expect(/\.(exec|prepare)\(\s*['"`]\s*begin\b/i.test("db.exec('begin');")).toBe(true);
  });
});

// ---------------------------------------------------------------- what really runs

interface Watched {
  source: string;
  readonly: boolean;
  database: Database.Database;
}

/** Statements that write outside a BEGIN IMMEDIATE transaction, as "SQL (what was going on)". */
const violations: string[] = [];
let doing = '';
const mode = new WeakMap<Database.Database, 'immediate' | 'other'>();

/** Connection settings made when a library is opened, before any transaction: not writes to its data. */
const CONNECTION_PRAGMA = /^PRAGMA (journal_mode|foreign_keys|synchronous|busy_timeout) = /i;

function check(stmt: Watched): void {
  const sql = stmt.source.trim();
  if (/^BEGIN IMMEDIATE\b/i.test(sql)) mode.set(stmt.database, 'immediate');
  else if (/^BEGIN\b/i.test(sql)) mode.set(stmt.database, 'other');
  if (stmt.readonly || /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b/i.test(sql) || CONNECTION_PRAGMA.test(sql)) return;
  if (!stmt.database.inTransaction || mode.get(stmt.database) !== 'immediate') violations.push(`${sql.replace(/\s+/g, ' ').slice(0, 100)} (${doing})`);
}

beforeAll(() => {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method];
    proto[method] = function (this: Watched, ...args: unknown[]) {
      check(this);
      return original.apply(this, args);
    };
  }
  const dbProto = Database.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const exec = dbProto.exec;
  dbProto.exec = function (this: Database.Database, sql: unknown) {
    // exec runs SQL of any kind: only inside a write transaction.
    if (!this.inTransaction || mode.get(this) !== 'immediate') violations.push(`exec ${String(sql).replace(/\s+/g, ' ').slice(0, 80)} (${doing})`);
    return exec.call(this, sql);
  };
});

describe('the guard', () => {
  it('reports a deferred write, and a write with no transaction', () => {
    const db = new Database(':memory:');
    db.prepare('CREATE TABLE t (x)').run(); // (reported too: no transaction)
    violations.length = 0;
    db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run())();
    db.prepare('INSERT INTO t VALUES (2)').run();
    writeTransaction(db, () => db.prepare('INSERT INTO t VALUES (3)').run());
    expect(violations).toHaveLength(2);
    violations.length = 0;
    db.close();
  });
});

describe('every write the library makes', () => {
  let work: string;
  let lib: Library;
  let handlers: Handlers;
  const team = {} as { pg: TestPostgres; database: string; hub: RunningHub };

  beforeAll(async () => {
    work = tempDir('cuttings-guard-');
    violations.length = 0;
    team.pg = await startPostgres();
    team.database = team.pg.createDatabase('guard');
    team.hub = await startHub({ databaseUrl: team.database });
  });
  afterAll(async () => {
    await handlers?.dispose();
    lib?.close();
    await team.hub?.close();
    team.pg?.remove();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('opening: a new library made and migrated, and one with deleted clips purged', async () => {
    doing = 'open';
    lib = openLibrary(path.join(work, 'lib'));
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
    doing = 'import';
    await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED, ...writeUniquePages(path.join(work, 'pages'), 6, 'g')] })).jobId);
    // An export document is imported by its own path (one transaction per clip, with its tags).
    const doc = buildExportDocument(lib.db);
    doc.clips = doc.clips.map((c, i) => ({ ...c, uid: `guard-${i}`, bodyText: `${c.bodyText} copy`, tags: ['from-export'] }));
    fs.writeFileSync(path.join(work, 'export.json'), JSON.stringify(doc));
    await handlers.waitForImport((await handlers.api.importPaths({ paths: [path.join(work, 'export.json')] })).jobId);
    doing = 'delete';
    await handlers.api.deleteClips({ ids: [1] });
    await handlers.dispose();
    lib.close();
    doing = 'reopen (purge)';
    lib = openLibrary(path.join(work, 'lib'));
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
    expect(lib.db.prepare('SELECT count(*) FROM clips WHERE id = 1').pluck().get()).toBe(0);
    expect(violations).toEqual([]);
  });

  it('every Api method', async () => {
    const api = handlers.api;
    const ids = lib.db.prepare('SELECT id FROM clips WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
    expect(ids.length).toBeGreaterThan(4);
    const upload = { name: 'upload.txt', dataBase64: fs.readFileSync(SEED).toString('base64'), lastModified: 0 };
    let undoToken = '';
    let mergeToken = '';
    let entityToken = '';
    let editToken = '';
    let reextractJob = '';
    let reviewJob = '';
    let highlightId = 0;
    // Each method once, in an order that leaves something for the next; a method added to the
    // Api fails this test until it is called here (and its writes are then checked).
    const calls: { [M in ApiMethod]: () => Promise<unknown> } = {
      libraryInfo: () => api.libraryInfo({}),
      listClips: () => api.listClips({}),
      getClip: () => api.getClip({ id: ids[0] }),
      updateClip: () => api.updateClip({ id: ids[0], patch: { title: 'Renamed', note: 'a note', starred: true } }),
      updateClips: async () => (editToken = (await api.updateClips({ ids: ids.slice(0, 3), patch: { source: 'Bulk outlet', publishedAt: '2019-09' } })).undoToken ?? ''),
      undoEdit: () => api.undoEdit({ undoToken: editToken }),
      listSiteRules: () => api.listSiteRules({}),
      createSiteRule: () => api.createSiteRule({ site: 'guardian.ng', field: 'author', action: 'drop', match: 'AFP', value: null }),
      deleteSiteRule: async () => api.deleteSiteRule({ id: (await api.listSiteRules({}))[0].id }),
      listHighlights: () => api.listHighlights({ clipId: ids[2] }),
      addHighlight: async () => {
        const body = (await api.getClip({ id: ids[2] })).bodyText;
        return (highlightId = (await api.addHighlight({ clipId: ids[2], exact: body.slice(10, 60), note: 'kept' })).id);
      },
      updateHighlight: () => api.updateHighlight({ id: highlightId, colour: 'green', note: 'kept, and edited' }),
      deleteHighlight: async () => {
        await api.addHighlight({ clipId: ids[2], exact: (await api.getClip({ id: ids[2] })).bodyText.slice(100, 140) });
        return api.deleteHighlight({ id: highlightId });
      },
      deleteClips: async () => (undoToken = (await api.deleteClips({ ids: [ids[1]] })).undoToken),
      undoDelete: () => api.undoDelete({ undoToken }),
      search: () => api.search({ q: 'maduro' }),
      timeline: () => api.timeline({ granularity: 'year' }),
      listTags: () => api.listTags({}),
      createTag: () => api.createTag({ name: 'made' }),
      tagClips: () => api.tagClips({ ids, tags: ['one', 'two', 'three'] }),
      untagClips: () => api.untagClips({ ids: [ids[0]], tags: ['one'] }),
      renameTag: async () => api.renameTag({ id: (await api.listTags({})).find((t) => t.name === 'two')!.id, name: 'deux' }),
      recolourTag: async () => api.recolourTag({ id: (await api.listTags({})).find((t) => t.name === 'deux')!.id, colour: '#123456' }),
      mergeTags: async () => {
        const tags = await api.listTags({});
        return api.mergeTags({ from: [tags.find((t) => t.name === 'deux')!.id], into: tags.find((t) => t.name === 'three')!.id });
      },
      deleteTag: async () => api.deleteTag({ id: (await api.listTags({})).find((t) => t.name === 'made')!.id }),
      listSources: () => api.listSources({}),
      renameOutlet: async () => api.renameOutlet({ outlet: (await api.listSources({}))[0].value, name: 'Renamed Outlet' }),
      mergeOutlets: async () => {
        await api.updateClip({ id: ids[2], patch: { source: 'Merged Outlet' } });
        return (mergeToken = (await api.mergeOutlets({ from: ['Merged Outlet'], into: 'Renamed Outlet' })).undoToken);
      },
      undoMergeOutlets: () => api.undoMergeOutlets({ undoToken: mergeToken }),
      listAuthors: () => api.listAuthors({}),
      storyOf: () => api.storyOf({ id: ids[0] }),
      listStories: () => api.listStories({}),
      diffClips: () => api.diffClips({ from: ids[0], to: ids[1] }),
      listEntities: () => api.listEntities({ kind: 'person' }),
      entityPage: async () => api.entityPage({ id: (await api.listEntities({ limit: 1 }))[0].id }),
      mergeEntities: async () => {
        const people = await api.listEntities({ kind: 'person' });
        return (entityToken = (await api.mergeEntities({ from: [people[1].id], into: people[0].id })).undoToken);
      },
      undoEntityChange: () => api.undoEntityChange({ undoToken: entityToken }),
      splitEntity: async () => {
        const [top] = await api.listEntities({ kind: 'person', limit: 1 });
        const other = (await api.mergeEntities({ from: [(await api.listEntities({ kind: 'person' }))[1].id], into: top.id })).entity.names[0];
        return api.splitEntity({ id: top.id, name: other });
      },
      listSavedSearches: () => api.listSavedSearches({}),
      saveSearch: () => api.saveSearch({ name: 'oil', query: 'oil' }),
      deleteSavedSearch: async () => api.deleteSavedSearch({ id: (await api.listSavedSearches({}))[0].id }),
      importPaths: async () => handlers.waitForImport((await api.importPaths({ paths: [SEED] })).jobId),
      importUploads: async () => handlers.waitForImport((await api.importUploads({ files: [upload] })).jobId),
      cancelImport: () => api.cancelImport({ jobId: 'none' }),
      importResult: async () => api.importResult({ jobId: (await api.importPaths({ paths: [SEED] })).jobId }).catch(() => null),
      loadSamples: async () => handlers.waitForImport((await api.loadSamples({})).jobId),
      exportClips: () => api.exportClips({}),
      citeClips: () => api.citeClips({ ids: ids.slice(0, 3), style: 'chicago' }),
      reextractClips: async () => {
        // An older extractor's reading of one clip, so re-extraction has something to write.
        writeTransaction(lib.db, () => lib.db.prepare("UPDATE clips SET title = 'Older reading', body_text = 'older text' WHERE id = ?").run(ids[2]));
        reextractJob = (await api.reextractClips({ all: true })).jobId;
        return handlers.waitForReextract(reextractJob);
      },
      cancelReextract: () => api.cancelReextract({ jobId: 'none' }),
      reextractResult: () => api.reextractResult({ jobId: reextractJob }),
      openOriginal: () => api.openOriginal({ id: ids[0] }),
      openExternal: () => api.openExternal({ url: 'https://example.com/' }),
      revealOriginal: () => api.revealOriginal({ id: ids[0] }),
      // A press review only reads the library (HTML: no Chromium needed here).
      compileReview: async () => (reviewJob = (await api.compileReview({ format: 'html', ids: ids.slice(0, 3) })).jobId),
      cancelReview: () => api.cancelReview({ jobId: 'none' }),
      reviewResult: async () => {
        await handlers.waitForReview(reviewJob);
        return api.reviewResult({ jobId: reviewJob });
      },
      // The team library, against a real hub on a real PostgreSQL.
      teamLibrary: () => api.teamLibrary({}),
      connectTeamLibrary: async () => api.connectTeamLibrary({ hubUrl: team.hub.url, token: await addMember(team.database, 'Guard', 'editor') }),
      setPrivateNotes: () => api.setPrivateNotes({ on: true }),
      syncNow: () => api.syncNow({}),
      clipHistory: () => api.clipHistory({ id: ids[0] }),
      // No conflict has happened, so there is no entry to restore: refused, and nothing written.
      restoreClipHistory: () => api.restoreClipHistory({ id: ids[0], entryId: 999_999 }).catch(() => null),
      listHubDeleted: () => api.listHubDeleted({}),
      restoreHubDeleted: async () => {
        await api.deleteClips({ ids: [ids[3]] });
        await api.syncNow({});
        const [deleted] = await api.listHubDeleted({});
        return api.restoreHubDeleted({ key: deleted!.key });
      },
      disconnectTeamLibrary: () => api.disconnectTeamLibrary({}),
    };
    expect(Object.keys(calls).sort()).toEqual([...API_METHODS].sort());
    for (const method of Object.keys(calls) as ApiMethod[]) {
      doing = method;
      await calls[method]();
    }
    await handlers.stopImports();
    expect(violations).toEqual([]);
  });

  // The Api type is used so a renamed method breaks this file's type check too.
  const _typed: Partial<Api> = {};
  void _typed;
});
