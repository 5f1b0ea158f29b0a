/// <reference lib="dom" />
// Metadata evidence an HTML page carries about itself, gathered before the body extractor
// rewrites the DOM: JSON-LD (NewsArticle and kin, @graph), OpenGraph / Twitter / Dublin
// Core / citation_* / CMS meta tags, microdata, <time datetime>, byline elements, the
// canonical URL and Chrome's "saved from url=" comment. Each field keeps its candidates
// in order of trust; choosing among them happens in html-article.ts.
import { closest, inComments, mentions, pageElements, type PageElements } from './page-elements.ts';
import { squash } from './titles.ts';

const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|ScholarlyArticle|TechArticle|SocialMediaPosting|Report|Review|Blog|Posting|DiscussionForumPosting|MedicalWebPage|Recipe|AdvertiserContentArticle|SatiricalArticle)$/i;

export interface LdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
  description: string | null;
}

export interface H1Info {
  text: string;
  /** Text without a kicker / overline child ("Klimaschutz" in "Klimaschutz: Bohren, …"), or null. */
  main: string | null;
  kicker: string | null;
  /** In a logo, header link, nav, aside or footer: names the site, not the article. */
  furniture: boolean;
}

export interface HtmlMetadata {
  ld: LdArticle[];
  /** WebPage / WebSite objects: their dates are weaker evidence than an article's. */
  ldPage: LdArticle[];
  ldSiteNames: string[];
  /** meta name/property/itemprop (lower case) → contents, in document order. */
  meta: Map<string, string[]>;
  microHeadline: string | null;
  microAuthors: string[];
  microDates: string[];
  microModified: string[];
  /** <time datetime> values, those marked as publication first. */
  timeDates: string[];
  /** <time> values in comments, related lists and sidebars: a last resort. */
  asideTimeDates: string[];
  /** Text of byline-like elements (class/id/rel "author", "byline"). */
  bylines: string[];
  /** Text after a date label ("Datum: 26. Januar 2022", "Published on …"). */
  labelledDates: string[];
  /** Text of date-like elements (class "date", "time", "published", "datum", …). */
  dateTexts: string[];
  h1s: string[];
  /** The page's <h1>s read more closely: the headline without its kicker, and whether the
   * element is site furniture (a logo, a navigation or sidebar heading). */
  h1Info: H1Info[];
  /** Author names that the page labels as such: "twitter:label1 = Written by" + data1, a
   * heading "Autor"/"Author" followed by the name. */
  labelledAuthors: string[];
  /** Whole text of elements marked as the author (rel/itemprop/class "author"), where a
   * one-word text is the author's handle. */
  authorElements: string[];
  /** The text after an "Autor"/"Author" heading or term: likely, not certainly, a name. */
  labelledBylines: string[];
  /** Page text around the first <h1> (a little before, more after): where date lines sit. */
  nearH1: string;
  /** Where the <h1> text starts in nearH1: dates before it are often the site header's. */
  nearH1At: number;
  title: string | null;
  canonical: string | null;
  savedFromUrl: string | null;
  lang: string | null;
}

const MAX_LD_SCRIPT = 1_000_000;

/** Parts of a page whose dates are not the article's: comments, related lists, sidebars. */
const ELSEWHERE_TOKEN = /^(?:comments?|comment[-_]|kommentar|commentaire|comentario|related|sidebar|widget|recommend)/i;
// The same words as one part of a compound class ("kb-comment", "post_comments", "user-kommentare").
const ELSEWHERE_PART = /(?:^|[-_])(?:comments?|kommentare?|commentaires?|comentarios?|replies)(?:$|[-_])/i;

function isElsewhere(el: Element): boolean {
  let depth = 0;
  for (let a: Element | null = el; a && a.localName !== 'body' && depth++ < 10; a = a.parentElement) {
    if (a.localName === 'aside' || a.localName === 'nav' || a.localName === 'footer') return true;
    const tokens = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t && (ELSEWHERE_TOKEN.test(t) || ELSEWHERE_PART.test(t)))) return true;
  }
  return false;
}

// JSON-LD written through an HTML-escaping template arrives as "Redacci&oacute;n".
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', hellip: '…', szlig: 'ß' };
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (m, dec: string, hex: string, name: string) => {
    if (dec || hex) {
      const cp = dec ? Number(dec) : parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    if (NAMED_ENTITIES[name]) return NAMED_ENTITIES[name];
    const acc = /^([a-z])(acute|grave|circ|uml|tilde|cedil|ring)$/i.exec(name);
    return acc ? (acc[1] + ACCENTS[acc[2].toLowerCase()]).normalize('NFC') : m;
  });
}

function asString(v: unknown): string | null {
  if (typeof v === 'string') return decodeEntities(v).trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return asString(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return asString(o['@value'] ?? o.name ?? o['@id'] ?? o.url ?? null);
  }
  return null;
}

/** Nodes of the page's JSON-LD by "@id", so that `"author": {"@id": "…#author"}` (Yoast's
 * @graph style) can be read from the Person node it points at. */
type LdIndex = Map<string, Record<string, unknown>>;

function indexLd(v: unknown, ids: LdIndex, depth = 0): void {
  if (v == null || depth > 6 || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 200)) indexLd(x, ids, depth + 1);
    return;
  }
  const o = v as Record<string, unknown>;
  const id = o['@id'];
  // Keep the fullest node for an id: references are bare {"@id"} objects.
  if (typeof id === 'string' && Object.keys(o).length > 1 && !ids.has(id)) ids.set(id, o);
  if (o['@graph']) indexLd(o['@graph'], ids, depth + 1);
}

function ldNames(v: unknown, depth = 0, ids?: LdIndex): string[] {
  if (v == null || depth > 4) return [];
  if (typeof v === 'string') return v.trim() ? [decodeEntities(v).trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => ldNames(x, depth + 1, ids));
  if (typeof v === 'object') {
    let o = v as Record<string, unknown>;
    const ref = o['@id'];
    if (o.name == null && typeof ref === 'string' && ids?.has(ref)) o = ids.get(ref)!;
    const n = o.name ?? (o.givenName || o.familyName ? `${o.givenName ?? ''} ${o.familyName ?? ''}` : null);
    return typeof n === 'string' && n.trim() ? [decodeEntities(n).trim()] : Array.isArray(n) ? ldNames(n, depth + 1, ids) : [];
  }
  return [];
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.replace(/^.*[/#]/, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#]/, ''));
  return [];
}

function toLd(o: Record<string, unknown>, ids: LdIndex): LdArticle {
  const main = o.mainEntityOfPage;
  return {
    headline: asString(o.headline) ?? asString(o.name) ?? asString(o.alternativeHeadline),
    authors: ldNames(o.author ?? o.creator, 0, ids),
    datePublished: asString(o.datePublished) ?? asString(o.dateCreated) ?? asString(o.uploadDate),
    dateModified: asString(o.dateModified),
    publisher: ldNames(o.publisher ?? o.sourceOrganization, 0, ids)[0] ?? null,
    url: asString(o.url) ?? (typeof main === 'string' ? main : asString(main)),
    language: asString(o.inLanguage),
    description: asString(o.description),
  };
}

function walkLd(v: unknown, meta: HtmlMetadata, depth: number, ids: LdIndex): void {
  if (v == null || depth > 6) return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 200)) walkLd(x, meta, depth + 1, ids);
    return;
  }
  if (typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  const types = typesOf(o);
  if (types.some((t) => ARTICLE_TYPES.test(t))) meta.ld.push(toLd(o, ids));
  else if (types.some((t) => /^(?:WebPage|ItemPage|CollectionPage)$/i.test(t))) meta.ldPage.push(toLd(o, ids));
  if (types.some((t) => /^(?:WebSite|Organization|NewsMediaOrganization)$/i.test(t))) {
    const n = asString(o.name);
    if (n) meta.ldSiteNames.push(n);
  }
  if (o['@graph']) walkLd(o['@graph'], meta, depth + 1, ids);
  if (o.mainEntity && typeof o.mainEntity === 'object') walkLd(o.mainEntity, meta, depth + 1, ids);
}

function tryJson(t: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function parseLdJson(text: string): unknown {
  let t = text.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, '');
  let r = tryJson(t);
  // Hand-written JSON-LD breaks in a few usual ways: raw control characters inside strings,
  // trailing commas, a stray closing brace after the object.
  for (let attempt = 0; !r.ok && attempt < 3; attempt++) {
    if (attempt === 0) t = t.replace(/[\u0000-\u001f]+/g, ' ');
    else if (attempt === 1) t = t.replace(/,(\s*[}\]])/g, '$1');
    else {
      const at = /after JSON at position (\d+)/.exec(r.error);
      if (!at) break;
      t = t.slice(0, Number(at[1]));
    }
    r = tryJson(t);
  }
  return r.ok ? r.value : null;
}

/** An attribute by its name in any case: HTML attribute names are case-insensitive, but the
 * parser keeps them as written ("dateTime" from a JSX template, "CONTENT" from an old CMS). */
export function attr(el: Element, name: string): string | null {
  const v = el.getAttribute(name);
  if (v != null) return v;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) if (attrs[i].name.toLowerCase() === name) return attrs[i].value;
  return null;
}

function dateTimeAttr(el: Element): string | null {
  return attr(el, 'datetime');
}

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element with its element pieces spaced ("<span>By</span><a>Jane</a>" → "By
 * Jane"); text nodes that sit side by side ("Aren", "’", "t" around an entity) stay joined. */
export function spacedText(el: Element, max = 400): string {
  const parts: string[] = [];
  let len = 0;
  const stack: Node[] = [el];
  while (stack.length && len < max) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      parts.push(v);
      len += v.length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = (n as Element).localName;
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    if (n !== el) parts.push(' ');
    // The closing side of the element gets a space too, pushed first so it pops last.
    if (n !== el) stack.push(SPACE);
    for (let k = n.lastChild; k; k = k.previousSibling) stack.push(k);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

// A stand-in text node for the space after an element (never part of a document).
const SPACE = { nodeType: 3, nodeValue: ' ' } as unknown as Node;

// A label that introduces the publication date (not an update: "Stand", "aktualisiert").
const DATE_LABEL = /^(?:datum|date|published(?: on)?|publication date|date published|ver[öo]ffentlicht(?: am)?|erschienen(?: am)?|erstellt am|publiziert am|publi[ée](?: le)?|date de publication|mis en ligne(?: le)?|mise en ligne(?: le)?|publicado(?: el| em)?|fecha(?: de publicaci[óo]n)?|data(?: di pubblicazione| de publica[çc][ãa]o)?|pubblicato(?: il)?|gepubliceerd(?: op)?|opublikowano|опубликовано)\s*:?(?=\s|$)/i;

const BYLINE_START = /^(?:by|von|par|por|door|av|af|от|written|posted|text|autor(?:in|en|innen)?|authors?|auteur|escrito|publicado|erstellt|verfasst|geschrieben|ein (?:artikel|beitrag|text)|(?:blog[- ]?)?beitrag von|redaktion\s*:)(?!\w)/i;
// A short element whose text starts like a byline, wherever it sits.
const BYLINE_TEXT = /^(?:by|von|par|por|door|av|af|от|written by|posted by|text(?:\s*(?:&|und)\s*fotos?)?\s*:|autor(?:in)?\s*:|autor(?:en|innen)\s*:?|authors?\s*:|auteur\s*:|escrito por|publicado por|erstellt von|verfasst von|geschrieben von|ein (?:artikel|beitrag|text) von|(?:blog[- ]?)?beitrag von|redaktion\s*:)\s*\S/i;

export function collectHtmlMetadata(document: Document, rawHtml: string): HtmlMetadata {
  const meta: HtmlMetadata = {
    ld: [], ldPage: [], ldSiteNames: [], meta: new Map(), microHeadline: null, microAuthors: [],
    microDates: [], microModified: [], timeDates: [], asideTimeDates: [], bylines: [], labelledDates: [], dateTexts: [], h1s: [], h1Info: [], labelledAuthors: [], authorElements: [], labelledBylines: [], nearH1: '', nearH1At: 0, title: null, canonical: null,
    savedFromUrl: null, lang: null,
  };
  const els = pageElements(document);
  readStructuredData(els, meta);
  readMicrodata(els, meta);
  readTimes(els, meta);
  readBylineElements(els, meta);
  const h2s = readTextLines(document, meta);
  readAuthorLinksAndDateTexts(els, meta);
  readHeadings(els, meta, h2s);
  meta.title = text(els.title) || null;
  meta.canonical = els.canonical?.getAttribute('href')?.trim() || null;
  const saved = /<!--\s*saved from url=\(\d+\)\s*([^\s>]{1,2000}?)\s*-->/i.exec(rawHtml.slice(0, 4096));
  if (saved) meta.savedFromUrl = saved[1];
  meta.lang = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang') ?? null;
  return meta;
}

// collectHtmlMetadata's parts, each a function of its own. Each is optimised (and, as pages
// bring new kinds of element, deoptimised and optimised again) on its own: as one function
// of 150 lines with its helpers inlined, every new element class made V8 recompile all of
// it, some 80 ms a time, a dozen times in an import's first few hundred pages.

/** JSON-LD blocks and <meta> tags. */
function readStructuredData(els: PageElements, meta: HtmlMetadata): void {
  const ldRoots: unknown[] = [];
  for (const s of els.typedScripts) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const body = s.textContent ?? '';
    if (body.length > MAX_LD_SCRIPT) continue;
    ldRoots.push(parseLdJson(body));
  }
  const ids: LdIndex = new Map();
  for (const r of ldRoots) indexLd(r, ids);
  for (const r of ldRoots) walkLd(r, meta, 0, ids);
  for (const m of els.metas) {
    const key = (attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'itemprop') ?? attr(m, 'http-equiv') ?? '').toLowerCase().trim();
    const content = attr(m, 'content');
    if (!key || content == null || !content.trim()) continue;
    const list = meta.meta.get(key) ?? [];
    list.push(content.replace(/\s+/g, ' ').trim());
    meta.meta.set(key, list);
  }
}

/** Microdata outside <meta>: headline, authors, dates. */
function readMicrodata(els: PageElements, meta: HtmlMetadata): void {
  const h = els.microHeadlines[0];
  if (h) meta.microHeadline = text(h) || null;
  for (const el of els.microAuthors.slice(0, 10)) {
    const name = el.querySelector('[itemprop="name"]');
    const v = name ? (name.getAttribute('content') ?? text(name)) : text(el);
    if (v) meta.microAuthors.push(v);
  }
  for (const el of els.microPublished.slice(0, 5)) {
    const v = dateTimeAttr(el) ?? el.getAttribute('content') ?? text(el);
    if (v) meta.microDates.push(v);
  }
  for (const el of els.microModified.slice(0, 3)) {
    const v = dateTimeAttr(el) ?? el.getAttribute('content') ?? text(el);
    if (v) meta.microModified.push(v);
  }
}

/** <time> elements: marked publication times first, then the others. */
function readTimes(els: PageElements, meta: HtmlMetadata): void {
  const marked: string[] = [];
  const plain: string[] = [];
  for (const t of els.times.slice(0, 50)) {
    const v = dateTimeAttr(t) ?? '';
    const hint = `${t.getAttribute('class') ?? ''} ${t.getAttribute('itemprop') ?? ''} ${t.parentElement?.getAttribute('class') ?? ''}`.toLowerCase();
    if (/modif|updat|aktualisiert/.test(hint)) continue;
    // Readers' comments, related-article lists and sidebars carry their own dates.
    const value = v.trim() || text(t);
    if (!value) continue;
    if (isElsewhere(t)) {
      if (meta.asideTimeDates.length < 5) meta.asideTimeDates.push(value);
      continue;
    }
    if (t.hasAttribute('pubdate') || /publi|date-?pub|posted|created/.test(hint)) marked.push(value);
    else plain.push(value);
  }
  meta.timeDates = [...marked, ...plain];
}

/** Elements marked as bylines (rel, itemprop, class or id). */
function readBylineElements(els: PageElements, meta: HtmlMetadata): void {
  for (const el of els.bylines.slice(0, 30)) {
    if (inComments(el)) continue;
    const v = spacedText(el);
    if (v && v.length < 200) meta.bylines.push(v);
    if (v && v.length < 40 && meta.authorElements.length < 10) meta.authorElements.push(v);
  }
}

/** Byline and labelled-date lines found by their text; returns the page's first <h2>s. */
function readTextLines(document: Document, meta: HtmlMetadata): Element[] {
  // Byline-like lines anywhere: found from their text nodes ("By", "Von …") in one linear
  // walk, then read from the enclosing element with its inline pieces spaced.
  const body = document.body;
  const h2s: Element[] = [];
  if (body) {
    const stack: Node[] = [body];
    let visited = 0;
    while (stack.length && visited++ < 200_000 && meta.bylines.length < 60) {
      const n = stack.pop()!;
      if (n.nodeType === 3) {
        const v = (n.nodeValue ?? '').trim();
        // "05.02.2020 <span>- Redaktion: Eva Fuhr</span>": a date line that goes on as a byline.
        const dated = v.length < 120 && v.charCodeAt(0) >= 48 && v.charCodeAt(0) <= 57 && LEADING_DATE.test(v);
        if (v.length < 120 && (BYLINE_START.test(v.replace(LEADING_SEPARATOR, '')) || dated)) {
          let el = n.parentElement;
          // The enclosing line, unless it holds much more than the byline (a teaser box).
          if (el && /^(?:span|a|strong|b|em|i|small)$/.test(el.localName) && el.parentElement && spacedText(el.parentElement, 200).length < 120) el = el.parentElement;
          let t = el ? spacedText(el, 160) : v;
          // A byline run into a longer meta line ("Posted by Jane under <a>Category</a>, …"):
          // its own text, up to the word that leads into the rest.
          const into = t.length >= 120 && el?.localName !== 'p' ? INTO_CATEGORY.exec(v) : null;
          if (into) t = v.slice(0, into.index);
          const line = t.replace(LEADING_SEPARATOR, '');
          if (t.length < 120 && (BYLINE_TEXT.test(line) || bylineAfterDate(t)) && !(el && inComments(el))) meta.bylines.push(line);
        } else if (v.length < 60 && meta.labelledDates.length < 5 && DATE_LABEL.test(v)) {
          // "Datum: 26. Januar 2022", or "Datum" in one element and the date after it: in the
          // next element, or as text beside the label's element ("<span>Datum:</span> 26. …").
          const el = n.parentElement;
          const t = `${v} ${v.replace(DATE_LABEL, '').trim() ? '' : el ? textAfter(el, 80) : ''}`.trim();
          if (!(el && inComments(el))) meta.labelledDates.push(t);
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const tag = (n as Element).localName;
      if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template' || tag === 'nav' || tag === 'footer') continue;
      if (tag === 'h2' && h2s.length < 20) h2s.push(n as Element);
      for (let k = n.lastChild; k; k = k.previousSibling) stack.push(k);
    }
  }
  return h2s;
}

/** Links to author pages, and the text of date-like elements. */
function readAuthorLinksAndDateTexts(els: PageElements, meta: HtmlMetadata): void {
  for (const el of els.authorLinks.slice(0, 5)) {
    if (closest(el, (a) => a.localName === 'nav' || a.localName === 'footer' || mentions(a, 'comment') || (a.getAttribute('class')?.includes('menu') ?? false))) continue;
    const v = text(el);
    if (v && v.length < 80) meta.bylines.push(v);
  }
  for (const el of els.dateLike.slice(0, 30)) {
    if (inComments(el)) continue;
    // Spaced: "<span>Feb 18</span><span>2009</span>" is "Feb 18 2009", not "Feb 182009".
    const v = spacedText(el, 240);
    if (v && v.length < 200) meta.dateTexts.push(v);
  }
}

/** The <h1>s, the headline's heading and the text around it. */
function readHeadings(els: PageElements, meta: HtmlMetadata, h2s: Element[]): void {
  const h1Els = els.h1s.slice(0, 5);
  meta.h1s = h1Els.map(text).filter(Boolean);
  const infos = h1Els.map(readH1);
  meta.h1Info = infos.filter((x): x is H1Info => !!x);
  meta.labelledAuthors = twitterLabelledAuthors(meta.meta);
  meta.labelledBylines = labelledBylines(els.labels);
  // The headline's <h1>: the first one that is not the site's logo in the page header; on a
  // page without one, an <h2> that the <title> or og:title names (a blog whose <h1> is its
  // name, or that has none).
  const firstH1 = h1Els.find((_, i) => infos[i] && !infos[i]!.furniture) ?? titledHeading(h2s, [text(els.title), ...(meta.meta.get('og:title') ?? [])]) ?? h1Els[0];
  if (firstH1) {
    // Walk up until the ancestor holds some text besides the headline, then read from the
    // headline on: the byline and date line follow it in nearly every layout.
    let box: Element = firstH1;
    const h1Text = spacedText(firstH1, 300);
    for (let i = 0; i < 4 && box.parentElement; i++) {
      box = box.parentElement;
      if (spacedText(box, 3000).length > h1Text.length + 200) break;
    }
    const t = spacedText(box, 6000);
    const at = t.indexOf(h1Text.slice(0, 40));
    const start = Math.max(0, at >= 0 ? at - 300 : 0);
    meta.nearH1 = t.slice(start, (at >= 0 ? at : 0) + 1500);
    meta.nearH1At = at >= 0 ? at - start : 0;
  }
}

/** The text after a label's element: its next sibling nodes, text or elements, up to `max`. */
function textAfter(el: Element, max: number): string {
  let out = '';
  for (let n = el.nextSibling; n && out.length < max; n = n.nextSibling) {
    if (n.nodeType === 3) out += ` ${n.nodeValue ?? ''}`;
    else if (n.nodeType === 1) out += ` ${spacedText(n as Element, max)}`;
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
}

const LEADING_DATE = /^(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.?\s\p{L}{3,12}\.?,?\s\d{4})(?:,?\s{1,3}\d{1,2}[:.]\d{2}(?:\s?uhr)?)?(?:\s*[|·•,–—-]\s*|\s*$)/iu;
// A bar or dash that sets a byline apart from what stands before it.
const LEADING_SEPARATOR = /^[|·•–—-]\s*/;
// "Posted by Jane under" + a category link: the word that ends the name.
const INTO_CATEGORY = /\s(?:under|filed under|in|im|unter|dans|en)$/i;

/** "05.02.2020 - Redaktion: Eva Fuhr" → "Redaktion: Eva Fuhr"; null when no byline follows the date. */
function bylineAfterDate(v: string): string | null {
  const m = LEADING_DATE.exec(v);
  if (!m) return null;
  const rest = v.slice(m[0].length);
  return BYLINE_TEXT.test(rest) ? rest : null;
}

/** The first heading whose text the page's title holds, as a whole or as one of its parts. */
function titledHeading(heads: Element[], titles: (string | null)[]): Element | null {
  const ts = titles.map((t) => squash(t ?? '')).filter((t) => t.length >= 8);
  if (!ts.length) return null;
  for (const h of heads) {
    const q = squash(text(h));
    if (q.length >= 8 && ts.some((t) => t.includes(q) && q.length >= t.length * 0.3)) return h;
  }
  return null;
}

// Class names of the small line above or inside a headline that names its topic.
const KICKER_CLASS = /kicker|dachzeile|topline|overline|over-title|eyebrow|roofline|pre-?title|pre-?head|supertitle|super-title|spitzmarke|rubric|flag|label|category|ressort|theme|topic|subline|sub-?title|small|titleheader|fake-h\d/i;
// Class tokens of page furniture ("site-logo", "site-branding", "widget_text"); tokens that
// merely mention one ("sidebar-off", "sidebar-wrapper" around the whole page) do not count.
const FURNITURE_TOKEN = /^(?:(?:site-|header-)?logo|brand|(?:site-)?branding|site-?title|site-?name|sidebar|(?:primary-|secondary-)?sidebar-(?:left|right|primary|secondary)|widget(?:-area|_[a-z0-9_-]+)?)$/i;

function isFurniture(h: Element): boolean {
  let depth = 0;
  for (let a: Element | null = h; a && a.localName !== 'body' && a.localName !== 'html' && depth++ < 8; a = a.parentElement) {
    if (a.localName === 'nav' || a.localName === 'footer' || a.localName === 'aside') return true;
    const tokens = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t && FURNITURE_TOKEN.test(t))) return true;
  }
  return false;
}

function readH1(h: Element): H1Info | null {
  const full = text(h).slice(0, 600);
  if (!full) return null;
  let furniture = isFurniture(h);
  // A heading that is a link to the home page is the site's name.
  const a = h.querySelector('a[href]') ?? h.closest('a[href]');
  if (a) {
    const href = a.getAttribute('href') ?? '';
    if (/^(?:\/|\.\/|index\.\w+|https?:\/\/[^/]+\/?)$/i.test(href.trim()) && text(a).length >= full.length * 0.8) furniture = true;
  }
  let main: string | null = null;
  let kicker: string | null = null;
  // "<h1><span itemprop=headline><small>Kicker</small> Headline</span></h1>": look inside
  // a wrapper that holds all of the text.
  let box: Element = h;
  for (let i = 0; i < 2; i++) {
    const only = Array.from(box.children).filter((k) => text(k));
    if (only.length === 1 && text(only[0]) === text(box)) box = only[0];
    else break;
  }
  const kids = Array.from(box.children).filter((k) => k.localName !== 'br' && text(k));
  const marked = kids.find((k) => KICKER_CLASS.test(`${k.getAttribute('class') ?? ''} ${k.getAttribute('id') ?? ''}`));
  const first = kids[0];
  if (marked && full.startsWith(text(marked)) && full.length > text(marked).length + 8) kicker = text(marked);
  else if (first && kids.length <= 2 && /^(?:span|small|em|strong|b)$/.test(first.localName) && full.startsWith(text(first))) {
    // A short first piece set apart in its own element, the headline proper after it
    // ("<h1><span>Olympische Spiele in Paris</span> Getränke per Schiff …</h1>").
    const k0 = text(first);
    const rest = full.slice(k0.length).replace(/^[\s:|–—-]+/, '');
    if (k0.split(' ').length <= 6 && rest.split(' ').length >= 3 && rest.length > k0.length) kicker = k0;
  }
  if (kicker) {
    const at = full.indexOf(kicker);
    if (at === 0) main = full.slice(kicker.length).replace(/^[\s:|–—-]+/, '').trim() || null;
  }
  if (!main) kicker = null;
  return { text: full, main, kicker, furniture };
}

const AUTHOR_LABEL = /^(?:written by|verfasst von|geschrieben von|autor(?:in)?|autoren|author|authors|auteur|auteurs|autore|autori|escrito por|by|von|text)\s*:?$/i;

/** Yoast and others: <meta name="twitter:label1" content="Verfasst von"> + twitter:data1. */
function twitterLabelledAuthors(metaMap: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const label = metaMap.get(`twitter:label${i}`)?.[0];
    const data = metaMap.get(`twitter:data${i}`)?.[0];
    if (label && data && AUTHOR_LABEL.test(label.trim())) out.push(data);
  }
  return out;
}

function labelledBylines(labels: Element[]): string[] {
  const out: string[] = [];
  // A small heading or term "Autor" with the name in the next element (dt/dd, h4/p).
  for (const el of labels.slice(0, 2000)) {
    if (el.childElementCount > 1) continue;
    const t = (el.textContent ?? '').trim();
    if (t.length > 20 || !AUTHOR_LABEL.test(t)) continue;
    if (closest(el, (a) => a.localName === 'nav' || a.localName === 'footer' || mentions(a, 'comment'))) continue;
    const next = el.nextElementSibling;
    const v = next ? spacedText(next, 120) : '';
    if (v && v.length < 80 && !AUTHOR_LABEL.test(v)) out.push(v);
    if (out.length >= 4) break;
  }
  return out;
}

/** First non-empty value among meta keys, in the order given. */
export function metaFirst(meta: HtmlMetadata, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.meta.get(k)?.[0];
    if (v) return v;
  }
  return null;
}
