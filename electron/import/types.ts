// Shapes that flow through the import pipeline: bytes → ReadResult (a format reader) →
// Extracted (the article extractor) → a clip row. Pure data, no behaviour.

/** Formats Cuttings recognises from a file's bytes. */
export type FormatName =
  | 'html'
  | 'mhtml'
  | 'txt'
  | 'md'
  | 'pdf'
  | 'eml'
  | 'docx'
  | 'odt'
  | 'epub'
  | 'webarchive'
  | 'cuttings-json';

/** Metadata a container states about itself (e-mail headers, front matter, document
 * properties, PDF info). Weaker evidence than what the article page itself says for
 * some fields (a PDF /Title carries the site suffix), stronger for others (e-mail Date). */
export interface MetadataHints {
  title?: string | null;
  author?: string | null;
  source?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  savedAt?: string | null;
  language?: string | null;
  description?: string | null;
  /** Free-form extra properties (docx custom properties, meta-like pairs). */
  extra?: Record<string, string>;
}

/** A binary resource that travels with an article (images of a saved page). */
export interface Attachment {
  /** Name or Content-Location the article's HTML uses to refer to it. */
  ref: string;
  mime: string;
  bytes: Uint8Array;
}

/** What a format reader makes of one file. */
export interface ReadResult {
  format: FormatName;
  /** 'html': pass `html` through the HTML extractor; 'text': `text` through the text extractor. */
  kind: 'html' | 'text';
  html?: string;
  text?: string;
  hints: MetadataHints;
  attachments: Attachment[];
  warnings: string[];
}

/** What the extractor records for one article: every field an archivist would. */
export interface Extracted {
  title: string | null;
  author: string | null;
  /** Publication / outlet name ("The Guardian", or "guardian.ng" when only the site is known). */
  source: string | null;
  /** Host name of the article's site ("guardian.ng"). */
  site: string | null;
  url: string | null;
  /** ISO 8601: "2019-09-20" when only the day is known, "2019-09-20T15:17" with a time. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /** The day (or moment) the page was saved, when the file shows it. */
  savedAt: string | null;
  /** ISO 639-1 code, e.g. "en". */
  language: string | null;
  standfirst: string | null;
  captions: string[];
  /** Clean article text, paragraphs separated by "\n\n". */
  bodyText: string;
  /** Sanitized article HTML built from an allowlist (safe to store and show). */
  bodyHtml: string;
  warnings: string[];
}

/** A failure a person can understand. `reason` never includes a stack trace. */
export class ImportError extends Error {
  constructor(public readonly reason: string) {
    super(reason);
    this.name = 'ImportError';
  }
}
