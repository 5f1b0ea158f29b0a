/// <reference lib="dom" />
// Where Readability falls short: page furniture that sits inside or next to the article
// (comment sections, related-article lists, share bars, cookie and subscription banners,
// newsletter sign-ups, "Read more" teasers, image credits). Judged by general signals —
// the words in class/id/role names and the text of short blocks — never by site. The words
// and phrases themselves are in rule-tokens.ts.
import { measureTree, type TreeMeasure } from './dom-text.ts';
import { DEFAULT_RULES, type NameVerdict, type Rules } from './rule-tokens.ts';

const DROP_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'select', 'input', 'textarea', 'dialog', 'iframe', 'noscript', 'template', 'svg']);

/** An element's class and id, the name its furniture words are read from. */
const nameOf = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** The words of a class / id name: each token whole (without "-" and "_") and split on
 * "-", "_" and camelCase, lower case. Furniture words are matched against whole words, so
 * "commentary" or "shared-story" do not match "comment" or "share". */
export function nameWords(name: string): string[] {
  if (name.length > 500 || !name.trim()) return [];
  const words: string[] = [];
  for (const token of name.split(/\s+/)) {
    if (!token) continue;
    const lower = token.toLowerCase();
    words.push(lower.replace(/[-_]/g, ''));
    for (const w of token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[-_\s]+/)) if (w) words.push(w);
  }
  return words;
}

// A strong furniture word ("comments", "related", "newsletter") names a section that can
// be long and prose-like and still not be the article. Any other furniture word ("widget",
// "share", "meta", "cmp"…) also names article containers on some sites, so an element so
// named that holds a good deal of prose is kept.
function judgeName(name: string, rules: Rules): NameVerdict {
  const verdicts = rules.nameVerdicts;
  let v = verdicts.get(name);
  if (v) return v;
  const words = nameWords(name);
  let furniture = words.some((w) => rules.furnitureWords.has(w));
  // "article-meta" inside the article is still furniture, but "article-body" is not.
  if (furniture && rules.articlePartKept.test(name) && !words.some((w) => rules.condemningWord.test(w))) furniture = false;
  v = { furniture, strong: words.some((w) => rules.strongFurnitureWord.test(w)) };
  if (verdicts.size >= 20_000) verdicts.clear();
  verdicts.set(name, v);
  return v;
}

function isStrongFurniture(el: Element, rules: Rules): boolean {
  if (el.localName === 'footer' || el.localName === 'aside' || el.localName === 'nav') return true;
  return judgeName(nameOf(el), rules).strong;
}

function isFurniture(el: Element, rules: Rules): boolean {
  const tag = el.localName;
  if (DROP_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && rules.furnitureRole.test(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style.slice(0, 300))) return true;
  return judgeName(nameOf(el), rules).furniture;
}

const PROTECTED = new Set(['html', 'body', 'main', 'article']);

/**
 * Remove furniture from the page before Readability scores it. An element holding a large
 * share of the page's prose (text outside links) is never removed, whatever its name or tag
 * says: some sites wrap everything in a <form>, call the article container "widget" or
 * "share", or put a whole blog inside an <aside>. Its furniture children are still judged.
 */
export function removeFurniture(document: Document, measured?: TreeMeasure, rules: Rules = DEFAULT_RULES): number {
  const body = document.body;
  if (!body) return 0;
  // The caller may have measured the body already (one pass over a large page is enough).
  const { textLength, linkLength } = measured ?? measureTree(body);
  const prose = (el: Element) => (textLength.get(el) ?? 0) - (linkLength.get(el) ?? 0);
  const pageProse = Math.max(prose(body), 1);
  let removed = 0;
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    // Last child first through sibling links (the previous one is read before a removal).
    for (let c = el.lastElementChild, prev: Element | null; c; c = prev) {
      prev = c.previousElementSibling;
      if (!PROTECTED.has(c.localName) && isFurniture(c, rules) && !c.querySelector('h1')) {
        const p = prose(c);
        const limit = isStrongFurniture(c, rules) ? pageProse * 0.3 : Math.min(pageProse * 0.3, 800);
        if (p < limit || p < 300) {
          c.remove();
          removed++;
          continue;
        }
      }
      stack.push(c);
    }
  }
  return removed;
}

/** Is this short block a teaser, share prompt or sign-up, not article text? */
export function isTeaserText(text: string, rules: Rules = DEFAULT_RULES): boolean {
  const t = text.trim();
  if (!t || t.length > 160) return false;
  return rules.teaser.test(t);
}

/**
 * Caption texts anywhere on the page (figcaptions and caption-named blocks), paragraph by
 * paragraph: text that sits outside Readability's article can then be told from prose.
 */
export function pageCaptionTexts(root: Element, rules: Rules = DEFAULT_RULES): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll('figcaption, [class]'))) {
    const name = el.localName === 'figcaption' ? 'figcaption' : `${el.getAttribute('class') ?? ''}`.slice(0, 300);
    if (el.localName !== 'figcaption' && (!rules.captionName.test(name) || el.localName === 'figure')) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t && t.length < 600) out.push(t);
  }
  return out;
}

/**
 * Take captions out of the extracted article: figcaptions and caption-named elements go to
 * the captions list (without their credit lines), credit-only elements are dropped, and
 * teaser / share / sign-up blocks are removed.
 */
export function liftCaptionsAndTeasers(root: Element, rules: Rules = DEFAULT_RULES): string[] {
  const captions: string[] = [];
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const { textLength } = measureTree(root);
  const removed = new Set<Element>();
  const gone = (el: Element) => {
    for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (removed.has(p)) return true;
    return false;
  };
  for (const el of Array.from(root.querySelectorAll('[class], [id], figcaption'))) {
    if (removed.size && gone(el)) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.slice(0, 300);
    // A caption-named wrapper that holds several paragraphs is the article, not a caption.
    const isCaption = el.localName === 'figcaption' ||
      (rules.captionName.test(name) && el.localName !== 'figure' && (textLength.get(el) ?? 0) < 600);
    if (isCaption) {
      for (const credit of Array.from(el.querySelectorAll('*'))) {
        const cn = `${credit.getAttribute('class') ?? ''}`;
        if (rules.creditName.test(cn)) credit.remove();
      }
      const t = clean(el.textContent ?? '');
      if (t && !captions.includes(t)) captions.push(t);
      el.remove();
      removed.add(el);
      continue;
    }
    if (rules.creditName.test(name) && (textLength.get(el) ?? 0) < 300 && clean(el.textContent ?? '').length < 200) {
      el.remove();
      removed.add(el);
      continue;
    }
  }
  // Teasers: short leaf-ish blocks whose text reads as a call to action.
  for (const el of Array.from(root.querySelectorAll('p, div, li, h2, h3, h4, h5, h6, strong, span, section, aside, ul'))) {
    // Sizes measured before captions were lifted only ever overestimate: still safe.
    if ((textLength.get(el) ?? 0) > 160) continue;
    // A wrapper around a single element says what its child says; judge the child.
    if (el.childNodes.length === 1 && el.firstChild?.nodeType === 1) continue;
    const t = el.textContent ?? '';
    if (t.length <= 160 && isTeaserText(t, rules)) el.remove();
  }
  return captions;
}
