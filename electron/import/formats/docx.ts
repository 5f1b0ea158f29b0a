// Word documents (.docx): word/document.xml → HTML paragraphs, headings from paragraph
// styles (Title, Heading 1–6, outline levels), lists, tables and hyperlinks (relationship
// links and HYPERLINK fields, which is how LibreOffice writes them). Metadata from
// docProps/core.xml (dc:title, dc:creator, dcterms:created, …) and docProps/custom.xml
// (LibreOffice stores a converted page's other <meta name> tags there).
import { ImportError, type ReadResult } from '../types.ts';
import { escapeHtml, htmlDocument, safeHref } from './html-writer.ts';
import { htmlHasText } from './html.ts';
import type { Limits } from './limits.ts';
import { pruneHints } from './result.ts';
import { capText } from './text-clean.ts';
import { local, scanXml, simpleElements, XmlError, xmlBytesToString } from './xml.ts';
import { ZipArchive } from './zip.ts';

export function readDocx(zip: ZipArchive, limits: Limits): ReadResult {
  const warnings: string[] = [];
  const mainPath = mainDocumentPath(zip) ?? 'word/document.xml';
  const main = zip.get(mainPath);
  if (!main) throw new ImportError('damaged Word document: word/document.xml is missing');
  const relsPath = mainPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const links = readRelationships(zip, relsPath);
  const headings = readHeadingStyles(zip, mainPath.replace(/[^/]+$/, 'styles.xml'), warnings);

  let body: string;
  try {
    body = documentToHtml(xmlBytesToString(zip.read(main)), links, headings);
  } catch (err) {
    if (err instanceof XmlError) throw new ImportError(`damaged Word document: ${mainPath} is not well-formed XML`);
    throw err;
  }
  body = capText(body, limits.maxTextChars, warnings);
  if (!htmlHasText(body)) throw new ImportError('no article text found in the Word document');

  const core = readSimple(zip, 'docProps/core.xml', warnings);
  const custom = readCustomProperties(zip, warnings);
  const extra: Record<string, string> = { ...custom };
  const created = core.get('created');
  if (created) extra.docCreated = created;
  const modified = core.get('modified');
  if (modified) extra.docModified = modified;
  const keywords = core.get('keywords');
  if (keywords) extra.keywords = keywords;

  const title = core.get('title') ?? null;
  const author = core.get('creator') ?? null;
  const description = core.get('description') ?? null;
  const language = core.get('language') ?? null;
  const metas: [string, string][] = [];
  if (author) metas.push(['author', author]);
  if (description) metas.push(['description', description]);
  for (const [k, v] of Object.entries(custom)) metas.push([k, v]);
  const html = htmlDocument({ title, lang: language, metas, body });
  return {
    format: 'docx', kind: 'html', html,
    hints: pruneHints({ title, author, description, language, extra }),
    attachments: [], warnings,
  };
}

/** The main document named in _rels/.rels (usually word/document.xml). */
function mainDocumentPath(zip: ZipArchive): string | null {
  const rels = readRelationships(zip, '_rels/.rels', true);
  for (const r of rels.values()) {
    if (r.type.endsWith('/officeDocument') && !r.external) return r.target.replace(/^\//, '');
  }
  return null;
}

interface Relationship {
  target: string;
  type: string;
  external: boolean;
}

function readRelationships(zip: ZipArchive, path: string, byType = false): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const entry = zip.get(path);
  if (!entry) return out;
  try {
    scanXml(xmlBytesToString(zip.read(entry, 8 * 1024 * 1024)), (tok) => {
      if (tok.t !== 'open' || local(tok.name) !== 'Relationship') return;
      const id = tok.attrs.Id;
      if (!id) return;
      out.set(byType ? `${id}:${tok.attrs.Type}` : id, {
        target: tok.attrs.Target ?? '', type: tok.attrs.Type ?? '', external: tok.attrs.TargetMode === 'External',
      });
    });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
  }
  return out;
}

/** styleId → heading level (1–6) from names ("Title", "Heading 2") and outline levels. */
function readHeadingStyles(zip: ZipArchive, path: string, warnings: string[]): Map<string, number> {
  const levels = new Map<string, number>();
  const entry = zip.get(path);
  if (!entry) return levels;
  const basedOn = new Map<string, string>();
  let current: string | null = null;
  try {
    scanXml(xmlBytesToString(zip.read(entry, 16 * 1024 * 1024)), (tok) => {
      if (tok.t === 'open') {
        const name = local(tok.name);
        if (name === 'style') current = tok.attrs['w:type'] === 'paragraph' ? tok.attrs['w:styleId'] ?? null : null;
        else if (current && name === 'name') {
          const level = headingLevelFromName(tok.attrs['w:val'] ?? '');
          if (level) levels.set(current, level);
        } else if (current && name === 'outlineLvl') {
          const n = Number(tok.attrs['w:val']);
          if (n >= 0 && n < 6 && !levels.has(current)) levels.set(current, n + 1);
        } else if (current && name === 'basedOn' && tok.attrs['w:val']) basedOn.set(current, tok.attrs['w:val']);
      } else if (tok.t === 'close' && local(tok.name) === 'style') current = null;
    });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    warnings.push('the Word styles could not be read: headings may be missing');
  }
  // Styles based on a heading style are headings of the same level (a few steps at most).
  for (const [id, base] of basedOn) {
    let b: string | undefined = base;
    for (let step = 0; step < 5 && b && !levels.has(id); step++) {
      if (levels.has(b)) levels.set(id, levels.get(b)!);
      b = basedOn.get(b);
    }
  }
  return levels;
}

function headingLevelFromName(name: string): number | null {
  const n = name.trim().toLowerCase();
  if (n === 'title') return 1;
  const m = /^(?:heading|berschrift|titre|título|titolo|kop)\s*(\d)$/.exec(n) ?? /^(?:überschrift)\s*(\d)$/.exec(n);
  if (m) return Math.min(6, Math.max(1, Number(m[1])));
  return null;
}

// Elements whose text is not part of the visible article (instrText is read for HYPERLINK).
const SKIP_CONTAINERS = new Set(['instrText', 'delText', 'commentReference', 'Fallback', 'drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference', 'sectPr']);

/** Streams document.xml into HTML. */
function documentToHtml(xml: string, links: Map<string, Relationship>, headings: Map<string, number>): string {
  const out: string[] = [];
  let skipDepth = 0; // inside something whose text is not content
  type Para = { style: string | null; list: boolean; html: string; hasText: boolean };
  let para: Para | null = null;
  const paraStack: Para[] = [];
  let inList = false;
  let inText = false;
  // Field codes: begin → instrText → separate → shown text → end.
  const fields: { instr: string; link: boolean; separated: boolean }[] = [];
  const linkStack: boolean[] = [];

  const closeList = () => {
    if (inList) out.push('</ul>');
    inList = false;
  };
  const write = (s: string) => {
    if (para) para.html += s;
    else out.push(s);
  };

  scanXml(xml, (tok) => {
    if (tok.t === 'open') {
      const name = local(tok.name);
      // Every open is followed by its close (also for <x/>), so depth counting is exact.
      if (skipDepth) {
        skipDepth++;
        return;
      }
      if (name === 'pStyle' && para) para.style = tok.attrs['w:val'] ?? null;
      if (name === 'numPr' && para) para.list = true;
      if (SKIP_CONTAINERS.has(name)) {
        if (name === 'instrText') inText = true;
        skipDepth = 1;
        return;
      }
      switch (name) {
        case 'p':
          if (para) paraStack.push(para);
          para = { style: null, list: false, html: '', hasText: false };
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          write(' ');
          break;
        case 'br':
        case 'cr':
          if (tok.attrs['w:type'] !== 'page') write('<br>');
          break;
        case 'hyperlink': {
          const rel = tok.attrs['r:id'] ? links.get(tok.attrs['r:id']) : undefined;
          const href = safeHref(rel?.target);
          linkStack.push(!!href && !tok.selfClosing);
          if (href && !tok.selfClosing) write(`<a href="${escapeHtml(href)}">`);
          break;
        }
        case 'fldChar': {
          const kind = tok.attrs['w:fldCharType'];
          if (kind === 'begin') fields.push({ instr: '', link: false, separated: false });
          else if (kind === 'separate' && fields.length) {
            const f = fields[fields.length - 1];
            f.separated = true;
            const m = /^\s*HYPERLINK\s+"([^"]{1,4096})"/.exec(f.instr);
            const href = safeHref(m?.[1]);
            if (href) {
              f.link = true;
              write(`<a href="${escapeHtml(href)}">`);
            }
          } else if (kind === 'end' && fields.length) {
            if (fields.pop()!.link) write('</a>');
          }
          break;
        }
        case 'tbl':
          closeList();
          flushParagraph();
          out.push('<table>');
          break;
        case 'tr':
          out.push('<tr>');
          break;
        case 'tc':
          out.push('<td>');
          break;
      }
      return;
    }
    if (tok.t === 'text') {
      if (!inText) return;
      if (fields.length && !fields[fields.length - 1].separated) {
        fields[fields.length - 1].instr += tok.text;
        return;
      }
      if (skipDepth) return;
      if (para) {
        para.html += escapeHtml(tok.text);
        if (tok.text.trim()) para.hasText = true;
      }
      return;
    }
    // close
    const name = local(tok.name);
    if (name === 'instrText' || name === 't') inText = false;
    if (skipDepth) {
      skipDepth--;
      return;
    }
    switch (name) {
      case 'p':
        flushParagraph();
        para = paraStack.pop() ?? null;
        break;
      case 'hyperlink':
        if (linkStack.pop()) write('</a>');
        break;
      case 'tc':
        closeList();
        out.push('</td>');
        break;
      case 'tr':
        out.push('</tr>');
        break;
      case 'tbl':
        out.push('</table>');
        break;
    }
  });
  closeList();
  return out.join('\n');

  function flushParagraph(): void {
    if (!para) return;
    const p = para;
    para = { style: p.style, list: p.list, html: '', hasText: false };
    if (!p.hasText) return;
    // Balance links left open when a field spans paragraphs.
    const opened = (p.html.match(/<a /g) ?? []).length - (p.html.match(/<\/a>/g) ?? []).length;
    const html = p.html + '</a>'.repeat(Math.max(0, opened));
    const level = p.style ? headings.get(p.style) : undefined;
    if (p.list && !level) {
      if (!inList) out.push('<ul>');
      inList = true;
      out.push(`<li>${html}</li>`);
      return;
    }
    closeList();
    out.push(level ? `<h${level}>${html}</h${level}>` : `<p>${html}</p>`);
  }
}

function readSimple(zip: ZipArchive, path: string, warnings: string[]): Map<string, string> {
  const entry = zip.get(path);
  const out = new Map<string, string>();
  if (!entry) return out;
  try {
    for (const [k, v] of simpleElements(xmlBytesToString(zip.read(entry, 4 * 1024 * 1024)))) {
      const key = local(k);
      if (!out.has(key)) out.set(key, v.slice(0, 2000));
    }
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    warnings.push(`${path} could not be read`);
  }
  return out;
}

function readCustomProperties(zip: ZipArchive, warnings: string[]): Record<string, string> {
  const entry = zip.get('docProps/custom.xml');
  const out: Record<string, string> = {};
  if (!entry) return out;
  let name: string | null = null;
  let value = '';
  try {
    scanXml(xmlBytesToString(zip.read(entry, 4 * 1024 * 1024)), (tok) => {
      if (tok.t === 'open' && local(tok.name) === 'property') {
        name = tok.attrs.name ?? null;
        value = '';
      } else if (tok.t === 'text' && name) value += tok.text;
      else if (tok.t === 'close' && local(tok.name) === 'property') {
        if (name && value.trim() && Object.keys(out).length < 200 && !(name in out)) out[name.slice(0, 100)] = value.trim().slice(0, 2000);
        name = null;
      }
    });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    warnings.push('docProps/custom.xml could not be read');
  }
  return out;
}
