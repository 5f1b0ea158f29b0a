// OpenDocument text (.odt): content.xml → HTML (text:h headings by outline level, text:p,
// lists, tables, links), meta.xml → hints (dc:title, dc:creator / meta:initial-creator,
// meta:creation-date, dc:description, dc:language, meta:user-defined → extra). LibreOffice
// keeps a converted page's other <meta name> tags as user-defined properties.
import { ImportError, type ReadResult } from '../types.ts';
import { escapeHtml, htmlDocument, safeHref } from './html-writer.ts';
import { htmlHasText } from './html.ts';
import type { Limits } from './limits.ts';
import { pruneHints } from './result.ts';
import { capText } from './text-clean.ts';
import { local, scanXml, XmlError, xmlBytesToString } from './xml.ts';
import { ZipArchive } from './zip.ts';

// Elements whose text is not part of the visible article.
const SKIP = new Set(['note', 'annotation', 'frame', 'tracked-changes', 'automatic-styles', 'font-face-decls', 'scripts', 'forms', 'sequence-decls', 'variable-decls', 'user-field-decls', 'table-of-content', 'bibliography']);

export function readOdt(zip: ZipArchive, limits: Limits): ReadResult {
  const warnings: string[] = [];
  const content = zip.get('content.xml');
  if (!content) throw new ImportError('damaged OpenDocument file: content.xml is missing');
  let body: string;
  try {
    body = contentToHtml(xmlBytesToString(zip.read(content)));
  } catch (err) {
    if (err instanceof XmlError) throw new ImportError('damaged OpenDocument file: content.xml is not well-formed XML');
    throw err;
  }
  body = capText(body, limits.maxTextChars, warnings);
  if (!htmlHasText(body)) throw new ImportError('no article text found in the document');

  const meta = readMeta(zip, warnings);
  const title = meta.fields.get('title') ?? null;
  const author = meta.fields.get('creator') ?? meta.fields.get('initial-creator') ?? null;
  const description = meta.fields.get('description') ?? null;
  const language = meta.fields.get('language') ?? null;
  const extra: Record<string, string> = { ...meta.user };
  const created = meta.fields.get('creation-date');
  if (created) extra.docCreated = created;
  const modified = meta.fields.get('date');
  if (modified) extra.docModified = modified;
  if (meta.keywords.length) extra.keywords = meta.keywords.join(', ');
  const metas: [string, string][] = [];
  if (author) metas.push(['author', author]);
  if (description) metas.push(['description', description]);
  for (const [k, v] of Object.entries(meta.user)) metas.push([k, v]);
  return {
    format: 'odt', kind: 'html',
    html: htmlDocument({ title, lang: language, metas, body }),
    hints: pruneHints({ title, author, description, language, extra }),
    attachments: [], warnings,
  };
}

function contentToHtml(xml: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  let inBody = false;
  const blocks: { tag: string; html: string; hasText: boolean }[] = [];
  const linkOpen: boolean[] = [];
  const write = (s: string, text = false) => {
    const b = blocks[blocks.length - 1];
    if (!b) return;
    b.html += s;
    if (text && s.trim()) b.hasText = true;
  };
  scanXml(xml, (tok) => {
    if (tok.t === 'open') {
      const name = local(tok.name);
      if (skipDepth) {
        skipDepth++;
        return;
      }
      if (name === 'text' && tok.name === 'office:text') inBody = true;
      if (!inBody) return;
      if (SKIP.has(name)) {
        skipDepth = 1;
        return;
      }
      switch (name) {
        case 'h': {
          const level = Math.min(6, Math.max(1, Number(tok.attrs['text:outline-level']) || 1));
          blocks.push({ tag: `h${level}`, html: '', hasText: false });
          break;
        }
        case 'p':
          blocks.push({ tag: blocks.length ? 'span' : 'p', html: '', hasText: false });
          break;
        case 'list':
          out.push('<ul>');
          break;
        case 'list-item':
          out.push('<li>');
          break;
        case 'table':
          out.push('<table>');
          break;
        case 'table-row':
          out.push('<tr>');
          break;
        case 'table-cell':
          out.push('<td>');
          break;
        case 's':
          write(' '.repeat(Math.min(100, Number(tok.attrs['text:c']) || 1)));
          break;
        case 'tab':
          write(' ');
          break;
        case 'line-break':
          write('<br>');
          break;
        case 'a': {
          const href = safeHref(tok.attrs['xlink:href']);
          linkOpen.push(!!href);
          if (href) write(`<a href="${escapeHtml(href)}">`);
          break;
        }
      }
      return;
    }
    if (tok.t === 'text') {
      if (!skipDepth && inBody) write(escapeHtml(tok.text), true);
      return;
    }
    const name = local(tok.name);
    if (skipDepth) {
      skipDepth--;
      return;
    }
    if (!inBody) return;
    switch (name) {
      case 'text':
        if (tok.name === 'office:text') inBody = false;
        break;
      case 'h':
      case 'p': {
        const b = blocks.pop();
        if (!b || !b.hasText) break;
        if (blocks.length) {
          const parent = blocks[blocks.length - 1];
          parent.html += ` ${b.html}`;
          parent.hasText = true;
        } else out.push(`<${b.tag}>${b.html}</${b.tag}>`);
        break;
      }
      case 'list':
        out.push('</ul>');
        break;
      case 'list-item':
        out.push('</li>');
        break;
      case 'table':
        out.push('</table>');
        break;
      case 'table-row':
        out.push('</tr>');
        break;
      case 'table-cell':
        out.push('</td>');
        break;
      case 'a':
        if (linkOpen.pop()) write('</a>');
        break;
    }
  });
  return out.join('\n');
}

function readMeta(zip: ZipArchive, warnings: string[]) {
  const fields = new Map<string, string>();
  const user: Record<string, string> = {};
  const keywords: string[] = [];
  const entry = zip.get('meta.xml');
  if (!entry) return { fields, user, keywords };
  let current: { name: string; userName?: string } | null = null;
  let buf = '';
  try {
    scanXml(xmlBytesToString(zip.read(entry, 4 * 1024 * 1024)), (tok) => {
      if (tok.t === 'open') {
        current = { name: local(tok.name), userName: tok.attrs['meta:name'] };
        buf = '';
      } else if (tok.t === 'text') buf += tok.text;
      else if (current) {
        const v = buf.trim().slice(0, 2000);
        if (v) {
          if (current.name === 'user-defined') {
            if (current.userName && Object.keys(user).length < 200) user[current.userName.slice(0, 100)] ??= v;
          } else if (current.name === 'keyword') keywords.push(v);
          else if (!fields.has(current.name)) fields.set(current.name, v);
        }
        current = null;
        buf = '';
      }
    });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    warnings.push('meta.xml could not be read');
  }
  return { fields, user, keywords };
}
