// The HTML export: one self-contained, well-typeset document to read, print or send: a cover,
// a table of contents, then each clip with its record. It loads nothing (no remote image,
// font, style or script; a CSP in the file says so to the browser too), and every article
// body goes through the import's allowlist serializer again, whatever the library holds.
import type Database from 'better-sqlite3';
import { escapeText, toSafeHtml } from '../import/extract/safe-html.ts';
import { articleBody } from './article-dom.ts';
import { clipBatches, type ExportClip } from './clip-records.ts';
import { EXPORT_CSS } from './html-style.ts';
import { humanDate } from './human-dates.ts';
import { standfirstToShow } from './standfirst.ts';

export interface HtmlExportOptions {
  /** What the export holds, for its cover ("All clips", "Search: maduro"). */
  heading: string;
  now?: Date;
}

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

const esc = escapeText;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Plain text (a note, a body without HTML) as escaped paragraphs. */
function textParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A clip's stored HTML re-serialized for a document of ours: only inline (data:) images
 * survive; attachment references and remote images are dropped. (The press review too.) */
export function storedBodyHtml(c: Pick<ExportClip, 'bodyHtml' | 'url'>): string {
  return toSafeHtml(articleBody(c.bodyHtml), { baseUrl: c.url, attachmentRefs: new Set() });
}

function safeBody(c: ExportClip): string {
  return c.bodyHtml.trim() ? storedBodyHtml(c) : textParagraphs(c.bodyText);
}

/** The clip's link when it is a web address (a document of ours links nothing else). */
export function webLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function tocEntry(c: ExportClip): string {
  const meta = [c.source, humanDate(c.publishedAt)].filter(Boolean).join(' · ');
  return `<li><a href="#clip-${c.id}"><span class="toc-title">${esc(c.title)}</span>${meta ? `<span class="toc-meta">${esc(meta)}</span>` : ''}</a></li>`;
}

function article(c: ExportClip): string {
  const lang = c.language && LANGUAGE.test(c.language) ? ` lang="${esc(c.language)}"` : '';
  const byline = [c.author ? `By ${c.author}` : '', humanDate(c.publishedAt)].filter(Boolean).join(' · ');
  const link = webLink(c.url);
  const standfirst = standfirstToShow(c);
  const record: [string, string][] = [];
  if (link) record.push(['Link', `<a href="${esc(link)}" rel="noopener noreferrer nofollow">${esc(link)}</a>`]);
  if (c.site && c.site !== c.source) record.push(['Site', esc(c.site)]);
  if (c.savedAt) record.push(['Saved', esc(humanDate(c.savedAt))]);
  record.push(['Imported', esc(humanDate(c.importedAt))]);
  if (c.original.name) record.push(['Original file', esc(c.original.name)]);
  record.push(['Length', esc(plural(c.wordCount, 'word'))]);
  return [
    `<article id="clip-${c.id}"${lang}>`,
    '<header>',
    c.source ? `<p class="source">${esc(c.source)}</p>` : '',
    `<h2>${esc(c.title)}${c.starred ? ' <span class="star" title="Starred" aria-label="Starred">★</span>' : ''}</h2>`,
    byline ? `<p class="byline">${esc(byline)}</p>` : '',
    standfirst ? `<p class="standfirst">${esc(standfirst)}</p>` : '',
    '</header>',
    `<div class="body">\n${safeBody(c)}\n</div>`,
    c.captions.length ? `<section class="captions"><h3>Captions</h3><ul>${c.captions.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></section>` : '',
    c.note.trim() ? `<aside class="note"><h3>Note</h3>${textParagraphs(c.note)}</aside>` : '',
    '<footer class="record">',
    c.tags.length ? `<ul class="tags" aria-label="Tags">${c.tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '',
    `<dl>${record.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    '<a class="back" href="#contents">↑ Contents</a>',
    '</footer>',
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The document in pieces, in order. Two passes over the clips (the contents first, then the
 * articles) keep only one batch in memory at a time; anchors are clip ids, so the two passes
 * agree even if a clip is deleted in between.
 */
export async function* htmlChunks(db: Database.Database, ids: readonly number[], options: HtmlExportOptions): AsyncGenerator<string> {
  const now = options.now ?? new Date();
  const title = `${options.heading} — Cuttings`;
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Cuttings">',
    `<title>${esc(title)}</title>`,
    `<style>${EXPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    '<header class="cover">',
    '<p class="kicker">Cuttings</p>',
    `<h1>${esc(options.heading)}</h1>`,
    `<p class="cover-meta">${esc(plural(ids.length, 'clipping'))} · exported ${esc(humanDate(localDay(now)))}</p>`,
    '</header>',
    '<nav class="toc" id="contents" aria-label="Contents">',
    '<h2>Contents</h2>',
    '<ol>',
  ].join('\n');
  for await (const batch of clipBatches(db, ids)) yield batch.map(tocEntry).join('\n') + '\n';
  yield '</ol>\n</nav>\n<main>\n';
  for await (const batch of clipBatches(db, ids)) yield batch.map(article).join('\n') + '\n';
  yield '</main>\n</div>\n</body>\n</html>\n';
}
