// Highlights in the reader, without a script in the article's frame.
//
// The frame stays sandboxed and runs nothing. Two things happen in the parent instead:
// The frame is same-origin (sandbox "allow-same-origin", never "allow-scripts"), so the parent
// can reach into its document while nothing in it can run:
// 1. Showing: the parent computes each highlight's range over the frame's text and wraps it in
//    <mark class="hl …" data-hl="id"> elements of its own making (applyHighlights), again after
//    each change, so the article keeps its scroll position.
// 2. Making: the parent reads the person's selection in the frame and computes its words and the
//    text around them (selectionQuote). The library then anchors those words in the clip's text.
// The matching here only has to find a passage in the reader's own rendering of the same
// article; the library's anchors (electron/library/highlight-anchors.ts) are the record.
import type { Highlight } from '../../../electron/api.ts';

/** Elements whose text is ours, not the article's (footnote numbers of links, image notes). */
const NOT_ARTICLE = 'sup.ref, .image-note';
const CONTEXT = 32;

interface Piece {
  node: Text;
  /** Offset of the node's first character in the flat text. */
  at: number;
}

/** The article's text as one string (white space folded), and where each text node starts in it. */
interface Flat {
  text: string;
  /** For each character of `text`: its node and offset in that node. */
  nodes: Text[];
  offsets: number[];
  pieces: Piece[];
}

const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '«': '"', '»': '"', '–': '-', '—': '-' };

function flatten(root: Node): Flat {
  const flat: Flat = { text: '', nodes: [], offsets: [], pieces: [] };
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => ((n.parentElement?.closest(NOT_ARTICLE)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let spaced = true;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    flat.pieces.push({ node: n, at: flat.text.length });
    const data = n.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (/\s/.test(ch)) {
        if (spaced) continue;
        spaced = true;
        flat.text += ' ';
      } else {
        spaced = false;
        const folded = (QUOTES[ch] ?? ch).toLowerCase();
        flat.text += folded.length === 1 ? folded : ch;
      }
      flat.nodes.push(n);
      flat.offsets.push(i);
    }
    // Blocks end in a space of their own, so words of two paragraphs never run together.
    if (!spaced && n.parentElement && isBlockEnd(n)) {
      spaced = true;
      flat.text += ' ';
      flat.nodes.push(n);
      flat.offsets.push(data.length);
    }
  }
  return flat;
}

function isBlockEnd(n: Text): boolean {
  return n.nextSibling === null && /^(P|LI|H[1-6]|BLOCKQUOTE|FIGCAPTION|TD|TH|DIV|PRE)$/.test(n.parentElement!.tagName);
}

function foldQuote(s: string): string {
  let out = '';
  let spaced = false;
  for (const ch of s.trim()) {
    if (/\s/.test(ch)) {
      if (!spaced) out += ' ';
      spaced = true;
      continue;
    }
    spaced = false;
    const folded = (QUOTES[ch] ?? ch).toLowerCase();
    out += folded.length === 1 ? folded : ch;
  }
  return out;
}

function matchAround(flat: string, start: number, end: number, prefix: string, suffix: string): number {
  let n = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0 && flat[start - i] === prefix[prefix.length - i]; i++) n++;
  for (let i = 0; i < suffix.length && end + i < flat.length && flat[end + i] === suffix[i]; i++) n++;
  return n;
}

/** Where the highlight stands in the flat text: among the places its words stand, the one
 * whose surroundings and relative position in the article fit best. */
function locate(flat: Flat, h: Highlight, bodyLength: number): [number, number] | null {
  const exact = foldQuote(h.quote.exact);
  if (!exact) return null;
  const prefix = foldQuote(h.quote.prefix + '\u0000').replace(/\u0000$/, '');
  const suffix = foldQuote('\u0000' + h.quote.suffix).replace(/^\u0000/, '');
  const where = h.position && bodyLength ? h.position.start / bodyLength : null;
  let best: [number, number] | null = null;
  let bestScore = -Infinity;
  for (let i = flat.text.indexOf(exact); i >= 0; i = flat.text.indexOf(exact, i + 1)) {
    const place = where === null ? 0 : Math.abs(i / Math.max(1, flat.text.length) - where);
    const score = matchAround(flat.text, i, i + exact.length, prefix, suffix) - place * 10;
    if (score > bestScore) {
      best = [i, i + exact.length];
      bestScore = score;
    }
  }
  return best;
}

/** Wraps flat[start, end) in marks, one per text node it crosses. */
function wrap(flat: Flat, start: number, end: number, h: Highlight): void {
  const doc = flat.nodes[start].ownerDocument;
  const firstNode = flat.nodes[start];
  const lastNode = flat.nodes[end - 1];
  const startOffset = flat.offsets[start];
  const endOffset = flat.offsets[end - 1] + 1;
  const within: Text[] = [];
  let inside = false;
  for (const p of flat.pieces) {
    if (p.node === firstNode) inside = true;
    if (inside) within.push(p.node);
    if (p.node === lastNode) break;
  }
  within.forEach((node, k) => {
    const from = k === 0 ? startOffset : 0;
    const to = node === lastNode ? Math.min(endOffset, node.data.length) : node.data.length;
    if (to <= from || !node.data.slice(from, to).trim()) return;
    const target = from > 0 ? node.splitText(from) : node;
    if (to - from < target.data.length) target.splitText(to - from);
    const mark = doc.createElement('mark');
    mark.className = `hl hl-${h.colour}${h.note ? ' hl-noted' : ''}`;
    mark.setAttribute('data-hl', String(h.id));
    if (h.note) mark.setAttribute('title', h.note.slice(0, 300));
    target.replaceWith(mark);
    mark.appendChild(target);
  });
}

/**
 * Marks the highlights in the article shown in the frame, replacing the marks of an earlier
 * call. Answers the ids it placed: a highlight the rendering does not show (detached, or in
 * text the reader does not display) is listed in the panel without a place to scroll to.
 */
export function applyHighlights(root: Element, highlights: readonly Highlight[], bodyLength: number): Set<number> {
  for (const old of Array.from(root.querySelectorAll('mark[data-hl]'))) old.replaceWith(...Array.from(old.childNodes));
  root.normalize();
  const placed = new Set<number>();
  // Each highlight is located in a fresh reading of the text: wrapping splits text nodes.
  for (const h of highlights) {
    if (!h.position) continue;
    const flat = flatten(root);
    const span = locate(flat, h, bodyLength);
    if (!span) continue;
    wrap(flat, span[0], span[1], h);
    placed.add(h.id);
  }
  return placed;
}

export interface SelectedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the words stand, as a share of the article's text (0–1). */
  at: number;
}

function textOf(range: Range): string {
  const holder = range.commonAncestorContainer.ownerDocument!.createElement('div');
  holder.appendChild(range.cloneContents());
  for (const el of Array.from(holder.querySelectorAll(NOT_ARTICLE))) el.remove();
  // Block boundaries inside the selection read as spaces, as they do in the clip's text.
  for (const el of Array.from(holder.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, br, div'))) el.append(' ');
  return holder.textContent ?? '';
}

/** The person's selection in the article, as words with the text around them; null when there is none. */
export function selectionQuote(doc: Document): SelectedQuote | null {
  const selection = doc.getSelection();
  const article = doc.querySelector('article');
  if (!selection || selection.isCollapsed || !selection.rangeCount || !article) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer)) return null;
  const exact = textOf(range).replace(/\s+/g, ' ').trim();
  if (!exact) return null;
  const before = doc.createRange();
  before.setStart(article, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(article, article.childNodes.length);
  const prefixText = textOf(before).replace(/\s+/g, ' ');
  const suffixText = textOf(after).replace(/\s+/g, ' ');
  const total = prefixText.length + exact.length + suffixText.length;
  return {
    exact,
    prefix: prefixText.slice(-CONTEXT),
    suffix: suffixText.slice(0, CONTEXT),
    at: total ? prefixText.length / total : 0,
  };
}
