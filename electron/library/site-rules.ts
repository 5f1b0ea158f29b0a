// Corrections remembered per site (site_rules, migration 7). When a person makes the same
// correction on several clips of one site — this site's byline is always its own name, its
// outlet comes out as "Theguardian" — the library offers to remember it, and new imports of
// that site (store-clip.ts) and re-extraction (reextract.ts) apply it through applySiteRules.
//
// A rule is one of:
//   replace  the extracted value `match` becomes `value`   (author "BBC News" → "BBC")
//   drop     the extracted value `match` is removed        (author "BBC News" → none)
//   set      the field is always `value`                   (outlet → "The Guardian")
// For authors, `match` is one name of a list ("Sandee LaMotte; CNN" loses "CNN").
import type Database from 'better-sqlite3';
import type { NewSiteRule, RecordField, SiteRule, SiteRuleAction, SiteRuleSuggestion } from '../api.ts';
import { CORRECTION_COLUMNS, recordFieldOf, siteKey, type ChangedField } from './corrections.ts';

/** Corrections seen this many times on one site make a suggestion. */
export const SUGGEST_AFTER = 2;

/** The fields whose corrections are learnt: a site's bylines and outlet name repeat; headlines and dates do not. */
const LEARNT: readonly RecordField[] = ['author', 'source'];

interface RuleRow {
  id: number;
  site: string;
  field: string;
  action: SiteRuleAction;
  match: string | null;
  value: string | null;
  created_at: string;
}

const hasTable = new WeakMap<Database.Database, boolean>();
function hasRulesTable(db: Database.Database): boolean {
  if (hasTable.get(db)) return true;
  const yes = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'site_rules'").get() !== undefined;
  if (yes) hasTable.set(db, true);
  return yes;
}

function ruleFromRow(r: RuleRow): SiteRule | null {
  const field = recordFieldOf(r.field);
  return field ? { id: r.id, site: r.site, field, action: r.action, match: r.match, value: r.value, createdAt: r.created_at } : null;
}

// Prepared once per database: an import asks for the rules of each clip's site.
const bySite = new WeakMap<Database.Database, Database.Statement>();

export function listSiteRules(db: Database.Database, site?: string): SiteRule[] {
  if (!hasRulesTable(db)) return [];
  const key = site === undefined ? undefined : siteKey(site);
  let rows: RuleRow[];
  if (key) {
    let stmt = bySite.get(db);
    if (!stmt) bySite.set(db, (stmt = db.prepare('SELECT * FROM site_rules WHERE site = ? ORDER BY site, field, id')));
    rows = stmt.all(key) as RuleRow[];
  } else if (site !== undefined) rows = [];
  else rows = db.prepare('SELECT * FROM site_rules ORDER BY site, field, id').all() as RuleRow[];
  return rows.map(ruleFromRow).filter((r): r is SiteRule => r !== null);
}

export function getSiteRule(db: Database.Database, id: number): SiteRule | null {
  const row = db.prepare('SELECT * FROM site_rules WHERE id = ?').get(id) as RuleRow | undefined;
  return row ? ruleFromRow(row) : null;
}

export class SiteRuleError extends Error {}

/** A rule as it is stored: the site as a host name, values trimmed, what its action does not use left out. */
export function normaliseRule(rule: NewSiteRule): NewSiteRule {
  const site = siteKey(rule.site);
  if (!site) throw new SiteRuleError('A site rule needs a site, such as bbc.com.');
  const text = (v: string | null) => (v === null ? null : v.replace(/\s+/g, ' ').trim() || null);
  const match = rule.action === 'set' ? null : text(rule.match);
  const value = rule.action === 'drop' ? null : text(rule.value);
  if (rule.action !== 'set' && match === null) throw new SiteRuleError(`A rule that ${rule.action === 'drop' ? 'drops' : 'replaces'} a value needs the value it applies to.`);
  if (rule.action !== 'drop' && value === null) throw new SiteRuleError('A rule that sets or replaces a value needs the value to put in.');
  return { site, field: rule.field, action: rule.action, match, value };
}

/**
 * Stores a rule; a rule for the same site, field and extracted value (or a second 'set') takes
 * the place of the one there was. Inside writeTransaction.
 */
export function createSiteRule(db: Database.Database, rule: NewSiteRule, stamp: string): SiteRule {
  const r = normaliseRule(rule);
  const column = CORRECTION_COLUMNS[r.field];
  db.prepare("DELETE FROM site_rules WHERE site = ? AND field = ? AND coalesce(match, '') = coalesce(?, '') COLLATE NOCASE").run(r.site, column, r.match);
  const id = Number(
    db.prepare('INSERT INTO site_rules (site, field, action, match, value, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(r.site, column, r.action, r.match, r.value, stamp).lastInsertRowid,
  );
  return getSiteRule(db, id)!;
}

/** Inside writeTransaction. Answers the rule that was deleted (to offer an undo), or null. */
export function deleteSiteRule(db: Database.Database, id: number): SiteRule | null {
  const rule = getSiteRule(db, id);
  if (rule) db.prepare('DELETE FROM site_rules WHERE id = ?').run(id);
  return rule;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** The names of an author field ("Sandee LaMotte; CNN" → two), as extraction joins them. */
export function authorNames(author: string | null | undefined): string[] {
  return (author ?? '').split(/\s*;\s*/).map((n) => n.trim()).filter(Boolean);
}

function applyRule(rule: SiteRule, current: string | null): string | null {
  if (rule.action === 'set') return rule.value;
  if (current === null) return null;
  if (rule.field === 'author') {
    const names = authorNames(current);
    if (!names.some((n) => same(n, rule.match))) return current;
    const out = names.flatMap((n) => (same(n, rule.match) ? (rule.action === 'drop' ? [] : authorNames(rule.value)) : [n]));
    // A name the rule puts in that the list already has is not repeated.
    const unique = out.filter((n, i) => out.findIndex((m) => same(m, n)) === i);
    return unique.length ? unique.join('; ') : null;
  }
  if (!same(current, rule.match)) return current;
  return rule.action === 'drop' ? null : rule.value;
}

/**
 * Applies the site's rules to freshly extracted fields (an import, a re-extraction) and answers
 * them changed, as a new object of the same shape. `site` falls back to the host of
 * `fields.url`. A title is never emptied; fields not given are left out.
 */
export function applySiteRules<T extends Partial<Record<RecordField, string | null>>>(db: Database.Database, site: string | null | undefined, fields: T): T {
  const key = siteKey(site, fields.url ?? null);
  if (!key || !hasRulesTable(db)) return fields;
  const rules = listSiteRules(db, key);
  if (!rules.length) return fields;
  const out: Partial<Record<RecordField, string | null>> = { ...fields };
  for (const rule of rules) {
    if (!Object.hasOwn(out, rule.field) && rule.action !== 'set') continue;
    const next = applyRule(rule, out[rule.field] ?? null);
    if (rule.field === 'title' && !next) continue;
    out[rule.field] = next;
  }
  return out as T;
}

/** How an author correction reads as a rule: one name taken out, and what took its place. */
function authorChange(extracted: string | null, value: string | null): { match: string; value: string | null } | null {
  const before = authorNames(extracted);
  const after = authorNames(value);
  const removed = before.filter((n) => !after.some((m) => same(m, n)));
  const added = after.filter((n) => !before.some((m) => same(m, n)));
  if (removed.length !== 1) return null;
  return { match: removed[0], value: added.length ? added.join('; ') : null };
}

/**
 * The rules worth offering after an edit: for each site and learnt field the edit touched,
 * the same correction made on SUGGEST_AFTER or more live clips of that site, one of them
 * among the clips just edited, and no rule for it yet.
 */
export function suggestSiteRules(db: Database.Database, changed: ChangedField[]): SiteRuleSuggestion[] {
  const touched = new Map<string, { site: string; field: RecordField; clips: Set<number> }>();
  for (const c of changed) {
    if (!c.site || !LEARNT.includes(c.field)) continue;
    const k = `${c.site}\n${c.field}`;
    const t = touched.get(k) ?? { site: c.site, field: c.field, clips: new Set<number>() };
    t.clips.add(c.clipId);
    touched.set(k, t);
  }
  if (!touched.size) return [];
  const out: SiteRuleSuggestion[] = [];
  const corrections = db.prepare(
    `SELECT cc.clip_id AS id, c.site, c.url, cc.extracted, cc.value FROM clip_corrections cc JOIN clips c ON c.id = cc.clip_id
     WHERE cc.field = ? AND c.deleted_at IS NULL`,
  );
  for (const { site, field, clips } of touched.values()) {
    const rows = (corrections.all(CORRECTION_COLUMNS[field]) as { id: number; site: string | null; url: string | null; extracted: string | null; value: string | null }[])
      .filter((r) => siteKey(r.site, r.url) === site);
    const existing = listSiteRules(db, site).filter((r) => r.field === field);
    const known = (match: string | null) => existing.some((r) => (match === null ? r.action === 'set' : same(r.match, match)));
    const offer = (s: Omit<SiteRuleSuggestion, 'site' | 'field'>) => {
      if (!known(s.match)) out.push({ site, field, ...s });
    };

    // The same extracted value corrected on several clips: replace it, or drop it.
    const byMatch = new Map<string, { match: string; values: (string | null)[]; ids: number[] }>();
    for (const r of rows) {
      const change = field === 'author' ? authorChange(r.extracted, r.value) : r.extracted === null ? null : { match: r.extracted, value: r.value };
      if (!change) continue;
      const k = change.match.toLowerCase();
      const g = byMatch.get(k) ?? { match: change.match, values: [], ids: [] };
      g.values.push(change.value);
      g.ids.push(r.id);
      byMatch.set(k, g);
    }
    const explained = new Set<number>();
    for (const g of byMatch.values()) {
      if (g.ids.length < SUGGEST_AFTER || !g.ids.some((id) => clips.has(id))) continue;
      g.ids.forEach((id) => explained.add(id));
      const first = g.values[0];
      const agreed = first !== null && g.values.every((v) => v !== null && same(v, first));
      // Different names put in its place (each article's real byline): the site's value is dropped.
      offer({ action: agreed ? 'replace' : 'drop', match: g.match, value: agreed ? first : null, clips: g.ids.length });
    }

    // An outlet set to one name from different extracted values: the site is that outlet.
    if (field === 'source') {
      const byValue = new Map<string, { value: string; ids: number[] }>();
      for (const r of rows) {
        if (r.value === null || explained.has(r.id)) continue;
        const g = byValue.get(r.value.toLowerCase()) ?? { value: r.value, ids: [] };
        g.ids.push(r.id);
        byValue.set(r.value.toLowerCase(), g);
      }
      for (const g of byValue.values()) {
        if (g.ids.length >= SUGGEST_AFTER && g.ids.some((id) => clips.has(id))) offer({ action: 'set', match: null, value: g.value, clips: g.ids.length });
      }
    }
  }
  return out;
}
