// The Markdown export: a folder of notes, one `.md` per clip, for Obsidian-style vaults and
// any other Markdown tool. Each note is YAML front matter (the clip's record), then the
// headline, the standfirst, the body, the captions, the note and the highlights. Images that came inside the
// saved file are written once each to attachments/, named by their content; remote images
// were never kept, so no note loads anything from the network.
import crypto from 'node:crypto';
import { Document, isPair, isScalar, visit } from 'yaml';
import type Database from 'better-sqlite3';
import type { Highlight } from '../api.ts';
import { highlightsOfClips } from '../library/highlights.ts';
import { clipBatches, type ExportClip } from './clip-records.ts';
import { highlightsSection } from './highlights-markdown.ts';
import { safeFileStem, UniqueNames } from './file-names.ts';
import { bodyToMarkdown, escapeMarkdown, textToMarkdown } from './markdown-body.ts';
import { standfirstToShow } from './standfirst.ts';

export interface ExportEntry {
  /** Relative path inside the export folder, with "/" separators. */
  path: string;
  bytes: Uint8Array;
}

export const ATTACHMENTS_DIR = 'attachments';

const IMAGE_EXTENSIONS: Record<string, string> = { png: 'png', jpeg: 'jpg', jpg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif' };
/** ISO dates and date-times, left unquoted so note apps show them as dates (a bare year is quoted: plain, it would be a number). */
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;
const DATE_FIELDS = new Set(['published', 'saved', 'imported']);

/** The clip's record as YAML: every string double-quoted (a title "yes", "null" or "2019" stays text for every YAML reader), dates plain. */
export function frontMatter(c: ExportClip): string {
  const record: Record<string, unknown> = { title: c.title };
  const put = (key: string, value: string | null) => {
    if (value !== null && value !== '') record[key] = value;
  };
  put('source', c.source);
  put('author', c.author);
  put('published', c.publishedAt);
  put('url', c.url);
  record.tags = c.tags;
  put('saved', c.savedAt);
  record.imported = c.importedAt;
  record.starred = c.starred;
  record.uid = c.uid;
  put('original', c.original.name);
  const doc = new Document(record);
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const parent = path[path.length - 1];
      const field = isPair(parent) && isScalar(parent.key) ? parent.key.value : null;
      node.type = typeof field === 'string' && DATE_FIELDS.has(field) && ISO_DATE.test(node.value) ? 'PLAIN' : 'QUOTE_DOUBLE';
    },
  });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

/** A note's text: front matter, then the article as Markdown. */
export function noteMarkdown(c: ExportClip, image: (dataUrl: string) => string | null, highlights?: readonly Highlight[]): string {
  const parts = [`# ${escapeMarkdown(c.title.replace(/\s+/g, ' ').trim())}`];
  const standfirst = textToMarkdown(standfirstToShow(c) ?? '').replace(/\\\n/g, ' ');
  if (standfirst) parts.push(`*${standfirst}*`);
  const body = bodyToMarkdown(c.bodyHtml, c.bodyText, { baseUrl: c.url, image });
  if (body) parts.push(body);
  const captions = c.captions.map((t) => textToMarkdown(t).replace(/\\\n/g, ' ')).filter(Boolean);
  if (captions.length) parts.push('## Captions', captions.map((t) => `- ${t}`).join('\n'));
  const note = textToMarkdown(c.note);
  if (note) parts.push('## Note', note);
  const marked = highlightsSection(highlights);
  if (marked) parts.push(marked);
  return `${frontMatter(c)}\n${parts.join('\n\n')}\n`;
}

/** Decodes an inline image; null for anything that is not a base64 raster image. */
function decodeImage(dataUrl: string): { bytes: Buffer; extension: string } | null {
  const m = /^data:image\/([a-z0-9.+-]+);base64,([a-z0-9+/=\s]+)$/i.exec(dataUrl);
  const extension = m && IMAGE_EXTENSIONS[m[1].toLowerCase()];
  if (!m || !extension) return null;
  const bytes = Buffer.from(m[2], 'base64');
  return bytes.length ? { bytes, extension } : null;
}

/** The notes of `ids`, one entry at a time, then their images. */
export async function* markdownEntries(db: Database.Database, ids: readonly number[]): AsyncGenerator<ExportEntry> {
  const names = new UniqueNames();
  const saved = new Set<string>();
  const encoder = new TextEncoder();
  for await (const batch of clipBatches(db, ids)) {
    const images: ExportEntry[] = [];
    const marked = highlightsOfClips(db, batch.map((c) => c.id));
    for (const c of batch) {
      const image = (dataUrl: string) => {
        const decoded = decodeImage(dataUrl);
        if (!decoded) return null;
        const hash = crypto.createHash('sha256').update(decoded.bytes).digest('hex').slice(0, 32);
        const rel = `${ATTACHMENTS_DIR}/${hash}.${decoded.extension}`;
        if (!saved.has(rel)) {
          saved.add(rel);
          images.push({ path: rel, bytes: decoded.bytes });
        }
        return rel;
      };
      yield { path: names.name(safeFileStem(c.title), '.md'), bytes: encoder.encode(noteMarkdown(c, image, marked.get(c.id))) };
    }
    yield* images;
  }
}
