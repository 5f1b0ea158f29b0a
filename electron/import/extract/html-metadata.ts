/// <reference lib="dom" />
// Metadata evidence an HTML page carries about itself, gathered before the body extractor
// rewrites the DOM: JSON-LD (NewsArticle and kin, @graph), OpenGraph / Twitter / Dublin
// Core / citation_* / CMS meta tags, microdata, <time datetime>, byline elements, the
// canonical URL and Chrome's "saved from url=" comment. Each field keeps its candidates
// in order of trust; choosing among them happens in html-article.ts.
import { closest, inComments, namesComment, pageElements, type PageElements } from './page-elements.ts';
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';
import { squash } from './titles.ts';

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
  /** Who the page's copyright notices name ("© 2019 Sven Schreivogel"): on a personal site,
   * its author. Read from the raw page when asked (most pages never need it). */
  copyrightHolders: () => string[];
  /** Publication dates that the page's scripts hold as data ("published_at": "…"): a last
   * resort, read from the raw page when asked. */
  scriptDates: () => string[];
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

/** In a part of the page whose dates are not the article's: comments, related lists,
 * sidebars, named so by a class token or by one part of a compound class ("kb-comment",
 * "post_comments", "user-kommentare"). */
function isElsewhere(el: Element, rules: Rules): boolean {
  let depth = 0;
  for (let a: Element | null = el; a && a.localName !== 'body' && depth++ < 10; a = a.parentElement) {
    if (a.localName === 'aside' || a.localName === 'nav' || a.localName === 'footer') return true;
    const tokens = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t && (rules.elsewhereStart.test(t) || rules.elsewhereWord.test(t)))) return true;
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

function walkLd(v: unknown, meta: HtmlMetadata, depth: number, ids: LdIndex, rules: Rules): void {
  if (v == null || depth > 6) return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 200)) walkLd(x, meta, depth + 1, ids, rules);
    return;
  }
  if (typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  const types = typesOf(o);
  if (types.some((t) => rules.ldArticleType.test(t))) meta.ld.push(toLd(o, ids));
  else if (types.some((t) => rules.ldPageType.test(t))) meta.ldPage.push(toLd(o, ids));
  if (types.some((t) => rules.ldSiteType.test(t))) {
    const n = asString(o.name);
    if (n) meta.ldSiteNames.push(n);
  }
  if (o['@graph']) walkLd(o['@graph'], meta, depth + 1, ids, rules);
  if (o.mainEntity && typeof o.mainEntity === 'object') walkLd(o.mainEntity, meta, depth + 1, ids, rules);
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

// "Eine Kolumne von", "An analysis by", "Une chronique de": a kind of piece, then its author.
const PIECE_BY = '(?:eine?|a|an|une?|un|uma?) (?:kolumne|glosse|analyse|reportage|column|analysis|commentary|essay|opinion piece|chronique|tribune|columna|crónica|coluna|rubrica) (?:von|by|de|par|por|di)';
const BYLINE_START = new RegExp(`^(?:by|von|par|por|door|av|af|от|oleh|автор|yazar|a cura di|written|posted|text|autor(?:in|en|innen)?|authors?|auteur|escrito|publicado|erstellt|verfasst|geschrieben|ein (?:artikel|beitrag|text)|(?:blog[- ]?)?beitrag von|redaktion\\s*:|${PIECE_BY})(?!\\w)`, 'i');
// A short element whose text starts like a byline, wherever it sits.
const BYLINE_TEXT = new RegExp(`^(?:by|von|par|por|door|av|af|от|oleh|автор\\s*:?|yazar\\s*:|a cura di|written by|posted by|text(?:\\s*(?:&|und)\\s*fotos?)?\\s*:|autor(?:in)?\\s*:|autor(?:en|innen)\\s*:?|authors?\\s*:|auteur\\s*:|escrito por|publicado por|erstellt von|verfasst von|geschrieben von|ein (?:artikel|beitrag|text) von|(?:blog[- ]?)?beitrag von|redaktion\\s*:|${PIECE_BY})\\s*\\S`, 'i');

export function collectHtmlMetadata(document: Document, rawHtml: string, rules: Rules = DEFAULT_RULES): HtmlMetadata {
  const meta: HtmlMetadata = {
    ld: [], ldPage: [], ldSiteNames: [], meta: new Map(), microHeadline: null, microAuthors: [],
    microDates: [], microModified: [], timeDates: [], asideTimeDates: [], scriptDates: () => [], copyrightHolders: () => [], bylines: [], labelledDates: [], dateTexts: [], h1s: [], h1Info: [], labelledAuthors: [], authorElements: [], labelledBylines: [], nearH1: '', nearH1At: 0, title: null, canonical: null,
    savedFromUrl: null, lang: null,
  };
  const els = pageElements(document, rules);
  readStructuredData(els, meta, rules);
  readMicrodata(els, meta, rules);
  readTimes(els, meta, rules);
  readBylineElements(els, meta, rules);
  const h2s = readTextLines(document, meta, rules);
  readAuthorLinksAndDateTexts(els, meta, rules);
  readHeadings(els, meta, h2s, rules);
  meta.title = text(els.title) || null;
  meta.canonical = els.canonical?.getAttribute('href')?.trim() || null;
  meta.scriptDates = () => scriptDates(rawHtml, rules);
  meta.copyrightHolders = () => copyrightHolders(rawHtml);
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
function readStructuredData(els: PageElements, meta: HtmlMetadata, rules: Rules): void {
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
  for (const r of ldRoots) walkLd(r, meta, 0, ids, rules);
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
function readMicrodata(els: PageElements, meta: HtmlMetadata, rules: Rules): void {
  const h = els.microHeadlines[0];
  if (h) meta.microHeadline = text(h) || null;
  const nameProps = rules.tokens('microNameProps');
  for (const el of els.microAuthors.slice(0, 10)) {
    const name = nameProps.length ? el.querySelector(nameProps.map((p) => `[itemprop="${p}"]`).join(', ')) : null;
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
function readTimes(els: PageElements, meta: HtmlMetadata, rules: Rules): void {
  const marked: string[] = [];
  const plain: string[] = [];
  for (const t of els.times.slice(0, 50)) {
    const v = dateTimeAttr(t) ?? '';
    const hint = `${t.getAttribute('class') ?? ''} ${t.getAttribute('itemprop') ?? ''} ${t.parentElement?.getAttribute('class') ?? ''}`.toLowerCase();
    if (rules.timeModified.test(hint)) continue;
    // Readers' comments, related-article lists and sidebars carry their own dates.
    const value = v.trim() || text(t);
    if (!value) continue;
    if (isElsewhere(t, rules)) {
      if (meta.asideTimeDates.length < 5) meta.asideTimeDates.push(value);
      continue;
    }
    if (t.hasAttribute('pubdate') || rules.timePublished.test(hint)) marked.push(value);
    else plain.push(value);
  }
  meta.timeDates = [...marked, ...plain];
}

/** Elements marked as bylines (rel, itemprop, class or id). */
function readBylineElements(els: PageElements, meta: HtmlMetadata, rules: Rules): void {
  for (const el of els.bylines.slice(0, 30)) {
    if (inComments(el, rules)) continue;
    const v = spacedText(el);
    if (v && v.length < 200) meta.bylines.push(v);
    if (v && v.length < 40 && meta.authorElements.length < 10) meta.authorElements.push(v);
  }
}

/** Byline and labelled-date lines found by their text; returns the page's first <h2>–<h4>s. */
function readTextLines(document: Document, meta: HtmlMetadata, rules: Rules): Element[] {
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
          if (t.length < 120 && (BYLINE_TEXT.test(line) || bylineAfterDate(t)) && !(el && inComments(el, rules))) meta.bylines.push(line);
        } else if (v.length < 60 && meta.labelledDates.length < 5 && DATE_LABEL.test(v)) {
          // "Datum: 26. Januar 2022", or "Datum" in one element and the date after it: in the
          // next element, or as text beside the label's element ("<span>Datum:</span> 26. …").
          const el = n.parentElement;
          const t = `${v} ${v.replace(DATE_LABEL, '').trim() ? '' : el ? textAfter(el, 80) : ''}`.trim();
          if (!(el && inComments(el, rules))) meta.labelledDates.push(t);
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const tag = (n as Element).localName;
      if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template' || tag === 'nav' || tag === 'footer') continue;
      if ((tag === 'h2' || tag === 'h3' || tag === 'h4') && h2s.length < 30) h2s.push(n as Element);
      for (let k = n.lastChild; k; k = k.previousSibling) stack.push(k);
    }
  }
  return h2s;
}

/** Links to author pages, and the text of date-like elements. */
function readAuthorLinksAndDateTexts(els: PageElements, meta: HtmlMetadata, rules: Rules): void {
  const menu = rules.tokens('menuParts');
  for (const el of els.authorLinks.slice(0, 5)) {
    if (closest(el, (a) => a.localName === 'nav' || a.localName === 'footer' || namesComment(a, rules) || menu.some((m) => a.getAttribute('class')?.includes(m) ?? false))) continue;
    const v = text(el);
    if (v && v.length < 80) meta.bylines.push(v);
  }
  for (const el of els.dateLike.slice(0, 30)) {
    if (inComments(el, rules)) continue;
    // Spaced: "<span>Feb 18</span><span>2009</span>" is "Feb 18 2009", not "Feb 182009".
    const v = spacedText(el, 240);
    if (v && v.length < 200) meta.dateTexts.push(v);
  }
}

/** The <h1>s, the headline's heading and the text around it. */
function readHeadings(els: PageElements, meta: HtmlMetadata, h2s: Element[], rules: Rules): void {
  const h1Els = els.h1s.slice(0, 5);
  meta.h1s = h1Els.map(text).filter(Boolean);
  const infos = h1Els.map((h) => readH1(h, rules));
  meta.h1Info = infos.filter((x): x is H1Info => !!x);
  meta.labelledAuthors = twitterLabelledAuthors(meta.meta, rules);
  meta.labelledBylines = labelledBylines(els.labels, rules);
  // The headline's <h1>: the first one that is not the site's logo in the page header; on a
  // page without one, an <h2> that the <title> or og:title names (a blog whose <h1> is its
  // name, or that has none).
  const titles = [text(els.title), ...(meta.meta.get('og:title') ?? [])];
  const contentH1 = h1Els.find((_, i) => infos[i] && !infos[i]!.furniture);
  // Where no <h1> is the one the title names ("Quicklinks", "Unsere Partner"), a lower
  // heading that the title names is the headline.
  const firstH1 = (contentH1 && titledHeading([contentH1], titles)) ?? titledHeading(h2s, titles, 0.5) ?? contentH1 ?? h1Els[0];
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
function titledHeading(heads: Element[], titles: (string | null)[], minShare = 0.3): Element | null {
  const ts = titles.map((t) => squash(t ?? '')).filter((t) => t.length >= 8);
  if (!ts.length) return null;
  for (const h of heads) {
    const q = squash(text(h));
    if (q.length >= 8 && ts.some((t) => t.includes(q) && q.length >= t.length * minShare)) return h;
  }
  return null;
}

// Page furniture is named by a whole class token ("site-logo", "site-branding",
// "widget_text"); tokens that merely mention one ("sidebar-off", "sidebar-wrapper" around
// the whole page) do not count.
function isFurniture(h: Element, rules: Rules): boolean {
  let depth = 0;
  for (let a: Element | null = h; a && a.localName !== 'body' && a.localName !== 'html' && depth++ < 8; a = a.parentElement) {
    if (a.localName === 'nav' || a.localName === 'footer' || a.localName === 'aside') return true;
    const tokens = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t && rules.headerFurniture.test(t))) return true;
  }
  return false;
}

function readH1(h: Element, rules: Rules): H1Info | null {
  const full = text(h).slice(0, 600);
  if (!full) return null;
  let furniture = isFurniture(h, rules);
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
  // A piece that is only a separator (" – ", a hidden ": ") sets the two sides apart.
  const kids = Array.from(box.children).filter((k) => k.localName !== 'br' && text(k) && !/^[\s:|–—·•-]+$/.test(text(k)));
  // A kicker is marked by its class ("kicker", "dachzeile", "eyebrow").
  const marked = kids.find((k) => rules.kicker.test(`${k.getAttribute('class') ?? ''} ${k.getAttribute('id') ?? ''}`));
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
function twitterLabelledAuthors(metaMap: Map<string, string[]>, rules: Rules): string[] {
  const out: string[] = [];
  for (const prefix of rules.tokens('labelMetaKeys')) {
    // "twitter:label1" goes with "twitter:data1".
    const dataPrefix = prefix.replace(/label$/, 'data');
    for (let i = 1; i <= 4; i++) {
      const label = metaMap.get(`${prefix}${i}`)?.[0];
      const data = metaMap.get(`${dataPrefix}${i}`)?.[0];
      if (label && data && AUTHOR_LABEL.test(label.trim())) out.push(data);
    }
  }
  return out;
}

function labelledBylines(labels: Element[], rules: Rules): string[] {
  const out: string[] = [];
  // A small heading or term "Autor" with the name in the next element (dt/dd, h4/p).
  for (const el of labels.slice(0, 2000)) {
    if (el.childElementCount > 1) continue;
    const t = (el.textContent ?? '').trim();
    if (t.length > 20 || !AUTHOR_LABEL.test(t)) continue;
    if (closest(el, (a) => a.localName === 'nav' || a.localName === 'footer' || namesComment(a, rules))) continue;
    const next = el.nextElementSibling;
    const v = next ? spacedText(next, 120) : '';
    if (v && v.length < 80 && !AUTHOR_LABEL.test(v)) out.push(v);
    if (out.length >= 4) break;
  }
  return out;
}

/** Raw page text searched for dates held in scripts (a page's state is near its end, too). */
const MAX_SCRIPT_SCAN = 3_000_000;

/** Dates the page's scripts hold under a publication key ("published_at": "2019-03-02T06:22"),
 * in the order of the keys. */
function scriptDates(rawHtml: string, rules: Rules): string[] {
  const keys = rules.tokens('scriptDateKeys');
  if (!keys.length) return [];
  const found = new Map<string, string>();
  const re = new RegExp(`["']?\\b(${keys.join('|')})\\b["']?\\s*:\\s*["']([0-9][0-9T:.+\\-/ Z]{7,34})["']`, 'g');
  const hay = rawHtml.length > MAX_SCRIPT_SCAN ? rawHtml.slice(0, MAX_SCRIPT_SCAN) : rawHtml;
  for (const m of hay.matchAll(re)) {
    if (!found.has(m[1])) found.set(m[1], m[2]);
    if (found.size >= keys.length) break;
  }
  return keys.map((k) => found.get(k)).filter((v): v is string => !!v);
}

// "© 2019 Sven Schreivogel", "(c) Johannes Wolf •", "Copyright (c) 2012- Gregory Szorc.": the
// holder's name, up to the markup or punctuation that ends it.
const COPYRIGHT = /(?:©|&copy;|&#169;|\(c\)|\bcopyright\b)\s*(?:(?:©|&copy;|&#169;|\(c\))\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:(?:19|20)\d\d)?\s*)?)?(?:by\s+)?([^<>|•·,;:©&()\d\n]{3,60})/gi;
const MAX_COPYRIGHT_SCAN = 3_000_000;

function copyrightHolders(rawHtml: string): string[] {
  const out: string[] = [];
  const hay = rawHtml.length > MAX_COPYRIGHT_SCAN ? rawHtml.slice(-MAX_COPYRIGHT_SCAN) : rawHtml;
  for (const m of hay.matchAll(COPYRIGHT)) {
    const name = m[1].replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();
    if (name && !out.includes(name)) out.push(name);
    if (out.length >= 5) break;
  }
  return out;
}

/** First non-empty value among meta keys, in the order given. */
export function metaFirst(meta: HtmlMetadata, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.meta.get(k)?.[0];
    if (v) return v;
  }
  return null;
}
