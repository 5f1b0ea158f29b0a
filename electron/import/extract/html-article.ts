/// <reference lib="dom" />
// An HTML page → the article and its metadata. Metadata is read from the untouched page
// first (Readability rewrites the DOM), furniture is removed, Readability (on linkedom)
// finds the article, captions and teasers are lifted out, and the body is written twice:
// as plain paragraphs and as allowlisted HTML.
import { Readability } from '@mozilla/readability';
import type { Extracted, MetadataHints } from '../types.ts';
import { cleanByline } from './bylines.ts';
import { findDates, parseDate, parseMachineDate } from './dates.ts';
import { domToParagraphs, measureTree } from './dom-text.ts';
import { liftCaptionsAndTeasers, pageCaptionTexts, removeFurniture } from './html-cleaning.ts';
import { parsePage } from './html-parse.ts';
import { collectHtmlMetadata, metaFirst, type HtmlMetadata } from './html-metadata.ts';
import { chooseLanguage, normalizeLanguageTag } from './language.ts';
import { paragraphsToHtml, toSafeHtml } from './safe-html.ts';
import { hostLabels, squash, stripSiteSuffix, titleSimilarity } from './titles.ts';
import { cleanParagraphs } from './paragraphs.ts';
import { proseRun } from './text-article.ts';
import { leadBeforeBody } from './article-lead.ts';

/** Pages larger than this are cut before parsing (a 50 MB page must still import). */
const MAX_HTML_CHARS = 12_000_000;
/** Body text beyond this is dropped with a warning. */
const MAX_BODY_CHARS = 3_000_000;
/** Readability gives up on pages with more elements than this; we then use the cleaned page. */
const MAX_ELEMS = 60_000;
const MAX_DEPTH = 400;

export interface HtmlInput {
  html: string;
  hints: MetadataHints;
  attachmentRefs: ReadonlySet<string>;
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'published_time', 'article.published',
  'datepublished', 'date.published', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'publication_date',
  'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created',
  'dcterms.created', 'citation_publication_date', 'citation_date', 'citation_online_date', 'article_date_original',
  'original-publish-date', 'cxenseparse:recs:publishtime', 'date', 'dc.date.publication', 'og:published_time', 'datecreated',
  'article:post_date', 'bt:pubdate', 'release_date', 'dateline', 'created', 'displaydate',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'dc.date.modified', 'last-modified', 'article.updated'];
const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'byl', 'twitter:creator:name', 'article:author_name', 'cxenseparse:author', 'author_name', 'dc.contributor'];

function httpUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  try {
    const u = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

function chooseUrl(meta: HtmlMetadata, hints: MetadataHints): string | null {
  const hinted = httpUrl(hints.url) ?? httpUrl(meta.savedFromUrl);
  return (
    httpUrl(meta.canonical, hinted) ??
    httpUrl(metaFirst(meta, ['og:url', 'twitter:url'])) ??
    httpUrl(meta.ld[0]?.url) ??
    hinted
  );
}

function cleanText(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.replace(/\u00ad/g, '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

function chooseHeadline(meta: HtmlMetadata, hints: MetadataHints, sites: string[], readabilityTitle: string | null): string | null {
  const og = metaFirst(meta, ['og:title', 'twitter:title']);
  const ordered = [meta.ld[0]?.headline, og, meta.microHeadline, hints.title, metaFirst(meta, ['dc.title', 'citation_title', 'title']), meta.title, readabilityTitle]
    .map(cleanText)
    .filter((x): x is string => !!x)
    .map((t) => stripSiteSuffix(t, sites) || t)
    // A "title" that is only the site's name says nothing about the article.
    .filter((t) => !sites.some((site) => squash(site) === squash(t)));
  // The headline as shown on the page: an <h1> that the page's own metadata confirms. An
  // <h1> that adds a kicker ("Klimaschutz: …") to the confirmed title loses the kicker.
  for (const h1 of meta.h1s.slice(0, 3)) {
    const h = cleanText(h1);
    if (!h || h.length < 4 || h.length > 300) continue;
    const sh = squash(h);
    if (sites.some((site) => squash(site) === sh)) continue;
    for (const t of ordered) {
      const st = squash(t);
      if (st === sh) return h;
      if (sh.includes(st) && st.length >= 10) return t;
      if (st.includes(sh) && sh.length >= st.length * 0.5) return h;
      if (titleSimilarity(t, h) >= 0.8) return h;
    }
  }
  return ordered[0] ?? cleanText(meta.h1s[0]);
}

function chooseAuthor(meta: HtmlMetadata, hints: MetadataHints, readabilityByline: string | null, publisher: string | null): string | null {
  const pub = publisher ? squash(publisher) : '';
  const notPublisher = (s: string | null) => (s && pub && squash(s) === pub ? null : s);
  const joined = (list: string[]) => {
    const names: string[] = [];
    for (const raw of list) {
      const c = cleanByline(raw);
      if (!c) continue;
      for (const n of c.split('; ')) if (!names.includes(n) && notPublisher(n)) names.push(n);
    }
    return names.length ? names.join('; ') : null;
  };
  for (const ld of meta.ld) {
    const a = joined(ld.authors);
    if (a) return a;
  }
  const citation = meta.meta.get('citation_author');
  if (citation?.length) {
    const a = joined(citation);
    if (a) return a;
  }
  for (const k of AUTHOR_KEYS) {
    const vals = meta.meta.get(k);
    if (!vals) continue;
    const a = joined(vals.filter((v) => !/^https?:|^@|^www\./i.test(v)));
    if (a) return a;
  }
  const micro = joined(meta.microAuthors);
  if (micro) return micro;
  for (const b of meta.bylines) {
    const a = joined([b]);
    if (a) return a;
  }
  const r = joined(readabilityByline ? [readabilityByline] : []);
  if (r) return r;
  return joined(hints.author ? [hints.author] : []);
}

function urlDate(url: string | null): string | null {
  if (!url) return null;
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  let m = /\/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:\/|[-_]|\.html?|$)/.exec(path) ?? /[-_/]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:\D|$)/.exec(path);
  if (m) return parseMachineDate(`${m[1]}-${m[2]}-${m[3]}`);
  m = /[/_-](0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d\d)(?:\D|$)/.exec(path);
  return m ? parseMachineDate(`${m[3]}-${m[2]}-${m[1]}`) : null;
}

// A machine date in UTC ("…T03:37:00Z") may fall on another calendar day where it was
// published; the day a reader saw is the one written on the page.
const UTC_STAMP = /T(\d{1,2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)\s*$/i;
// Where a language is spoken in essentially one time zone, its UTC offset in hours (standard
// time; a slip of an hour only matters right at midnight).
const LANG_OFFSET: Record<string, number> = { de: 1, fr: 1, it: 1, nl: 1, pl: 1, cs: 1, sk: 1, hu: 1, sv: 1, da: 1, no: 1, nb: 1, hr: 1, sl: 1, fi: 2, ro: 2, bg: 2, el: 2, uk: 2, tr: 3, ru: 3, ja: 9, ko: 9, zh: 8 };

function shiftDay(iso: string, hours: number): string {
  const d = new Date(Date.parse(`${iso.slice(0, 16)}:00Z`) + hours * 3_600_000);
  return d.toISOString().slice(0, 16);
}

function shownDay(iso: string, texts: string[], slashOrder: 'dmy' | 'mdy' | undefined): string | null {
  const target = Date.parse(iso.slice(0, 10));
  for (const t of texts) {
    for (const f of findDates(t, { slashOrder }).slice(0, 5)) {
      const d = Date.parse(f.iso.slice(0, 10));
      if (Math.abs(d - target) <= 86_400_000) return f.iso;
    }
  }
  return null;
}

function chooseDates(meta: HtmlMetadata, url: string | null, hints: MetadataHints, slashOrder: 'dmy' | 'mdy' | undefined, readabilityDate: string | null, lang: string | null): { published: string | null; modified: string | null } {
  const opts = { slashOrder };
  let raw: string | null = null;
  const first = (vals: (string | null | undefined)[]) => {
    for (const v of vals) {
      const d = v ? parseDate(v, opts) : null;
      if (d) {
        raw = v ?? null;
        return d;
      }
    }
    return null;
  };
  let published =
    first(meta.ld.map((l) => l.datePublished)) ??
    first(PUBLISHED_KEYS.flatMap((k) => meta.meta.get(k) ?? [])) ??
    first(meta.microDates) ??
    first(meta.timeDates.slice(0, 3)) ??
    first(meta.ldPage.map((l) => l.datePublished)) ??
    urlDate(url) ??
    first(readabilityDate ? [readabilityDate] : []) ??
    first([meta.nearH1]) ??
    first(meta.bylines) ??
    first(meta.dateTexts.slice(0, 10)) ??
    first([meta.title]) ??
    first(hints.publishedAt ? [hints.publishedAt] : []);
  if (published && raw && UTC_STAMP.test(raw)) {
    const shown = shownDay(published, [...meta.microDates, meta.nearH1, ...meta.bylines, ...meta.dateTexts.slice(0, 10), ...meta.timeDates.filter((t) => !/^\d{4}-/.test(t))], slashOrder);
    const offset = lang ? LANG_OFFSET[lang] : undefined;
    if (shown) published = shown.slice(0, 10);
    else if (offset !== undefined && published.length > 10) published = shiftDay(published, offset);
  }
  const modified =
    first(meta.ld.map((l) => l.dateModified)) ??
    first(MODIFIED_KEYS.flatMap((k) => meta.meta.get(k) ?? [])) ??
    first(meta.microModified);
  return { published, modified };
}

/** An article with less text than this is suspect: its container may have been lost. */
const THIN_ARTICLE = 600;
/** A body shorter than this is checked against the text extractor's reading of the page… */
const THIN_BODY = 1000;
/** …which replaces it when it finds this many times more text. */
const THIN_BODY_GROWTH = 2;

const textLength = (paragraphs: string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

interface FoundArticle {
  doc: Document;
  articleRoot: Element | null;
  textLength: number;
  tooBig: boolean;
  rTitle: string | null;
  rByline: string | null;
  rDate: string | null;
  /** The cleaned page's paragraphs before Readability rewrote it. */
  pageParagraphs: string[];
  /** The cleaned page's image captions. */
  pageCaptions: string[];
  /** For each page paragraph, the share of its text inside links. */
  pageLinkShare: number[];
}

/** Readability's article in `doc` (which it rewrites), after our furniture removal when `clean`. */
function findArticle(doc: Document, clean: boolean, warnings: string[]): FoundArticle {
  // One measuring pass serves both: the furniture removal's text sizes, and the tree's shape
  // (taken before removal, an upper bound of what Readability will walk).
  const measured = doc.body ? measureTree(doc.body as Element) : null;
  if (clean && measured) removeFurniture(doc, measured);
  const shape = measured ?? { elements: 0, maxDepth: 0 };
  const found: FoundArticle = { doc, articleRoot: null, textLength: 0, tooBig: false, rTitle: null, rByline: null, rDate: null, pageParagraphs: [], pageCaptions: [], pageLinkShare: [] };
  // Readability recurses: absurdly deep or huge trees are read as plain page text instead.
  if (shape.elements > MAX_ELEMS || shape.maxDepth > MAX_DEPTH) {
    warnings.push('page has too many elements for article detection; kept the whole page text');
    found.tooBig = true;
    return found;
  }
  if (doc.body) {
    const page = domToParagraphs(doc.body as Element, MAX_BODY_CHARS);
    found.pageParagraphs = page.paragraphs;
    found.pageLinkShare = page.linkShare;
    found.pageCaptions = pageCaptionTexts(doc.body as Element);
  }
  try {
    const r = new Readability<Element>(doc, { serializer: (n) => n as Element, keepClasses: true, charThreshold: 400 }).parse();
    found.articleRoot = r?.content ?? null;
    found.textLength = r?.length ?? 0;
    found.rTitle = r?.title ?? null;
    found.rByline = r?.byline ?? null;
    found.rDate = r?.publishedTime ?? null;
  } catch (e) {
    warnings.push(`article detection failed (${(e as Error).message.slice(0, 100)}); kept the whole page text`);
    found.tooBig = true;
  }
  return found;
}

export function extractHtml(input: HtmlInput): Extracted {
  const warnings: string[] = [];
  let html = input.html;
  if (html.length > MAX_HTML_CHARS) {
    warnings.push(`page is very large (${Math.round(html.length / 1e6)} MB); only the first ${MAX_HTML_CHARS / 1e6} MB were read`);
    html = html.slice(0, MAX_HTML_CHARS);
  }
  const doc = parsePage(html);
  const meta = collectHtmlMetadata(doc, html);
  const hints = input.hints;

  const url = chooseUrl(meta, hints);
  const site = hostOf(url);
  const ogSite = cleanText(metaFirst(meta, ['og:site_name', 'application-name', 'al:android:app_name', 'twitter:site']))?.replace(/^@/, '') ?? null;
  const publisher = cleanText(meta.ld[0]?.publisher) ?? cleanText(meta.ldSiteNames[0]);
  const source = ogSite ?? publisher ?? cleanText(hints.source) ?? site;
  const sites = [ogSite, publisher, ...meta.ldSiteNames, hints.source, ...hostLabels(site)].filter((x): x is string => !!x);

  const declaredLang = [meta.lang, metaFirst(meta, ['og:locale', 'content-language', 'language', 'dc.language']), meta.ld[0]?.language, hints.language];
  const langGuess = (declaredLang.find((x) => x) ?? '').toLowerCase();
  const slashOrder = /^en[-_]us/.test(langGuess) || (/^en\b/.test(langGuess) && /\.(?:com|org|net|us|edu|gov)$/.test(site ?? '')) ? 'mdy' : langGuess ? 'dmy' : undefined;

  // Body.
  let found = findArticle(doc, true, warnings);
  // Our furniture removal can, on an odd page, take the article's own container with it
  // (a site that names it "widget" and holds little else): when what is left is thin, ask
  // Readability again on the untouched page and keep whichever found more text.
  if (found.textLength < THIN_ARTICLE && found.tooBig === false) {
    const again = parsePage(html);
    if (again.documentElement && again.body) {
      const plain = findArticle(again, false, []);
      if (plain.articleRoot && plain.textLength >= Math.max(2 * found.textLength, THIN_ARTICLE)) found = plain;
    }
  }
  const { articleRoot, rTitle, rByline, rDate } = found;
  const title = chooseHeadline(meta, hints, sites, rTitle);
  const root: Element = articleRoot ?? (found.doc.body as Element | null) ?? (found.doc.documentElement as Element);
  const captions = root ? liftCaptionsAndTeasers(root) : [];
  const para = root ? domToParagraphs(root, MAX_BODY_CHARS) : { paragraphs: [], truncated: false };
  if (para.truncated) warnings.push(`article text is very long; kept the first ${MAX_BODY_CHARS / 1e6} M characters`);
  let paragraphs = cleanParagraphs(para.paragraphs, { title, captions });
  let fromPage = false;
  // Readability sometimes settles on a small part of the story (a recipe's introduction
  // without its steps, one box of a page built from many): when what it found is short and
  // the text extractor's densest run over the whole cleaned page is much longer, that wins.
  if (textLength(paragraphs) < THIN_BODY && found.pageParagraphs.length) {
    const run = proseRun(found.pageParagraphs.map((text, i) => ({ text, indent: 0, bullet: false, blankBefore: true, line: i })));
    const alt = cleanParagraphs(run, { title, captions });
    if (textLength(alt) > textLength(paragraphs) * THIN_BODY_GROWTH) {
      paragraphs = alt;
      fromPage = true;
    }
  }
  // The article's opening set outside Readability's container.
  const lead = fromPage ? [] : cleanParagraphs(leadBeforeBody(paragraphs, found.pageParagraphs, { notLead: [...captions, ...found.pageCaptions], linkShare: found.pageLinkShare }), { title, captions });
  if (lead.length) paragraphs = [...lead, ...paragraphs];
  const bodyText = paragraphs.join('\n\n');
  const bodyHtml = fromPage
    ? paragraphsToHtml(paragraphs)
    : (lead.length ? `${paragraphsToHtml(lead)}\n` : '') + (root ? toSafeHtml(root, { baseUrl: url, attachmentRefs: input.attachmentRefs, maxChars: MAX_BODY_CHARS * 2 }) : '');

  const author = chooseAuthor(meta, hints, rByline, source);
  const { published, modified } = chooseDates(meta, url, hints, slashOrder, rDate, normalizeLanguageTag(langGuess));
  const standfirst = cleanText(meta.ld[0]?.description ?? metaFirst(meta, ['og:description', 'description', 'twitter:description']) ?? hints.description)?.slice(0, 1000) ?? null;

  return {
    title,
    author,
    source,
    site,
    url,
    publishedAt: published,
    modifiedAt: modified,
    savedAt: hints.savedAt ? parseDate(hints.savedAt) : null,
    language: chooseLanguage(declaredLang, bodyText),
    standfirst,
    captions,
    bodyText,
    bodyHtml,
    warnings,
  };
}
