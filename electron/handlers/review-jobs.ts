// The press review jobs of one library: started from the window (a file to download), from the
// desktop app's save dialog or from the CLI (a path given), one at a time — each launches a
// Chromium for its PDF, and two at once would only slow both on a small machine. Their progress
// and end go out as events, and a finished download stays on disk until a few newer ones have
// replaced it or the library is closed.
import fs from 'node:fs';
import path from 'node:path';
import type { ReviewRequest, ReviewSummary } from '../api.ts';
import { chromiumPrinter, type PdfPrinter } from '../export/review-chromium.ts';
import type { HighlightSource } from '../export/review-highlights.ts';
import { ReviewJob, reviewClipIds } from '../export/review-job.ts';
import { REVIEW_MIME_TYPES } from '../export/review-request.ts';
import type { Library } from '../library/open-library.ts';
import { NotFoundError } from '../library/clips.ts';
import { ApiCallError } from './dispatch.ts';
import type { EventBus } from './event-bus.ts';

/** Finished downloads kept for the window to fetch (the oldest is removed past this). */
const KEEP_DOWNLOADS = 4;

export interface ReviewJobsOptions {
  library: Library;
  events: EventBus;
  /** The desktop app prints with Electron; everything else with Chromium's headless print. */
  printPdf?: PdfPrinter;
  /** The clips' highlights for the 'highlights' content, when the library has them. */
  highlights?: HighlightSource | null;
  /** Browser mode: where a finished review is downloaded (api/review/<jobId>?token=…). */
  downloadUrl?(jobId: string): string;
}

interface Entry {
  job: ReviewJob;
  /** Written to a temporary folder for download (not a path a person chose). */
  download: boolean;
  done: Promise<ReviewSummary>;
  summary: ReviewSummary | null;
}

export class ReviewJobs {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ReviewJobsOptions) {}

  /** Starts a review; `output` null writes a file to download. Refused at once when no clip matches. */
  start(request: ReviewRequest, output: string | null): { jobId: string; clips: number } {
    if ([...this.entries.values()].some((e) => !e.summary)) {
      throw new ApiCallError('conflict', 'A press review is already being compiled: wait for it to finish or cancel it.');
    }
    if (request.content === 'highlights' && !this.options.highlights) {
      throw new ApiCallError('bad-request', 'This library cannot list highlights yet, so a review of highlights cannot be made: choose full text or standfirsts.');
    }
    const ids = reviewClipIds(this.options.library, request);
    const { events } = this.options;
    const job = new ReviewJob(this.options.library, ids, request, output, {
      printPdf: this.options.printPdf ?? chromiumPrinter(),
      highlights: this.options.highlights ?? null,
      onProgress: (p) => events.emit('review-progress', p),
    });
    const entry: Entry = { job, download: output === null, summary: null, done: Promise.resolve(null as unknown as ReviewSummary) };
    entry.done = job.run().then((s) => {
      const summary = s.status === 'done' && entry.download && this.options.downloadUrl ? { ...s, downloadUrl: this.options.downloadUrl(job.id) } : s;
      entry.summary = summary;
      events.emit('review-finished', summary);
      this.pruneDownloads();
      return summary;
    });
    this.entries.set(job.id, entry);
    return { jobId: job.id, clips: ids.length };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const entry = this.entries.get(jobId);
    if (!entry || entry.summary) return { cancelled: false };
    entry.job.cancel();
    return { cancelled: true };
  }

  result(jobId: string): ReviewSummary | null {
    const entry = this.entries.get(jobId);
    if (!entry) throw new NotFoundError(`There is no press review ${jobId.slice(0, 40)}.`);
    return entry.summary;
  }

  wait(jobId: string): Promise<ReviewSummary> {
    const entry = this.entries.get(jobId);
    if (!entry) return Promise.reject(new NotFoundError(`There is no press review ${jobId.slice(0, 40)}.`));
    return entry.done;
  }

  /** A finished review written for download: its file, name and type. */
  download(jobId: string): { file: string; fileName: string; mimeType: string } {
    const entry = this.entries.get(jobId);
    const file = entry?.download && entry.summary?.status === 'done' ? entry.job.file : null;
    if (!entry || !file || !fs.existsSync(file)) throw new NotFoundError('That press review is not ready, or no longer kept: compile it again.');
    return { file, fileName: entry.summary!.fileName, mimeType: REVIEW_MIME_TYPES[entry.summary!.format] };
  }

  private removeDownload(entry: Entry): void {
    const file = entry.download ? entry.job.file : null;
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  private pruneDownloads(): void {
    const finished = [...this.entries.values()].filter((e) => e.download && e.summary);
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_DOWNLOADS))) {
      this.removeDownload(e);
      this.entries.delete(e.job.id);
    }
  }

  /** Cancels what runs, waits for it, and removes the downloads' files. */
  async dispose(): Promise<void> {
    for (const e of this.entries.values()) if (!e.summary) e.job.cancel();
    await Promise.allSettled([...this.entries.values()].map((e) => e.done));
    for (const e of this.entries.values()) this.removeDownload(e);
    this.entries.clear();
  }
}
