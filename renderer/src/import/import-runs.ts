// The imports the window shows. A run is what a person sees as one import: one progress bar,
// one Cancel, one summary. It gathers the jobs the window started for one drop (browser mode
// uploads a large drop in batches) and jobs the library started for someone else — the
// application menu, "Open With", the app's command line, another window — which the window
// learns of from `import-started`: with no run on screen such a job opens one, during a run it
// joins it.
//
// The window's own start calls cause `import-started` too, and the event may come before or
// after the call answers with the job's id. While a start call is out, an unknown job is
// therefore held back until the call answers: only then is it known whether it was the
// window's own. A job is counted once (its id is remembered), whichever way it arrived.
import type { Api, ImportProgress, ImportSummary } from '../../../electron/api.ts';
import { runSpeed } from './run-speed.ts';

/** The contract's progress of the jobs added up, plus what only the window knows. */
export interface ImportView extends Omit<ImportProgress, 'jobId' | 'filesPerSecond'> {
  /** Still sending bytes to the library (browser mode). */
  uploading: boolean;
  cancelling: boolean;
}

export interface MergedSummary extends Omit<ImportSummary, 'jobId'> {
  /** Only the sample clippings: the window says so in a toast instead of a summary sheet. */
  samples: boolean;
}

export interface ImportRun {
  jobs: string[];
  /** Files the window knows are coming before the library has counted them (0: the library counts). */
  expectedFiles: number;
  sending: boolean;
  cancelled: boolean;
  started: number;
  samples: boolean;
  /** Files per second of the whole run, from its counts so far (see run-speed.ts). */
  speed: ReturnType<typeof runSpeed>;
}

interface Output {
  view(view: ImportView | null): void;
  summary(summary: MergedSummary | null): void;
}

export class ImportRuns {
  private run: ImportRun | null = null;
  private readonly progress = new Map<string, ImportProgress>();
  private readonly finished = new Map<string, ImportSummary>();
  /** Jobs already in a run: an `import-started` for one of them is an echo, not a new job. */
  private readonly known = new Set<string>();
  /** Start calls of this window that have not answered yet. */
  private starting = 0;
  /** Jobs announced while a start call was out: they may turn out to be that call's own. */
  private held: string[] = [];

  constructor(
    private readonly api: Api,
    private readonly out: Output,
  ) {}

  get busy(): boolean {
    return this.run !== null;
  }

  /** A run the window starts (a drop, Import…, the samples); null while another one is on screen. */
  open(expectedFiles: number, samples = false): ImportRun | null {
    if (this.run) return null;
    // A new import of the person's own replaces the last one's summary. (A job adopted from
    // elsewhere leaves an open summary alone: its bar runs in the sidebar meanwhile.)
    this.out.summary(null);
    const r = this.create(expectedFiles, samples, true);
    this.recompute();
    return r;
  }

  /**
   * One call of this window that starts a job. Its job joins `r`, or — when the window opened
   * no run beforehand (a native dialog: no bar under the open dialog) — the run on screen or a
   * new one.
   */
  async started(r: ImportRun | null, call: () => Promise<{ jobId: string } | null>): Promise<void> {
    this.starting++;
    let joined: Promise<void> | undefined;
    try {
      const res = await call();
      if (res) joined = this.join(r ?? this.run ?? this.create(0, false, false), res.jobId);
    } finally {
      this.starting--;
      this.release();
    }
    await joined;
    this.recompute();
  }

  /** The window has sent everything it meant to for `r`. */
  sent(r: ImportRun): void {
    r.sending = false;
    if (r.jobs.length === 0) this.close(r);
    else this.recompute();
  }

  /** A start call of `r` failed (the caller tells the person why). */
  failed(r: ImportRun): void {
    this.sent(r);
  }

  async cancel(): Promise<void> {
    const r = this.run;
    if (!r) return;
    r.cancelled = true;
    this.recompute();
    await Promise.all(r.jobs.map((jobId) => this.api.cancelImport({ jobId }).catch(() => undefined)));
    // Nothing reached the library yet: the run is over (a job that still arrives is cancelled by join).
    if (r.jobs.length === 0) this.close(r);
  }

  onStarted(jobId: string): void {
    if (this.known.has(jobId)) return;
    if (this.starting > 0) this.held.push(jobId);
    else this.adopt(jobId);
  }

  onProgress(p: ImportProgress): void {
    this.progress.set(p.jobId, p);
    if (this.run?.jobs.includes(p.jobId)) this.recompute();
  }

  onFinished(s: ImportSummary): void {
    this.finished.set(s.jobId, s);
    if (this.run?.jobs.includes(s.jobId)) this.recompute();
  }

  /** Events can be missed (an EventSource reconnecting): the run's open jobs are asked about directly. */
  poll(): void {
    const r = this.run;
    if (!r || r.sending) return;
    for (const jobId of r.jobs) {
      if (this.finished.has(jobId)) continue;
      this.api.importResult({ jobId }).then(
        (s) => {
          if (s && !this.finished.has(jobId)) {
            this.finished.set(jobId, s);
            this.recompute();
          }
        },
        () => undefined,
      );
    }
  }

  /**
   * A job someone else started: it joins the run on screen, or opens one of its own. A run being
   * cancelled takes no newcomer (Cancel was meant for the jobs the person saw): the job waits
   * for the next run.
   */
  private adopt(jobId: string): void {
    if (this.known.has(jobId)) return;
    if (this.run?.cancelled) {
      this.held.push(jobId);
      return;
    }
    const r = this.run ?? this.create(0, false, false);
    // The summary now covers more than the samples: it is shown in full.
    r.samples = false;
    void this.join(r, jobId).then(() => this.recompute());
    this.recompute();
  }

  /** Adopts the jobs held back, once no start call is out and no run is being cancelled. */
  private release(): void {
    if (this.starting > 0 || this.run?.cancelled || this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    for (const jobId of held) this.adopt(jobId);
  }

  private create(expectedFiles: number, samples: boolean, sending: boolean): ImportRun {
    this.run = { jobs: [], expectedFiles, sending, cancelled: false, started: performance.now(), samples, speed: runSpeed() };
    return this.run;
  }

  private close(r: ImportRun): void {
    if (this.run !== r) return;
    this.run = null;
    this.out.view(null);
    this.release();
  }

  private async join(r: ImportRun, jobId: string): Promise<void> {
    // Marked before the first await: an import-started that comes meanwhile is recognised.
    this.known.add(jobId);
    r.jobs.push(jobId);
    if (r.cancelled) await this.api.cancelImport({ jobId }).catch(() => undefined);
    // The job may have finished before the window learned its id (tiny imports are quick).
    if (!this.finished.has(jobId)) {
      const s = await this.api.importResult({ jobId }).catch(() => null);
      if (s && !this.finished.has(jobId)) this.finished.set(jobId, s);
    }
  }

  private recompute(): void {
    const r = this.run;
    if (!r) return;
    const ps = r.jobs.map((j) => this.progress.get(j)).filter((p): p is ImportProgress => !!p);
    const fs = r.jobs.map((j) => this.finished.get(j)).filter((s): s is ImportSummary => !!s);
    if (!r.sending && r.jobs.length > 0 && fs.length === r.jobs.length) {
      const merged: MergedSummary = {
        cancelled: r.cancelled || fs.some((s) => s.cancelled),
        added: fs.reduce((n, s) => n + s.added, 0),
        duplicates: fs.reduce((n, s) => n + s.duplicates, 0),
        failed: fs.reduce((n, s) => n + s.failed, 0),
        outcomes: fs.flatMap((s) => s.outcomes),
        elapsedMs: performance.now() - r.started,
        samples: r.samples,
      };
      this.run = null;
      this.out.view(null);
      this.out.summary(merged);
      this.release();
      return;
    }
    const sumOf = (k: 'done' | 'total' | 'added' | 'duplicates' | 'failed') =>
      r.jobs.reduce((n, j) => {
        const s = this.finished.get(j);
        if (s && k !== 'total' && k !== 'done') return n + s[k];
        if (s) return n + s.outcomes.length;
        return n + (this.progress.get(j)?.[k] ?? 0);
      }, 0);
    const done = sumOf('done');
    const total = Math.max(r.expectedFiles, sumOf('total'), done);
    const latest = ps[ps.length - 1];
    const speed = r.speed(performance.now(), done);
    const eta = speed && !ps.some((p) => p.scanning) ? Math.round((total - done) / speed) : null;
    this.out.view({
      done,
      total,
      scanning: ps.some((p) => p.scanning),
      currentFile: latest?.currentFile ?? null,
      added: sumOf('added'),
      duplicates: sumOf('duplicates'),
      failed: sumOf('failed'),
      etaSeconds: eta,
      uploading: r.sending,
      cancelling: r.cancelled,
    });
  }
}
