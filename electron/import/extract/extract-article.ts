// Entry point of article extraction: a ReadResult in, the fields an archivist records out.
// HTML goes through html-article.ts (Readability on linkedom plus our cleaning and
// metadata), text through text-article.ts; the evidence a container gave about itself
// (read.hints) is weighed inside each. What is left here is what both share: the save date
// as a last resort from the file's own date, and safety caps.
import type { Extracted, ReadResult } from '../types.ts';
import { extractHtml } from './html-article.ts';
import { rulesWithout } from './rule-tokens.ts';
import { extractText } from './text-article.ts';

export interface SourceFile {
  name: string;
  mtimeMs?: number;
}

export interface ExtractOptions {
  /** Literal-token rules to switch off (keys as rule-tokens.ts's tokenKey makes them): the
   * extraction benchmark scores each part of the corpus without the rules only it supports. */
  disabledTokens?: ReadonlySet<string>;
}

function empty(): Extracted {
  return {
    title: null, author: null, source: null, site: null, url: null, publishedAt: null,
    modifiedAt: null, savedAt: null, language: null, standfirst: null, captions: [],
    bodyText: '', bodyHtml: '', warnings: [],
  };
}

function dayFromMtime(mtimeMs: number | undefined): string | null {
  if (mtimeMs === undefined || !Number.isFinite(mtimeMs) || mtimeMs <= 0) return null;
  const d = new Date(mtimeMs);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

export function extractArticle(read: ReadResult, file: SourceFile, options: ExtractOptions = {}): Extracted {
  let out: Extracted;
  if (read.kind === 'html') {
    out = extractHtml({
      html: read.html ?? '',
      hints: read.hints ?? {},
      attachmentRefs: new Set((read.attachments ?? []).map((a) => a.ref)),
      rules: rulesWithout(options.disabledTokens),
    });
  } else if (read.text != null) {
    out = extractText({ text: read.text, hints: read.hints ?? {}, format: read.format });
  } else {
    out = empty();
  }
  out.savedAt ??= dayFromMtime(file.mtimeMs);
  // Never store a publication date later than the save date: that is a misread.
  if (out.publishedAt && out.savedAt && out.publishedAt.slice(0, 10) > out.savedAt.slice(0, 10)) {
    out.warnings.push(`publication date ${out.publishedAt} is after the save date; dropped`);
    out.publishedAt = null;
  }
  if (!out.bodyText.trim()) out.warnings.push('no article text found');
  return out;
}
