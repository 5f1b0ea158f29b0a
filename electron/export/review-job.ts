// Compiling a press review as a job: the clips read a batch at a time (progress after each
// batch, the event loop free between them), grouped and numbered, rendered as HTML, DOCX or —
// through one print of that same HTML — PDF, and written whole or not at all. It can be
// cancelled at any step; a cancelled or failed job leaves no file behind.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ReviewProgress, ReviewRequest, ReviewSummary } from '../api.ts';
import type { Library } from '../library/open-library.ts';
import { writeBytesAtomically } from './atomic-output.ts';
import { ExportError } from './export-error.ts';
import type { PdfPrinter } from './review-chromium.ts';
import { readReviewClips } from './review-clips.ts';
import { composeReview } from './review-document.ts';
import { reviewDocx } from './review-docx.ts';
import type { HighlightSource } from './review-highlights.ts';
import { reviewHtml } from './review-html.ts';
import { MAX_REVIEW_CLIPS, reviewFileName, reviewSettings, type ReviewSettings } from './review-request.ts';
import { selectClipIds } from './select-clips.ts';

export interface ReviewJobOptions {
  printPdf: PdfPrinter;
  /** The clips' highlights, for the 'highlights' content; null where the library has none to offer. */
  highlights: HighlightSource | null;
  onProgress(p: ReviewProgress): void;
  now?: Date;
}

class Cancelled extends Error {}

/** The clips a review holds, refused with the reason when there are none (or far too many). */
export function reviewClipIds(library: Library, request: Pick<ReviewRequest, 'ids' | 'query'>): number[] {
  const ids = selectClipIds(library, { format: 'html', ids: request.ids, query: request.query });
  if (!ids.length) {
    if (request.ids) throw new ExportError('None of the chosen clips is in the library any more: there is nothing to put in a press review.');
    if (request.query?.trim()) throw new ExportError(`No clips match “${request.query.trim().slice(0, 200)}”: there is nothing to put in a press review.`);
    throw new ExportError('The library has no clips yet: there is nothing to put in a press review.');
  }
  if (ids.length > MAX_REVIEW_CLIPS) {
    throw new ExportError(`That is ${ids.length.toLocaleString('en-GB')} clips: a press review holds at most ${MAX_REVIEW_CLIPS.toLocaleString('en-GB')}. Choose a shorter period, a tag or a search.`);
  }
  return ids;
}

/** A failure to write, in words: "permission denied" means little to most people. */
function writeError(e: unknown, output: string): Error {
  const code = (e as NodeJS.ErrnoException)?.code;
  const folder = path.dirname(output);
  if (code === 'EACCES' || code === 'EPERM') return new ExportError(`Cuttings may not write in ${folder}: choose another folder.`);
  if (code === 'EROFS') return new ExportError(`${folder} is on a read-only disk: choose another folder.`);
  if (code === 'ENOSPC') return new ExportError(`The disk holding ${folder} is full: the press review was not saved.`);
  if (code === 'ENOENT') return new ExportError(`The folder ${folder} does not exist.`);
  return e as Error;
}

export class ReviewJob {
  readonly id = `review-${crypto.randomBytes(6).toString('hex')}`;
  readonly settings: ReviewSettings;
  readonly fileName: string;
  private readonly aborter = new AbortController();
  private readonly now: Date;
  /** Written to a temporary folder for the window to download, rather than where a person chose. */
  private readonly download: boolean;

  constructor(
    private readonly library: Library,
    private readonly ids: readonly number[],
    request: ReviewRequest,
    /** Where the file goes; null: a file of its own in a temporary folder (a download), named `fileName`. */
    private output: string | null,
    private readonly options: ReviewJobOptions,
  ) {
    this.settings = reviewSettings(request);
    this.now = options.now ?? new Date();
    this.download = output === null;
    this.fileName = output ? path.basename(output) : reviewFileName(this.settings, this.now);
  }

  get total(): number {
    return this.ids.length;
  }

  cancel(): void {
    this.aborter.abort(new Cancelled('cancelled'));
  }

  private check(): void {
    if (this.aborter.signal.aborted) throw new Cancelled('cancelled');
  }

  private progress(stage: ReviewProgress['stage'], done: number, total: number): void {
    this.options.onProgress({ jobId: this.id, stage, done, total });
  }

  /** The file written (the download's path when no output was given). */
  get file(): string | null {
    return this.output;
  }

  async run(): Promise<ReviewSummary> {
    const started = Date.now();
    const summary = (status: ReviewSummary['status'], extra: Partial<ReviewSummary> = {}): ReviewSummary => ({
      jobId: this.id, status, format: this.settings.format, clips: this.ids.length, fileName: this.fileName, output: status === 'done' && !this.download ? this.output : null, elapsedMs: Date.now() - started, ...extra,
    });
    let scratch: string | null = null;
    try {
      this.progress('reading', 0, this.ids.length);
      const clips = await readReviewClips(this.library.db, this.ids, this.settings.content, this.options.highlights, (done) => {
        this.check();
        this.progress('reading', done, this.ids.length);
      });
      if (!clips.length) throw new ExportError('The chosen clips were deleted while the press review was being compiled.');
      const doc = composeReview(clips, this.settings, this.now);
      let bytes: Uint8Array;
      if (this.settings.format === 'docx') {
        bytes = await reviewDocx(doc, async (done) => {
          // A turn for the event loop every 25 clips: Word paragraphs for long articles take a while.
          if (done % 25 === 0) {
            this.check();
            await new Promise<void>((r) => setImmediate(r));
          }
        });
      } else {
        const html = reviewHtml(doc);
        if (this.settings.format === 'html') bytes = new TextEncoder().encode(html);
        else {
          scratch = await fsp.mkdtemp(path.join(os.tmpdir(), 'cuttings-review-print-'));
          const htmlFile = path.join(scratch, 'review.html');
          const pdfFile = path.join(scratch, 'review.pdf');
          await fsp.writeFile(htmlFile, html);
          this.check();
          this.progress('printing', 0, 1);
          await this.options.printPdf(htmlFile, pdfFile, this.aborter.signal);
          this.progress('printing', 1, 1);
          bytes = await fsp.readFile(pdfFile);
        }
      }
      this.check();
      this.progress('saving', 0, 1);
      if (!this.output) {
        const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cuttings-review-'));
        this.output = path.join(dir, this.fileName);
      }
      try {
        await writeBytesAtomically(this.output, bytes);
      } catch (e) {
        throw writeError(e, this.output);
      }
      this.progress('saving', 1, 1);
      return summary('done', { clips: clips.length, bytes: bytes.byteLength });
    } catch (e) {
      if (e instanceof Cancelled || this.aborter.signal.aborted) return summary('cancelled');
      const message = e instanceof ExportError ? e.message : `The press review could not be made: ${(e as Error)?.message ?? String(e)}`;
      return summary('failed', { error: message });
    } finally {
      if (scratch) await fsp.rm(scratch, { recursive: true, force: true });
    }
  }
}
