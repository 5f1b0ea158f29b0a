// Outlets: one name for each newspaper, site or agency, however each file named it.
//
// A page says "Los Angeles Times" (latimes.com), a Word copy of it "latimes", a web clipping
// "latimes.com": one outlet. Every import, and every outlet a person types for a clip, goes
// through resolveOutlet, which finds the outlet by what the record says and answers the name
// the outlet is shown under, learning the names and sites it was seen under as it goes.
//
// How a record finds its outlet:
// - by site: the registrable domain, so www., m., amp. and edition. hosts are one site
//   ("www.latimes.com" → latimes.com; "emacspeak.blogspot.com" stays itself). A name that is a
//   domain ("latimes.com") counts as a site.
// - by name, folded: case, accents, punctuation, spaces and a leading "The" do not matter
//   ("The Guardian" = "guardian"), and a name equal to a site without its public suffix finds
//   that site's outlet ("latimes", "LA Times" → latimes.com).
// - A site's outlet takes a new name only when nothing contradicts it: when it has only been
//   seen under its site's own names, or the name is one it already has. Otherwise the name is
//   another outlet's (an aggregator's page of a Reuters story), found by name or made new.
// - A record that names an outlet known only by name at a site known only by its domain links
//   the two: they become one (the LA Times's e-mail and its web clipping, then its page).
// - Two outlets of one name at different sites stay two ("The Guardian" of theguardian.com
//   and of guardian.ng); the second is shown as "The Guardian (guardian.ng)".
//
// The shown name: a real name (capitals, spaces) over a lower-case handle over a domain, and
// once an outlet has a real name it keeps it (a later variant only becomes an alias). A name a
// person gave is never changed by an import.
//
// Every clip of an outlet carries its shown name in clips.source, which the list, search, the
// full-text index and the facets read: a rename or a merge rewrites it for the outlet's clips.
// Callers hold a write transaction (writeTransaction) around every function here that writes.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { OutletCount } from '../api.ts';

/** `code` says how the front doors answer it (bad-request, not-found, conflict). */
export class OutletError extends Error {
  constructor(message: string, readonly code: 'bad-request' | 'not-found' | 'conflict' = 'bad-request') {
    super(message);
  }
}

/** Longest name an outlet can be given. */
export const MAX_OUTLET_NAME = 200;
/** How long a merge can be undone. */
const UNDO_DAYS = 30;

// ---------------------------------------------------------------------------- names and sites

/** Second-level labels under a country code that are public suffixes (co.uk, com.au, gov.br…). */
const SECOND_LEVEL = new Set([
  'co', 'com', 'net', 'org', 'gov', 'gob', 'gouv', 'ac', 'edu', 'or', 'ne', 'go', 'nic', 'mil', 'ltd', 'plc',
  'nom', 'sch', 'info', 'biz', 'web', 'gen', 'nhs', 'news', 'press', 'tv', 'asso', 'int', 'res', 'lg', 'ed', 'nyc',
]);

/** Hosting domains whose subdomains are each someone's own site. */
const SHARED_HOSTS = new Set([
  'blogspot.com', 'wordpress.com', 'substack.com', 'tumblr.com', 'medium.com', 'github.io', 'gitlab.io',
  'wixsite.com', 'weebly.com', 'livejournal.com', 'typepad.com', 'blogger.com', 'ghost.io', 'beehiiv.com',
  'squarespace.com', 'netlify.app', 'vercel.app', 'pages.dev', 'appspot.com', 'herokuapp.com', 'over-blog.com',
  'hypotheses.org', 'hatenablog.com', 'canalblog.com', 'jimdofree.com', 'webnode.page', 'home.blog', 'mailchimpsites.com',
]);

/** Web archives: an archived page's site is the one in its address ("web.archive.org/web/2019…/https://latimes.com/…"). */
const ARCHIVES = new Set(['archive.org', 'archive.ph', 'archive.today', 'archive.is', 'archive.li', 'archive.md', 'archive.vn', 'archive.fo', 'webcitation.org']);

const HOST = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;
/** A top-level label: letters (a punycode one included). */
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/u;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The site of a host name, an address or a domain-like name: its registrable domain, lower
 * case ("https://www.latimes.com/x" → "latimes.com", "news.bbc.co.uk" → "bbc.co.uk",
 * "emacspeak.blogspot.com" stays itself). Null for anything that is not a host.
 */
export function siteOf(input: string | null | undefined): string | null {
  if (!input) return null;
  let s = input.trim().toLowerCase();
  if (!s || s.length > 2048 || /\s/.test(s)) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/?#]*@/, '');
  const rest = s.slice(s.search(/[/?#\\]|$/));
  s = s.split(/[/?#\\]/)[0].replace(/:\d*$/, '').replace(/\.+$/, '');
  const site = registrable(s);
  // An archive is nobody's outlet: the archived address says whose page it is (or nothing does).
  if (site && ARCHIVES.has(site)) {
    const inner = /https?:\/\/?(.+)$/.exec(rest)?.[1];
    return inner ? siteOf(`https://${inner}`) : null;
  }
  return site;
}

function registrable(s: string): string | null {
  if (IPV4.test(s)) return s;
  if (!HOST.test(s)) return null;
  const labels = s.split('.');
  const n = labels.length;
  if (!TLD.test(labels[n - 1])) return null;
  let suffix = 1;
  const lastTwo = `${labels[n - 2]}.${labels[n - 1]}`;
  if (labels[n - 1].length === 2 && SECOND_LEVEL.has(labels[n - 2])) suffix = 2;
  // A shared host's subdomain is the site ("x.blogspot.com", "x.blogspot.co.uk").
  if (SHARED_HOSTS.has(lastTwo) || labels[n - 2] === 'blogspot') suffix = 2;
  else if (suffix === 2 && n >= 3 && labels[n - 3] === 'blogspot') suffix = 3;
  if (n <= suffix) return s;
  return labels.slice(n - suffix - 1).join('.');
}

/** The site without its public suffix, folded like a name: "latimes.com" → "latimes". */
export function siteStem(site: string): string | null {
  if (IPV4.test(site)) return null;
  const stem = nameKey(site.split('.')[0]);
  return stem.length >= 2 ? stem : null;
}

/**
 * A name folded for comparison: no accents, no case, no punctuation or spaces, no leading
 * "The" ("The Guardian" → "guardian", "Los Angeles Times" → "losangelestimes", "LA Times" → "latimes").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^\s*the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A name as it can be shown: one line, no control characters; null when nothing is left. */
export function cleanOutletName(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean && nameKey(clean) ? clean : null;
}

/** "latimes.com", "www.latimes.com", "https://latimes.com/": a name that is only a site. */
export function isDomainLike(name: string): boolean {
  return !/\s/.test(name.trim()) && /\./.test(name) && siteOf(name) !== null;
}

/**
 * How good a name is to show: 3 a real name ("Los Angeles Times", "BBC"), 2 one in capitals
 * ("LOS ANGELES TIMES"), 1 a lower-case handle ("latimes"), 0 a domain ("latimes.com").
 */
export function nameQuality(name: string): 0 | 1 | 2 | 3 {
  if (isDomainLike(name)) return 0;
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (!/\s/.test(name.trim()) && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return 1;
  if (letters.length > 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 2;
  return 3;
}

// ---------------------------------------------------------------------------- the tables

interface OutletRow {
  id: number;
  name: string;
  named_by: 'extraction' | 'person';
  created_at: string;
}

interface NameRow {
  kind: 'name' | 'site' | 'stem';
  value: string;
  key: string;
}

/** Whether the clips of a renamed or merged outlet are rewritten now (the migration does it once, at the end). */
interface Writing {
  rewriteClips: boolean;
  /** Outlets merged away → the outlet they went into (kept when clips are not rewritten). */
  merged: Map<number, number>;
}

const LIVE: Writing = { rewriteClips: true, merged: new Map() };

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared once per database: an import resolves an outlet per clip. */
function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

function outletById(db: Database.Database, id: number): OutletRow | undefined {
  return stmt(db, 'SELECT * FROM outlets WHERE id = ?').get(id) as OutletRow | undefined;
}

function outletByName(db: Database.Database, name: string): OutletRow | undefined {
  return stmt(db, 'SELECT * FROM outlets WHERE name = ? COLLATE NOCASE').get(name) as OutletRow | undefined;
}

function outletBySite(db: Database.Database, site: string): OutletRow | undefined {
  return stmt(db, "SELECT o.* FROM outlet_names n JOIN outlets o ON o.id = n.outlet_id WHERE n.kind = 'site' AND n.key = ?").get(site) as OutletRow | undefined;
}

/** Outlets seen under this folded name or site stem. */
function outletsByKey(db: Database.Database, key: string): OutletRow[] {
  return stmt(db, "SELECT DISTINCT o.* FROM outlet_names n JOIN outlets o ON o.id = n.outlet_id WHERE n.key = ? AND n.kind <> 'site' ORDER BY o.id").all(key) as OutletRow[];
}

function namesOf(db: Database.Database, id: number): NameRow[] {
  return stmt(db, 'SELECT kind, value, key FROM outlet_names WHERE outlet_id = ?').all(id) as NameRow[];
}

function sitesOf(db: Database.Database, id: number): string[] {
  return namesOf(db, id).filter((n) => n.kind === 'site').map((n) => n.key);
}

function addName(db: Database.Database, id: number, kind: NameRow['kind'], value: string, key: string): void {
  if (!key) return;
  // A site already another outlet's stays that outlet's (the unique index on sites).
  stmt(db, 'INSERT OR IGNORE INTO outlet_names (outlet_id, kind, value, key) VALUES (?, ?, ?, ?)').run(id, kind, value, key);
}

function addSite(db: Database.Database, id: number, site: string): void {
  addName(db, id, 'site', site, site);
  const stem = siteStem(site);
  if (stem) addName(db, id, 'stem', site.split('.')[0], stem);
}

function stemsOf(db: Database.Database, id: number): Set<string> {
  return new Set(namesOf(db, id).filter((n) => n.kind === 'stem').map((n) => n.key));
}

/**
 * nameQuality, with the site's name written out in words ("LA Times" at latimes.com) ranked
 * below a name of its own ("Los Angeles Times"). One word that is the site's name
 * ("PolitiFact", "Reuters") is the outlet's own name.
 */
function rank(name: string, stems: Set<string>): number {
  const q = nameQuality(name);
  return q >= 2 && /\s/.test(name) && stems.has(nameKey(name)) ? 1.5 : q;
}

/** Whether `name` reads better than `shown` for an outlet: a better rank, or the same name without an edition's words ("PolitiFact" over "PolitiFact West Virginia"). */
function readsBetter(name: string, shown: string, stems: Set<string>): boolean {
  const a = rank(name, stems);
  const b = rank(shown, stems);
  return a > b || (a === b && shown.toLowerCase().startsWith(`${name.toLowerCase()} `));
}

/** Whether the outlet has only been known by its domain or a lower-case handle ("latimes"). */
function knownOnlyBySite(o: OutletRow, names: NameRow[]): boolean {
  return o.named_by !== 'person' && names.every((n) => n.kind !== 'name' || nameQuality(n.value) < 2);
}

/**
 * Whether a site's stem spells the name: made of the starts of its words, in order, some
 * words skipped ("latimes" ← Los Angeles Times, "nzz" ← Neue Zürcher Zeitung, "reuters" ←
 * Thomson Reuters; not "msn" ← Associated Press).
 */
export function stemSpells(stem: string, name: string): boolean {
  if (stem.length === 0 || stem.length > 64) return false;
  // German sites spell ü as ue ("sueddeutsche.de" ← Süddeutsche Zeitung): both readings are tried.
  const german = name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return spells(stem, name) || (german !== name.toLowerCase() && spells(stem, german));
}

function spells(stem: string, name: string): boolean {
  const words = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const memo = new Map<string, boolean>();
  const from = (i: number, w: number): boolean => {
    if (i === stem.length) return true;
    if (w === words.length) return false;
    const k = `${i},${w}`;
    let ok = memo.get(k);
    if (ok === undefined) {
      ok = from(i, w + 1);
      for (let len = 1; !ok && len <= words[w].length && stem[i + len - 1] === words[w][len - 1]; len++) ok = from(i + len, w + 1);
      memo.set(k, ok);
    }
    return ok;
  };
  return words.length > 0 && from(0, 0);
}

/** The outlet whose shown name folds to `key`, if one other than `except` does. */
function shownAs(db: Database.Database, key: string, except?: number): OutletRow | undefined {
  return outletsByKey(db, key).find((o) => o.id !== except && nameKey(o.name) === key);
}

/** The one to keep of two outlets that are one: a person's name, then the better name, then the older. */
function better(db: Database.Database, a: OutletRow, b: OutletRow): [keep: OutletRow, gone: OutletRow] {
  const person = Number(a.named_by === 'person') - Number(b.named_by === 'person');
  if (person) return person > 0 ? [a, b] : [b, a];
  const stems = new Set([...stemsOf(db, a.id), ...stemsOf(db, b.id)]);
  if (readsBetter(a.name, b.name, stems)) return [a, b];
  if (readsBetter(b.name, a.name, stems)) return [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}

/** Of several outlets seen under a name: the one shown under it, then a person's, then the oldest. */
function choose(candidates: OutletRow[], key: string | null): OutletRow {
  return [...candidates].sort((a, b) => {
    const shown = Number(key !== null && nameKey(b.name) === key) - Number(key !== null && nameKey(a.name) === key);
    if (shown) return shown;
    const person = Number(b.named_by === 'person') - Number(a.named_by === 'person');
    return person || a.id - b.id;
  })[0];
}

/** A shown name no other outlet has; the site tells two of one name apart. */
function uniqueName(db: Database.Database, name: string, site: string | null, except?: number): string {
  const free = (n: string) => !shownAs(db, nameKey(n), except) && (!outletByName(db, n) || outletByName(db, n)!.id === except);
  if (free(name)) return name;
  if (site && free(`${name} (${site})`)) return `${name} (${site})`;
  for (let i = 2; ; i++) if (free(`${name} (${i})`)) return `${name} (${i})`;
}

function createOutlet(db: Database.Database, name: string, site: string | null, namedBy: OutletRow['named_by'] = 'extraction'): OutletRow {
  const shown = uniqueName(db, name, site);
  const id = Number(
    stmt(db, 'INSERT INTO outlets (name, named_by, created_at) VALUES (?, ?, ?)').run(shown, namedBy, new Date().toISOString()).lastInsertRowid,
  );
  addName(db, id, 'name', shown, nameKey(shown));
  if (shown !== name) addName(db, id, 'name', name, nameKey(name));
  if (site) addSite(db, id, site);
  return outletById(db, id)!;
}

/** Clips carrying `from` as their outlet now carry `to`. */
function rewriteClips(db: Database.Database, from: string, to: string): void {
  if (from === to) return;
  stmt(db, 'UPDATE clips SET source = ? WHERE source = ? COLLATE NOCASE').run(to, from);
}

function renameRow(db: Database.Database, o: OutletRow, name: string, namedBy: OutletRow['named_by'], writing: Writing): OutletRow {
  stmt(db, 'UPDATE outlets SET name = ?, named_by = ? WHERE id = ?').run(name, namedBy, o.id);
  addName(db, o.id, 'name', name, nameKey(name));
  if (writing.rewriteClips) rewriteClips(db, o.name, name);
  return outletById(db, o.id)!;
}

/** `gone` becomes part of `keep`: its names, its sites, its clips. Answers `keep`, with its name unchanged. */
function mergeRows(db: Database.Database, keep: OutletRow, gone: OutletRow, writing: Writing): OutletRow {
  // Names `keep` already has stay behind and go with the row.
  stmt(db, 'UPDATE OR IGNORE outlet_names SET outlet_id = ? WHERE outlet_id = ?').run(keep.id, gone.id);
  stmt(db, 'DELETE FROM outlets WHERE id = ?').run(gone.id);
  addName(db, keep.id, 'name', gone.name, nameKey(gone.name));
  if (writing.rewriteClips) rewriteClips(db, gone.name, keep.name);
  else writing.merged.set(gone.id, keep.id);
  return keep;
}

/** What a record taught about its outlet: a name, a site, and perhaps a better name to show. */
function learn(db: Database.Database, o: OutletRow, name: string | null, site: string | null, writing: Writing): OutletRow {
  if (site) addSite(db, o.id, site);
  if (!name) return o;
  addName(db, o.id, 'name', name, nameKey(name));
  if (o.named_by === 'person' || !readsBetter(name, o.name, stemsOf(db, o.id))) return o;
  // A better name for it: shown from now on, unless another outlet is shown under it.
  if (shownAs(db, nameKey(name), o.id) || (outletByName(db, name) && outletByName(db, name)!.id !== o.id)) return o;
  return renameRow(db, o, name, 'extraction', writing);
}

/** What a record says about its outlet, cleaned: a name that is a domain is its site. */
function evidence(input: { name?: string | null; site?: string | null; url?: string | null }): { name: string | null; key: string | null; site: string | null } {
  const raw = cleanOutletName(input.name);
  const nameSite = raw && isDomainLike(raw) ? siteOf(raw) : null;
  // "web.archive.org" names the archive, not the page's outlet.
  const archive = raw !== null && !/\s/.test(raw) && ARCHIVES.has(registrable(raw.toLowerCase().replace(/^[a-z]+:\/\//, '').split('/')[0]) ?? '');
  const name = nameSite || archive ? null : raw;
  const site = nameSite ?? siteOf(input.site) ?? siteOf(input.url);
  return { name, key: name ? nameKey(name) : null, site };
}

function resolveId(db: Database.Database, input: { name?: string | null; site?: string | null; url?: string | null }, writing: Writing): number | null {
  const { name, key, site } = evidence(input);
  if (!key && !site) return null;
  const stem = site ? siteStem(site) : null;
  const owner = site ? outletBySite(db, site) : undefined;
  if (owner) {
    const names = namesOf(db, owner.id);
    if (!key || names.some((n) => n.key === key) || key === stem) return learn(db, owner, name, site, writing).id;
    // A name the site's outlet was never seen under. It is the site's own when the site spells
    // it ("Los Angeles Times" at latimes.com) or the site had no name yet; otherwise another
    // outlet's, published there (a Reuters story on msn.com).
    const own = (stem !== null && stemSpells(stem, name!)) || knownOnlyBySite(owner, names);
    const named = outletsByKey(db, key).filter((o) => o.id !== owner.id);
    if (named.length) {
      const other = choose(named, key);
      if (!own || sitesOf(db, other.id).length) return learn(db, other, name, null, writing).id;
      // The outlet known by this name and the one known by this site are one.
      const [keep, gone] = better(db, other, owner);
      return learn(db, mergeRows(db, keep, gone, writing), name, site, writing).id;
    }
    if (own) return learn(db, owner, name, site, writing).id;
    return createOutlet(db, name!, null).id;
  }
  // No outlet has the site yet (or there is none). The site becomes the outlet's only when the
  // site spells its name (or there is no name): a site may host another outlet's article, and
  // the outlet that takes a site is what every later record of that site resolves to.
  const takesSite = site !== null && (!name || stem === null || stemSpells(stem, name)) ? site : null;
  const found = new Map<number, OutletRow>();
  for (const k of [key, takesSite ? stem : null]) if (k) for (const o of outletsByKey(db, k)) found.set(o.id, o);
  // With a site known, an outlet of another site is another outlet of the same name.
  const fitting = [...found.values()].filter((o) => !takesSite || sitesOf(db, o.id).length === 0);
  if (!fitting.length) return createOutlet(db, name ?? site!, takesSite).id;
  let primary = choose(fitting, key);
  // The name at this site says that the outlets found by the name and by the site's stem are one.
  if (takesSite) {
    for (const o of fitting) {
      if (o.id === primary.id) continue;
      const [keep, gone] = better(db, outletById(db, primary.id)!, outletById(db, o.id)!);
      primary = mergeRows(db, keep, gone, writing);
    }
  }
  return learn(db, outletById(db, primary.id)!, name, takesSite, writing).id;
}

/**
 * The outlet a record belongs to, by the name it gives (`name`) and its site (`site`, or the
 * host of `url`), made or taught as needed: answers the name to store as the clip's source,
 * or null when the record names no outlet. Call it inside the write transaction that stores
 * the clip.
 *
 * `person`: a name a person gave for a clip. The name decides (the site may host other
 * outlets' articles): the outlet of that name, or a new one under exactly that name.
 */
export function resolveOutlet(
  db: Database.Database,
  record: { name?: string | null; site?: string | null; url?: string | null },
  options: { person?: boolean } = {},
): string | null {
  if (options.person) {
    const { name, key, site } = evidence({ name: record.name });
    if (!key && !site) return null;
    if (!key) return (outletBySite(db, site!) ?? createOutlet(db, site!, site)).name;
    const found = outletsByKey(db, key);
    if (found.length) return learn(db, choose(found, key), name, null, LIVE).name;
    return createOutlet(db, name!, null, 'person').name;
  }
  const id = resolveId(db, record, LIVE);
  return id === null ? null : outletById(db, id)!.name;
}

// ---------------------------------------------------------------------------- an existing library

/**
 * Builds the outlets of a library from its clips (migration 6), and gives clips whose outlet
 * is now shown under another name that name. Real names with sites first, the commonest
 * first, so each outlet is shown under the name most of its clips already carry and the
 * fewest clips (each re-indexed) change.
 */
export function outletsFromClips(db: Database.Database): { outlets: number; clipsRenamed: number } {
  interface Group { name: string | null; site: string | null; ids: number[]; live: number; outlet: number | null }
  const groups = new Map<string, Group>();
  const rows = db.prepare('SELECT id, source, coalesce(site, url), deleted_at IS NULL FROM clips').raw().iterate() as IterableIterator<
    [number, string | null, string | null, number]
  >;
  for (const [id, source, siteOrUrl, live] of rows) {
    const site = siteOf(siteOrUrl);
    const k = `${source ?? ''}\u0000${site ?? ''}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { name: source, site, ids: [], live: 0, outlet: null }));
    g.ids.push(id);
    g.live += live;
  }
  const writing: Writing = { rewriteClips: false, merged: new Map() };
  const order = [...groups.values()].sort((a, b) => {
    const q = (g: Group) => (g.name ? nameQuality(g.name) : -1) * 2 + (g.site ? 1 : 0);
    return q(b) - q(a) || b.live - a.live || b.ids.length - a.ids.length;
  });
  for (const g of order) g.outlet = resolveId(db, { name: g.name, site: g.site }, writing);
  const finalId = (id: number): number => {
    while (writing.merged.has(id)) id = writing.merged.get(id)!;
    return id;
  };
  const set = db.prepare('UPDATE clips SET source = ? WHERE source IS NOT ? AND id IN (SELECT value FROM json_each(?))');
  let clipsRenamed = 0;
  for (const g of order) {
    if (g.outlet === null) continue;
    const shown = outletById(db, finalId(g.outlet))!.name;
    if (shown !== g.name) clipsRenamed += set.run(shown, shown, JSON.stringify(g.ids)).changes;
  }
  const outlets = db.prepare('SELECT count(*) FROM outlets').pluck().get() as number;
  return { outlets, clipsRenamed };
}

// ---------------------------------------------------------------------------- listing

/**
 * One row per outlet with live clips, most clips first: its shown name (`value`), how many
 * clips, the other names and the sites it was seen under. A name clips carry that no outlet
 * holds (written by something that did not resolve it) is listed as its own row, `id` null.
 */
export function listOutlets(db: Database.Database): OutletCount[] {
  // clips_filter_cover (migration 4) holds deleted_at and source: no clip row is read.
  const counts = db
    .prepare(`SELECT source AS value, count(*) AS count FROM clips INDEXED BY clips_filter_cover WHERE deleted_at IS NULL AND source IS NOT NULL
              GROUP BY source COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE`)
    .all() as { value: string; count: number }[];
  const byName = new Map<string, number>();
  for (const o of db.prepare('SELECT id, name FROM outlets').all() as { id: number; name: string }[]) byName.set(o.name.toLowerCase(), o.id);
  const names = new Map<number, NameRow[]>();
  for (const r of db.prepare("SELECT outlet_id AS id, kind, value, key FROM outlet_names WHERE kind <> 'stem' ORDER BY outlet_id, kind, value COLLATE NOCASE").all() as (NameRow & { id: number })[]) {
    const list = names.get(r.id) ?? [];
    list.push(r);
    names.set(r.id, list);
  }
  return counts.map((c) => outletCount(c.value, c.count, byName.get(c.value.toLowerCase()) ?? null, names));
}

function outletCount(value: string, count: number, id: number | null, names: Map<number, NameRow[]>): OutletCount {
  const rows = id === null ? [] : names.get(id) ?? [];
  const seen = new Set<string>([value.toLowerCase()]);
  const others: string[] = [];
  for (const r of rows) {
    if (r.kind !== 'name' || seen.has(r.value.toLowerCase())) continue;
    seen.add(r.value.toLowerCase());
    others.push(r.value);
  }
  return { value, count, id, names: others, sites: rows.filter((r) => r.kind === 'site').map((r) => r.value) };
}

/** One outlet as the list shows it (with 0 clips when it has none now). */
export function getOutlet(db: Database.Database, id: number): OutletCount {
  const o = outletById(db, id);
  if (!o) throw new OutletError(`There is no outlet ${id}.`, 'not-found');
  const count = db.prepare('SELECT count(*) FROM clips WHERE source = ? COLLATE NOCASE AND deleted_at IS NULL').pluck().get(o.name) as number;
  return outletCount(o.name, count, o.id, new Map([[o.id, namesOf(db, o.id)]]));
}

/**
 * The outlet a person means by a name: shown under it, else seen under it (or at that site).
 * A name clips carry that no outlet holds yet is given its outlet now.
 */
export function findOutlet(db: Database.Database, name: string): OutletRow {
  const clean = cleanOutletName(name);
  if (!clean) throw new OutletError('Name an outlet.');
  const shown = outletByName(db, clean);
  if (shown) return shown;
  const { key, site } = evidence({ name: clean });
  const bySite = site ? outletBySite(db, site) : undefined;
  if (bySite) return bySite;
  const byKey = key ? outletsByKey(db, key) : [];
  if (byKey.length) return choose(byKey, key);
  // Carried by clips, but in no outlet (stored by a path that did not resolve it).
  const carried = db.prepare('SELECT source FROM clips WHERE source = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1').pluck().get(clean) as string | undefined;
  if (carried) {
    const o = createOutlet(db, carried, null);
    rewriteClips(db, carried, o.name);
    return o;
  }
  throw new OutletError(`There is no outlet named “${clean}”.`, 'not-found');
}

// ---------------------------------------------------------------------------- a person's changes

/** Shows the outlet under `name` from now on; its old name stays one it is found by. */
export function renameOutlet(db: Database.Database, outlet: string, name: string): OutletCount {
  const o = findOutlet(db, outlet);
  const clean = cleanOutletName(name);
  if (!clean) throw new OutletError('An outlet needs a name.');
  if (clean.length > MAX_OUTLET_NAME) throw new OutletError(`An outlet's name can be ${MAX_OUTLET_NAME} characters at most.`);
  const clash = shownAs(db, nameKey(clean), o.id) ?? (outletByName(db, clean)?.id !== o.id ? outletByName(db, clean) : undefined);
  if (clash) throw new OutletError(`An outlet named “${clash.name}” already exists. Merge the two outlets instead.`, 'conflict');
  if (clean !== o.name || o.named_by !== 'person') renameRow(db, o, clean, 'person', LIVE);
  return getOutlet(db, o.id);
}

interface MergeRecord {
  into: number;
  merged: { outlet: OutletRow; moved: NameRow[]; shared: NameRow[]; clipIds: number[] }[];
}

/**
 * The `from` outlets become part of `into`: their clips, names and sites. `into` keeps its
 * name; the others' names find it from now on. Answers a token that undoes it (undoMergeOutlets).
 */
export function mergeOutlets(db: Database.Database, from: string[], into: string): { outlet: OutletCount; undoToken: string } {
  const target = findOutlet(db, into);
  const record: MergeRecord = { into: target.id, merged: [] };
  for (const f of from) {
    const o = findOutlet(db, f);
    if (o.id === target.id || record.merged.some((m) => m.outlet.id === o.id)) continue;
    const own = new Set(namesOf(db, target.id).map((n) => `${n.kind}\u0000${n.key}`));
    const rows = namesOf(db, o.id);
    const clipIds = db.prepare('SELECT id FROM clips WHERE source = ? COLLATE NOCASE').pluck().all(o.name) as number[];
    record.merged.push({
      outlet: o,
      moved: rows.filter((n) => !own.has(`${n.kind}\u0000${n.key}`)),
      shared: rows.filter((n) => own.has(`${n.kind}\u0000${n.key}`)),
      clipIds,
    });
    mergeRows(db, target, o, LIVE);
  }
  if (!record.merged.length) throw new OutletError('Choose another outlet to merge with.');
  const undoToken = `${new Date().toISOString()}#${crypto.randomBytes(6).toString('hex')}`;
  db.prepare('DELETE FROM outlet_merges WHERE created_at < ?').run(new Date(Date.now() - UNDO_DAYS * 86_400_000).toISOString());
  db.prepare('INSERT INTO outlet_merges (token, payload, created_at) VALUES (?, ?, ?)').run(undoToken, JSON.stringify(record), new Date().toISOString());
  return { outlet: getOutlet(db, target.id), undoToken };
}

/**
 * Undoes a merge: the merged outlets come back with their names, sites and clips (clips that
 * have since been given another outlet keep it). Answers how many clips went back.
 */
export function undoMergeOutlets(db: Database.Database, undoToken: string): { restored: number } {
  const payload = db.prepare('SELECT payload FROM outlet_merges WHERE token = ?').pluck().get(undoToken) as string | undefined;
  if (!payload) throw new OutletError('Nothing to undo: that merge was undone already, or is too old.', 'not-found');
  const record = JSON.parse(payload) as MergeRecord;
  const target = outletById(db, record.into);
  if (!target) throw new OutletError('That merge cannot be undone: the outlet it merged into has been merged again since.', 'conflict');
  let restored = 0;
  for (const m of record.merged) {
    // An outlet shown under the merged one's name since (the target itself, renamed so): it keeps the name.
    if (outletByName(db, m.outlet.name)) throw new OutletError(`That merge cannot be undone: an outlet is named “${m.outlet.name}” now.`, 'conflict');
    const idFree = !outletById(db, m.outlet.id);
    const id = Number(
      db.prepare('INSERT INTO outlets (id, name, named_by, created_at) VALUES (?, ?, ?, ?)')
        .run(idFree ? m.outlet.id : null, m.outlet.name, m.outlet.named_by, m.outlet.created_at).lastInsertRowid,
    );
    const move = db.prepare('UPDATE outlet_names SET outlet_id = ? WHERE outlet_id = ? AND kind = ? AND key = ?');
    for (const n of m.moved) move.run(id, target.id, n.kind, n.key);
    for (const n of m.shared) addName(db, id, n.kind, n.value, n.key);
    addName(db, id, 'name', m.outlet.name, nameKey(m.outlet.name));
    restored += db
      .prepare('UPDATE clips SET source = ? WHERE source = ? COLLATE NOCASE AND id IN (SELECT value FROM json_each(?))')
      .run(m.outlet.name, target.name, JSON.stringify(m.clipIds)).changes;
  }
  db.prepare('DELETE FROM outlet_merges WHERE token = ?').run(undoToken);
  return { restored };
}

// ---------------------------------------------------------------------------- search

/**
 * SQL for "the clip's outlet is one seen under a name or site containing `value`", on alias
 * `c`, with its parameters named by `param`: the `source:` filter. `like` is the value as a
 * LIKE pattern (%…%, escaped with \), `key` its folded name or site.
 */
export function outletFilterSql(like: string, key: string): string {
  return `(c.source LIKE ${like} ESCAPE '\\' OR c.source IN (SELECT o.name FROM outlet_names n JOIN outlets o ON o.id = n.outlet_id
    WHERE n.key = ${key} OR (n.kind <> 'stem' AND n.value LIKE ${like} ESCAPE '\\')))`;
}

/** The key `outletFilterSql` compares: a site for a domain, else the folded name. */
export function outletFilterKey(value: string): string {
  return isDomainLike(value) ? siteOf(value) ?? '' : nameKey(value);
}
