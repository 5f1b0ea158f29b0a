// THE one table of Api handlers. IPC, HTTP and the CLI are generic adapters over it: a
// method is written here once, and every front door gets it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api, ImportSummary, ReextractSummary, ReviewRequest, ReviewSummary } from '../api.ts';
import {
  clipFromRow, getClipRow, listClips, restoreClips, softDeleteClips, updateClip, NotFoundError,
} from '../library/clips.ts';
import type { Library } from '../library/open-library.ts';
import { nameWithExtension, openableExtension } from '../library/original-extension.ts';
import { originalExists } from '../library/originals.ts';
import { addHighlight, deleteHighlight, HighlightError, listHighlights, updateHighlight } from '../library/highlights.ts';
import { listOutlets, mergeOutlets, OutletError, renameOutlet, undoMergeOutlets } from '../library/outlets.ts';
import { EntityError, listEntities, mergeEntities, splitEntityName, undoEntityChange } from '../library/entities.ts';
import { entityPage } from '../library/entity-page.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../library/saved-searches.ts';
import {
  deleteTag, ensureTag, listTags, mergeTags, recolourTag, renameTag, tagClips, untagClips,
} from '../library/tags.ts';
import { createSiteRule, deleteSiteRule, listSiteRules, SiteRuleError } from '../library/site-rules.ts';
import { timeline } from '../library/timeline.ts';
import { diffVersions, listStories, storyOfClip } from '../library/stories.ts';
import { clipBatches } from '../export/clip-records.ts';
import { citeClips } from '../export/cite.ts';
import type { PdfPrinter } from '../export/review-chromium.ts';
import { libraryHighlights } from '../export/review-highlights.ts';
import { buildExportDocument } from '../import/export-document.ts';
import { ImportJob, type ImportSource } from '../import/import-job.ts';
import { ReextractJob } from '../import/reextract-job.ts';
import { WorkerPool } from '../import/worker-pool.ts';
import { onClipsAdded, onClipsRemoved, recountingWords } from '../search/index-hooks.ts';
import { searchClips, searchConditions } from '../search/search-clips.ts';
import type { EventBus } from './event-bus.ts';
import { ApiCallError } from './dispatch.ts';
import { RecordEdits, recordValues } from './record-edits.ts';
import { ReviewJobs } from './review-jobs.ts';
import { createTeamSync } from './team-sync.ts';
import { BadRequestError } from './validate.ts';

export interface HandlerContext {
  library: Library;
  events: EventBus;
  shell: 'electron' | 'browser' | 'cli';
  /** Folder of the sample clippings offered on first run. */
  samplesDir: string;
  maxFileBytes?: number;
  /** Electron: open a file with the system's app. */
  openPath?(absolutePath: string): Promise<boolean>;
  /** Electron: open an http(s) URL in the system browser. */
  openExternalUrl?(url: string): Promise<boolean>;
  /** Electron: show a file in the system's file manager. */
  revealPath?(absolutePath: string): Promise<boolean>;
  /** Browser mode: where the original of a clip can be downloaded. */
  originalUrl?(id: number): string;
  /** The desktop app: prints a press review's PDF with Electron (elsewhere Chromium's headless print). */
  printPdf?: PdfPrinter;
  /** Browser mode: where a finished press review can be downloaded. */
  reviewUrl?(jobId: string): string;
  /** Keeps a shared library in step with its team hub while this process serves a window. */
  backgroundSync?: boolean;
}

export interface Handlers {
  api: Api;
  /** Resolves when the import job finishes (the CLI waits on it). */
  waitForImport(jobId: string): Promise<ImportSummary>;
  /** Resolves when the re-extraction finishes (the CLI waits on it). */
  waitForReextract(jobId: string): Promise<ReextractSummary>;
  /** Imports still running (the desktop app asks before quitting in the middle of one). */
  activeImports(): string[];
  /** Cancels every running import and resolves when all have stopped. */
  stopImports(): Promise<void>;
  /** A press review written where a person chose (the desktop app's save dialog, the CLI's --output). */
  compileReviewTo(request: ReviewRequest, output: string): { jobId: string; clips: number };
  /** Resolves when the press review job finishes (the CLI waits on it). */
  waitForReview(jobId: string): Promise<ReviewSummary>;
  /** Browser mode's download of a finished press review. */
  reviewDownload(jobId: string): { file: string; fileName: string; mimeType: string };
  dispose(): Promise<void>;
}

/** Only web links leave the app: never file:, javascript:, or a custom scheme. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** Upload names are relative paths from the user's machine: keep them as names, never as paths. */
function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..').pop() ?? 'upload';
  return base.replace(/[\u0000-\u001f]/g, '_').slice(0, 200) || 'upload';
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const { library, events } = ctx;
  const db = library.db;
  let pool: WorkerPool | null = null;
  const jobs = new Map<string, { job: ImportJob; done: Promise<ImportSummary>; summary: ImportSummary | null }>();

  const reextracts = new Map<string, { job: ReextractJob; done: Promise<ReextractSummary>; summary: ReextractSummary | null }>();

  const changed = (reason: string) => events.emit('library-changed', { reason });
  /** An outlet change in a write transaction; its refusals answered as what they are. */
  const outletWrite = <T>(fn: () => T): T => {
    try {
      return writeTransaction(db, fn);
    } catch (e) {
      throw e instanceof OutletError ? new ApiCallError(e.code, e.message) : e;
    }
  };
  /** A merge or split of entities in a write transaction; its refusals answered as what they are. */
  const entityWrite = <T>(fn: () => T): T => {
    try {
      return writeTransaction(db, fn);
    } catch (e) {
      throw e instanceof EntityError ? new ApiCallError(e.code, e.message) : e;
    }
  };
  const recordEdits = new RecordEdits(db);
  const team = createTeamSync(library, events, ctx.backgroundSync === true);
  const reviews = new ReviewJobs({ library, events, printPdf: ctx.printPdf, highlights: libraryHighlights(db), downloadUrl: ctx.reviewUrl });

  const startJob = (run: (job: ImportJob) => Promise<ImportSummary>, cleanup?: () => void): { jobId: string } => {
    pool ??= new WorkerPool();
    // The list fills while a long import runs: a change notice at most every 1.5 s.
    let lastAdded = 0;
    let lastNotice = 0;
    const job = new ImportJob(library, {
      pool,
      maxFileBytes: ctx.maxFileBytes,
      onProgress: (p) => {
        events.emit('import-progress', p);
        if (p.added > lastAdded && Date.now() - lastNotice > 1500) {
          lastAdded = p.added;
          lastNotice = Date.now();
          changed('import-progress');
        }
      },
    });
    const entry = { job, summary: null as ImportSummary | null, done: Promise.resolve(null as unknown as ImportSummary) };
    entry.done = run(job)
      .then((summary) => {
        entry.summary = summary;
        events.emit('import-finished', summary);
        if (summary.added) changed('import');
        return summary;
      })
      .finally(() => cleanup?.());
    jobs.set(job.id, entry);
    events.emit('import-started', { jobId: job.id });
    return { jobId: job.id };
  };

  const api: Api = {
    async libraryInfo() {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return {
        path: library.dir,
        clipCount: count('SELECT count(*) AS n FROM clips WHERE deleted_at IS NULL'),
        tagCount: count('SELECT count(*) AS n FROM tags'),
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        shell: ctx.shell,
      };
    },
    async listClips(args) {
      return listClips(db, args);
    },
    async getClip({ id }) {
      const row = getClipRow(db, id);
      return clipFromRow(db, row, originalExists(library.dir, row.original_path));
    },
    async updateClip({ id, patch }) {
      getClipRow(db, id);
      // Headline, author, outlet, date and link are kept as the person's corrections (record-edits.ts).
      const edit = recordEdits.apply([id], recordValues(patch));
      const rest = { note: patch.note, starred: patch.starred };
      if (rest.note !== undefined || rest.starred !== undefined) {
        // A note is searchable: the typo vocabulary counts the clip's words out and in again.
        const write = () => updateClip(db, id, rest);
        writeTransaction(db, () => (rest.note !== undefined ? recountingWords(db, [id], write) : write()));
      }
      changed('clip-updated');
      return { ...(await api.getClip({ id })), edit };
    },
    async updateClips({ ids, patch }) {
      const edit = recordEdits.apply(ids, recordValues(patch));
      if (edit.changed) changed('clips-updated');
      return edit;
    },
    async undoEdit({ undoToken }) {
      const restored = recordEdits.revert(undoToken);
      if (restored === null) throw new NotFoundError('Nothing to undo: that change is too old to be undone here.');
      changed('clips-updated');
      return { restored };
    },
    async listSiteRules({ site }) {
      return listSiteRules(db, site);
    },
    async createSiteRule(rule) {
      try {
        const created = writeTransaction(db, () => createSiteRule(db, rule, new Date().toISOString()));
        changed('site-rules');
        return created;
      } catch (e) {
        throw e instanceof SiteRuleError ? new BadRequestError(e.message) : e;
      }
    },
    async listHighlights({ clipId }) {
      getClipRow(db, clipId);
      return listHighlights(db, clipId);
    },
    async addHighlight(input) {
      try {
        const added = writeTransaction(db, () => addHighlight(db, input));
        changed('highlights');
        return added;
      } catch (e) {
        throw e instanceof HighlightError ? new BadRequestError(e.message) : e;
      }
    },
    async updateHighlight({ id, ...patch }) {
      try {
        const updated = writeTransaction(db, () => updateHighlight(db, id, patch));
        changed('highlights');
        return updated;
      } catch (e) {
        throw e instanceof HighlightError ? new BadRequestError(e.message) : e;
      }
    },
    async deleteHighlight({ id }) {
      const deleted = writeTransaction(db, () => deleteHighlight(db, id));
      changed('highlights');
      return { deleted };
    },
    async deleteSiteRule({ id }) {
      const rule = writeTransaction(db, () => deleteSiteRule(db, id));
      if (rule) changed('site-rules');
      return { deleted: rule !== null, rule };
    },
    async deleteClips({ ids }) {
      const undoToken = `${new Date().toISOString()}#${crypto.randomBytes(4).toString('hex')}`;
      const deleted = writeTransaction(db, () => {
        const live = (db.prepare('SELECT id FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number }[]).map((r) => r.id);
        // The vocabulary reads the clips' text, so it is told before they leave the index.
        onClipsRemoved(db, live);
        return softDeleteClips(db, live, undoToken);
      });
      if (deleted) changed('clips-deleted');
      return { deleted, undoToken };
    },
    async undoDelete({ undoToken }) {
      const restored = writeTransaction(db, () => {
        const ids = (db.prepare('SELECT id FROM clips WHERE deleted_at = ?').all(undoToken) as { id: number }[]).map((r) => r.id);
        const n = restoreClips(db, undoToken);
        onClipsAdded(db, ids);
        return n;
      });
      if (!restored) throw new NotFoundError('Nothing to undo: those clips were already removed for good.');
      changed('clips-restored');
      return { restored };
    },
    async search(args) {
      return searchClips(db, args);
    },
    async timeline(args) {
      // The timeline follows the search: its counts are of the clips the query matches.
      const extra = args.q?.trim() ? searchConditions(db, args.q, { filters: args }) : undefined;
      return timeline(db, args, extra);
    },
    async listTags() {
      return listTags(db);
    },
    async createTag({ name, colour }) {
      const tag = writeTransaction(db, () => ensureTag(db, name, colour));
      changed('tags');
      return tag;
    },
    async tagClips({ ids, tags }) {
      const n = writeTransaction(db, () => tagClips(db, ids, tags));
      changed('tags');
      return { changed: n };
    },
    async untagClips({ ids, tags }) {
      const n = writeTransaction(db, () => untagClips(db, ids, tags));
      changed('tags');
      return { changed: n };
    },
    async renameTag({ id, name }) {
      const tag = writeTransaction(db, () => renameTag(db, id, name));
      changed('tags');
      return tag;
    },
    async recolourTag({ id, colour }) {
      const tag = writeTransaction(db, () => recolourTag(db, id, colour));
      changed('tags');
      return tag;
    },
    async mergeTags({ from, into }) {
      const tag = writeTransaction(db, () => mergeTags(db, from, into));
      changed('tags');
      return tag;
    },
    async deleteTag({ id }) {
      const res = writeTransaction(db, () => deleteTag(db, id));
      changed('tags');
      return { deleted: true, ...res };
    },
    // Both lists read clips_filter_cover (migration 4), which holds deleted_at, source and
    // author, rather than seeking every clip's row: 108 → 39 ms for the outlets at 100,000.
    async listSources() {
      return listOutlets(db);
    },
    async renameOutlet({ outlet, name }) {
      const o = outletWrite(() => renameOutlet(db, outlet, name));
      changed('outlets');
      return o;
    },
    async mergeOutlets({ from, into }) {
      const r = outletWrite(() => mergeOutlets(db, from, into));
      changed('outlets');
      return r;
    },
    async undoMergeOutlets({ undoToken }) {
      const r = outletWrite(() => undoMergeOutlets(db, undoToken));
      changed('outlets');
      return r;
    },
    async listEntities({ kind, limit }) {
      return listEntities(db, { kind, limit });
    },
    async mergeEntities({ from, into }) {
      const r = entityWrite(() => mergeEntities(db, from, into));
      changed('entities');
      return r;
    },
    async splitEntity({ id, name }) {
      const r = entityWrite(() => splitEntityName(db, id, name));
      changed('entities');
      return r;
    },
    async undoEntityChange({ undoToken }) {
      const r = entityWrite(() => undoEntityChange(db, undoToken));
      changed('entities');
      return r;
    },
    async entityPage({ id }) {
      try {
        return entityPage(db, id);
      } catch (e) {
        throw e instanceof EntityError ? new ApiCallError(e.code, e.message) : e;
      }
    },
    async storyOf({ id }) {
      getClipRow(db, id);
      return storyOfClip(db, id);
    },
    async listStories(args) {
      return listStories(db, args);
    },
    async diffClips({ from, to }) {
      return diffVersions(getClipRow(db, from), getClipRow(db, to));
    },
    async listAuthors() {
      return db
        .prepare(`SELECT author AS value, count(*) AS count FROM clips INDEXED BY clips_filter_cover WHERE deleted_at IS NULL AND author IS NOT NULL
                  GROUP BY author COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE`)
        .all() as { value: string; count: number }[];
    },
    async listSavedSearches() {
      // Counts are computed now, so a saved search stays live as clips arrive.
      return listSavedSearches(db).map((s) => ({ ...s, count: searchClips(db, { q: s.query, limit: 0 }).total }));
    },
    async saveSearch({ name, query }) {
      const s = writeTransaction(db, () => saveSearch(db, name, query));
      changed('saved-searches');
      return { ...s, count: searchClips(db, { q: s.query, limit: 0 }).total };
    },
    async deleteSavedSearch({ id }) {
      const deleted = writeTransaction(db, () => deleteSavedSearch(db, id));
      changed('saved-searches');
      return { deleted };
    },
    async importPaths({ paths }) {
      if (paths.length === 0) throw new BadRequestError('Nothing to import: no files or folders were given.');
      return startJob((job) => job.runPaths(paths));
    },
    async importUploads({ files }) {
      if (files.length === 0) throw new BadRequestError('Nothing to import: no files were dropped.');
      const sources: ImportSource[] = files.map((f) => ({
        display: f.name,
        name: safeUploadName(f.name),
        bytes: new Uint8Array(Buffer.from(f.dataBase64, 'base64')),
        mtimeMs: f.lastModified,
      }));
      return startJob((job) => job.runSources(sources));
    },
    async cancelImport({ jobId }) {
      const entry = jobs.get(jobId);
      if (!entry || entry.summary) return { cancelled: false };
      entry.job.cancel();
      return { cancelled: true };
    },
    async importResult({ jobId }) {
      const entry = jobs.get(jobId);
      if (!entry) throw new NotFoundError(`There is no import ${jobId}.`);
      return entry.summary;
    },
    async loadSamples() {
      if (!fs.existsSync(ctx.samplesDir)) throw new NotFoundError('The sample clippings are missing from this installation.');
      return startJob((job) => job.runPaths([ctx.samplesDir]));
    },
    async reextractClips({ ids, all }) {
      if (!all === !ids) throw new BadRequestError('Say which clips to re-extract: their ids, or all.');
      if ([...reextracts.values()].some((e) => !e.summary)) {
        throw new ApiCallError('conflict', 'A re-extraction is already running: wait for it to finish or cancel it.');
      }
      if (ids && ids.length === 0) throw new BadRequestError('Nothing to re-extract: no clips were given.');
      pool ??= new WorkerPool();
      // The list follows a long run: a change notice at most every 1.5 s, as for imports.
      let lastChanged = 0;
      let lastNotice = 0;
      const job = new ReextractJob(library, all ? { all: true } : { ids: ids! }, {
        pool,
        maxFileBytes: ctx.maxFileBytes,
        onProgress: (p) => {
          events.emit('reextract-progress', p);
          if (p.changed > lastChanged && Date.now() - lastNotice > 1500) {
            lastChanged = p.changed;
            lastNotice = Date.now();
            changed('reextract-progress');
          }
        },
      });
      const entry = { job, summary: null as ReextractSummary | null, done: Promise.resolve(null as unknown as ReextractSummary) };
      entry.done = job.run().then((summary) => {
        entry.summary = summary;
        events.emit('reextract-finished', summary);
        if (summary.changed) changed('reextract');
        return summary;
      });
      reextracts.set(job.id, entry);
      return { jobId: job.id, total: job.total };
    },
    async cancelReextract({ jobId }) {
      const entry = reextracts.get(jobId);
      if (!entry || entry.summary) return { cancelled: false };
      entry.job.cancel();
      return { cancelled: true };
    },
    async reextractResult({ jobId }) {
      const entry = reextracts.get(jobId);
      if (!entry) throw new NotFoundError(`There is no re-extraction ${jobId}.`);
      return entry.summary;
    },
    async exportClips({ ids }) {
      return buildExportDocument(db, ids);
    },
    async citeClips({ ids, style }) {
      // Reads only: no write transaction. Deleted or unknown clips drop out; none left is an error.
      const clips = [];
      for await (const batch of clipBatches(db, ids)) clips.push(...batch);
      if (clips.length === 0) throw new NotFoundError('None of those clips is in the library: there is nothing to cite.');
      return citeClips(clips, style);
    },
    async openOriginal({ id }) {
      const row = getClipRow(db, id);
      if (!originalExists(library.dir, row.original_path)) throw new NotFoundError('The original file of this clip is missing from the library folder.');
      if (ctx.openPath) {
        const stored = path.join(library.dir, row.original_path!);
        // The system picks a program by the extension: only a viewer's, from the sniffed format.
        const ext = openableExtension(row.original_path!);
        if (!ext) return { opened: false, revealed: ctx.revealPath ? await ctx.revealPath(stored) : false };
        // A copy under its own name (the stored copy is named by its hash), with that extension.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-original-'));
        const copy = path.join(dir, nameWithExtension(row.original_name, ext, `clip-${id}`));
        fs.copyFileSync(stored, copy);
        return { opened: await ctx.openPath(copy) };
      }
      return { opened: false, url: ctx.originalUrl?.(id) };
    },
    async revealOriginal({ id }) {
      const row = getClipRow(db, id);
      if (!originalExists(library.dir, row.original_path)) throw new NotFoundError('The original file of this clip is missing from the library folder.');
      if (!ctx.revealPath) return { shown: false };
      return { shown: await ctx.revealPath(path.join(library.dir, row.original_path!)) };
    },
    async openExternal({ url }) {
      if (!isSafeExternalUrl(url)) throw new BadRequestError('Only http and https links can be opened.');
      if (!ctx.openExternalUrl) return { opened: false };
      return { opened: await ctx.openExternalUrl(url) };
    },
    // The window's press review: a file to download (the desktop app asks where to save first, compileReviewTo).
    async compileReview(request) {
      return reviews.start(request, null);
    },
    async cancelReview({ jobId }) {
      return reviews.cancel(jobId);
    },
    async reviewResult({ jobId }) {
      return reviews.result(jobId);
    },
    ...team.api,
    async restoreClipHistory({ id, entryId }) {
      await team.api.restoreClipHistory({ id, entryId });
      changed('clip-updated');
      return api.getClip({ id });
    },
  };

  return {
    api,
    async waitForImport(jobId) {
      const entry = jobs.get(jobId);
      if (!entry) throw new NotFoundError(`There is no import ${jobId}.`);
      return entry.done;
    },
    async waitForReextract(jobId) {
      const entry = reextracts.get(jobId);
      if (!entry) throw new NotFoundError(`There is no re-extraction ${jobId}.`);
      return entry.done;
    },
    activeImports() {
      return [...jobs.entries()].filter(([, e]) => !e.summary).map(([id]) => id);
    },
    async stopImports() {
      for (const e of jobs.values()) if (!e.summary) e.job.cancel();
      await Promise.allSettled([...jobs.values()].map((e) => e.done));
    },
    compileReviewTo: (request, output) => reviews.start(request, output),
    waitForReview: (jobId) => reviews.wait(jobId),
    reviewDownload: (jobId) => reviews.download(jobId),
    async dispose() {
      await team.dispose();
      await reviews.dispose();
      // A re-extraction stopped here keeps the batches it wrote (each is whole): no need to ask first.
      for (const e of [...jobs.values(), ...reextracts.values()]) e.job.cancel();
      await Promise.allSettled([...jobs.values(), ...reextracts.values()].map((e) => e.done));
      await pool?.close();
      pool = null;
    },
  };
}
