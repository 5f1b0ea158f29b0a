/// <reference lib="dom" />
// One walk over a page's elements, sorting out the ones the metadata reader looks at (meta
// tags, JSON-LD scripts, microdata, <time>, <h1>, byline- and date-like elements). On
// linkedom every querySelectorAll is a walk of the whole document through a compiled CSS
// matcher; a dozen of them cost more than the rest of the metadata reading put together,
// so the selectors are written here once as plain predicates over a single walk. Each
// list is in document order, as querySelectorAll would give it, and skips the inside of
// <template> as it does. The class words, attribute values and link paths that mark an
// element are in rule-tokens.ts.
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';

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

const LABEL_TAGS = new Set(['dt', 'th', 'h3', 'h4', 'h5', 'h6', 'strong', 'b']);

/** The attribute values and class / id parts that mark elements, read once per rule set. */
interface Marks {
  bylineItemprops: ReadonlySet<string>;
  bylineClassTokens: readonly string[];
  bylineIds: readonly string[];
  bylineRels: ReadonlySet<string>;
  bylineTestIds: readonly string[];
  timeClass: readonly string[];
  dateIds: readonly string[];
  headline: ReadonlySet<string>;
  author: readonly string[];
  published: readonly string[];
  modified: readonly string[];
}

const marksOf = new WeakMap<Rules, Marks>();

function marks(rules: Rules): Marks {
  let m = marksOf.get(rules);
  if (!m) {
    m = {
      bylineItemprops: rules.set('bylineItemprops'), bylineClassTokens: rules.tokens('bylineClassTokens'), bylineIds: rules.tokens('bylineIdParts'),
      bylineRels: rules.set('bylineRels'), bylineTestIds: rules.tokens('bylineTestIds'), timeClass: rules.tokens('timeClassParts'), dateIds: rules.tokens('dateIdParts'),
      headline: rules.set('microHeadlineProps'), author: rules.tokens('microAuthorProps'), published: rules.tokens('microPublishedProps'), modified: rules.tokens('microModifiedProps'),
    };
    marksOf.set(rules, m);
  }
  return m;
}

// Each list of class substrings is one pattern (rules.bylineClass, rules.dateClass): a test
// per element rather than a loop with a callback (this runs for every element of every page,
// and V8 recompiles it as pages bring new kinds).
function isByline(el: Element, cls: string, id: string, itemprop: string, rules: Rules, m: Marks): boolean {
  if (itemprop && m.bylineItemprops.has(itemprop)) return true;
  if (cls && (rules.bylineClass.test(cls) || m.bylineClassTokens.some((tok) => hasToken(cls, tok)))) return true;
  if (id && m.bylineIds.some((part) => id.includes(part))) return true;
  // rel is matched without regard to case in HTML; the other attributes are not.
  const rel = el.getAttribute('rel');
  if (rel && m.bylineRels.has(rel.toLowerCase())) return true;
  const testId = el.getAttribute('data-testid');
  return !!testId && m.bylineTestIds.some((part) => testId.includes(part));
}

function isDateLike(tag: string, cls: string, id: string, rules: Rules, m: Marks): boolean {
  if (cls && (rules.dateClass.test(cls) || (tag !== 'time' && m.timeClass.some((part) => cls.includes(part))))) return true;
  return !!id && m.dateIds.some((part) => id.includes(part));
}

export function pageElements(document: Document, rules: Rules = DEFAULT_RULES): PageElements {
  const m = marks(rules);
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
      if (m.headline.has(itemprop)) out.microHeadlines.push(el);
      if (m.author.some((p) => hasToken(itemprop, p))) out.microAuthors.push(el);
      if (m.published.some((p) => hasToken(itemprop, p))) out.microPublished.push(el);
      if (m.modified.some((p) => hasToken(itemprop, p))) out.microModified.push(el);
    }
    if (tag === 'script' && el.hasAttribute('type')) out.typedScripts.push(el);
    else if (tag === 'time') out.times.push(el);
    else if (tag === 'h1') out.h1s.push(el);
    else if (tag === 'title') out.title ??= el;
    else if (tag === 'link' && !out.canonical && hasToken((el.getAttribute('rel') ?? '').toLowerCase(), 'canonical')) out.canonical = el;
    else if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href && rules.authorHref.test(href)) out.authorLinks.push(el);
    }
    if (LABEL_TAGS.has(tag)) out.labels.push(el);
    if (isByline(el, cls, id, itemprop, rules, m)) out.bylines.push(el);
    if (isDateLike(tag, cls, id, rules, m)) out.dateLike.push(el);
    if (tag === 'template') continue;
    // Last child first, so the first pops first (document order); sibling links rather than
    // .children, which linkedom builds afresh as an array each time.
    for (let k = el.lastElementChild; k; k = k.previousElementSibling) stack.push(k);
  }
  return out;
}

/** Whether the element's own class or id names a readers' comment section. */
export function namesComment(el: Element, rules: Rules = DEFAULT_RULES): boolean {
  return rules.tokens('commentParts').some((part) => mentions(el, part));
}

/** The element or an ancestor of it names a readers' comment section. */
export function inComments(el: Element, rules: Rules = DEFAULT_RULES): boolean {
  return closest(el, (a) => namesComment(a, rules));
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
