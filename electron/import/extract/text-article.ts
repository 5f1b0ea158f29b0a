// A page saved as plain text → the article. The body is the densest run of sentence-like
// paragraphs (menus, buttons, cookie notices and footers are short lines and lists); the
// headline is the line above it that the page marks as one (text-headline.ts), the byline
// and date line stand around the headline (text-header.ts); the site header above those
// may show the day the page was saved, the site's host name and the outlet's masthead
// (text-masthead.ts); captions are recognised by their photo credits; a standfirst printed
// again as the first paragraph appears once.
import type { Extracted, MetadataHints } from '../types.ts';
import { cleanByline } from './bylines.ts';
import { findDates, MAYBE_DATE, parseDate, type DateOptions } from './dates.ts';
import { datelineNearHeadline } from './text-dates.ts';
import { chooseHeadline } from './text-headline.ts';
import { readHeader } from './text-header.ts';
import { hostInHeader, mastheadIn } from './text-masthead.ts';
import { chooseLanguage } from './language.ts';
import { cleanParagraphs } from './paragraphs.ts';
import { paragraphsToHtml } from './safe-html.ts';
import { normalizeText, toParagraphs, type TextPara } from './text-lines.ts';
import { stripSiteSuffix, titleSimilarity } from './titles.ts';

// Lines that end an article: comment sections, "related", newsletter boxes, footers.
const STOP = /^(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|leave a (?:reply|comment)|add (?:a|your) comment|post a comment|write a comment|join the (?:discussion|conversation)|schreibe einen kommentar|kommentar schreiben|laisser un commentaire|deja un comentario|deixe um comentário|lascia un commento|related (?:articles?|stories|posts|content|coverage)|related\s*:?$|latest (?:stories|news|posts|articles)\b|more (?:from|on|stories|news)\b|you (?:may|might) also like|recommended(?: for you)?|most (?:popular|read|viewed)|trending|read next|weitere artikel|mehr zum thema|das könnte sie auch interessieren|meistgelesen|auch interessant|à lire aussi|lire aussi|sur le même sujet|les plus lus|te puede interesar|más noticias|noticias relacionadas|leia também|veja também|notícias relacionadas|potrebbe interessarti|articoli correlati|читайте также|share this (?:article|story|post)|about the author|über den autor|tags?:|schlagworte|themen:|sign up for|subscribe to our|newsletter|navigationspfad|footer|impressum|imprint|privacy policy|datenschutz(?:erklärung)?|all rights reserved|copyright\b|©)/i;

// Interface text, cookie notices, buttons, form fields.
const JUNK = /^\(?(?:BUTTON|IMG|INLINE|FORM|submit)\)|^\[[^\]]{0,80}\]$|^_{4,}|\[_{3,}|\[\s{3,}\]|^\(\s?[*x ]?\s?\)|cookies?\b.*\b(?:use|accept|consent|einverstanden|akzeptieren|utilis|usamos|utilizziamo)|\b(?:accept|akzeptieren|accepter|aceptar|aceitar|accetta)\s+(?:all|alle|tout|todo|todas|tutti)\b|^(?:skip to|zum inhalt|aller au contenu|ir al contenido|vai al contenuto|menu|menü|search|suche|suchen|recherche|buscar|cerca|log ?in|sign ?in|anmelden|registrieren|se connecter|iniciar sesión|entrar|accedi|home|startseite|accueil|inicio|start)\b.{0,20}$/i;

// A cookie notice or consent-settings text, in any of the corpus's languages: "cookie" with
// the words such notices always use around it. (A recipe's cookies come without them.)
const COOKIE = /\bcookies?\b/i;
const CONSENT_WORDS = /zustimm|einwillig|akzeptier|ablehn|einstellung|datenschutz|privacy|consent|accept|settings|browser|website|webseite|site web|sitio web|navega|aktivier|deaktivier|analytics|tracking|third[- ]party|drittanbieter|partenaires|partners|korzysta|używa|wykorzyst/i;
// Log-in, registration and password forms.
const ACCOUNT_FORM = /\b(?:password|passwort|kennwort|mot de passe|contraseña|senha|pflichtfeld\w*|required fields?|champs? obligatoires?|campos? obligatorios?)\b/i;

// Photo credits: how a caption gives itself away in any language.
const CREDIT = /\((?:photo|foto|image|picture|bild|pic|credit|crédit|crédito|file photo|photograph)\b[^)]{0,120}\)|\b(?:photo|foto|image|picture|bild|credit|crédit|crédito|photograph|illustration|grafik|archivbild|symbolbild|fotó)\s*(?:by|von|par|por|di|:|©)|©|\(c\)\s|\bgetty images\b|\bshutterstock\b|\bistock(?:photo)?\b|\bimago\b|picture[- ]alliance|\bkeystone\b|\/\s*(?:afp|reuters|ap|dpa|epa|ansa|efe|apa|xinhua|sputnik)\s*(?:\)|\/|$)|\/\s*$/i;

const ORGANISATION_BYLINE = /^(?:by|von|par|por)\s+(?:the|our|staff|agencies|der|die|la|le|les|el|los|las|nos|nuestro)\s+\S/i;
const BYLINE_LINE = /^(?:by|von|par|por|di|door|av|af|от|written by|posted by|text:|texte\s*:|autor(?:in)?:|author:|auteur\s*:|escrito por|publicado por)\s+\S/i;

// A sentence may also break off with a dash (fiction, quoted speech cut short).
const SENTENCE_END = /[.!?…:;"“”»«)。！？—]\s*$|[.!?。][\s"”»]/;

export type Kind = 'good' | 'medium' | 'short' | 'junk' | 'stop' | 'caption' | 'byline' | 'date' | 'inset' | 'toc' | 'code';

function wordCount(s: string): number {
  const latin = s.split(/\s+/).filter(Boolean).length;
  // Scripts without spaces count by characters.
  const cjk = (s.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length;
  return Math.max(latin, Math.round(cjk / 2));
}

function isDateLine(p: string): boolean {
  // Every date findDates reads has a four-digit year or a numeric d.m.yy; most lines have
  // neither, and findDates is not cheap.
  if (p.length > 140 || !MAYBE_DATE.test(p)) return false;
  const d = findDates(p)[0];
  if (!d) return false;
  const rest = (p.slice(0, d.index) + p.slice(d.end)).replace(/[\s|,·•\-–—:()]+/g, ' ').trim();
  return wordCount(rest) <= 8;
}

// A comment counter or comment-section header anywhere in a short line.
const COMMENTS_HEADER = /\b\d+\s+(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?|comentários|commenti|reacties)\b|^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\b|\bresponses? to\s+["“«„]|\b(?:leave a (?:reply|comment)|kommentar schreiben|laisser un commentaire)\b/i;
// "Teaser headline … the first words of the story..." — a link to another article.
const TEASER_END = /(?:\.\.\.|…)\s*(?:\(?(?:more|mehr|plus|más|mais)\)?)?$/i;

// "© Name / Agency" with no year and no rights notice: an image credit, not the site's
// copyright footer ("© 2019 Example Media. All rights reserved.").
const CREDIT_ONLY = /^©\s*(?!.*\b(?:19|20)\d\d\b)(?!.*\b(?:rights|rechte|reserved|vorbehalten|droits|derechos|direitos|diritti)\b)[^|]{2,60}$/i;

// A line of program code or a shell command, as technical posts print them between their
// paragraphs: calls, assignments, braces, prompts, option flags.
const CODE = /^(?:[$>#%]\s|(?:import|from|def|class|return|print|var|let|const|function|public|private|static|void|package|using|#include|#define|sudo|npm|npx|pip|git|cd|echo|export|apt(?:-get)?|docker|curl|netsh|set)\s)|[;{}]\s*$|^[\])}]|[\w\]]\((?:[^()]*|[^()]*\([^()]*\)[^()]*)\)|\w\.\w+\(|\s[=+*/<>]=?\s|\w=\S|\s--?[a-z][\w-]*/i;
const CODE_MAX = 200;

export function classify(p: TextPara): Kind {
  const t = p.text;
  if (CREDIT_ONLY.test(t)) return 'caption';
  if (STOP.test(t) && t.length < 80) return 'stop';
  if (t.length < 120 && COMMENTS_HEADER.test(t)) return 'stop';
  if (t.length < 400 && TEASER_END.test(t)) return 'junk';
  if (JUNK.test(t)) return 'junk';
  if (t.length < 700 && COOKIE.test(t) && CONSENT_WORDS.test(t)) return 'junk';
  if (t.length < 300 && ACCOUNT_FORM.test(t)) return 'junk';
  if (t.length < 600 && CREDIT.test(t)) return 'caption';
  if (t.length < 140 && BYLINE_LINE.test(t) && cleanByline(t)) return 'byline';
  // "By the Market Hall traders' association": a credit to a body, not a person — still a
  // byline line (never the headline), though no author name comes out of it.
  if (t.length < 90 && ORGANISATION_BYLINE.test(t) && !/[.!?]$/.test(t)) return 'byline';
  if (isDateLine(t)) return 'date';
  const words = wordCount(t);
  if (p.bullet) return t.length >= 100 && SENTENCE_END.test(t) ? 'medium' : 'junk';
  // Menus rendered on one line: "Home | News | Sport | Culture".
  if ((t.match(/\s[|•·]\s/g) ?? []).length >= 2 && t.length < 200) return 'junk';
  if (t.length >= 70 && words >= 8 && SENTENCE_END.test(t)) return 'good';
  if (t.length >= 25 && words >= 4 && SENTENCE_END.test(t)) return 'medium';
  if (t.length <= CODE_MAX && CODE.test(t)) return 'code';
  return 'short';
}

function weight(kind: Kind, p: TextPara): number {
  const len = p.text.length;
  switch (kind) {
    case 'good': return Math.min(len, 1500);
    case 'medium': return len * 0.4;
    case 'short': return -20;
    case 'junk': return -Math.max(30, Math.min(len, 200));
    case 'stop': return -2000;
    case 'caption': return 0;
    case 'byline': return -10;
    case 'date': return -10;
    case 'inset': return -20;
    case 'toc': return 0;
    // Neutral: a listing between two paragraphs of a post does not split it, and code alone
    // (a script dump) never makes a body.
    case 'code': return 0;
  }
}

// A comment-section header: "12 Comments", "Leave a reply", "Kommentare".
const COMMENT_STOP = /\b(?:comments?|kommentare?|commentaires?|comentarios?|comentários|commenti|reacties|комментари\w*|responses?|replies|leave a (?:reply|comment)|join the (?:discussion|conversation))\b/i;

// A footer line: what follows it is dialogs (cookie settings, log-in forms) and site text.
const FOOTER_STOP = /\b(?:impressum|imprint|privacy(?: policy)?|datenschutz\w*|all rights reserved|alle rechte vorbehalten|copyright|terms of (?:use|service)|nutzungsbedingungen|mentions légales|aviso legal|política de privacidad|informativa (?:sulla )?privacy)\b|©/i;

/**
 * Readers' comments can outweigh the article they follow (a short post, a long thread), and
 * a cookie-settings dialog or log-in form printed after the footer can outweigh a short
 * story. Once some article text has been seen, what follows a comment-section header or a
 * footer line counts for a tenth: the body is taken from before it unless nothing worth
 * the name was there.
 */
function discountComments(paras: TextPara[], kinds: Kind[], ws: number[]): number[] {
  // `sum` is the weight of the run that reaches the header (as Kadane counts it): a
  // sidebar blurb far above a "Comments feed" link in the header does not count. Other
  // stop lines between the article and its comments ("Tags:", "Related") do not reset it.
  // A footer needs a body-sized run anywhere above it (`best`): footer links at the top of
  // a page come before any article text.
  let sum = 0;
  let best = 0;
  let factor = 1;
  for (let i = 0; i < ws.length; i++) {
    if (factor === 1 && kinds[i] === 'stop') {
      const t = paras[i].text;
      if ((sum >= 300 && COMMENT_STOP.test(t)) || (best >= 400 && FOOTER_STOP.test(t))) factor = 0.1;
    }
    if (kinds[i] !== 'stop') sum = Math.max(0, sum + ws[i]);
    if (sum > best) best = sum;
    if (ws[i] > 0) ws[i] *= factor;
  }
  return ws;
}

/** A program's output printed under the code: numbers and short values, no words. */
const CODE_OUTPUT = /^[^\p{L}]{1,40}$|^(?:true|false|none|null|nil|undefined|ok)$/iu;

/** Each paragraph's kind; a short line right under code is that code's output. */
function classifyAll(paras: TextPara[]): Kind[] {
  const kinds = paras.map(classify);
  for (let i = 1; i < kinds.length; i++) if (kinds[i] === 'short' && kinds[i - 1] === 'code' && CODE_OUTPUT.test(paras[i].text)) kinds[i] = 'code';
  // A short line over a list of links ("Discover now", "More videos") is that list's heading;
  // a heading that introduces its list ("For the dough:") says so with a colon.
  for (let i = 0; i + 2 < kinds.length; i++) {
    if (kinds[i] !== 'short' || paras[i].bullet || /:\s*$/.test(paras[i].text)) continue;
    if (paras[i + 1].bullet && paras[i + 2].bullet && kinds[i + 1] !== 'good' && kinds[i + 1] !== 'medium' && kinds[i + 2] !== 'good' && kinds[i + 2] !== 'medium') kinds[i] = 'junk';
  }
  return kinds;
}

/** A table of contents lists headings that come again further down; longer lines are not headings. */
const TOC_MAX = 100;
const TOC_REACH = 400;
const headingKey = (t: string) => t.toLowerCase().replace(/^\d{1,2}[.)]\s*/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A table of contents at the top of a long article is a list of short lines, which would
 * split the body from its introduction. A short line whose text comes again further down
 * as the heading of a section of prose is a contents entry: it weighs nothing and is
 * left out of the body.
 */
function markContents(paras: TextPara[], kinds: Kind[]): void {
  const last = new Map<string, number>();
  for (let i = 0; i < paras.length; i++) if (paras[i].text.length <= TOC_MAX) last.set(headingKey(paras[i].text), i);
  for (let i = 0; i < paras.length; i++) {
    const t = paras[i].text;
    if (t.length > TOC_MAX || (kinds[i] !== 'junk' && kinds[i] !== 'short')) continue;
    const key = headingKey(t);
    if (key.length < 4) continue;
    const j = last.get(key);
    // The heading it points to opens a section of prose (a menu repeated in the footer does not).
    if (j === undefined || j <= i + 3 || j - i > TOC_REACH) continue;
    // The rest of a list that already showed itself to be the contents (sections of the
    // article can be short).
    if (kinds[j + 1] === 'good' || kinds[j + 2] === 'good' || kinds[i - 1] === 'toc') kinds[i] = 'toc';
  }
}

/** How far (in paragraphs) an inset box may reach before the article resumes. */
const INSET_MAX_PARAS = 15;
const INSET_MAX_CHARS = 1200;

/**
 * "Related stories" or "Most read" boxes are often set inside the article: their heading
 * would end the body there and lose everything after it. A stop line (not a comment header)
 * with article prose just above it and two paragraphs of prose again a few short lines
 * below it is such a box: the heading and its short items become 'inset' — left out of the
 * body, but no longer a wall the body cannot cross.
 */
function bridgeInsetBoxes(paras: TextPara[], kinds: Kind[]): void {
  const n = kinds.length;
  for (let i = 1; i < n; i++) {
    if (kinds[i] !== 'stop' || COMMENT_STOP.test(paras[i].text)) continue;
    let proseAbove = false;
    for (let k = Math.max(0, i - 3); k < i; k++) if (kinds[k] === 'good') proseAbove = true;
    if (!proseAbove) continue;
    let j = i + 1;
    let chars = 0;
    // A byline or date line in the gap heads another article (an endless-scroll page). A
    // second box under the same heading ("Related", "Related") belongs to the same gap.
    const sameBox = (k: number) => kinds[k] === 'stop' && paras[k].text === paras[i].text;
    while (j < n && j - i <= INSET_MAX_PARAS && kinds[j] !== 'good' && (kinds[j] !== 'stop' || sameBox(j)) && kinds[j] !== 'date' && kinds[j] !== 'byline' && chars <= INSET_MAX_CHARS) {
      chars += paras[j].text.length;
      j++;
    }
    if (j >= n - 1 || kinds[j] !== 'good' || chars > INSET_MAX_CHARS || j - i > INSET_MAX_PARAS) continue;
    if (kinds[j + 1] !== 'good' && kinds[j + 1] !== 'medium') continue;
    for (let k = i; k < j; k++) kinds[k] = 'inset';
    i = j;
  }
}

/** What the first prose paragraph under a headline and its byline or date line gains. */
const ANCHOR_BONUS = 300;

/**
 * A news page shows its headline, then a byline or date line, then the story. The first
 * paragraph of prose right under the first such header is where the body most likely
 * starts: it gets a bonus, so a sidebar blurb or teaser list elsewhere on a page with a
 * short story does not win the body.
 */
function anchorBonus(paras: TextPara[], kinds: Kind[], ws: number[]): void {
  const n = kinds.length;
  for (let a = 1; a < n; a++) {
    if (kinds[a] !== 'date' && kinds[a] !== 'byline') continue;
    let title = false;
    for (let k = a - 1; k >= Math.max(0, a - 4) && !title; k--) {
      if (kinds[k] === 'stop') break;
      if (looksLikeTitle(paras[k], kinds[k])) title = true;
    }
    if (!title) continue;
    // Between the header and the story: share buttons, an image, its caption.
    for (let k = a + 1; k < Math.min(n, a + 7); k++) {
      if (kinds[k] === 'stop') break;
      if (kinds[k] === 'good' || kinds[k] === 'medium') {
        ws[k] += ANCHOR_BONUS;
        return;
      }
    }
  }
}

/** How much more each further line of a gap costs than the one before (as a share). */
const GAP_STEP = 0.3;

/**
 * Inside an article, prose is interrupted by a heading, a caption or an image line or two;
 * teaser lists and sidebars interleave their blurbs with three, four, five lines of titles,
 * kickers and links. So each further line of an unbroken gap costs more than the last, and
 * a long gap splits the body where a short one does not.
 */
function escalateGaps(kinds: Kind[], ws: number[]): void {
  let streak = 0;
  for (let i = 0; i < ws.length; i++) {
    if (ws[i] > 0) streak = 0;
    else if (ws[i] < 0 && kinds[i] !== 'inset' && kinds[i] !== 'stop') {
      ws[i] *= 1 + streak * GAP_STEP;
      streak++;
    }
  }
}

const isProse = (k: Kind | undefined) => k === 'good' || k === 'medium' || k === 'code';
/** Below this length an isolated paragraph is as likely a teaser blurb as article text. */
const ISOLATED_MAX = 300;

/**
 * Article paragraphs come in runs; a teaser list sets one short blurb between titles,
 * image placeholders and links. A short prose paragraph with no prose on either side
 * counts half.
 */
function discountIsolated(paras: TextPara[], kinds: Kind[], ws: number[]): void {
  for (let i = 0; i < ws.length; i++) {
    if (kinds[i] === 'good' && paras[i].text.length < ISOLATED_MAX && !isProse(kinds[i - 1]) && !isProse(kinds[i + 1])) ws[i] *= 0.5;
  }
}

/** Each paragraph's weight for the body run. */
function bodyWeights(paras: TextPara[], kinds: Kind[]): number[] {
  const ws = kinds.map((k, i) => weight(k, paras[i]));
  discountIsolated(paras, kinds, ws);
  escalateGaps(kinds, ws);
  anchorBonus(paras, kinds, ws);
  return discountComments(paras, kinds, ws);
}

/** The maximum-sum run of paragraphs (Kadane): the article body. */
function densestRun(ws: number[]): [number, number] | null {
  let best = 0;
  let bestRange: [number, number] | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < ws.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += ws[i];
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return bestRange;
}

function looksLikeTitle(p: TextPara, kind: Kind): boolean {
  if (p.bullet || kind === 'junk' || kind === 'stop' || kind === 'caption' || kind === 'byline' || kind === 'date') return false;
  const t = p.text;
  const words = wordCount(t);
  if (t.length < 12 || t.length > 250 || words < 3) return false;
  if (/[.:,;]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  return true;
}

/**
 * The article run of a page's paragraphs, without the lines that are not body text
 * (captions, bylines, date lines, lists and furniture): the text extractor's judgement,
 * for callers that hold paragraphs from elsewhere (an HTML page Readability misread).
 */
export function proseRun(paras: TextPara[]): string[] {
  const { kinds, run } = articleRun(paras);
  if (!run) return [];
  const out: string[] = [];
  for (let i = run[0]; i <= run[1]; i++) {
    const k = kinds[i];
    if (k === 'good' || k === 'medium' || k === 'short' || k === 'code') out.push(paras[i].text);
  }
  return out;
}

/** Each paragraph's kind and the article run (first and last index), as the text extractor sees them. */
export function articleRun(paras: TextPara[]): { kinds: Kind[]; run: [number, number] | null } {
  const kinds = classifyAll(paras);
  markContents(paras, kinds);
  bridgeInsetBoxes(paras, kinds);
  return { kinds, run: densestRun(bodyWeights(paras, kinds)) };
}

export interface TextInput {
  text: string;
  hints: MetadataHints;
  format: string;
}

export function extractText(input: TextInput): Extracted {
  const warnings: string[] = [];
  const norm = normalizeText(input.text);
  if (norm.truncated) warnings.push('text is very long; only the first 5 M characters were read');
  const paras = toParagraphs(norm.text);
  const kinds = classifyAll(paras);
  markContents(paras, kinds);
  bridgeInsetBoxes(paras, kinds);
  const run = densestRun(bodyWeights(paras, kinds));
  const [runStart, e] = run ?? [paras.length, paras.length - 1];
  let s = runStart;

  // The site's host name in the header lines (to strip it from a window-title headline).
  const hostAbove = hostInHeader(paras, s);
  // Numeric dates like 3/5/2022 read day first outside English.
  const dateOpts = slashDateOrder(paras, kinds, s, e, input.hints.language);
  const choice = chooseHeadline(paras, kinds, s, e, dateOpts, hostAbove ? [hostAbove] : []);
  const titleIdx = choice?.index ?? -1;
  // The story starts under its headline.
  if (titleIdx >= s && titleIdx < e) s = titleIdx + 1;
  const header = readHeader(paras, kinds, titleIdx, s, e, dateOpts);
  // The site header: its host name and the outlet's masthead, above the headline.
  let site = titleIdx >= 0 ? hostInHeader(paras, titleIdx) : hostAbove;
  const masthead = mastheadIn(paras, kinds, titleIdx);
  // The day the page was saved, in the site header above the headline.
  let savedAt: string | null = null;
  const headerLimit = titleIdx >= 0 ? titleIdx : Math.min(s, 8);
  for (let i = 0; i < Math.min(headerLimit, 6) && !savedAt; i++) {
    if (!header.lines.has(i) && isDateLine(paras[i].text)) savedAt = findDates(paras[i].text)[0]?.iso.slice(0, 10) ?? null;
  }
  let author = header.author;
  let published = header.published;
  const captions: string[] = [];
  let standfirst: string | null = null;
  // Standfirst: the first sentence-like paragraph between the headline and the body.
  if (titleIdx >= 0) {
    for (let i = titleIdx + 1; i < s; i++) {
      if (header.lines.has(i)) continue;
      if ((kinds[i] === 'good' || kinds[i] === 'medium') && !standfirst) standfirst = paras[i].text;
      if (kinds[i] === 'caption') captions.push(paras[i].text);
    }
  }

  // Body: the run, minus captions, bylines and date lines, lists and furniture.
  const body: string[] = [];
  for (let i = s; i <= e; i++) {
    const k = kinds[i];
    const t = paras[i].text;
    if (header.lines.has(i)) continue;
    if (k === 'caption') {
      captions.push(t);
      // An image's alt text printed just before its caption is part of the caption.
      if (body.length && i > s && kinds[i - 1] !== 'good' && t.includes(body[body.length - 1].replace(/^[^:]{1,40}:\s*/, '').slice(0, 40))) body.pop();
      continue;
    }
    if (k === 'byline' || k === 'date') continue;
    if (k === 'junk' || k === 'stop' || k === 'inset' || k === 'toc') continue;
    body.push(t);
  }
  // A standfirst printed again as the body's first paragraph appears once.
  const normLead = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (standfirst && body.length && normLead(body[0]) === normLead(standfirst)) standfirst = body[0];
  else if (body.length > 1 && normLead(body[0]) === normLead(body[1])) {
    standfirst = body[0];
    body.shift();
  } else if (standfirst && !body.some((b) => normLead(b) === normLead(standfirst!))) {
    body.unshift(standfirst);
  }

  const hints = input.hints;
  let title = choice?.text || null;
  const hintTitle = hints.title ? stripSiteSuffix(hints.title, site ? [site] : []) : null;
  if (hintTitle && (input.format === 'eml' || input.format === 'md' || !title || titleSimilarity(hintTitle, title) < 0.5)) title = hintTitle;
  if (hints.author && (input.format === 'eml' || input.format === 'md' || !author)) {
    const a = cleanByline(hints.author);
    if (a && !/\b(?:user|admin|administrator|owner|microsoft|office|windows|unknown|author|autor)\b/i.test(a)) author = a;
  }
  // No date line found while reading the header: the date line nearest the headline.
  published ??= datelineNearHeadline(norm.text, title);
  published = (hints.publishedAt ? parseDate(hints.publishedAt) : null) ?? published;
  // A date in the site header older than the article's own date line was not the day the
  // page was saved (a teaser's date, an event's).
  if (published && savedAt && !hints.publishedAt && published.slice(0, 10) > savedAt) savedAt = null;
  if (published && savedAt && published.slice(0, 10) > savedAt) published = null;
  if (hints.savedAt) savedAt = parseDate(hints.savedAt) ?? savedAt;
  if (hints.url) site ??= hostFromUrl(hints.url);

  const paragraphs = cleanParagraphs(body, { title, captions: captions.map(cleanCaption) });
  const bodyText = paragraphs.join('\n\n');
  return {
    title,
    author,
    source: hints.source ?? masthead ?? site,
    site,
    url: hints.url && /^https?:\/\//i.test(hints.url) ? hints.url : null,
    publishedAt: published,
    modifiedAt: null,
    savedAt,
    language: chooseLanguage([hints.language], bodyText),
    standfirst: hints.description ?? standfirst,
    captions: captions.map(cleanCaption),
    bodyText,
    bodyHtml: paragraphsToHtml(paragraphs),
    warnings,
  };
}

/**
 * How to read "3/5/2022" in the header: day first unless the story is in English (where the
 * US order is as common, and such a date stays unread). Only guessed when such a date is there.
 */
function slashDateOrder(paras: TextPara[], kinds: Kind[], s: number, e: number, declared: string | null | undefined): DateOptions {
  let header = '';
  for (let i = Math.max(0, s - 40); i < Math.min(paras.length, s + 10); i++) if (paras[i].text.length < 200) header += `${paras[i].text}\n`;
  if (!/(?<!\d)\d{1,2}\/\d{1,2}\/\d{4}(?!\d)/.test(header)) return {};
  let prose = '';
  for (let i = s; i <= e && prose.length < 3000; i++) if (kinds[i] === 'good') prose += `${paras[i].text}\n`;
  const lang = chooseLanguage([declared], prose);
  return lang && lang !== 'en' ? { slashOrder: 'dmy' } : {};
}

function cleanCaption(c: string): string {
  return c.replace(/[\s/|]+$/, '').trim();
}

function hostFromUrl(u: string): string | null {
  try {
    return new URL(u).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}
