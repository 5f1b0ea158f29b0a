// A small pool of extraction worker threads (one per core). A worker that crashes or takes
// too long on one file is replaced; that file fails with a reason and the batch goes on.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileExtraction } from './extract-file.ts';
import type { PreparedClip } from './prepare-clip.ts';
import type { Attachment } from './types.ts';
import type { WorkerRequest, WorkerResponse } from './worker-messages.ts';
import { unpackedUrl } from './asar-unpacked.ts';
import { sourceWorkerUrl } from './worker-bundle.ts';
import { tuneJitForImport } from './jit-tuning.ts';
import { workerEnv } from './entity-model-env.ts';

export type ExtractOutcome =
  | { ok: true; extraction: FileExtraction; prepared: PreparedClip }
  | { ok: false; reason: string; /** Dropped before it was started (its import was cancelled). */ stopped?: true };

interface Pending {
  req: WorkerRequest;
  /** Whose file this is (an import job): cancelling drops that owner's files not yet started. */
  owner?: object;
  resolve(o: ExtractOutcome): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Posted to the worker, in the order it will read them; the first is being read. */
  jobs: Pending[];
  /** The worker has loaded its code: until then no file's time limit runs. */
  ready: boolean;
}

/** Jobs posted to a worker ahead of time: the next file is already in its message queue when
 * it finishes one, so it never waits for the main thread to hand it more. The main thread
 * stores a batch of 128 clips in one go (about half a second); two dozen pages of work keep a
 * worker busy through that, where two left it idle a sixth of the time. */
export const JOBS_PER_WORKER = 24;

declare const __CUTTINGS_BUNDLED__: boolean | undefined;

function workerUrl(): URL {
  // In the Electron bundle the worker is plain JavaScript beside main (unpacked from the app's
  // archive in a package). From source it is bundled on first use (worker-bundle.ts), or
  // failing that loaded as TypeScript through tsx.
  if (typeof __CUTTINGS_BUNDLED__ !== 'undefined' && __CUTTINGS_BUNDLED__) return unpackedUrl(new URL('./extract-worker.mjs', import.meta.url));
  return sourceWorkerUrl() ?? new URL('./extract-worker-boot.mjs', import.meta.url);
}

export interface PoolOptions {
  size?: number;
  /** A file that takes longer than this is abandoned (its worker is replaced). */
  timeoutMs?: number;
  /** Heap limit per worker: a hostile file exhausts its worker, not the app. */
  maxOldGenerationSizeMb?: number;
}

/** Size of the ring of skip marks shared with the workers (far more than the jobs in flight). */
const SKIP_RING = 4096;

export class WorkerPool {
  private slots: Slot[] = [];
  /** skip[id % SKIP_RING] === id: the worker answers "stopped" for that job without reading it.
   * Shared memory, because the worker reads its queued messages in order and would see a
   * cancel message only after all of them. */
  private readonly skip = new Int32Array(new SharedArrayBuffer(SKIP_RING * 4));
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly heapMb: number;

  constructor(options: PoolOptions = {}) {
    tuneJitForImport();
    this.size = Math.max(1, options.size ?? Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.heapMb = options.maxOldGenerationSizeMb ?? 1024;
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl(), { workerData: { skip: this.skip }, env: workerEnv(), resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 48 } });
    const slot: Slot = { worker, jobs: [], ready: false };
    worker.on('message', (res: WorkerResponse | { ready: true }) => {
      if ('ready' in res) {
        slot.ready = true;
        if (slot.jobs.length) this.arm(slot);
        return;
      }
      const job = slot.jobs[0];
      if (!job || job.req.id !== res.id) return;
      const { id: _id, ...outcome } = res;
      this.finish(slot, outcome);
    });
    worker.on('error', (e) => this.abandon(slot, /memory/i.test(String(e)) ? 'the file needs too much memory to read' : `the reader failed (${String((e as Error).message ?? e).slice(0, 160)})`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.jobs.length) this.abandon(slot, `the reader stopped unexpectedly (exit ${code})`);
    });
    worker.unref();
    return slot;
  }

  /**
   * The worker is stopped (or died): the file it was reading fails with `why`; the files queued
   * behind it were not started and go back to the front of the queue for another worker.
   */
  private abandon(slot: Slot, why: string): void {
    const [job, ...waiting] = slot.jobs;
    this.replace(slot);
    this.queue.unshift(...waiting);
    if (job) {
      clearTimeout(job.timer);
      job.resolve({ ok: false, reason: why });
    }
    this.pump();
  }

  private replace(slot: Slot): void {
    slot.jobs = [];
    const i = this.slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0) this.slots.splice(i, 1);
  }

  private finish(slot: Slot, outcome: ExtractOutcome): void {
    const job = slot.jobs.shift()!;
    clearTimeout(job.timer);
    job.resolve(outcome);
    if (slot.jobs.length) this.arm(slot);
    this.pump();
  }

  /** The time limit runs for the file the worker is reading now, the first of its jobs (not for
   * the worker's start, which can take a second on a busy machine). */
  private arm(slot: Slot): void {
    if (!slot.ready) return;
    const job = slot.jobs[0];
    job.timer = setTimeout(() => {
      if (slot.jobs[0] === job) this.abandon(slot, `reading took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`);
    }, this.timeoutMs);
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      // The least loaded worker first, starting one when every worker has a job.
      let slot = this.slots.reduce<Slot | undefined>((best, s) => (s.jobs.length < JOBS_PER_WORKER && (!best || s.jobs.length < best.jobs.length) ? s : best), undefined);
      if ((!slot || slot.jobs.length > 0) && this.slots.length < this.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      if (slot.jobs.length === 1) this.arm(slot);
      slot.worker.ref();
      // Copied, not transferred: when a worker is stopped or dies, the jobs queued behind its
      // current file are posted again to its replacement, and need their bytes for that.
      slot.worker.postMessage(job.req);
    }
    for (const s of this.slots) if (!s.jobs.length) s.worker.unref();
  }

  extract(bytes: Uint8Array, name: string, mtimeMs?: number, extra: { attachments?: Attachment[]; owner?: object } = {}): Promise<ExtractOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'the import was stopped' });
    // Posting a view would copy the whole buffer under it (fs.readFileSync pools small files).
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, name, bytes: own, mtimeMs, extraAttachments: extra.attachments }, owner: extra.owner, resolve });
      this.pump();
    });
  }

  /**
   * Drops `owner`'s files that no worker has started: they resolve as stopped. The file a
   * worker is reading now finishes (and is kept, as everything finished before a cancel is).
   */
  drop(owner: object): void {
    const stopped: ExtractOutcome = { ok: false, reason: 'the import was stopped', stopped: true };
    for (const job of this.queue.filter((j) => j.owner === owner)) job.resolve(stopped);
    this.queue = this.queue.filter((j) => j.owner !== owner);
    // Posted but not started: the worker skips them when it reaches them, answering at once.
    for (const slot of this.slots) for (const job of slot.jobs.slice(1)) if (job.owner === owner) Atomics.store(this.skip, job.req.id % SKIP_RING, job.req.id);
  }

  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.jobs.length, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue) job.resolve({ ok: false, reason: 'the import was stopped' });
    this.queue = [];
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
