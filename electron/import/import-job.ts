// One import: find the files, extract each on the worker pool, store each in its own
// transaction, report progress (done/total, current file, rate, ETA), honour cancel.
// Every file ends as exactly one outcome: added, duplicate, or failed with a reason.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome, ImportProgress, ImportSummary } from '../api.ts';
import { removeCrashLeftovers } from '../library/crash-leftovers.ts';
import { markImportRunning } from '../library/import-markers.ts';
import { ReadOnlyLibraryError } from '../library/library-errors.ts';
import type { Library } from '../library/open-library.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { importExportDocument } from './export-document.ts';
import { displayName, readSourceFile, DEFAULT_MAX_FILE_BYTES } from './read-source.ts';
import { writeOriginal } from '../library/originals.ts';
import { loadSimhashIndex, storeBatch, type PendingStore, type StoreContext } from './store-clip.ts';
import { InFlight } from './in-flight.ts';
import { ProgressThrottle, type Pace } from './progress-throttle.ts';

/** Extractions stored per transaction (see storeBatch), the most text they may hold, and the
 * longest a finished file waits. Each transaction ends with the full-text index writing a new
 * segment, which it later merges with the others: batches of 128 rather than 32 halved the
 * main thread's work in bench:import. The window shows new clips every 1.5 s at most anyway. */
const STORE_BATCH = 128;
const STORE_BATCH_CHARS = 32 * 1024 * 1024;
const STORE_WAIT_MS = 1000;
import { ImportError, type Attachment } from './types.ts';
import { isZipOfClippings, listZipArticles } from './formats/index.ts';
import { SAVED_PAGE_SUFFIXES, walkPaths } from './walk-paths.ts';
import { WorkerPool } from './worker-pool.ts';
import { WriteBatch } from './write-batch.ts';

/** A file to import: on disk (path) or already in memory (an upload, a zip entry). */
export interface ImportSource {
  display: string;
  name: string;
  path?: string;
  bytes?: Uint8Array;
  mtimeMs?: number;
  /** Set for a file taken out of an archive (archives inside archives are not opened). */
  depth?: number;
  /** Set when the file could not even be taken out of its archive. */
  error?: string;
}

export interface ImportOptions {
  maxFileBytes?: number;
  pool?: WorkerPool;
  onProgress?(p: ImportProgress): void;
  /** Least milliseconds between progress events. None is lost: counts that arrive sooner go
   * out when the interval is up, and the last event is always sent. */
  progressIntervalMs?: number;
}

export class ImportJob {
  readonly id = crypto.randomUUID();
  private cancelledFlag = false;
  private outcomes: ImportOutcome[] = [];
  private total = 0;
  private done = 0;
  private scanning = true;
  private current: string | null = null;
  private started = Date.now();
  private pool: WorkerPool | null = null;
  private readonly throttle: ProgressThrottle;

  constructor(private readonly library: Library, private readonly options: ImportOptions = {}) {
    // Refused before it starts (and before any copy of an original is written), in one sentence.
    if (library.db.readonly) throw new ReadOnlyLibraryError();
    this.throttle = new ProgressThrottle({
      intervalMs: options.progressIntervalMs,
      started: this.started,
      count: () => ({ done: this.done, total: this.total }),
      send: (pace) => this.sendProgress(pace),
    });
  }

  cancel(): void {
    this.cancelledFlag = true;
    // Files handed to the workers but not started are dropped, so a cancel takes effect now
    // rather than after the workers' queues (see JOBS_PER_WORKER) run out.
    this.pool?.drop(this);
  }

  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  private progress(force = false): void {
    this.throttle.emit(force);
  }

  private sendProgress(pace: Pace): void {
    const count = (s: ImportOutcome['status']) => this.outcomes.filter((o) => o.status === s).length;
    this.options.onProgress?.({
      jobId: this.id,
      done: this.done,
      total: this.total,
      scanning: this.scanning,
      currentFile: this.current,
      added: count('added'),
      duplicates: count('duplicate'),
      failed: count('failed'),
      filesPerSecond: pace.perSecond,
      etaSeconds: this.scanning ? null : pace.etaSeconds,
    });
  }

  /** One source is finished: its outcomes (a Cuttings export holds many clips) are kept. */
  private record(...outcomes: ImportOutcome[]): void {
    this.keep(outcomes);
    this.progress();
  }

  private keep(outcomes: ImportOutcome[]): void {
    for (const o of outcomes) {
      o.file = displayName(o.file);
      this.outcomes.push(o);
    }
    this.done++;
  }

  /** Files and folders on disk. */
  async runPaths(paths: string[]): Promise<ImportSummary> {
    const sources: ImportSource[] = [];
    walkPaths(paths, {
      file: (f) => sources.push({ display: f.display, name: path.basename(f.path), path: f.path }),
      problem: (p) => {
        this.total++;
        this.record({ file: p.display, status: 'failed', reason: p.reason });
      },
      cancelled: () => this.cancelledFlag,
    });
    return this.runSources(sources);
  }

  async runSources(sources: ImportSource[]): Promise<ImportSummary> {
    this.total += sources.length;
    this.scanning = false;
    this.progress(true);
    // What a crashed import left, if one did; then this import is marked as running, under the
    // write lock, before it writes any copy (see import-markers.ts).
    removeCrashLeftovers(this.library.db, this.library.dir);
    const marker = writeTransaction(this.library.db, () => markImportRunning(this.library.dir));
    const ownPool = !this.options.pool;
    const pool = (this.pool = this.options.pool ?? new WorkerPool());
    const ctx: StoreContext = { db: this.library.db, libraryDir: this.library.dir, simhashes: loadSimhashIndex(this.library.db) };
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    let next = 0;
    const inFlight = new InFlight(pool);
    const batch = new WriteBatch<PendingStore>({ size: STORE_BATCH, chars: STORE_BATCH_CHARS, waitMs: STORE_WAIT_MS }, (items) => {
      for (const o of storeBatch(ctx, items)) this.keep([o]);
      marker.refresh();
      // One event for the batch, counting all of it.
      this.progress();
    });
    const launch = (src: ImportSource) =>
      inFlight.add((held) =>
        this.importOne(src, ctx, pool, maxBytes, held).then((o) => {
          if ('stopped' in o) return; // dropped by a cancel before it was started: no outcome
          if ('store' in o) batch.add(o.store, o.store.ex.bodyHtml.length + o.store.ex.bodyText.length);
          else if ('expand' in o) {
            // A .zip of clippings: its articles join the queue, each with an outcome of its own.
            sources.push(...o.expand);
            this.total += o.expand.length - 1;
            if (o.expand.length === 0) this.record({ file: src.display, status: 'failed', reason: 'the archive holds no files to import' });
            else this.progress();
          } else this.record(...o);
        }),
      );
    try {
      // One loop to the last file: files are launched while there are more (a .zip may add
      // some as it opens), and stored (and counted) as they finish, the last ones included.
      for (;;) {
        while (inFlight.hasRoom && next < sources.length && !this.cancelledFlag) {
          const src = sources[next++];
          this.current = displayName(src.display);
          launch(src);
        }
        if (!inFlight.size) break;
        await inFlight.any();
        batch.flushIfDue();
      }
      batch.flush();
    } finally {
      marker.remove();
      if (ownPool) await pool.close();
    }
    this.current = null;
    this.progress(true);
    const count = (s: ImportOutcome['status']) => this.outcomes.filter((o) => o.status === s).length;
    return {
      jobId: this.id,
      cancelled: this.cancelledFlag,
      added: count('added'),
      duplicates: count('duplicate'),
      failed: count('failed'),
      outcomes: this.outcomes,
      elapsedMs: Date.now() - this.started,
    };
  }

  private async importOne(src: ImportSource, ctx: StoreContext, pool: WorkerPool, maxBytes: number, held: { bytes: number }): Promise<ImportOutcome[] | { expand: ImportSource[] } | { store: PendingStore } | { stopped: true }> {
    let bytes: Uint8Array;
    let mtimeMs = src.mtimeMs;
    if (src.error) return [{ file: src.display, status: 'failed', reason: src.error }];
    if (src.bytes) {
      if (src.bytes.byteLength === 0) return [{ file: src.display, status: 'failed', reason: 'file is empty' }];
      if (src.bytes.byteLength > maxBytes) return [{ file: src.display, status: 'failed', reason: 'file too large' }];
      bytes = src.bytes;
    } else {
      const read = readSourceFile(src.path!, maxBytes);
      if (!read.ok) {
        const reason = src.name.includes('\uFFFD') && /ENOENT/.test(read.reason) ? 'the file name is not valid UTF-8 and cannot be opened' : read.reason;
        return [{ file: src.display, status: 'failed', reason }];
      }
      bytes = read.bytes;
      mtimeMs = read.mtimeMs;
    }
    held.bytes = bytes.byteLength;
    if (src.depth === undefined && isZipOfClippings(bytes)) {
      try {
        return {
          expand: listZipArticles(bytes).map((e) =>
            e.error
              ? { display: `${src.display} › ${e.path}`, name: e.name, bytes: new Uint8Array(0), depth: 1, error: e.error }
              : { display: `${src.display} › ${e.path}`, name: e.name, bytes: e.bytes, depth: 1, mtimeMs },
          ),
        };
      } catch (e) {
        return [{ file: src.display, status: 'failed', reason: e instanceof ImportError ? e.reason : 'the archive is damaged' }];
      }
    }
    const isHtmlFile = !!src.path && /\.html?$/i.test(src.name);
    const res = await pool.extract(bytes, src.name, mtimeMs, {
      attachments: isHtmlFile ? savedPageAssets(src.path!) : undefined,
      owner: this,
    });
    if (!res.ok && res.stopped) return { stopped: true };
    if (!res.ok) return [{ file: src.display, status: 'failed', reason: res.reason }];
    const ex = res.extraction;
    if (ex.format === 'cuttings-json') {
      // The bytes went to the worker; the export's text is its content (re-encoded as UTF-8).
      return importExportDocument(ctx, src.display, { name: src.name, bytes: new TextEncoder().encode(ex.bodyText) }, ex.bodyText);
    }
    const prepared = res.prepared;
    if (prepared.copyTo) {
      // Written before the clip is stored, so no clip ever points at a missing copy; the
      // writing happens off this thread (a create can wait on the disk's journal).
      try {
        prepared.copyCreated = (await writeOriginal(this.library.dir, bytes, prepared.copyTo)).created;
      } catch (e) {
        return [{ file: src.display, status: 'failed', reason: `could not keep a copy of the original in the library (${writeProblem(e)})` }];
      }
    }
    return { store: { display: src.display, name: src.name, ex, prepared } };
  }
}

/** Why a file could not be written into the library, in words. */
function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission to write in the library folder';
  if (code === 'EROFS') return "the library's disk is read-only";
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'something else is in the way in its originals folder';
  return code ?? (e as Error).message ?? 'unknown error';
}

/** The images of a "Webpage, complete" save, from the "Name_files" folder beside it. */
function savedPageAssets(htmlPath: string): Attachment[] {
  const dir = path.dirname(htmlPath);
  const stem = path.basename(htmlPath).replace(/\.html?$/i, '');
  const out: Attachment[] = [];
  let budget = 16 * 1024 * 1024;
  // Probe the few names browsers give that folder, rather than listing a folder of thousands.
  for (const suffix of SAVED_PAGE_SUFFIXES) {
    const folder = `${stem}${suffix}`;
    let names: string[];
    try {
      names = fs.readdirSync(path.join(dir, folder));
    } catch {
      continue;
    }
    for (const n of names) {
      const mime = IMAGE_TYPES[path.extname(n).slice(1).toLowerCase()];
      if (!mime) continue;
      const read = readSourceFile(path.join(dir, folder, n), 2 * 1024 * 1024);
      if (!read.ok || read.bytes.byteLength > budget) continue;
      budget -= read.bytes.byteLength;
      out.push({ ref: `${folder}/${n}`, mime, bytes: read.bytes });
    }
  }
  return out;
}

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

