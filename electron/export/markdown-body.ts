/// <reference lib="dom" />
// An article body as Markdown (CommonMark, with GFM tables and strikethrough). The stored body
// is HTML from the import's allowlist (p, h2–h6, lists, quotes, pre, emphasis, links, images,
// figures, tables); anything else is read for its text. Text is escaped so that nothing in
// an article becomes Markdown or HTML of its own: no raw HTML reaches a note app, a "#word"
// does not turn into an Obsidian tag, a "[[word]]" into a link, a line "1999. A year" into a list.
import { safeHref, DROP_WITH_CONTENT } from '../import/extract/safe-html.ts';
import { articleBody } from './article-dom.ts';

/** Where an inline image (a data: URL) was saved; null to leave the image out. */
export type ImageSink = (dataUrl: string) => string | null;

interface Context {
  baseUrl: string | null;
  image: ImageSink;
  depth: number;
}

/** Past this nesting the rest of an element is written as plain text (hostile or broken markup). */
const MAX_DEPTH = 40;

const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main',
  'nav', 'dl', 'dt', 'dd', 'address', 'details', 'summary', 'caption',
]);

/** Backslash-escapes what Markdown (and Obsidian's additions) would read as syntax. */
export function escapeMarkdown(text: string): string {
  // "&copy;" written as text: "&amp;" reads back as "&" in every renderer (some ignore "\&").
  // "==" is Obsidian's highlight. ("$" is left alone: prices outnumber the rare "$…$" it would read as maths.)
  return text
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/==/g, '\\=\\=')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;');
}

/** What only matters at the start of a line: list markers, setext underlines. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Plain text (a note, a text-only body) as Markdown paragraphs; single newlines stay line breaks. */
export function textToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => escapeLineStart(escapeMarkdown(line.replace(/\s+/g, ' ').trim())))
        .filter(Boolean)
        .join('\\\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

const tagOf = (n: Node) => (n.nodeType === 1 ? (n as Element).localName.toLowerCase() : '');

/** Moves edge whitespace outside a marker pair: "* word *" is not emphasis, " *word* " is. */
function wrap(marker: string, inner: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : inner;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\s+/g, ' ')}${pad}${fence}`;
}

function inline(node: Node, ctx: Context): string {
  if (node.nodeType === 3) return escapeMarkdown((node.nodeValue ?? '').replace(/\s+/g, ' '));
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = tagOf(el);
  if (DROP_WITH_CONTENT.has(tag)) return '';
  if (ctx.depth > MAX_DEPTH) return escapeMarkdown((el.textContent ?? '').replace(/\s+/g, ' '));
  const inner = () => inlineChildren(el, { ...ctx, depth: ctx.depth + 1 });
  switch (tag) {
    case 'br':
      return '\\\n';
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
    case 'var':
      return wrap('*', inner());
    case 'strong':
    case 'b':
      return wrap('**', inner());
    case 's':
    case 'del':
    case 'strike':
      return wrap('~~', inner());
    case 'code':
    case 'kbd':
    case 'samp':
      return codeSpan(el.textContent ?? '');
    case 'img': {
      const src = el.getAttribute('src') ?? '';
      // Only images that came inside the saved file; a remote one would be fetched by the note app.
      const saved = /^data:image\//i.test(src) ? ctx.image(src) : null;
      return saved ? `![${escapeMarkdown((el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim())}](${saved})` : '';
    }
    case 'a': {
      const text = inner();
      const href = safeHref(el.getAttribute('href'), ctx.baseUrl);
      if (!href) return text;
      // <…> holds any URL the URL parser wrote (it percent-encodes spaces, < and >).
      return `[${text.trim() || escapeMarkdown(href)}](<${href}>)`;
    }
    default:
      return inner();
  }
}

function inlineChildren(el: Node, ctx: Context): string {
  let out = '';
  for (let k = el.firstChild; k; k = k.nextSibling) out += inline(k, ctx);
  return out;
}

/** Inline Markdown as the lines of one paragraph (hard breaks kept, spaces tidied). */
function paragraph(text: string): string {
  return text
    .split('\\\n')
    .map((line) => escapeLineStart(line.replace(/ {2,}/g, ' ').trim()))
    .filter(Boolean)
    .join('\\\n');
}

const oneLine = (text: string) => paragraph(text).replace(/\\\n/g, ' ');

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? rest + line : line))
    .join('\n');
}

/** A list item's blocks: a nested list follows its line directly, so the list stays tight. */
function joinItemBlocks(parts: string[]): string {
  // Text never starts a line with a list marker (escapeLineStart), so this is always a list.
  return parts.reduce((out, part, i) => (i === 0 ? part : `${out}${/^(?:- |\d+\. )/.test(part) ? '\n' : '\n\n'}${part}`), '');
}

function list(el: Element, ctx: Context): string {
  const ordered = tagOf(el) === 'ol';
  const items: string[] = [];
  let n = Number(el.getAttribute('start')) || 1;
  for (let k = el.firstChild; k; k = k.nextSibling) {
    const isItem = tagOf(k) === 'li';
    const body = isItem ? joinItemBlocks(blocks(k, ctx)) : paragraph(inline(k, ctx));
    if (!body) continue;
    const marker = ordered ? `${n++}. ` : '- ';
    items.push(indent(body, marker, ' '.repeat(marker.length)));
  }
  return items.join('\n');
}

function table(el: Element, ctx: Context): string {
  const rows: string[][] = [];
  for (const tr of Array.from(el.querySelectorAll('tr'))) {
    if (tr.closest('table') !== el) continue; // a row of a table nested in a cell
    const cells = Array.from(tr.children).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
    rows.push(cells.map((c) => oneLine(inlineChildren(c, ctx)) || ' '));
  }
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? ' ').join(' | ')} |`;
  const caption = Array.from(el.children).find((c) => tagOf(c) === 'caption');
  const head = [line(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
  return caption ? `${paragraph(wrap('*', inlineChildren(caption, ctx)))}\n\n${head}` : head;
}

function block(el: Element, ctx: Context): string[] {
  const tag = tagOf(el);
  const deeper = { ...ctx, depth: ctx.depth + 1 };
  if (ctx.depth > MAX_DEPTH) return [textToMarkdown(el.textContent ?? '')].filter(Boolean);
  switch (tag) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const text = oneLine(inlineChildren(el, deeper));
      // The note's own title is its "# " heading: the article's headings sit below it.
      return text ? [`${'#'.repeat(Math.min(6, Math.max(2, Number(tag[1]))))} ${text}`] : [];
    }
    case 'ul':
    case 'ol': {
      const l = list(el, deeper);
      return l ? [l] : [];
    }
    case 'blockquote': {
      const inner = blocks(el, deeper).join('\n\n');
      return inner ? [inner.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n')] : [];
    }
    case 'pre': {
      const code = (el.textContent ?? '').replace(/\n$/, '');
      const longest = Math.max(2, ...(code.match(/`{3,}/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return code.trim() ? [`${fence}\n${code}\n${fence}`] : [];
    }
    case 'hr':
      return ['---'];
    case 'table': {
      const t = table(el, deeper);
      return t ? [t] : [];
    }
    case 'figcaption':
    case 'caption': {
      const text = paragraph(wrap('*', inlineChildren(el, deeper)));
      return text ? [text] : [];
    }
    case 'p': {
      const text = paragraph(inlineChildren(el, deeper));
      return text ? [text] : [];
    }
    default:
      return blocks(el, deeper);
  }
}

/** The children of `parent` as Markdown blocks: runs of inline content become paragraphs. */
function blocks(parent: Node, ctx: Context): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    const p = paragraph(run);
    if (p) out.push(p);
    run = '';
  };
  for (let k = parent.firstChild; k; k = k.nextSibling) {
    const tag = tagOf(k);
    if (DROP_WITH_CONTENT.has(tag)) continue;
    if (BLOCK.has(tag)) {
      flush();
      out.push(...block(k as Element, ctx));
    } else run += inline(k, ctx);
  }
  flush();
  return out;
}

/** A stored body as Markdown; the plain text when there is no HTML. */
export function bodyToMarkdown(bodyHtml: string, bodyText: string, options: { baseUrl: string | null; image: ImageSink }): string {
  if (!bodyHtml.trim()) return textToMarkdown(bodyText);
  return blocks(articleBody(bodyHtml), { ...options, depth: 0 }).join('\n\n');
}
