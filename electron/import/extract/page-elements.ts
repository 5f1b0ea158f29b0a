/// <reference lib="dom" />
// One walk over a page's elements, sorting out the ones the metadata reader looks at (meta
// tags, JSON-LD scripts, microdata, <time>, <h1>, byline- and date-like elements). On
// linkedom every querySelectorAll is a walk of the whole document through a compiled CSS
// matcher; a dozen of them cost more than the rest of the metadata reading put together,
// so the selectors are written here once as plain predicates over a single walk. Each
// list is in document order, as querySelectorAll would give it, and skips the inside of
// <template> as it does.

export interface PageElements {
  /** <script type=…> */
  typedScripts: Element[];
  metas: Element[];
  /** [itemprop="headline"] that is not a <meta>. */
  microHeadlines: Element[];
  /** [itemprop~="author"|"creator"] that is not a <meta>. */
  microAuthors: Element[];
  /** [itemprop~="datePublished"|"dateCreated"] that is not a <meta>. */
  microPublished: Element[];
  /** [itemprop~="dateModified"] that is not a <meta>. */
  microModified: Element[];
  times: Element[];
  /** rel/itemprop "author", class or id naming an author, byline or writer. */
  bylines: Element[];
  /** Links into an author's page ("/author/", "/autor/", "/redakteur"…). */
  authorLinks: Element[];
  /** class or id naming a date, publication time, dateline or meta line. */
  dateLike: Element[];
  h1s: Element[];
  /** dt, th, h3–h6, strong, b: the small headings a label ("Autor") sits in. */
  labels: Element[];
  title: Element | null;
  /** The first <link rel~="canonical">. */
  canonical: Element | null;
}

const tokens = (v: string) => v.split(/\s+/);

/** [itemprop~=name] with the attribute's token list. A token is a substring too, so most
 * lists are ruled out without being split. */
const hasToken = (list: string, name: string) => list.includes(name) && tokens(list).includes(name);

// Substrings, each list as one pattern: a test per element rather than a loop with a callback
// (this runs for every element of every page, and V8 recompiles it as pages bring new kinds).
const AUTHOR_HREF = /\/author\/|\/authors\/|\/autor\/|\/autoren\/|\/auteur\/|\/autor-|\/redakteur|\/journalist/;
const BYLINE_CLASS = /byline|author|Author|Byline|autor|writer|verfasser/;
const DATE_CLASS = /date|Date|publish|posted|datum|fecha|created|meta|dateline/;
const LABEL_TAGS = new Set(['dt', 'th', 'h3', 'h4', 'h5', 'h6', 'strong', 'b']);

function isByline(el: Element, cls: string, id: string, itemprop: string): boolean {
  if (itemprop === 'author') return true;
  if (cls && (BYLINE_CLASS.test(cls) || hasToken(cls, 'auteur'))) return true;
  if (id && (id.includes('byline') || id.includes('author'))) return true;
  // rel is matched without regard to case in HTML; the other attributes are not.
  if (el.getAttribute('rel')?.toLowerCase() === 'author') return true;
  return el.getAttribute('data-testid')?.includes('byline') ?? false;
}

function isDateLike(tag: string, cls: string, id: string): boolean {
  if (cls && (DATE_CLASS.test(cls) || (tag !== 'time' && cls.includes('time')))) return true;
  return id.includes('date');
}

export function pageElements(document: Document): PageElements {
  const out: PageElements = {
    typedScripts: [], metas: [], microHeadlines: [], microAuthors: [], microPublished: [], microModified: [], times: [],
    bylines: [], authorLinks: [], dateLike: [], h1s: [], labels: [], title: null, canonical: null,
  };
  // From the document's own children: a broken page can leave elements beside <html>.
  const top = document.children;
  const stack: Element[] = [];
  for (let i = top.length - 1; i >= 0; i--) stack.push(top[i]);
  while (stack.length) {
    const el = stack.pop()!;
    const tag = el.localName;
    const cls = el.getAttribute('class') ?? '';
    const id = el.getAttribute('id') ?? '';
    const itemprop = el.getAttribute('itemprop') ?? '';
    if (tag === 'meta') out.metas.push(el);
    else if (itemprop) {
      if (itemprop === 'headline') out.microHeadlines.push(el);
      if (hasToken(itemprop, 'author') || hasToken(itemprop, 'creator')) out.microAuthors.push(el);
      if (hasToken(itemprop, 'datePublished') || hasToken(itemprop, 'dateCreated')) out.microPublished.push(el);
      if (hasToken(itemprop, 'dateModified')) out.microModified.push(el);
    }
    if (tag === 'script' && el.hasAttribute('type')) out.typedScripts.push(el);
    else if (tag === 'time') out.times.push(el);
    else if (tag === 'h1') out.h1s.push(el);
    else if (tag === 'title') out.title ??= el;
    else if (tag === 'link' && !out.canonical && hasToken((el.getAttribute('rel') ?? '').toLowerCase(), 'canonical')) out.canonical = el;
    else if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href && AUTHOR_HREF.test(href)) out.authorLinks.push(el);
    }
    if (LABEL_TAGS.has(tag)) out.labels.push(el);
    if (isByline(el, cls, id, itemprop)) out.bylines.push(el);
    if (isDateLike(tag, cls, id)) out.dateLike.push(el);
    if (tag === 'template') continue;
    // Last child first, so the first pops first (document order); sibling links rather than
    // .children, which linkedom builds afresh as an array each time.
    for (let k = el.lastElementChild; k; k = k.previousElementSibling) stack.push(k);
  }
  return out;
}

/** The element or its nearest ancestor whose class or id mentions a comment. */
export function inComments(el: Element): boolean {
  return closest(el, (a) => mentions(a, 'comment'));
}

/** The element or an ancestor for which `test` holds (Element.closest with a predicate). */
export function closest(el: Element, test: (a: Element) => boolean): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (test(a)) return true;
  return false;
}

/** [class*=word] or [id*=word]. */
export function mentions(el: Element, word: string): boolean {
  return (el.getAttribute('class')?.includes(word) ?? false) || (el.getAttribute('id')?.includes(word) ?? false);
}
