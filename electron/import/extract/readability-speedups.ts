/// <reference lib="dom" />
// Some of Readability's helpers, rewritten to give the same answers on linkedom for a
// fraction of the work. Readability calls them on every element of a page, on every one of
// its attempts (a tenth of pages need more than one), so they showed up among the
// import's largest costs:
//
// - _getAllNodesWithTag runs querySelectorAll("p,pre,…"), and linkedom compiles that
//   selector with css-select on every call. linkedom's getElementsByTagName (one tag) or a
//   walk comparing tag names finds the same elements in the same (document) order, leaving
//   out <template> content as its selectors do.
// - _isProbablyVisible reads node.style.display and node.style.visibility, and linkedom
//   builds a Proxy'd CSSStyleDeclaration for each element to answer. The inline style is
//   read here the way linkedom parses it (split at ";", the last declaration of a
//   property wins, names compared as written).
// - _isValidByline measures every element's textContent before looking at whether the
//   element is marked as a byline at all; the marks are looked at first here.
// - _isElementWithoutContent asks whether an element has any text by building all of it
//   (textContent, then trim) for every <div>, <section>, <header> and heading of the page,
//   a twentieth of all the memory extraction allocates; here the text nodes are looked at
//   until one holds more than spaces. (Its siblings _getLinkDensity and _getTextDensity,
//   which need whole lengths, were tried the same way: counting in JavaScript is slower
//   than the native join, trim and replace it saves.)
//
// They are replaced on the prototype once, and only where Readability still has them with
// the same shape; otherwise its own versions stay (slower, never wrong).
import { Readability } from '@mozilla/readability';

type Tagged = Element | Document;

/** Whether `el` sits inside a <template> below `root`. */
function inTemplate(el: Element, root: Node): boolean {
  for (let a = el.parentNode; a && a !== root; a = a.parentNode) if ((a as Element).localName === 'template') return true;
  return false;
}

function allWithTag(root: Tagged, tagNames: readonly string[]): Element[] {
  if (tagNames.length === 1) {
    // One tag (most of Readability's calls): linkedom's own walk along its chain of nodes is
    // quicker than one by sibling links. Asked in upper case, it matches the parsed elements
    // (by their upper-case form) and those Readability makes itself with createElement("P")
    // (by name). It does look inside <template>; those are dropped.
    const found = Array.from(root.getElementsByTagName(tagNames[0].toUpperCase()));
    return found.some((el) => inTemplate(el, root)) ? found.filter((el) => !inTemplate(el, root)) : found;
  }
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  const out: Element[] = [];
  const top: ParentNode & Node = root;
  // Pre-order walk of the descendants (not `root` itself, as querySelectorAll).
  let el: Element | null = top.firstElementChild;
  while (el) {
    const name = el.localName;
    if (wanted.has(name) || wanted.has(name.toLowerCase())) out.push(el);
    // linkedom's selectors do not look inside <template> (its content is inert).
    const down = name === 'template' ? null : el.firstElementChild;
    if (down) {
      el = down;
      continue;
    }
    while (el && el !== top && !el.nextElementSibling) el = el.parentNode as Element | null;
    el = el && el !== top ? el.nextElementSibling : null;
  }
  return out;
}

/** The value of `prop` in an inline style attribute, as linkedom's CSSStyleDeclaration reads it. */
export function inlineStyleValue(style: string, prop: string): string {
  let value = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const colon = rule.indexOf(':');
    if (colon < 0) continue;
    if (rule.slice(0, colon).trim() !== prop) continue;
    const v = rule.slice(colon + 1).trim();
    if (v) value = v;
  }
  return value;
}

function probablyVisible(node: Element): boolean {
  const style = node.getAttribute('style');
  if (style && style.includes(':')) {
    if (inlineStyleValue(style, 'display') === 'none') return false;
    if (inlineStyleValue(style, 'visibility') === 'hidden') return false;
  }
  if (node.hasAttribute('hidden')) return false;
  if (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true') return true;
  const cls = node.className as unknown;
  return typeof cls === 'string' && cls.includes('fallback-image');
}

const NOT_SPACE = /\S/;

/** textContent.trim().length > 0 (trim and \s agree on what a space is), stopping at the first text found. */
export function hasText(el: Node): boolean {
  let n: Node | null = el.firstChild;
  while (n) {
    const type = n.nodeType;
    // Text and CDATA: what textContent joins.
    if (type === 3 || type === 4) {
      if (NOT_SPACE.test((n as CharacterData).data)) return true;
    } else if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    n = n && n !== el ? n.nextSibling : null;
  }
  return false;
}

interface ReadabilitySelf {
  ELEMENT_NODE: number;
}

function elementWithoutContent(this: ReadabilitySelf, node: Element): boolean {
  if (node.nodeType !== this.ELEMENT_NODE || hasText(node)) return false;
  const children = node.children.length;
  return !children || children === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
}

interface ReadabilityInternals {
  _getAllNodesWithTag?: (node: Tagged, tagNames: string[]) => ArrayLike<Element>;
  _isProbablyVisible?: (node: Element) => boolean;
  _isValidByline?: (this: { REGEXPS: { byline: RegExp } }, node: Element, matchString: string) => boolean;
  _isElementWithoutContent?: (this: ReadabilitySelf, node: Element) => boolean;
}

function validByline(this: { REGEXPS: { byline: RegExp } }, node: Element, matchString: string): boolean {
  const rel = node.getAttribute('rel');
  const itemprop = node.getAttribute('itemprop');
  if (!(rel === 'author' || (itemprop && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString))) return false;
  const length = (node.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

const proto = Readability.prototype as unknown as ReadabilityInternals;

/** Readability's own versions, kept so tests can hold ours to their answers. */
export const stockHelpers = {
  getAllNodesWithTag: proto._getAllNodesWithTag,
  isProbablyVisible: proto._isProbablyVisible,
  isValidByline: proto._isValidByline,
  isElementWithoutContent: proto._isElementWithoutContent,
};

/** Whether the faster helpers are in place (false when Readability's shape changed). */
export const readabilitySpedUp: boolean = (() => {
  if (typeof proto._getAllNodesWithTag !== 'function' || proto._getAllNodesWithTag.length !== 2) return false;
  if (typeof proto._isProbablyVisible !== 'function' || proto._isProbablyVisible.length !== 1) return false;
  if (typeof proto._isValidByline !== 'function' || proto._isValidByline.length !== 2) return false;
  if (typeof proto._isElementWithoutContent !== 'function' || proto._isElementWithoutContent.length !== 1) return false;
  // The byline test uses Readability's own pattern; it must not carry state between calls.
  const byline = (Readability.prototype as unknown as { REGEXPS?: { byline?: unknown } }).REGEXPS?.byline;
  if (!(byline instanceof RegExp) || byline.global || byline.sticky) return false;
  proto._getAllNodesWithTag = allWithTag;
  proto._isProbablyVisible = probablyVisible;
  proto._isValidByline = validByline;
  proto._isElementWithoutContent = elementWithoutContent;
  return true;
})();

export { allWithTag as elementsWithTag, probablyVisible as isProbablyVisible, validByline as isValidByline, elementWithoutContent };
