// EPUB (a saved article or a short e-book): container.xml → the package file (OPF) →
// its spine's XHTML documents, bodies concatenated in reading order (bounded), with the
// package's dc:title / dc:creator / dc:date / dc:language as hints.
import { ImportError, type ReadResult } from '../types.ts';
import { htmlDocument } from './html-writer.ts';
import { htmlHasText } from './html.ts';
import type { Limits } from './limits.ts';
import { pruneHints } from './result.ts';
import { local, scanXml, XmlError, xmlBytesToString } from './xml.ts';
import { ZipArchive } from './zip.ts';

const MAX_DOCUMENTS = 200;

export function readEpub(zip: ZipArchive, limits: Limits): ReadResult {
  const warnings: string[] = [];
  const container = zip.get('META-INF/container.xml');
  if (!container) throw new ImportError('damaged EPUB: META-INF/container.xml is missing');
  let opfPath: string | null = null;
  parseOrDamaged('META-INF/container.xml', xmlBytesToString(zip.read(container, 1 << 20)), (tok) => {
    if (!opfPath && tok.t === 'open' && local(tok.name) === 'rootfile') opfPath = tok.attrs['full-path'] ?? null;
  });
  const opfEntry = opfPath ? zip.get(opfPath) : undefined;
  if (!opfPath || !opfEntry) throw new ImportError('damaged EPUB: its package file is missing');
  const base = (opfPath as string).includes('/') ? (opfPath as string).replace(/[^/]+$/, '') : '';

  const manifest = new Map<string, { href: string; type: string }>();
  const spine: string[] = [];
  const meta = new Map<string, string>();
  let field: string | null = null;
  let buf = '';
  parseOrDamaged(opfPath, xmlBytesToString(zip.read(opfEntry, 8 << 20)), (tok) => {
    if (tok.t === 'open') {
      const name = local(tok.name);
      if (name === 'item' && tok.attrs.id && tok.attrs.href) manifest.set(tok.attrs.id, { href: tok.attrs.href, type: tok.attrs['media-type'] ?? '' });
      else if (name === 'itemref' && tok.attrs.idref) spine.push(tok.attrs.idref);
      else if (tok.name.startsWith('dc:')) {
        field = name;
        buf = '';
      }
    } else if (tok.t === 'text' && field) buf += tok.text;
    else if (tok.t === 'close' && field && local(tok.name) === field) {
      if (buf.trim() && !meta.has(field)) meta.set(field, buf.trim().slice(0, 2000));
      field = null;
    }
  });

  const bodies: string[] = [];
  let total = 0;
  for (const id of spine.slice(0, MAX_DOCUMENTS)) {
    const item = manifest.get(id);
    if (!item || !/x?html/.test(item.type)) continue;
    const entry = zip.get(resolvePath(base, item.href));
    if (!entry) {
      warnings.push('a chapter listed in the EPUB is missing');
      continue;
    }
    const html = xmlBytesToString(zip.read(entry));
    const body = bodyOf(html);
    total += body.length;
    if (total > limits.maxTextChars) {
      warnings.push('the EPUB is longer than the limit: the rest was left out');
      break;
    }
    bodies.push(`<section>${body}</section>`);
  }
  const body = bodies.join('\n');
  if (!htmlHasText(body)) throw new ImportError('no article text found in the EPUB');
  const title = meta.get('title') ?? null;
  const author = meta.get('creator') ?? null;
  const language = meta.get('language') ?? null;
  const metas: [string, string][] = author ? [['author', author]] : [];
  const html = htmlDocument({ title, lang: language, metas, body });
  return {
    format: 'epub', kind: 'html', html,
    hints: pruneHints({ title, author, language, publishedAt: meta.get('date') ?? null, description: meta.get('description') ?? null }),
    attachments: [], warnings,
  };
}

function parseOrDamaged(path: string, xml: string, on: Parameters<typeof scanXml>[1]): void {
  try {
    scanXml(xml, on);
  } catch (err) {
    if (err instanceof XmlError) throw new ImportError(`damaged EPUB: ${path.slice(0, 80)} is not well-formed XML`);
    throw err;
  }
}

/** Resolves "../text/a.xhtml" against the package folder, as a zip entry name only. */
function resolvePath(base: string, href: string): string {
  const parts = (base + decodeURIComponentSafe(href.split('#')[0])).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The inner HTML of <body>, found with indexOf (a regex would backtrack on junk). */
function bodyOf(html: string): string {
  const lower = html.toLowerCase();
  const open = lower.indexOf('<body');
  if (open < 0) return html;
  const start = lower.indexOf('>', open);
  const end = lower.lastIndexOf('</body');
  return start >= 0 && end > start ? html.slice(start + 1, end) : html.slice(start + 1);
}
