/// <reference lib="dom" />
// Article DOM → plain-text paragraphs, the way a reader sees them: block elements start
// new paragraphs, <br> a new line, inline runs are joined, whitespace collapsed. Text of
// script/style/template/noscript/textarea and other non-text elements never appears.
import { DROP_WITH_CONTENT } from './safe-html.ts';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'caption', 'hr', 'address', 'details', 'summary', 'center', 'form', 'fieldset',
]);

// Soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM: invisible in a page.
// (An alternation: a joiner inside a character class reads as joining its neighbours.)
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;
const END_BLOCK = Symbol('end of block');
const END_LINK = Symbol('end of link');

/** Paragraph texts under `root`, capped at `maxChars` characters in all. */
export function domToParagraphs(root: Node, maxChars = 5_000_000): { paragraphs: string[]; truncated: boolean; linkShare: number[] } {
  const paragraphs: string[] = [];
  // Per paragraph, the share of its raw text that sat inside links (teaser lists, post
  // navigation and tweet widgets are links; prose is not).
  const linkShare: number[] = [];
  let current = '';
  let currentLinks = 0;
  let inLink = 0;
  let total = 0;
  const flush = () => {
    const t = current.replace(INVISIBLE, '').replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) {
      paragraphs.push(t);
      linkShare.push(currentLinks ? Math.min(1, currentLinks / Math.max(1, current.trim().length)) : 0);
      total += t.length;
    }
    current = '';
    currentLinks = 0;
  };
  // Nodes still to visit, and markers for where a block or a link ends (no object per node:
  // this walks every node of the page, twice per import).
  const stack: (Node | typeof END_BLOCK | typeof END_LINK)[] = [];
  const pushKids = (n: Node) => {
    // Sibling links: linkedom builds .childNodes afresh as an array on every read.
    for (let k = n.lastChild; k; k = k.previousSibling) stack.push(k);
  };
  pushKids(root);
  while (stack.length) {
    if (total + current.length > maxChars) return { paragraphs, truncated: true, linkShare };
    const n = stack.pop()!;
    if (n === END_LINK) {
      inLink--;
      continue;
    }
    if (n === END_BLOCK) {
      flush();
      continue;
    }
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      current += v;
      if (inLink > 0) currentLinks += v.trim().length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = (n as Element).localName;
    if (DROP_WITH_CONTENT.has(tag)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'td' || tag === 'th') current += ' ';
    if (BLOCK.has(tag)) {
      flush();
      stack.push(END_BLOCK);
    }
    if (tag === 'a') {
      inLink++;
      stack.push(END_LINK);
    }
    pushKids(n);
  }
  flush();
  return { paragraphs, truncated: false, linkShare };
}

export interface TreeMeasure {
  /** Visible text length under each element: script/style/template… text is not counted,
   * so a page's inline scripts cannot make its article look small. */
  textLength: Map<Element, number>;
  /** Of that, the text inside links: menus and teaser lists are mostly links, prose is not. */
  linkLength: Map<Element, number>;
  maxDepth: number;
  elements: number;
}

/**
 * One iterative pass over the tree: every element's text and link-text length, the deepest
 * nesting and the element count. Asking `textContent.length` element by element is
 * quadratic on deeply nested pages (100k nested <div>s); this is linear.
 */
export function measureTree(root: Element): TreeMeasure {
  const textLength = new Map<Element, number>();
  const linkLength = new Map<Element, number>();
  let maxDepth = 0;
  let elements = 0;
  // Post-order via an explicit stack of elements and their depths (a depth of -1 - d once
  // the element's children are pushed: it is then measured when next on top).
  const stack: Element[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const el = stack[stack.length - 1];
    const depth = depths[depths.length - 1];
    if (depth >= 0) {
      depths[depths.length - 1] = -1 - depth;
      elements++;
      if (depth > maxDepth) maxDepth = depth;
      for (let k = el.lastElementChild; k; k = k.previousElementSibling) {
        stack.push(k);
        depths.push(depth + 1);
      }
      continue;
    }
    stack.pop();
    depths.pop();
    let len = 0;
    let links = 0;
    if (!DROP_WITH_CONTENT.has(el.localName)) {
      for (let k = el.firstChild; k; k = k.nextSibling) {
        if (k.nodeType === 3) len += (k.nodeValue ?? '').length;
        else if (k.nodeType === 1) {
          len += textLength.get(k as Element) ?? 0;
          links += linkLength.get(k as Element) ?? 0;
        }
      }
      if (el.localName === 'a') links = len;
    }
    textLength.set(el, len);
    linkLength.set(el, links);
  }
  return { textLength, linkLength, maxDepth, elements };
}
