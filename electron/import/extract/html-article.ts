/// <reference lib="dom" />
// An HTML page → the article and its metadata. Metadata is read from the untouched page
// first (Readability rewrites the DOM), furniture is removed, Readability (on linkedom)
// finds the article, captions and teasers are lifted out, and the body is written twice:
// as plain paragraphs and as allowlisted HTML.
import { Readability } from '@mozilla/readability';
import './readability-speedups.ts';
import type { Extracted, MetadataHints } from '../types.ts';
import { parseDate } from './dates.ts';
import { domToParagraphs, measureTree } from './dom-text.ts';
import { liftCaptionsAndTeasers, pageCaptionTexts, removeFurniture } from './html-cleaning.ts';
import { parsePage } from './html-parse.ts';
import { collectHtmlMetadata, metaFirst, type HtmlMetadata } from './html-metadata.ts';
import { chooseAuthor, chooseDates, chooseHeadline } from './metadata-choice.ts';
import { chooseLanguage, normalizeLanguageTag } from './language.ts';
import { paragraphsToHtml, toSafeHtml } from './safe-html.ts';
import { hostLabels } from './titles.ts';
import { cleanParagraphs } from './paragraphs.ts';
import { proseRun } from './text-article.ts';
import { leadBeforeBody } from './article-lead.ts';
import { trimClosingLabels } from './article-tail.ts';
import { chooseOutlet } from './outlet-name.ts';
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';

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
  /** The literal-token rules in force; all of them unless some are switched off. */
  rules?: Rules;
}

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

function chooseUrl(meta: HtmlMetadata, hints: MetadataHints, rules: Rules): string | null {
  const hinted = httpUrl(hints.url) ?? httpUrl(meta.savedFromUrl);
  return (
    httpUrl(meta.canonical, hinted) ??
    httpUrl(metaFirst(meta, rules.tokens('urlMetaKeys'))) ??
    httpUrl(meta.ld[0]?.url) ??
    hinted
  );
}

function cleanText(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.replace(/\u00ad/g, '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}


/** An article with less text than this is suspect: its container may have been lost. */
const THIN_ARTICLE = 600;
/** A body shorter than this is checked against the text extractor's reading of the page… */
const THIN_BODY = 1000;
/** …which replaces it when it finds this many times more text. */
const THIN_BODY_GROWTH = 2;

/** A short line that is all link: "Photos of the meeting", "More from this author". */
const LINK_LINE_MAX = 120;
const LINK_LINE_SHARE = 0.95;

/**
 * The article without the short, wholly linked lines it ends with: a link to the photo
 * album, the author's other posts, the next story. Prose carries its links inside sentences.
 */
function withoutClosingLinks(paragraphs: string[], linkShare: number[]): string[] {
  let end = paragraphs.length;
  while (end > 1 && paragraphs[end - 1].length <= LINK_LINE_MAX && (linkShare[end - 1] ?? 0) >= LINK_LINE_SHARE) end--;
  return end === paragraphs.length ? paragraphs : paragraphs.slice(0, end);
}

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
function findArticle(doc: Document, clean: boolean, warnings: string[], rules: Rules): FoundArticle {
  // One measuring pass serves both: the furniture removal's text sizes, and the tree's shape
  // (taken before removal, an upper bound of what Readability will walk).
  const measured = doc.body ? measureTree(doc.body as Element) : null;
  if (clean && measured) removeFurniture(doc, measured, rules);
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
    found.pageCaptions = pageCaptionTexts(doc.body as Element, rules);
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
  const rules = input.rules ?? DEFAULT_RULES;
  const doc = parsePage(html);
  const meta = collectHtmlMetadata(doc, html, rules);
  const hints = input.hints;

  const url = chooseUrl(meta, hints, rules);
  const site = hostOf(url);
  const siteNameKeys = [...rules.tokens('siteNameMetaKeys'), ...rules.tokens('appNameMetaKeys'), ...rules.tokens('siteHandleMetaKeys')];
  const ogSite = cleanText(metaFirst(meta, siteNameKeys))?.replace(/^@/, '') ?? null;
  const publisher = cleanText(meta.ld[0]?.publisher) ?? cleanText(meta.ldSiteNames[0]);
  // Names the page gives itself: a title segment that matches one is the site's, not the headline's.
  const sites = [ogSite, publisher, ...meta.ldSiteNames, hints.source, ...hostLabels(site)].filter((x): x is string => !!x);

  const declaredLang = [meta.lang, metaFirst(meta, rules.tokens('languageMetaKeys')), meta.ld[0]?.language, hints.language];
  const langGuess = (declaredLang.find((x) => x) ?? '').toLowerCase();
  const slashOrder = /^en[-_]us/.test(langGuess) || (/^en\b/.test(langGuess) && /\.(?:com|org|net|us|edu|gov)$/.test(site ?? '')) ? 'mdy' : langGuess ? 'dmy' : undefined;

  // Body.
  let found = findArticle(doc, true, warnings, rules);
  // Our furniture removal can, on an odd page, take the article's own container with it
  // (a site that names it "widget" and holds little else): when what is left is thin, ask
  // Readability again on the untouched page and keep whichever found more text.
  if (found.textLength < THIN_ARTICLE && found.tooBig === false) {
    const again = parsePage(html);
    if (again.documentElement && again.body) {
      const plain = findArticle(again, false, [], rules);
      if (plain.articleRoot && plain.textLength >= Math.max(2 * found.textLength, THIN_ARTICLE)) found = plain;
    }
  }
  const { articleRoot, rTitle, rByline, rDate } = found;
  const title = chooseHeadline(meta, hints, sites, rTitle, rules);
  const metaAll = (table: 'siteNameMetaKeys' | 'appNameMetaKeys' | 'siteHandleMetaKeys') => rules.tokens(table).flatMap((k) => meta.meta.get(k) ?? []);
  const source = chooseOutlet({
    publishers: meta.ld.map((l) => l.publisher),
    siteNames: metaAll('siteNameMetaKeys'),
    websiteNames: meta.ldSiteNames,
    titles: [meta.title, ...rules.tokens('socialTitleMetaKeys').flatMap((k) => meta.meta.get(k) ?? [])],
    headline: title,
    appNames: metaAll('appNameMetaKeys'),
    hinted: hints.source,
    handles: metaAll('siteHandleMetaKeys'),
    site,
  }, rules);
  const root: Element = articleRoot ?? (found.doc.body as Element | null) ?? (found.doc.documentElement as Element);
  const captions = root ? liftCaptionsAndTeasers(root, rules) : [];
  const para = root ? domToParagraphs(root, MAX_BODY_CHARS) : { paragraphs: [], truncated: false, linkShare: [] };
  if (para.truncated) warnings.push(`article text is very long; kept the first ${MAX_BODY_CHARS / 1e6} M characters`);
  let paragraphs = cleanParagraphs(withoutClosingLinks(para.paragraphs, para.linkShare), { title, captions, rules });
  let fromPage = false;
  // Readability sometimes settles on a small part of the story (a recipe's introduction
  // without its steps, one box of a page built from many): when what it found is short and
  // the text extractor's densest run over the whole cleaned page is much longer, that wins.
  if (textLength(paragraphs) < THIN_BODY && found.pageParagraphs.length) {
    const run = proseRun(found.pageParagraphs.map((text, i) => ({ text, indent: 0, bullet: false, blankBefore: true, line: i })));
    const alt = cleanParagraphs(run, { title, captions, rules });
    if (textLength(alt) > textLength(paragraphs) * THIN_BODY_GROWTH) {
      paragraphs = alt;
      fromPage = true;
    }
  }
  // The article's opening set outside Readability's container.
  const lead = fromPage ? [] : cleanParagraphs(leadBeforeBody(paragraphs, found.pageParagraphs, { notLead: [...captions, ...found.pageCaptions], linkShare: found.pageLinkShare }), { title, captions, rules });
  if (lead.length) paragraphs = [...lead, ...paragraphs];
  paragraphs = trimClosingLabels(paragraphs);
  const bodyText = paragraphs.join('\n\n');
  const bodyHtml = fromPage
    ? paragraphsToHtml(paragraphs)
    : (lead.length ? `${paragraphsToHtml(lead)}\n` : '') + (root ? toSafeHtml(root, { baseUrl: url, attachmentRefs: input.attachmentRefs, maxChars: MAX_BODY_CHARS * 2 }) : '');

  const author = chooseAuthor(meta, hints, rByline, source, rules);
  const { published, modified } = chooseDates(meta, url, hints, slashOrder, rDate, normalizeLanguageTag(langGuess), rules, paragraphs.slice(0, 3));
  const standfirst = cleanText(meta.ld[0]?.description ?? metaFirst(meta, rules.tokens('descriptionMetaKeys')) ?? hints.description)?.slice(0, 1000) ?? null;

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
