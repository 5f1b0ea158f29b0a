/// <reference lib="dom" />
// Choosing the headline, author and publication date of an HTML page from the evidence
// html-metadata.ts collected. Sources are weighed in the order of trust the design asks
// for (JSON-LD, meta tags, microdata, <time>, visible bylines and date lines), but a
// visible <h1> that the page's own metadata confirms — or that is the page's only real
// headline — beats a <title> rewritten for search engines.
import type { MetadataHints } from '../types.ts';
import { cleanByline } from './bylines.ts';
import { findDates, parseDate, parseMachineDate } from './dates.ts';
import { metaFirst, type HtmlMetadata } from './html-metadata.ts';
import { DEFAULT_RULES, TOKEN_TABLES, type Rules } from './rule-tokens.ts';
import { hostLabels, squash, stripSiteSuffix, titleSimilarity } from './titles.ts';

function cleanText(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.replace(/\u00ad/g, '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

// What sits before a headline as a label: "Local News |", "Headline:", "Sport –".
const LABEL_PREFIX = /(?:[|»–—-]|^\S+\s?:)$/;
const TITLE_SEP = /\s+[|\-–—·•»:]\s+|\s*[|»]\s*/;

function sameText(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

export function chooseHeadline(meta: HtmlMetadata, hints: MetadataHints, allSites: string[], readabilityTitle: string | null, rules: Rules = DEFAULT_RULES): string | null {
  // A "site name" (application-name, say) that is also the whole <title> and the <h1> is
  // the article's headline misfiled, not the site's name.
  const pageTitle = squash(meta.title ?? '');
  const sites = allSites.filter((s) => !(squash(s) === pageTitle && meta.h1s.some((h) => squash(h) === pageTitle)));
  const og = metaFirst(meta, rules.tokens('socialTitleMetaKeys'));
  // What the page says about itself in its head; microdata and Readability read the body.
  const headRaws = [meta.ld[0]?.headline, og, hints.title, metaFirst(meta, rules.tokens('otherTitleMetaKeys')), meta.title]
    .map(cleanText)
    .filter((x): x is string => !!x);
  const raws = [...headRaws, ...[meta.microHeadline, readabilityTitle].map(cleanText).filter((x): x is string => !!x)];
  const isSite = (t: string) => sites.some((site) => squash(site) === squash(t));
  const ordered = raws
    .map((t) => stripSiteSuffix(t, sites, rules) || t)
    // A "title" that is only the site's name says nothing about the article.
    .filter((t) => !isSite(t));
  // An <h1> that carries the site's name as well ("Headline | Site") loses it, but only
  // when that name is the site's: "– Until Now" after a headline stays.
  const unsited = (t: string) => {
    const s = stripSiteSuffix(t, sites, rules);
    if (s === t || !s) return t;
    // Only when what went is exactly a site name ("Welpen kaufen – …" keeps its "Welpen").
    const st = squash(t);
    const ss = squash(s);
    return sites.some((site) => {
      const q = squash(site);
      return q.length >= 3 && (st === ss + q || st === q + ss);
    }) ? s : t;
  };
  const h1s = (meta.h1Info ?? [])
    .map((h) => ({ ...h, text: unsited(cleanText(h.text) ?? ''), main: cleanText(h.main) }))
    .filter((h) => h.text.length >= 2 && h.text.length <= 300 && !isSite(h.text) && !rules.furnitureHeading.test(h.text));
  // The headline as shown on the page: an <h1> that the page's own metadata confirms. A
  // kicker ("Klimaschutz" above "Bohren, bis es heiß wird") is not part of the headline.
  // Exact agreement with any <h1> is looked for first, looser agreement after.
  const top = h1s.filter((h) => !h.furniture).slice(0, 4);
  // A sticky header may repeat the headline in an <h1>: exact agreement with the page's own
  // og:title / JSON-LD headline still counts there.
  for (const h of h1s.slice(0, 4)) {
    if (h.furniture && headRaws.slice(0, 2).some((t) => squash(t) === squash(h.text))) return h.text;
  }
  for (const h of top) {
    const sh = squash(h.text);
    const sm = h.main ? squash(h.main) : null;
    // "<h1><span class=kicker>Kicker</span> Headline</h1>" with the metadata's "Headline".
    if (h.main && ordered.some((t) => squash(t) === sm)) return h.main;
    for (const t of [...headRaws, ...ordered]) {
      const st = squash(t);
      if (st && (st === sh || (sm && st === sm))) return h.main ?? h.text;
    }
  }
  for (const h of top) {
    const shown = h.main ?? h.text;
    const sh = squash(h.text);
    for (const t of headRaws) {
      const st = squash(t);
      if (!st || h.furniture) continue;
      // The <h1> opens the title: "Headline - Section - Site".
      const lead = TITLE_SEP.exec(t);
      // Not when another <h1> is in the title too ("Section - Headline" over two <h1>s).
      const otherInTitle = top.some((o) => o !== h && squash(o.text).length >= sh.length && st.includes(squash(o.text)));
      if (lead && sh.length >= 8 && !otherInTitle && squash(t.slice(0, lead.index)) === sh && squash(stripSiteSuffix(t, sites, rules)).startsWith(sh)) return shown;
      // The <h1> is one segment of a "Site | Headline | Section" title.
      if (st.includes(sh) && sh.length >= 8 && sh.length >= st.length * 0.3 && squash(stripSiteSuffix(t, sites, rules)).includes(sh)) return shown;
    }
    for (const t of ordered) {
      const st = squash(t);
      if (!st) continue;
      if (sh.endsWith(st) && st.length >= 10) {
        // A prefix only the <h1> shows is part of the headline ("\"Pure Leere\": Marita …"),
        // unless it is a label set off by a bar or dash, a date, or one word and a colon.
        const prefix = h.text.slice(0, Math.max(0, h.text.length - t.length)).trim();
        return LABEL_PREFIX.test(prefix) || parseDate(prefix) ? t : shown;
      }
      // "<h1>Headline 02.02.2022 • Category</h1>": the metadata's headline without the tail.
      if (sh.startsWith(st) && st.length >= 15) return st.length >= sh.length * 0.5 && !/\d{1,2}[./]\d{1,2}[./]\d{2,4}|[•|]/.test(h.text.slice(t.length)) ? shown : t;
      if (titleSimilarity(t, h.text) >= 0.7 || (h.main && titleSimilarity(t, h.main) >= 0.7)) return shown;
    }
  }
  // No agreement: one <h1> in the content that is not a logo or a segment the <title>
  // shows as the site's name is still the headline a reader sees.
  const content = h1s.filter((h) => !h.furniture);
  if (content.length === 1 && (meta.h1Info ?? []).length === 1) {
    const h = content[0];
    const titleSegs = raws.flatMap((t) => t.split(/\s+[|\-–—·•»:]\s+|\s*[|»·•]\s*/));
    const siteLike = titleSegs.length > 1 && titleSegs.some((seg) => sameText(seg, h.text)) && ordered.some((t) => !sameText(t, h.text));
    if (!siteLike && h.text.length >= 3) return h.main ?? h.text;
  }
  return ordered[0] ?? cleanText(h1s.find((h) => !h.furniture)?.text) ?? null;
}

// A user handle rather than a written name: one token, lower case or with digits/_/. in it.
const HANDLE_SHAPE = /^(?:[\p{Ll}\d][\p{L}\d._-]*|[\p{L}\d]*[\d_.][\p{L}\d._-]*)$/u;
const ARTICLE_WORD = /^(?:the|die|der|das|le|la|les|el|il|lo|o|a)\s+/i;

type AuthorKind = 'name' | 'handle' | 'site';

// How a visible byline starts: "By", "Von", "Par", "Text & Fotos:", "Autorin:" ….
const BYLINE_LEAD = /^\s*(?:(?:posted|written|published|eingestellt|geschrieben|verfasst|ver[öo]ffentlicht|publi[ée]|escrito|publicado)\s+(?:by|von|par|por)|by|von|par|por|di|door|av|af|text(?:\s*(?:&|und|and)\s*fotos?)?\s*:|autor(?:in)?\s*:|author\s*:|auteur\s*:)\s/i;
// Two or three capitals alone ("JF", "PP"): a desk's or the site's initials, not a name,
// unless a news agency's.
const INITIALS = /^\p{Lu}{2,3}$/u;

// "Andreas Kalt" naming his own blog is still a person; "Die FURCHE", "SWIM.DE" are not.
const PERSON_SHAPE = /^\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}\.?)?(?: (?:von |van |de |del |da |di |le |la )?\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
// Unmistakably an organisation, site name or not: it signs when no person does.
const ORG_MARK = /(?:\be\.\s?V\b|\bgmbh\b|\bag$|\binc\b|\bltd\b|\bllc\b|stiftung\b|verband\b|verein\b|ministerium\b|\bfoundation\b|\bassociation\b)/i;
const ORG_WORD = /\b(?:gmbh|ag|inc|ltd|llc|verlag|verband|magazin|magazine|news|online|zeitung|journal|media|medien|foundation|stiftung|institut|institute|group|gruppe|team|redaktion|blog|times|post|daily|press|presse|radio|tv|company|communications|enterprises|corporation|authors|rights|reserved)\b/i;

function isAgency(n: string): boolean {
  return /^(?:AFP|AP|PA|DPA|EFE|APA|SDA|KNA|EPD|AAP|ANP|ANI|PTI|UPI|CNA|SID|DDP|RTR)$/i.test(n);
}

/**
 * The author, from the most trusted source that names a person. Evidence is read in order
 * (JSON-LD, citation_author, meta author, labelled "Autor:" fields, microdata, byline
 * elements, byline lines) but a user handle ("gabor_munier") or the site's own name
 * ("Die FURCHE") only serves when no source names a person; and a bare first name
 * ("Stefanus") gives way to the full name another source gives ("Stefanus Stahl").
 */
export function chooseAuthor(meta: HtmlMetadata, hints: MetadataHints, readabilityByline: string | null, publisher: string | null, rules: Rules = DEFAULT_RULES): string | null {
  const publisherMeta = rules.tokens('publisherMetaKeys')
    .flatMap((k) => meta.meta.get(k) ?? [])
    .filter((v) => !/^https?:|^www\./i.test(v));
  const siteNames = [publisher, ...publisherMeta, ...meta.ldSiteNames, ...meta.ld.map((l) => l.publisher)]
    .filter((x): x is string => !!x)
    // "DHB - Deutscher Handball Bund": each part names the site.
    .flatMap((x) => [x, ...x.split(/\s*[|·•»]\s*|\s+[–—-]\s+/)])
    .map((x) => squash(x.replace(ARTICLE_WORD, '')))
    .filter((x) => x.length >= 3);
  const isSite = (n: string) => {
    const q = squash(n.replace(ARTICLE_WORD, ''));
    return siteNames.some((s) => s === q || (q.length >= 5 && s.startsWith(q)) || (s.length >= 5 && q.startsWith(s) && q.length - s.length <= 3));
  };
  const found: { names: string; kind: AuthorKind; siteEqual: boolean; led: boolean; source: string }[] = [];
  let source = '';
  const consider = (list: (string | null | undefined)[], trusted: boolean, weak = false) => {
    const names: string[] = [];
    for (const raw of list) {
      if (!raw) continue;
      const c = cleanByline(raw, { trusted });
      if (!c) continue;
      for (const n of c.split('; ')) if (!names.includes(n)) names.push(n);
    }
    // Four or more "names" on a page line are a tag or category list, not a byline.
    if (!names.length || (!trusted && names.length > 3 && !list.some((r) => r && BYLINE_LEAD.test(r)))) return;
    // The site's own name gives way to a person; a person who names their site after
    // themselves ("Andreas Kalt") is still the author.
    const orgLike = (n: string) => ORG_MARK.test(n) || (isSite(n) && !(PERSON_SHAPE.test(n) && !ORG_WORD.test(n)));
    // "SPIEGEL ONLINE, Hamburg, Germany": after the site's or a firm's name, single words
    // are its address, not more authors.
    if (names.length > 1 && orgLike(names[0]) && names.slice(1).every((n) => !/\s/.test(n))) names.splice(1);
    const kind: AuthorKind = names.every(orgLike) ? 'site' : weak || names.every((n) => HANDLE_SHAPE.test(n) || (INITIALS.test(n) && !isAgency(n))) ? 'handle' : 'name';
    found.push({
      names: names.filter((n) => kind === 'site' || !orgLike(n)).join('; '),
      kind,
      siteEqual: names.every(isSite),
      led: list.some((r) => !!r && BYLINE_LEAD.test(r)),
      source,
    });
  };
  source = 'ld';
  for (const ld of meta.ld) consider(ld.authors, true);
  source = 'meta';
  for (const k of rules.tokens('citationAuthorKeys')) consider(meta.meta.get(k) ?? [], true);
  for (const k of rules.tokens('authorMetaKeys')) consider((meta.meta.get(k) ?? []).filter((v) => !/^https?:|^@|^www\./i.test(v)), true);
  consider(meta.labelledAuthors ?? [], true);
  source = 'micro';
  consider(meta.microAuthors, true);
  source = 'page';
  for (const b of meta.labelledBylines ?? []) consider([b], false);
  // An element marked as the author whose whole text is one word is a handle ("oradmin").
  for (const a of meta.authorElements ?? []) if (!/\s/.test(a)) consider([a], true, true);
  for (const b of meta.bylines) consider([b], false);
  consider([readabilityByline], false);
  // twitter:creator is an @handle as a rule; a bare one is the author's user name.
  for (const k of rules.tokens('handleMetaKeys')) consider((meta.meta.get(k) ?? []).filter((v) => !/^@|^https?:/i.test(v)), true, true);
  consider([hints.author], false);
  // A name the page's structured data gives and its own byline repeats ("Eingestellt von
  // Weinlachgummi" on the blog "Weinlachgummis") is a blogger who named the blog after
  // themselves: a person, not the site.
  const repeatedByLine = (f: (typeof found)[number]) => found.some((g) => g.led && g.source === 'page' && g.names.toLowerCase() === f.names.toLowerCase());
  for (const f of found) if (f.kind === 'site' && f.source !== 'page' && !ORG_MARK.test(f.names) && repeatedByLine(f)) f.kind = 'name';
  let pick = found.find((f) => f.kind === 'name') ?? found.find((f) => f.kind === 'handle') ?? found.find((f) => f.kind === 'site');
  if (!pick) {
    const own = [meta.title, ...['og:site_name', 'keywords', 'description'].flatMap((k) => meta.meta.get(k) ?? []), meta.canonical].join(' ');
    return copyrightPerson(meta.copyrightHolders(), isSite, own, hostOfUrl(meta.canonical));
  }
  // The page's fuller list of the same authors: JSON-LD names one, the meta author or the
  // byline "von Rudolf Fischer, Simon Kohler" both.
  if (pick.kind === 'name') {
    const mine = pick.names.toLowerCase().split('; ');
    const fuller = found.find((f) => {
      if (f.kind !== 'name' || (f.source === 'page' && !f.led)) return false;
      const theirs = f.names.split('; ');
      if (theirs.length <= mine.length || theirs.length > 4 || !mine.every((n) => theirs.some((t) => t.toLowerCase() === n))) return false;
      // Only people join them: not "Online-Redaktion", "TK" or "Photographs".
      return theirs.every((t) => mine.includes(t.toLowerCase()) || (PERSON_SHAPE.test(t) && !ORG_WORD.test(t)));
    });
    if (fuller) pick = fuller;
  }
  // A "name" that is also the publisher's ("Auto Illustrierte") gives way to a person the
  // page signs with a byline ("Text & Fotos: Ivan Valetny").
  // Not when the page's own byline repeats it, as above.
  if (pick.siteEqual && !repeatedByLine(pick)) pick = found.find((f) => f.kind === 'name' && f.led && !f.siteEqual && PERSON_SHAPE.test(f.names)) ?? pick;
  // One source against the rest: JSON-LD names "Kathleen Ditton", while the meta author,
  // the microdata and the visible byline all name "Jessica Holly; Gail Levy".
  const support = (f: (typeof found)[number]) => {
    const mine = new Set(f.names.toLowerCase().split('; '));
    return new Set(found.filter((g) => g.names.toLowerCase().split('; ').some((n) => mine.has(n))).map((g) => g.source)).size;
  };
  if (pick.kind === 'name' && support(pick) === 1) {
    const rival = found.find((f) => f.kind === 'name' && f !== pick && support(f) >= 3);
    if (rival) pick = rival;
  }
  // "Stefanus" on the byline, "Stefanus Stahl" elsewhere: the full name.
  if (!/[\s;]/.test(pick.names)) {
    const first = pick.names.toLowerCase();
    const fuller = found.find((f) => f.kind === 'name' && !f.names.includes(';') && f.names.toLowerCase().startsWith(`${first} `) && f.names.split(' ').length <= 4);
    if (fuller) return fuller.names;
  }
  return pick.names;
}

/**
 * A page that names no author but a person as its copyright holder ("© 2019 Sven
 * Schreivogel") and in its own title, name, description or address ("Gregory Szorc's
 * Digital Home") is a personal site: the holder wrote it. A firm, the site itself, a photo
 * credit or anything not written as a person's name is not taken.
 */
function copyrightPerson(holders: readonly string[], isSite: (n: string) => boolean, ownWords: string, host: string | null): string | null {
  const own = squash(ownWords);
  for (const h of holders) {
    const name = h.replace(/^copyright\s+/i, '').replace(/[.\s]*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\b.*$/i, '').replace(/[.\s]+$/, '').trim();
    // A first and a last name, as people sign; three or more words here are a firm or a body.
    if (name.split(' ').length !== 2 || !PERSON_SHAPE.test(name) || ORG_WORD.test(name) || ORG_MARK.test(name) || isSite(name)) continue;
    // A domain made of the name's initials ("dhb.de", "Deutscher Handballbund") is an
    // organisation's; a person's site spells the name out.
    if (hostLabels(host).some((l) => squash(l) !== squash(name) && squash(l).length < squash(name).length && initialsOf(name).startsWith(squash(l).slice(0, 2)))) continue;
    if (name.split(' ').some((w) => w.length >= 4 && own.includes(squash(w)))) return name;
  }
  return null;
}

const initialsOf = (name: string) => name.split(/[\s-]+/).map((w) => squash(w)[0] ?? '').join('');

function hostOfUrl(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

function urlDate(url: string | null): string | null {
  if (!url) return null;
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  let m =
    /\/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:\/|[-_]|\.html?|$)/.exec(path) ??
    /[-_/]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:\D|$)/.exec(path) ??
    // Squarespace and others: /2017/7/12/slug.
    /\/((?:19|20)\d\d)\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\//.exec(path);
  if (m) return parseMachineDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  m = /[/_-](0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d\d)(?:\D|$)/.exec(path);
  return m ? parseMachineDate(`${m[3]}-${m[2]}-${m[1]}`) : null;
}

// A machine date in UTC ("…T03:37:00Z") may fall on another calendar day where it was
// published; the day a reader saw is the one written on the page.
const UTC_STAMP = /(?:T|\s)(\d{1,2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\s*$/i;
// Where a country's web lives in essentially one time zone, its UTC offset in hours, for
// a UTC stamp on a site under that country's domain (standard time; see LANG_OFFSET).
const TLD_OFFSET: Record<string, number> = {
  ar: -3, uy: -3, br: -3, py: -4, bo: -4, cl: -4, ve: -4, pe: -5, ec: -5, co: -5, cu: -5, mx: -6, gt: -6, cr: -6, sv: -6, hn: -6, ni: -6,
  pt: 0, uk: 0, ie: 0, de: 1, at: 1, ch: 1, fr: 1, it: 1, es: 1, nl: 1, be: 1, pl: 1, cz: 1, se: 1, no: 1, dk: 1, hu: 1,
  gr: 2, ro: 2, bg: 2, fi: 2, ua: 2, il: 2, eg: 2, za: 2, tr: 3, ru: 3, sa: 3, ir: 3.5, ae: 4, pk: 5, in: 5.5, bd: 6, th: 7, vn: 7,
  id: 7, cn: 8, hk: 8, tw: 8, sg: 8, my: 8, ph: 8, jp: 9, kr: 9, nz: 12,
};

function tldOffset(url: string | null): number | undefined {
  const m = url ? /^https?:\/\/[^/?#]*\.([a-z]{2})(?::\d+)?(?:[/?#]|$)/i.exec(url) : null;
  return m ? TLD_OFFSET[m[1].toLowerCase()] : undefined;
}
// Where a language is spoken in essentially one time zone, its UTC offset in hours (standard
// time; a slip of an hour only matters right at midnight).
const LANG_OFFSET: Record<string, number> = { de: 1, fr: 1, it: 1, nl: 1, pl: 1, cs: 1, sk: 1, hu: 1, sv: 1, da: 1, no: 1, nb: 1, hr: 1, sl: 1, fi: 2, ro: 2, bg: 2, el: 2, uk: 2, tr: 3, ru: 3, ja: 9, ko: 9, zh: 8 };

function shiftDay(iso: string, hours: number): string {
  const d = new Date(Date.parse(`${iso.slice(0, 16)}:00Z`) + hours * 3_600_000);
  return d.toISOString().slice(0, 16);
}

/** The local days a UTC stamp can fall on, with time-zone offsets from −12 to +14 hours. */
export function localDaysOf(iso: string): Set<string> {
  const day = iso.slice(0, 10);
  const at = iso.length > 10 ? Date.parse(`${iso.slice(0, 16)}:00Z`) : NaN;
  const dayAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (Number.isNaN(at)) {
    const d = Date.parse(day);
    return new Set([dayAt(d - 86_400_000), day, dayAt(d + 86_400_000)]);
  }
  return new Set([dayAt(at - 12 * 3_600_000), day, dayAt(at + 14 * 3_600_000)]);
}

function shownDay(iso: string, texts: string[], slashOrder: 'dmy' | 'mdy' | undefined): string | null {
  const days = localDaysOf(iso);
  for (const t of texts) {
    for (const f of findDates(t, { slashOrder }).slice(0, 5)) {
      if (days.has(f.iso.slice(0, 10))) return f.iso;
    }
  }
  return null;
}

/**
 * A CMS that stamps "published" afresh on every save gives the same day for published and
 * modified. When such a page shows an earlier date under its headline, as a <time> the
 * page marks up too, that shown date is the publication; the stamp is the last edit.
 */
function preferShownEarlier(published: string | null, raw: string | null, modified: string | null, meta: HtmlMetadata, slashOrder: 'dmy' | 'mdy' | undefined): string | null {
  if (!published || !raw || !modified || published.slice(0, 10) !== modified.slice(0, 10)) return published;
  const times = new Set(meta.timeDates.slice(0, 5).map((t) => parseDate(t, { slashOrder })?.slice(0, 10)).filter(Boolean));
  for (const f of findDates(meta.nearH1.slice(0, 800), { slashOrder }).slice(0, 3)) {
    const day = f.iso.slice(0, 10);
    if (day < published.slice(0, 10) && Date.parse(published.slice(0, 10)) - Date.parse(day) > 86_400_000 && times.has(day)) return f.iso;
  }
  return published;
}

// "Updated on …", "aktualisiert am …", "mis à jour le …": a date that is not the publication.
const UPDATED_BEFORE = /(?:updated?|aktualisiert|ge[äa]ndert|mis à jour|modifi[ée]|actualizad[oa]|atualizad[oa]|aggiornat[oa]|stand|обновлено)\s*:?\s*(?:le|am|on|el|em|il|at)?\s*$/i;

// Labels of dates that are not the page's at all: a member's registration or birthday, an
// offer's expiry. (A page's "Stand:" or "Updated" date is still its own, when it shows no other.)
const OTHER_DATE_BEFORE = /(?:registriert|registered|joined|member since|mitglied seit|dabei seit|inscrit le|miembro desde|geboren|born|geburtstag|g[üu]ltig bis|valid until|bis zum|until|expires?|ablauf)\s*:?\s*(?:le|am|on|el|em|il|at|seit|since)?\s*$/i;

// "Erscheinungsdatum …", "Published on …", "publié le …": the page's own label for its publication date.
const PUBLISHED_BEFORE = /(?:erscheinungsdatum|ver[öo]ffentlicht|publiziert|published|publi[ée]|publicado|pubblicato|опубликовано)\s*:?\s*(?:le|am|on|el|em|il)?\s*$/i;

/**
 * When the page's machine dates disagree (JSON-LD says the 3rd, article:published_time the
 * 6th), the one the reader sees under the headline settles it.
 */
function agreeWithShown(published: string | null, meta: HtmlMetadata, slashOrder: 'dmy' | 'mdy' | undefined, rules: Rules): string | null {
  if (!published) return published;
  const opts = { slashOrder };
  const machine = [...meta.ld.map((l) => l.datePublished), ...rules.tokens('publishedMetaKeys').flatMap((k) => meta.meta.get(k) ?? []), ...meta.microDates, ...meta.timeDates.slice(0, 3)]
    .map((v) => (v ? parseDate(v, opts) : null))
    .filter((x): x is string => !!x);
  const days = new Set(machine.map((d) => d.slice(0, 10)));
  if (days.size < 2 || !days.has(published.slice(0, 10))) return published;
  const at = meta.nearH1At ?? 0;
  const zone = meta.nearH1.slice(Math.max(0, at - 60), at + 300);
  const shown = new Set(findDates(zone, opts).filter((f) => !UPDATED_BEFORE.test(zone.slice(Math.max(0, f.index - 30), f.index))).map((f) => f.iso.slice(0, 10)));
  // A date the page labels as its publication ("Erscheinungsdatum 25.01.2022") is shown too.
  const labelled = new Set<string>();
  for (const l of meta.labelledDates ?? []) {
    const d = findDates(l, opts)[0];
    if (d) labelled.add(d.iso.slice(0, 10));
  }
  for (const t of meta.dateTexts.slice(0, 10)) {
    for (const f of findDates(t, opts).slice(0, 3)) if (PUBLISHED_BEFORE.test(t.slice(Math.max(0, f.index - 30), f.index))) labelled.add(f.iso.slice(0, 10));
  }
  for (const d of labelled) shown.add(d);
  if (shown.has(published.slice(0, 10))) return published;
  // Within a week: a date years apart is a re-publication stamp, not a disagreement; a date
  // the page labels as its publication may be further off, within two months.
  const near = (d: string) => Math.abs(Date.parse(d.slice(0, 10)) - Date.parse(published.slice(0, 10))) <= (labelled.has(d.slice(0, 10)) ? 62 : 7) * 86_400_000;
  return machine.find((d) => shown.has(d.slice(0, 10)) && near(d)) ?? published;
}

// Generic "date" fields a CMS fills with the record's creation or last change: weaker than
// a date the page shows under its headline, wherever they sit among the published keys.
const WEAK_DATE_KEYS: ReadonlySet<string> = new Set(TOKEN_TABLES.weakDateMetaKeys.tokens);

/** Paragraphs at the start of the article read for a dateline. */
const DATELINE_PARAGRAPHS = 3;
/** A dateline's date starts within this many characters of its paragraph ("BERLIN, "). */
const DATELINE_AT = 25;
/** A line this short with a date in it is a date line, wherever in it the date stands. */
const DATELINE_LINE = 80;

const DAY_FIRST_ENGLISH = /^en[-_](?:gb|ie|au|nz|in|za|sg|my|pk|ng|ke)\b/i;

// What follows a date in a "date – byline" line: "05.02.2020 - Redaktion: Eva Fuhr", "12 May 2021 | By Jane Doe".
const BYLINE_AFTER_DATE = /^[\s|·•,–—-]{0,4}(?:(?:redaktion|text|autor(?:in)?|author|auteur)\s*:|by|von|par|por|door)\s+\p{Lu}[^.!?]{0,70}$/iu;

/** A date line directly above the headline ("06.12.2022" then the <h1>), or a date and
 * byline line there ("05.02.2020 - Redaktion: Eva Fuhr" then the <h1>). */
function adjacentAbove(meta: HtmlMetadata, opts: { slashOrder?: 'dmy' | 'mdy' }): string | null {
  const at = meta.nearH1At ?? 0;
  const before = meta.nearH1.slice(Math.max(0, at - 110), at);
  const found = findDates(before, opts);
  const last = found[found.length - 1];
  if (!last) return null;
  const rest = before.slice(last.end);
  return rest.length <= 12 || BYLINE_AFTER_DATE.test(rest) ? last.iso : null;
}

/**
 * The publication (and last modification) date. `bodyLead` is the article's first
 * paragraphs, where a dateline may open the text ("01.02.2022 „Der Arbeitsmarkt …").
 */
export function chooseDates(meta: HtmlMetadata, url: string | null, hints: MetadataHints, pageSlashOrder: 'dmy' | 'mdy' | undefined, readabilityDate: string | null, lang: string | null, rules: Rules = DEFAULT_RULES, bodyLead: readonly string[] = []): { published: string | null; modified: string | null } {
  // English outside the US writes the day first ("02/10/2020" in en-GB is 2 October).
  const slashOrder = DAY_FIRST_ENGLISH.test(meta.lang ?? '') ? 'dmy' : pageSlashOrder;
  const opts = { slashOrder };
  let raw: string | null = null;
  const first = (vals: (string | null | undefined)[], machine = false) => {
    for (const v of vals) {
      // A meta tag's "11/01/2023 12:43:42" is .NET's invariant (US) format, whatever the
      // page's language: month first.
      const o = machine && v && /^\s*\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2}\s*$/.test(v) ? { slashOrder: 'mdy' as const } : opts;
      const d = v ? parseDate(v, o) : null;
      if (d) {
        raw = v ?? null;
        return d;
      }
    }
    return null;
  };
  // A date in page text, skipping those labelled as something else ("Registriert: …",
  // "Joined …").
  const firstShown = (t: string) => {
    for (const f of findDates(t, opts).slice(0, 8)) {
      if (OTHER_DATE_BEFORE.test(t.slice(Math.max(0, f.index - 30), f.index))) continue;
      raw = t.slice(f.index, f.end);
      return f.iso;
    }
    return null;
  };
  // A date that opens one of the article's first paragraphs, after at most a place name
  // ("BERLIN, 1. Februar 2022 –"), or a short line that is a date and little else.
  const dateline = (paras: readonly string[]) => {
    for (const p of paras.slice(0, DATELINE_PARAGRAPHS)) {
      const f = findDates(p.slice(0, 120), opts)[0];
      if (!f || OTHER_DATE_BEFORE.test(p.slice(0, f.index))) continue;
      if (f.index <= DATELINE_AT || p.length <= DATELINE_LINE) {
        raw = p.slice(f.index, f.end);
        return f.iso;
      }
    }
    return null;
  };
  let published =
    first(meta.ld.map((l) => l.datePublished)) ??
    first(rules.tokens('publishedMetaKeys').filter((k) => !WEAK_DATE_KEYS.has(k)).flatMap((k) => meta.meta.get(k) ?? []), true) ??
    first(meta.microDates) ??
    first(meta.timeDates.slice(0, 3)) ??
    first(meta.ldPage.map((l) => l.datePublished)) ??
    urlDate(url) ??
    first(meta.labelledDates ?? []) ??
    first(readabilityDate ? [readabilityDate] : []) ??
    // Around the headline: the date line just under it or just above it, then further
    // down; the top of the page last, where a site header shows "today".
    adjacentAbove(meta, opts) ??
    firstShown(meta.nearH1.slice(meta.nearH1At ?? 0, (meta.nearH1At ?? 0) + 300)) ??
    first(rules.tokens('weakDateMetaKeys').flatMap((k) => meta.meta.get(k) ?? []), true) ??
    firstShown(meta.nearH1.slice(Math.max(0, (meta.nearH1At ?? 0) - 80), meta.nearH1At ?? 0)) ??
    firstShown(meta.nearH1.slice((meta.nearH1At ?? 0) + 300)) ??
    firstShown(meta.nearH1.slice(0, Math.max(0, (meta.nearH1At ?? 0) - 80))) ??
    first(meta.bylines) ??
    dateline(bodyLead) ??
    first(meta.dateTexts.slice(0, 10)) ??
    first(meta.asideTimeDates ?? []) ??
    first(meta.scriptDates(), true) ??
    first([meta.title]) ??
    first(hints.publishedAt ? [hints.publishedAt] : []);
  if (published && raw && UTC_STAMP.test(raw)) {
    const shown = shownDay(published, [...meta.microDates, meta.nearH1, ...meta.bylines, ...meta.dateTexts.slice(0, 10), ...meta.timeDates.filter((t) => !/^\d{4}-/.test(t))], slashOrder);
    const offset = tldOffset(url) ?? (lang ? LANG_OFFSET[lang] : undefined);
    if (shown) published = shown.slice(0, 10);
    else if (offset !== undefined && published.length > 10) published = shiftDay(published, offset);
  }
  const headRaw = raw as string | null;
  const modified =
    first(meta.ld.map((l) => l.dateModified)) ??
    first(rules.tokens('modifiedMetaKeys').flatMap((k) => meta.meta.get(k) ?? []), true) ??
    first(meta.microModified);
  published = preferShownEarlier(published, headRaw, modified, meta, opts.slashOrder);
  published = agreeWithShown(published, meta, opts.slashOrder, rules);
  return { published, modified };
}

