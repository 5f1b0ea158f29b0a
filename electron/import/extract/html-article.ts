/// <reference lib="dom" />
// An HTML page → the article and its metadata. Metadata is read from the untouched page
// first (Readability rewrites the DOM), furniture is removed, Readability (on linkedom)
// finds the article, captions and teasers are lifted out, and the body is written twice:
// as plain paragraphs and as allowlisted HTML.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Extracted, MetadataHints } from '../types.ts';
import { cleanByline } from './bylines.ts';
import { parseDate, parseMachineDate } from './dates.ts';
import { domToParagraphs } from './dom-text.ts';
import { liftCaptionsAndTeasers, removeFurniture } from './html-cleaning.ts';
import { collectHtmlMetadata, metaFirst, type HtmlMetadata } from './html-metadata.ts';
import { chooseLanguage } from './language.ts';
import { toSafeHtml } from './safe-html.ts';
import { hostLabels, squash, stripSiteSuffix, titleSimilarity } from './titles.ts';
import { cleanParagraphs } from './paragraphs.ts';

/** Pages larger than this are cut before parsing (a 50 MB page must still import). */
const MAX_HTML_CHARS = 12_000_000;
/** Body text beyond this is dropped with a warning. */
const MAX_BODY_CHARS = 3_000_000;
/** Readability gives up on pages with more elements than this; we then use the cleaned page. */
const MAX_ELEMS = 60_000;

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
  const t = s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

function chooseHeadline(meta: HtmlMetadata, hints: MetadataHints, sites: string[], readabilityTitle: string | null): string | null {
  const og = metaFirst(meta, ['og:title', 'twitter:title']);
  const metaTitles = [meta.ld[0]?.headline, og, meta.microHeadline, metaFirst(meta, ['dc.title', 'citation_title', 'title']), meta.title, hints.title]
    .map(cleanText)
    .filter((x): x is string => !!x);
  // The headline as shown on the page: an <h1> that the page's own metadata confirms.
  for (const h1 of meta.h1s.slice(0, 3)) {
    const h = cleanText(h1);
    if (!h || h.length < 4 || h.length > 300) continue;
    for (const t of metaTitles) {
      const stripped = stripSiteSuffix(t, sites);
      if (titleSimilarity(stripped, h) >= 0.8 || (squash(t).includes(squash(h)) && squash(h).length >= 12)) return h;
    }
  }
  const ld = cleanText(meta.ld[0]?.headline);
  if (ld) return stripSiteSuffix(ld, sites);
  for (const t of [og, meta.microHeadline, hints.title, metaFirst(meta, ['dc.title', 'citation_title']), meta.title, readabilityTitle]) {
    const c = cleanText(t);
    if (c) return stripSiteSuffix(c, sites) || c;
  }
  const h = cleanText(meta.h1s[0]);
  return h;
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
  const m = /\/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:\/|[-_]|\.html?|$)/.exec(url) ?? /[-_/]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:\D|$)/.exec(url);
  return m ? parseMachineDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

function chooseDates(meta: HtmlMetadata, url: string | null, hints: MetadataHints, slashOrder: 'dmy' | 'mdy' | undefined, readabilityDate: string | null): { published: string | null; modified: string | null } {
  const opts = { slashOrder };
  const first = (vals: (string | null | undefined)[]) => {
    for (const v of vals) {
      const d = v ? parseDate(v, opts) : null;
      if (d) return d;
    }
    return null;
  };
  const published =
    first(meta.ld.map((l) => l.datePublished)) ??
    first(PUBLISHED_KEYS.flatMap((k) => meta.meta.get(k) ?? [])) ??
    first(meta.microDates) ??
    first(meta.timeDates.slice(0, 3)) ??
    first(meta.ldPage.map((l) => l.datePublished)) ??
    urlDate(url) ??
    first(readabilityDate ? [readabilityDate] : []) ??
    first(meta.bylines) ??
    first(meta.dateTexts.slice(0, 10)) ??
    first(hints.publishedAt ? [hints.publishedAt] : []);
  const modified =
    first(meta.ld.map((l) => l.dateModified)) ??
    first(MODIFIED_KEYS.flatMap((k) => meta.meta.get(k) ?? [])) ??
    first(meta.microModified);
  return { published, modified };
}

export function extractHtml(input: HtmlInput): Extracted {
  const warnings: string[] = [];
  let html = input.html;
  if (html.length > MAX_HTML_CHARS) {
    warnings.push(`page is very large (${Math.round(html.length / 1e6)} MB); only the first ${MAX_HTML_CHARS / 1e6} MB were read`);
    html = html.slice(0, MAX_HTML_CHARS);
  }
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
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
  removeFurniture(doc);
  const elemCount = doc.getElementsByTagName('*').length;
  let articleRoot: Element | null = null;
  let rTitle: string | null = null;
  let rByline: string | null = null;
  let rDate: string | null = null;
  if (elemCount <= MAX_ELEMS) {
    try {
      const r = new Readability<Element>(doc, { serializer: (n) => n as Element, keepClasses: true, charThreshold: 400 }).parse();
      articleRoot = r?.content ?? null;
      rTitle = r?.title ?? null;
      rByline = r?.byline ?? null;
      rDate = r?.publishedTime ?? null;
    } catch (e) {
      warnings.push(`article detection failed (${(e as Error).message.slice(0, 100)}); kept the whole page text`);
    }
  } else {
    warnings.push('page has too many elements for article detection; kept the whole page text');
  }
  const title = chooseHeadline(meta, hints, sites, rTitle);
  const root: Element = articleRoot ?? (doc.body as Element | null) ?? (doc.documentElement as Element);
  const captions = root ? liftCaptionsAndTeasers(root) : [];
  const para = root ? domToParagraphs(root, MAX_BODY_CHARS) : { paragraphs: [], truncated: false };
  if (para.truncated) warnings.push(`article text is very long; kept the first ${MAX_BODY_CHARS / 1e6} M characters`);
  const paragraphs = cleanParagraphs(para.paragraphs, { title, captions });
  const bodyText = paragraphs.join('\n\n');
  const bodyHtml = root ? toSafeHtml(root, { baseUrl: url, attachmentRefs: input.attachmentRefs, maxChars: MAX_BODY_CHARS * 2 }) : '';

  const author = chooseAuthor(meta, hints, rByline, source);
  const { published, modified } = chooseDates(meta, url, hints, slashOrder, rDate);
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
