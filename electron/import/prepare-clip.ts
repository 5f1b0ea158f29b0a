// The CPU work of storing a clip that needs no database: images inlined, fingerprints, where
// the original's copy goes. It runs in the extraction worker, so the thread that owns the
// library only writes that copy (asynchronously) and checks for duplicates and inserts.
import path from 'node:path';
import { originalRelativePath } from '../library/originals.ts';
import type { FileExtraction } from './extract-file.ts';
import { contentHash, hashNormalised, normaliseForHash, simhashNormalised } from './fingerprints.ts';
import { inlineAttachments } from './inline-attachments.ts';
import { ImportError } from './types.ts';
import { clipWords } from '../search/vocabulary.ts';
import { countWords } from '../library/clips.ts';
import type { ClipMention } from '../library/entity-names.ts';
import { recogniseClip } from './recognise-clip.ts';

export interface PreparedClip {
  title: string;
  /** Same text = same clip: the hash of the normalised body (or of the title, for a clip with no body). */
  contentHash: string;
  simhash: string | null;
  /** Where the original's copy belongs in the library (originals/…), or null for none. The
   * import job writes it there before the clip is stored. */
  copyTo: string | null;
  /** The import job's write made the copy (it was not there before): a failed store removes it. */
  copyCreated: boolean;
  size: number;
  /** The clip's distinct words for the typo vocabulary, listed here rather than on the main thread. */
  words: string[];
  /** The body's word count (counted here too, off the main thread). */
  wordCount: number;
  /** The people, places and organisations it names (recognised here too); null when the
   * recogniser could not run (its model missing), so a clip's stored ones are left as they are. */
  entities: ClipMention[] | null;
}

/** A title for a file whose article has none: its name, without the extension. */
export function fallbackTitle(name: string): string {
  const base = path.basename(name).replace(/\.[a-z0-9]{1,10}$/i, '').replace(/[_]+/g, ' ').trim();
  return base || 'Untitled clipping';
}

/** Text a person could search and read: a letter or a digit, not only spaces and marks. */
const WORDS = /[\p{L}\p{N}]/u;

/**
 * A clip is kept for its text. A file whose article has none (an empty page, a bot wall, a
 * scanned PDF with no text layer, a zip entry of filler) would only add a clip named after
 * the file and a copy of bytes nobody can find again, so it fails, with a reason, before its
 * original is copied. Extraction itself (extractFromBytes) still answers for such a file:
 * the benchmarks score it, and `cuttings extract` and the import apply this rule to it.
 */
export function requireText(ex: Pick<FileExtraction, 'bodyText' | 'standfirst'>): void {
  if (!WORDS.test(ex.bodyText) && !WORDS.test(ex.standfirst ?? '')) {
    throw new ImportError('has no text to keep (an empty page, or an image-only PDF)');
  }
}

/** Mutates `ex`: attachments are inlined into bodyHtml and then dropped. Throws an
 * ImportError for an extraction with no text (see requireText). */
export function prepareClip(ex: FileExtraction, bytes: Uint8Array, name: string, options: { keepOriginal: boolean }): PreparedClip {
  requireText(ex);
  ex.bodyHtml = inlineAttachments(ex.bodyHtml, ex.attachments);
  ex.attachments = [];
  const title = ex.title?.trim() || fallbackTitle(name);
  // One normalisation serves both fingerprints (it is most of their cost).
  const body = normaliseForHash(ex.bodyText);
  return {
    title,
    contentHash: ex.bodyText.trim() ? hashNormalised(body) : contentHash(title),
    simhash: simhashNormalised(body),
    // Named by the sniffed format, not by `name`: a text file called news.bat is stored as .txt.
    copyTo: options.keepOriginal ? originalRelativePath(bytes, ex.format) : null,
    copyCreated: false,
    size: bytes.byteLength,
    words: clipWords([title, ex.author, ex.source, ex.bodyText]),
    wordCount: countWords(ex.bodyText),
    // An export restored names its clips' entities itself (export-document.ts).
    entities: ex.format === 'cuttings-json' ? [] : recogniseClip({ title, standfirst: ex.standfirst, bodyText: ex.bodyText }, ex.language),
  };
}
