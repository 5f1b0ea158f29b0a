// Bounds every reader respects. A saved article is small; anything that needs more than
// these is either a bomb or not an article, so readers stop and say so instead of trying.

export interface ReadOptions {
  /** Largest file handed to a reader at all (bytes). */
  maxInputBytes?: number;
  /** Largest single inflated zip entry or gunzipped body (bytes). */
  maxEntryBytes?: number;
  /**
   * Largest sum of inflated bytes taken out of one archive (bytes), counting entries that then
   * failed. A .zip of clippings is refused whole past it (see listZipEntries). 256 MiB: the
   * import holds an archive's entries in memory together, so this bounds that memory; it is
   * above the 200 MB one file may be, so a zip of PDFs or Word files (which barely compress)
   * that the file limit lets in fits, as does a zip of web pages up to about 50 MB; a real
   * archive larger than that can be unzipped and imported as a folder, which has no such limit.
   */
  maxTotalInflatedBytes?: number;
  /** Most entries a zip's central directory may list before we call it hostile. */
  maxZipEntries?: number;
  /** Longest text or HTML a reader returns (characters); more is cut with a warning. */
  maxTextChars?: number;
  /** Most PDF pages read (a lying /Count never makes us loop further). */
  maxPdfPages?: number;
  /** Wall-clock budget for reading one PDF (ms); the reader thread is stopped after it. */
  pdfTimeoutMs?: number;
  /** Budget for the text of one PDF page (ms): a content-stream bomb is stopped here. */
  pdfPageTimeoutMs?: number;
  /** Heap given to the PDF reader thread (MiB); it dies, not the app, when exceeded. */
  pdfMemoryMb?: number;
  /** Most attachments (images of a saved page) kept, and their total size (bytes). */
  maxAttachments?: number;
  maxAttachmentBytes?: number;
  /** Deepest MIME nesting followed (multipart in multipart, forwarded messages). */
  maxMimeDepth?: number;
  /** Most articles taken out of one .zip of clippings. */
  maxZipArticles?: number;
}

export type Limits = Required<ReadOptions>;

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 256 * MiB,
  maxEntryBytes: 64 * MiB,
  maxTotalInflatedBytes: 256 * MiB,
  maxZipEntries: 20_000,
  maxTextChars: 16 * MiB,
  maxPdfPages: 2_000,
  pdfTimeoutMs: 60_000,
  pdfPageTimeoutMs: 4_000,
  pdfMemoryMb: 768,
  maxAttachments: 500,
  maxAttachmentBytes: 64 * MiB,
  maxMimeDepth: 40,
  maxZipArticles: 5_000,
};

export function resolveLimits(options?: ReadOptions): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  if (options) {
    for (const key of Object.keys(out) as (keyof Limits)[]) {
      const v = options[key];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
    }
  }
  return out;
}
