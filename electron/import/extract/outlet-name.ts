// The outlet's name for itself ("Los Angeles Times", "The Guardian"), from what a page says:
// its JSON-LD publisher, og:site_name, its WebSite record, the segment its <title> sets
// beside the headline ("… | The Guardian", "… - Los Angeles Times"), app names, and what
// the file's container said. A name written as a name wins over a handle-like one
// ("latimes", "latimes.com", "@latimes"); the site's domain serves only when nothing else
// names the outlet.
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';
import { hostLabels, splitTitle, squash, stripSiteSuffix, titleSimilarity } from './titles.ts';

export interface OutletEvidence {
  /** JSON-LD publisher names of the page's articles. */
  publishers: (string | null | undefined)[];
  /** og:site_name. */
  siteNames: (string | null | undefined)[];
  /** JSON-LD WebSite / Organization names. */
  websiteNames: (string | null | undefined)[];
  /** The page's own titles as written (<title>, og:title), site segment and all. */
  titles: (string | null | undefined)[];
  /** The headline the extractor settled on: what the title's other segments are beside. */
  headline: string | null;
  /** application-name and kin: often the outlet's, sometimes a product's. */
  appNames: (string | null | undefined)[];
  /** What the file's container says (an e-mail's sender, a PDF's title suffix). */
  hinted: string | null | undefined;
  /** twitter:site and other @handles. */
  handles: (string | null | undefined)[];
  /** The site's host name ("guardian.ng"). */
  site: string | null;
}

const MAX_NAME = 80;
const MAX_WORDS = 8;

function clean(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Without dashes, bullets and marks around it ("- Attac France", "✂ Uniqz®").
  const t = raw.replace(/[\u0000-\u001f\u007f\u00ad]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}.)!?]+$/gu, '');
  if (t.length < 2 || t.length > MAX_NAME || t.split(' ').length > MAX_WORDS) return null;
  // A URL is where the outlet is, not what it is called.
  if (/^https?:|^www\.|\/\//i.test(t)) return null;
  // An unfilled template field ("{$plugin.site_name}").
  if (/[{}$<>]/.test(t)) return null;
  return t;
}

/**
 * Written like an identifier rather than a name: an @handle, a name joined with "_", or one
 * word in lower case ("latimes", "latimes.com"). "OnlineMarketing.de" and "MacRumors" are
 * written as names.
 */
export function isHandleLike(name: string): boolean {
  const t = name.trim();
  if (t.startsWith('@') || t.includes('_')) return true;
  return !/\s/.test(t) && !/\p{Lu}/u.test(t);
}

// The legal form after a company's name ("… GmbH", "… AG, Schweiz", "… Inc."): the firm
// behind the outlet, whose name without it is the outlet's.
const LEGAL_FORM = /,?\s+(?:g?GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|e\.\s?V\.?|Inc\.?|Ltd\.?|LLC|L\.L\.C\.|plc|PLC|S\.A\.?|S\.L\.?|S\.p\.A\.?|Corp\.?|Pty\.? Ltd\.?|B\.V\.?|N\.V\.?|Oy|AB|A\/S|ASA|sp\. z o\.o\.)(?:,.*)?$/;

// Where a site name goes on into a tagline: a bar, or a spaced dash.
const NAME_PARTS = /\s*[|·•»]\s*|\s+[–—-]\s+/;

const withoutLegalForm = (name: string) => name.replace(LEGAL_FORM, '').trim() || name;

/** Names compared loosely: no legal form, case, spacing or top-level domain. */
function nameKey(name: string): string {
  return squash(withoutLegalForm(name).replace(/\.(?:[a-z]{2,3}\.)?[a-z]{2,6}$/i, ''));
}

/**
 * The segment a page's title sets before or after its headline: "Headline | Site" and
 * "Headline - Section - Site" give the outermost one after it, "Site: Headline" or
 * "Site | Headline" the one before it. Null when the headline is not one run of segments.
 */
export function titleOutlet(title: string | null | undefined, headline: string | null): string | null {
  if (!title || !headline) return null;
  const { segments } = splitTitle(title.replace(/\s+/g, ' ').trim());
  if (segments.length < 2) return null;
  const head = squash(headline);
  if (!head) return null;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i; j < segments.length; j++) {
      const run = segments.slice(i, j + 1).join(' ');
      const same = squash(run) === head || (i === j && titleSimilarity(run, headline) >= 0.8);
      if (!same) continue;
      if (j < segments.length - 1) return segments[segments.length - 1];
      if (i > 0) return segments[0];
      return null;
    }
  }
  return null;
}

/** "latimes" abbreviates "Los Angeles Times": its letters, in order, starting with its first. */
function abbreviates(short: string, long: string): boolean {
  const s = squash(short);
  if (s.length < 2) return false;
  // Domains spell "Köln" as "koeln".
  const spelled = long.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return [squash(long), squash(spelled)].some((l) => {
    if (!l.startsWith(s[0])) return false;
    let k = 0;
    for (let i = 0; i < l.length && k < s.length; i++) if (l[i] === s[k]) k++;
    return k === s.length;
  });
}

/** Of two ways a page writes the same name, the better: a name over a handle, no legal
 * form, then spaced words ("The Hill" over "TheHill"). */
function betterWritten(a: string, b: string): boolean {
  const rank = (n: string) => [isHandleLike(n) ? 0 : 1, LEGAL_FORM.test(n) ? 0 : 1, n.split(' ').length];
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] > rb[i];
  return false;
}

/**
 * The outlet's own name, or the site's host name when the page names no outlet. Each kind
 * of evidence (JSON-LD publisher, og:site_name, the WebSite record, the title's site
 * segment, app names, the container, the site's handles and domain) votes for the names it
 * gives; the name most of them give wins, og:site_name first among equals.
 */
export function chooseOutlet(e: OutletEvidence, rules: Rules = DEFAULT_RULES): string | null {
  const headline = e.headline ? squash(e.headline) : '';
  const usable = (raw: string | null | undefined): string | null => {
    const t = clean(raw);
    if (!t) return null;
    // A "site name" that is the headline, or a template's word ("Home", "News"), names nothing.
    if (headline && squash(t) === headline) return null;
    if (rules.titleBoilerplate.test(t)) return null;
    return nameKey(t) ? t : null;
  };
  type Candidate = { name: string; alone: boolean };
  // "Frollein Herr | Information und Inspiration …", "Digital for Good | RESET.ORG": a name
  // and a tagline. The first part stands on its own; the others, like a title's segment or
  // an app's name (as often a section, a tagline or a platform such as "Blogger" as the
  // outlet), count when something else gives them too.
  const list = (xs: (string | null | undefined)[], alone = true): Candidate[] =>
    xs.flatMap((x) => {
      if (!x) return [];
      const parts = x.split(NAME_PARTS);
      return parts.map((p, i) => ({ name: usable(p), alone: alone && i === 0 && x.length <= MAX_NAME })).filter((c): c is Candidate => !!c.name);
    });
  // In order of precedence among names with as many votes.
  const sources = [
    list(e.siteNames),
    list(e.publishers),
    list(e.websiteNames),
    list(e.titles.map((t) => titleOutlet(t, e.headline)), false),
    list(e.appNames, false),
    list([e.hinted]),
  ];
  const labels = [hostLabels(e.site), list(e.handles).map((h) => h.name.replace(/^@/, ''))];
  // Names by key, each with its best spelling, the sources that give it, and its precedence.
  const names = new Map<string, { name: string; votes: Set<number>; first: number; alone: boolean }>();
  sources.forEach((candidates, i) => {
    for (const c of candidates) {
      const key = nameKey(c.name);
      const got = names.get(key);
      if (!got) names.set(key, { name: c.name, votes: new Set([i]), first: i, alone: c.alone });
      else {
        got.votes.add(i);
        got.alone ||= c.alone;
        if (betterWritten(c.name, got.name)) got.name = c.name;
      }
    }
  });
  let best: { name: string; score: number; first: number } | null = null;
  for (const [key, v] of names) {
    const abbreviated = labels.filter((ls) => ls.some((l) => abbreviates(l, key) || abbreviates(l, v.name))).length;
    // A second part or a title's segment counts when a source gives it alone too, or the
    // site's domain or handle abbreviates it; copies of the same tagline do not vouch for it.
    if (!v.alone && !abbreviated) continue;
    let score = v.votes.size + abbreviated;
    // A handle-like name loses to any written name.
    if (isHandleLike(v.name)) score -= 100;
    if (!best || score > best.score || (score === best.score && v.first < best.first)) best = { name: v.name, score, first: v.first };
  }
  if (best) return withoutLegalForm(best.name);
  const handle = list(e.handles)[0];
  if (handle) return handle.name.replace(/^@/, '');
  // With no site to go by, the title's own segment is the best there is.
  const titled = sources[3][0]?.name;
  return e.site ?? (titled ? withoutLegalForm(titled) : null);
}

/**
 * The site's segment of a title with no headline to go by (a browser printout's PDF title,
 * "Disney+ glitches blamed on heavy demand - Los Angeles Times"): the short trailing segment
 * stripSiteSuffix would take off, when it is written as a name.
 */
export function siteFromTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const full = title.replace(/\s+/g, ' ').trim();
  const rest = stripSiteSuffix(full);
  if (!rest || rest === full || !full.startsWith(rest)) return null;
  const { segments } = splitTitle(full.slice(rest.length));
  const name = clean(segments[segments.length - 1]);
  return name && !isHandleLike(name) && !DEFAULT_RULES.titleBoilerplate.test(name) ? withoutLegalForm(name) : null;
}
