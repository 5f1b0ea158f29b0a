// One file's bytes → what would be recorded for it. The same path serves `cuttings extract`,
// the import workers and the extraction benchmark, so what is measured is what ships.
import { readBytes } from './formats/index.ts';
import { extractArticle } from './extract/extract-article.ts';

import type { Attachment, Extracted, FormatName } from './types.ts';

export interface FileExtraction extends Extracted {
  format: FormatName;
  attachments: { ref: string; mime: string; bytes: Uint8Array }[];
}

/** `extraAttachments`: images found beside the file (a "Webpage, complete" save's folder). */
export function extractFromBytes(bytes: Uint8Array, name: string, mtimeMs?: number, extraAttachments: Attachment[] = []): FileExtraction {
  const read = readBytes(bytes, name);
  read.attachments.push(...extraAttachments);
  if (read.format === 'cuttings-json') {
    // Our own export is restored as it is by the import pipeline, not "extracted".
    return { ...emptyExtraction(), bodyText: read.text ?? '', format: read.format, attachments: [] };
  }
  const extracted = extractArticle(read, { name, mtimeMs });
  extracted.warnings = [...read.warnings, ...extracted.warnings];
  return { ...extracted, format: read.format, attachments: read.attachments };
}

function emptyExtraction(): Extracted {
  return {
    title: null, author: null, source: null, site: null, url: null, publishedAt: null, modifiedAt: null,
    savedAt: null, language: null, standfirst: null, captions: [], bodyText: '', bodyHtml: '', warnings: [],
  };
}
