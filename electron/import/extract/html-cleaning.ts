/// <reference lib="dom" />
import { measureTree, type TreeMeasure } from './dom-text.ts';
// Where Readability falls short: page furniture that sits inside or next to the article
// (comment sections, related-article lists, share bars, cookie and subscription banners,
// newsletter sign-ups, "Read more" teasers, image credits). Judged by general signals —
// the words in class/id/role names and the text of short blocks — never by site.

// Words in class / id / role names that mark furniture. Matched against whole words of a
// name split on "-", "_" and camelCase, so "commentary" or "shared-story" do not match.
const FURNITURE_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'commentform', 'disqus', 'respond', 'discussion',
  'related', 'relatedposts', 'relatedarticles', 'recommended', 'recommendations', 'recirculation', 'recirc',
  'outbrain', 'taboola', 'plista', 'ligatus', 'zergnet',
  'share', 'sharing', 'sharebar', 'sharetools', 'shareline', 'social', 'socials', 'sociallinks', 'addthis', 'shariff',
  'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'paywall', 'regwall', 'piano',
  'cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'onetrust',
  'promo', 'promotion', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adslot', 'adunit', 'dfp', 'sponsor', 'sponsored',
  'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'skiplink', 'skip',
  'popular', 'mostread', 'mostpopular', 'trending', 'toptrending', 'morestories', 'readmore', 'readnext', 'upnext', 'whatsnext',
  'sidebar', 'widget', 'widgets', 'toolbar', 'tags', 'tagcloud', 'taglist', 'keywords', 'topics',
  'authorbio', 'bio', 'byline', 'meta', 'postmeta', 'entrymeta', 'dateline', 'timestamp',
  'footer', 'masthead', 'nav', 'navbar', 'navigation', 'menu', 'print', 'rating', 'reactions', 'banner', 'modal', 'overlay', 'popup',
]);

// Words that alone do not condemn (they often name the article's own parts).
const KEEP_WORDS = /(?:^|[-_\s])(?:article|content|body|text|story|entry|post)(?:[-_\s]|$)(?!.*(?:comment|related|share|newsletter))/i;

const DROP_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'select', 'input', 'textarea', 'dialog', 'iframe', 'noscript', 'template', 'svg']);
const DROP_ROLES = /^(?:navigation|complementary|banner|contentinfo|search|dialog|alertdialog|menu|menubar|toolbar)$/i;

/** An element's class and id, the name its furniture words are read from. */
const nameOf = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

function nameWords(name: string): string[] {
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

// Furniture words whose section can be long and prose-like and still not be the article
// (a comment thread, a cookie notice, a list of related stories). Any other furniture word
// ("widget", "share", "meta", "cmp"…) also names article containers on some sites, so an
// element so named that holds a good deal of prose is kept.
const STRONG_WORDS = /^(?:comments?|commentlist|commentform|disqus|respond|discussion|related\w*|recommend\w*|recirc\w*|outbrain|taboola|plista|ligatus|zergnet|newsletters?|subscribe|subscription|signup|paywall|regwall|cookies?|consent|gdpr|onetrust|popular|mostread|mostpopular|trending|toptrending|morestories|readmore|readnext|upnext|whatsnext|sidebar|footer|breadcrumbs?|pagination|pager|ads?|adslot|adunit|advert\w*|dfp)$/;

/** What an element's name says, worked out once per distinct name: a page repeats a few
 * dozen class names over thousands of elements, and splitting them is most of the judging. */
interface NameVerdict {
  furniture: boolean;
  strong: boolean;
}
const verdicts = new Map<string, NameVerdict>();

function judgeName(name: string): NameVerdict {
  let v = verdicts.get(name);
  if (v) return v;
  const words = nameWords(name);
  let furniture = words.some((w) => FURNITURE_WORDS.has(w));
  // "article-meta" inside the article is still furniture, but "article-body" is not.
  if (furniture && KEEP_WORDS.test(name) && !words.some((w) => /^(?:comments?|related|share|sharing|newsletter|social|outbrain|taboola|ads?|advert|promo|paywall|cookie|consent)$/.test(w))) furniture = false;
  v = { furniture, strong: words.some((w) => STRONG_WORDS.test(w)) };
  if (verdicts.size >= 20_000) verdicts.clear();
  verdicts.set(name, v);
  return v;
}

function isStrongFurniture(el: Element): boolean {
  if (el.localName === 'footer' || el.localName === 'aside' || el.localName === 'nav') return true;
  return judgeName(nameOf(el)).strong;
}

function isFurniture(el: Element): boolean {
  const tag = el.localName;
  if (DROP_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && DROP_ROLES.test(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style.slice(0, 300))) return true;
  return judgeName(nameOf(el)).furniture;
}

const PROTECTED = new Set(['html', 'body', 'main', 'article']);

/**
 * Remove furniture from the page before Readability scores it. An element holding a large
 * share of the page's prose (text outside links) is never removed, whatever its name or tag
 * says: some sites wrap everything in a <form>, call the article container "widget" or
 * "share", or put a whole blog inside an <aside>. Its furniture children are still judged.
 */
export function removeFurniture(document: Document, measured?: TreeMeasure): number {
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
      if (!PROTECTED.has(c.localName) && isFurniture(c) && !c.querySelector('h1')) {
        const p = prose(c);
        const limit = isStrongFurniture(c) ? pageProse * 0.3 : Math.min(pageProse * 0.3, 800);
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

// Short blocks that are calls to action or teasers, not article text.
const TEASER = /^(?:read more|read also|also read|read next|see also|related(?: articles?| stories| coverage)?\s*:|more on this|more:|recommended|lire aussi|à lire aussi|a lire aussi|voir aussi|lire la suite|lesen sie auch|lesen sie mehr|mehr zum thema|weiterlesen|auch interessant|das könnte sie auch interessieren|leia também|leia mais|veja também|lee también|lea también|leer más|leggi anche|leggi di più|читайте также|sign up|subscribe|follow us|follow @|share this|share on|share:|teilen|partager|compartir|condividi|advertisement|anzeige|werbung|publicidad|publicité|pubblicità|click here|klicken sie hier|newsletter|get our|download the app|all rights reserved|©|copyright)/i;

/** Is this short block a teaser, share prompt or sign-up, not article text? */
export function isTeaserText(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 160) return false;
  return TEASER.test(t);
}

const CAPTION_NAME = /(?:^|[-_\s])(?:caption|figcaption|wp-caption-text|legend|bildunterschrift|image-text|photo-text|img-text)(?:[-_\s]|$)/i;
const CREDIT_NAME = /(?:^|[-_\s])(?:credit|credits|copyright|image-credit|photo-credit|source|fotograf|photographer|byline)(?:[-_\s]|$)/i;

/**
 * Caption texts anywhere on the page (figcaptions and caption-named blocks), paragraph by
 * paragraph: text that sits outside Readability's article can then be told from prose.
 */
export function pageCaptionTexts(root: Element): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll('figcaption, [class*=caption], [class*=Caption], [class*=legend], [class*=bildunterschrift], [class*=image-text], [class*=photo-text], [class*=img-text]'))) {
    const name = el.localName === 'figcaption' ? 'figcaption' : `${el.getAttribute('class') ?? ''}`.slice(0, 300);
    if (el.localName !== 'figcaption' && (!CAPTION_NAME.test(name) || el.localName === 'figure')) continue;
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
export function liftCaptionsAndTeasers(root: Element): string[] {
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
      (CAPTION_NAME.test(name) && el.localName !== 'figure' && (textLength.get(el) ?? 0) < 600);
    if (isCaption) {
      for (const credit of Array.from(el.querySelectorAll('*'))) {
        const cn = `${credit.getAttribute('class') ?? ''}`;
        if (CREDIT_NAME.test(cn)) credit.remove();
      }
      const t = clean(el.textContent ?? '');
      if (t && !captions.includes(t)) captions.push(t);
      el.remove();
      removed.add(el);
      continue;
    }
    if (CREDIT_NAME.test(name) && (textLength.get(el) ?? 0) < 300 && clean(el.textContent ?? '').length < 200) {
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
    if (t.length <= 160 && isTeaserText(t)) el.remove();
  }
  return captions;
}
