/// <reference lib="dom" />
// An article body (HTML from the import's allowlist: paragraphs, headings, lists, quotes, pre,
// emphasis, links, figures, tables) as Word paragraphs. Only text and the few formats Word shares
// with it are carried over; links stay links (http(s) only); images are left out (a press review
// in Word is read for its text, and an image would need its size read from its bytes).
import { Paragraph, ExternalHyperlink, Table, TableCell, TableRow, TextRun, WidthType, AlignmentType, type ParagraphChild } from 'docx';
import { safeHref } from '../import/extract/safe-html.ts';
import { articleBody } from './article-dom.ts';

interface Marks {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  mono?: boolean;
}

/** The paragraph styles the document defines (review-docx.ts) that bodies use. */
export const BODY_STYLES = { text: 'ReviewBody', heading: 'ReviewBodyHeading', quote: 'ReviewQuote', list: 'ReviewList', code: 'ReviewCode', caption: 'ReviewCaption' } as const;

const MONO = 'Courier New';
const MAX_DEPTH = 40;
const tagOf = (n: Node) => (n.nodeType === 1 ? (n as Element).localName.toLowerCase() : '');

function run(text: string, m: Marks, link = false): TextRun {
  return new TextRun({
    text,
    bold: m.bold,
    italics: m.italics,
    // Links keep a colour of their own but no underline: articles link dozens of words, and a page of underlines reads badly.
    underline: m.underline ? {} : undefined,
    strike: m.strike,
    superScript: m.superScript,
    subScript: m.subScript,
    font: m.mono ? MONO : undefined,
    color: link ? '1F4E79' : undefined,
  });
}

/** The runs of an element's inline content; whitespace collapsed as a browser would. */
function inlineRuns(node: Node, marks: Marks, baseUrl: string | null, depth = 0): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const text = (child.nodeValue ?? '').replace(/\s+/g, ' ');
      if (text) out.push(run(text, marks));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = tagOf(child);
    if (depth > MAX_DEPTH) {
      out.push(run((child.textContent ?? '').replace(/\s+/g, ' '), marks));
      continue;
    }
    const next = (m: Marks) => inlineRuns(child, { ...marks, ...m }, baseUrl, depth + 1);
    switch (tag) {
      case 'strong': case 'b': out.push(...next({ bold: true })); break;
      case 'em': case 'i': out.push(...next({ italics: true })); break;
      case 'u': out.push(...next({ underline: true })); break;
      case 's': out.push(...next({ strike: true })); break;
      case 'sup': out.push(...next({ superScript: true })); break;
      case 'sub': out.push(...next({ subScript: true })); break;
      case 'code': out.push(...next({ mono: true })); break;
      case 'br': out.push(new TextRun({ break: 1 })); break;
      case 'img': break;
      case 'a': {
        const href = safeHref((child as Element).getAttribute('href'), baseUrl);
        const text = (child.textContent ?? '').replace(/\s+/g, ' ');
        if (!text.trim()) break;
        if (href && /^https?:/i.test(href)) out.push(new ExternalHyperlink({ link: href, children: [run(text, marks, true)] }));
        else out.push(...next({}));
        break;
      }
      default: out.push(...next({}));
    }
  }
  return out;
}

/** Trims the leading and trailing spaces a paragraph's markup leaves at its edges. */
function trimmed(runs: ParagraphChild[], el: Node): ParagraphChild[] | null {
  return (el.textContent ?? '').trim() ? runs : null;
}

function table(el: Element, baseUrl: string | null): Table | null {
  const rows = Array.from(el.querySelectorAll('tr'));
  if (!rows.length) return null;
  const width = Math.max(...rows.map((r) => r.querySelectorAll('th, td').length));
  if (!width) return null;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => {
      const cells = Array.from(r.querySelectorAll('th, td'));
      while (cells.length < width) cells.push(el.ownerDocument.createElement('td'));
      return new TableRow({
        children: cells.map((cell) => new TableCell({
          children: [new Paragraph({ style: BODY_STYLES.caption, children: inlineRuns(cell, { bold: tagOf(cell) === 'th' }, baseUrl) })],
        })),
      });
    }),
  });
}

/** Block content → paragraphs (and the odd table). */
function blocks(node: Node, baseUrl: string | null, style: string, out: (Paragraph | Table)[], depth = 0): void {
  let loose: Node[] = [];
  const flushLoose = () => {
    if (!loose.length) return;
    const holder = node.ownerDocument!.createElement('p');
    for (const n of loose) holder.appendChild(n.cloneNode(true));
    const runs = trimmed(inlineRuns(holder, {}, baseUrl), holder);
    if (runs) out.push(new Paragraph({ style, children: runs }));
    loose = [];
  };
  for (const child of Array.from(node.childNodes)) {
    const tag = tagOf(child);
    const isBlock = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'table', 'li', 'caption'].includes(tag);
    if (!isBlock) {
      loose.push(child);
      continue;
    }
    flushLoose();
    const el = child as Element;
    if (depth > MAX_DEPTH) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(new Paragraph({ style, text }));
      continue;
    }
    switch (tag) {
      case 'p': case 'caption': {
        const runs = trimmed(inlineRuns(el, {}, baseUrl), el);
        if (runs) out.push(new Paragraph({ style, children: runs }));
        break;
      }
      case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
        const runs = trimmed(inlineRuns(el, {}, baseUrl), el);
        if (runs) out.push(new Paragraph({ style: BODY_STYLES.heading, children: runs }));
        break;
      }
      case 'ul': case 'ol': {
        let n = 0;
        for (const li of Array.from(el.children)) {
          n++;
          // The item's own text after its marker (a hanging indent lines the lines up); a list
          // inside it follows as items of its own.
          const own = li.cloneNode(true) as Element;
          const nested = Array.from(own.children).filter((c) => ['ul', 'ol'].includes(tagOf(c)));
          for (const c of nested) c.remove();
          if ((own.textContent ?? '').trim()) {
            const marker = tag === 'ol' ? `${n}.\t` : '•\t';
            out.push(new Paragraph({ style: BODY_STYLES.list, children: [new TextRun(marker), ...inlineRuns(own, {}, baseUrl)] }));
          }
          for (const c of nested) {
            const holder = el.ownerDocument.createElement('div');
            holder.appendChild(c);
            blocks(holder, baseUrl, BODY_STYLES.list, out, depth + 1);
          }
        }
        break;
      }
      case 'li':
        blocks(el, baseUrl, BODY_STYLES.list, out, depth + 1);
        break;
      case 'blockquote':
        blocks(el, baseUrl, BODY_STYLES.quote, out, depth + 1);
        break;
      case 'pre': {
        const lines = (el.textContent ?? '').replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
        out.push(new Paragraph({ style: BODY_STYLES.code, children: lines.map((l, i) => new TextRun({ text: l, break: i ? 1 : 0 })) }));
        break;
      }
      case 'hr':
        out.push(new Paragraph({ style, alignment: AlignmentType.CENTER, text: '⁂' }));
        break;
      case 'figure':
        blocks(el, baseUrl, style, out, depth + 1);
        break;
      case 'figcaption': {
        const runs = trimmed(inlineRuns(el, {}, baseUrl), el);
        if (runs) out.push(new Paragraph({ style: BODY_STYLES.caption, children: runs }));
        break;
      }
      case 'table': {
        const t = table(el, baseUrl);
        if (t) out.push(t, new Paragraph({ style: BODY_STYLES.caption, text: '' }));
        break;
      }
    }
  }
  flushLoose();
}

/** `html`: a body as review-clips.ts made it (allowlisted again); `baseUrl` resolves its relative links. */
export function bodyParagraphs(html: string, baseUrl: string | null): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks(articleBody(html), baseUrl, BODY_STYLES.text, out);
  return out;
}
