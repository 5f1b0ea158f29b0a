// Markdown clippings (Obsidian Web Clipper, MarkDownload…): YAML front matter → hints,
// the body rendered to HTML with marked for the HTML extractor. Raw HTML inside the
// Markdown is passed along as written; the extractor sanitizes everything it keeps.
//
// Front matter is read from the YAML syntax tree, key by key, with the core schema: dates
// stay the strings written ("published: 2019-11-20" is never turned into a Date and
// shifted by a time zone) and aliases are never expanded (the "billion laughs" for YAML).
// `created` is the day the page was CLIPPED → savedAt, not publishedAt.
import { Marked } from 'marked';
import { isAlias, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { ImportError, type MetadataHints, type ReadResult } from '../types.ts';
import { decodeText } from './charset.ts';
import { escapeHtml, htmlDocument } from './html-writer.ts';
import type { Limits } from './limits.ts';
import { pruneHints, safeUrl } from './result.ts';
import { capText, cleanText, hasVisibleText } from './text-clean.ts';

const MAX_FRONT_MATTER = 256 * 1024;
// marked recurses once per nesting level; deeper quotes add nothing a reader can see.
const MAX_QUOTE_DEPTH = 16;

const marked = new Marked({ gfm: true, async: false });

export function readMarkdown(bytes: Uint8Array, limits: Limits): ReadResult {
  const decoded = decodeText(bytes);
  const warnings = [...decoded.warnings];
  const source = capText(cleanText(decoded.text), limits.maxTextChars, warnings);
  const { frontMatter, body } = splitFrontMatter(source);
  const hints = frontMatter === null ? {} : readFrontMatter(frontMatter, warnings);
  if (!hasVisibleText(body) && !hints.title) throw new ImportError('no article text found');
  const html = htmlDocument({
    title: hints.title,
    metas: [['author', hints.author ?? ''], ['description', hints.description ?? '']],
    body: renderMarkdown(body, warnings),
  });
  return { format: 'md', kind: 'html', html, hints: pruneHints(hints), attachments: [], warnings };
}

/** Front matter: a first line "---", closed by a "---" or "..." line. Unclosed → none. */
export function splitFrontMatter(s: string): { frontMatter: string | null; body: string } {
  if (!/^---[ \t]*\n/.test(s)) return { frontMatter: null, body: s };
  const first = s.indexOf('\n') + 1;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = s.slice(first, first + MAX_FRONT_MATTER);
  const m = close.exec(rest);
  if (!m) return { frontMatter: null, body: s };
  const end = first + m.index;
  const afterLine = s.indexOf('\n', end);
  return { frontMatter: s.slice(first, end), body: afterLine < 0 ? '' : s.slice(afterLine + 1) };
}

export function readFrontMatter(yaml: string, warnings: string[]): MetadataHints {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yaml, { schema: 'core', uniqueKeys: false, prettyErrors: false });
  } catch {
    warnings.push('the front matter could not be read');
    return {};
  }
  if (doc.errors.length) warnings.push('the front matter has YAML errors: only readable fields were used');
  const str = (key: string): string | null => {
    let node: unknown;
    try {
      node = doc.get(key, true);
    } catch {
      return null;
    }
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return String(node.value).slice(0, 2000);
    return null;
  };
  const list = (key: string): string[] => {
    let node: unknown;
    try {
      node = doc.get(key, true);
    } catch {
      return [];
    }
    if (isScalar(node) && node.value !== null) return [String(node.value)];
    if (!isSeq(node)) return [];
    return node.items.slice(0, 50).filter((i) => !isAlias(i) && isScalar(i) && i.value !== null).map((i) => String((i as { value: unknown }).value));
  };
  const authors = (list('author').length ? list('author') : list('authors')).map(wikiLinkText).filter(Boolean);
  const extra: Record<string, string> = {};
  const tags = list('tags');
  if (tags.length) extra.tags = tags.join(', ').slice(0, 2000);
  for (const key of ['subtitle', 'site', 'publisher', 'modified', 'updated', 'lang']) {
    const v = str(key);
    if (v) extra[key] = v;
  }
  return {
    title: str('title'),
    url: safeUrl(str('source') ?? str('url') ?? str('link')),
    author: authors.length ? authors.join(', ').slice(0, 1000) : null,
    publishedAt: str('published') ?? str('date') ?? str('pubDate'),
    savedAt: str('created') ?? str('clipped') ?? str('saved'),
    description: str('description') ?? str('excerpt'),
    language: str('language') ?? str('lang'),
    extra,
  };
}

/** "[[Name]]" / "[[Page|Shown]]" → the shown name. */
function wikiLinkText(s: string): string {
  const m = /^\s*\[\[([^\]]{0,500})\]\]\s*$/.exec(s);
  const inner = m ? m[1] : s;
  const bar = inner.lastIndexOf('|');
  return (bar >= 0 ? inner.slice(bar + 1) : inner).trim();
}

export function renderMarkdown(body: string, warnings: string[]): string {
  const tamed = capQuoteDepth(body);
  try {
    return marked.parse(tamed, { async: false }) as string;
  } catch {
    // Something pathological still made marked give up: keep the text as paragraphs.
    warnings.push('the Markdown could not be rendered: kept as plain text');
    return body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  }
}

/** Lines opening with more than MAX_QUOTE_DEPTH ">" markers keep only that many. */
function capQuoteDepth(s: string): string {
  if (!s.includes('>'.repeat(MAX_QUOTE_DEPTH))) return s;
  return s
    .split('\n')
    .map((line) => {
      let i = 0;
      let depth = 0;
      while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) {
        if (line[i] === '>') depth++;
        i++;
      }
      return depth > MAX_QUOTE_DEPTH ? '>'.repeat(MAX_QUOTE_DEPTH) + ' ' + line.slice(i) : line;
    })
    .join('\n');
}
