// The entities tables (migration 9): a clip's extracted mentions stored and linked to one entity
// per person, place or organisation across the library; a person's merges and splits, kept as
// rules by key so re-extraction and restores apply them again; listings and the entity filter.
// Every function that writes expects to run inside a write transaction (writeTransaction).
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EntityKind, EntitySummary, ExportEntityMention, ExportEntityRule } from '../api.ts';
import { liveEntityCounts } from '../search/facets.ts';
import { editDistance, maxDistance } from '../search/typo-expansion.ts';
import { betterName, entityName, foldName, type ClipMention, type EntityType } from './entity-names.ts';

/** `code` says how the front doors answer it (bad-request, not-found, conflict). */
export class EntityError extends Error {
  constructor(message: string, readonly code: 'bad-request' | 'not-found' | 'conflict' = 'bad-request') {
    super(message);
  }
}

export const KIND_TYPE: Record<EntityKind, EntityType> = { person: 'PER', place: 'LOC', org: 'ORG' };
export const TYPE_KIND: Record<EntityType, EntityKind> = { PER: 'person', LOC: 'place', ORG: 'org' };

/** How long a merge or split can be undone. */
const UNDO_DAYS = 30;

interface EntityRow {
  id: number;
  type: EntityType;
  name: string;
  key: string;
}
interface AliasRow {
  id: number;
  entity_id: number;
  type: EntityType;
  key: string;
  name: string;
}
interface RuleRow {
  type: EntityType;
  key: string;
  name: string;
  into_key: string | null;
  into_name: string | null;
}

/** Prepared statements per library: an import writes a clip's entities with dozens of them,
 * and preparing each anew cost more than running it. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function sql(db: Database.Database, text: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let stmt = map.get(text);
  if (!stmt) map.set(text, (stmt = db.prepare(text)));
  return stmt;
}

/** The libraries opened before migration 9 (a test opening an old version) have no tables. */
export function hasEntityTables(db: Database.Database): boolean {
  return sql(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clip_entities'`).get() !== undefined;
}

function entityByKey(db: Database.Database, type: EntityType, key: string): EntityRow | undefined {
  return sql(db, 'SELECT id, type, name, key FROM entities WHERE type = ? AND key = ?').get(type, key) as EntityRow | undefined;
}

function entityById(db: Database.Database, id: number): EntityRow | undefined {
  return sql(db, 'SELECT id, type, name, key FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
}

/** The entity of this key, made if there is none; a spelling with its accents replaces one without. */
function ensureEntity(db: Database.Database, type: EntityType, key: string, name: string): EntityRow {
  const found = entityByKey(db, type, key);
  if (found) {
    const better = betterName(found.name, name);
    if (better !== found.name) sql(db, 'UPDATE entities SET name = ? WHERE id = ?').run(better, found.id);
    return { ...found, name: better };
  }
  const id = Number(
    sql(db, 'INSERT INTO entities (type, name, key, last_word, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(type, name, key, lastWord(key), new Date().toISOString()).lastInsertRowid,
  );
  return { id, type, name, key };
}

function lastWord(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

function ruleOf(db: Database.Database, type: EntityType, key: string): RuleRow | undefined {
  return sql(db, 'SELECT type, key, name, into_key, into_name FROM entity_rules WHERE type = ? AND key = ?').get(type, key) as RuleRow | undefined;
}

/** Clips that name any of these aliases. */
function clipsOfAliases(db: Database.Database, aliasIds: number[]): number[] {
  return db
    .prepare('SELECT DISTINCT clip_id FROM clip_entity_names WHERE alias_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(aliasIds)) as number[];
}

/** clip_entities worked out again from the clips' names, for these clips. */
export function refreshClipEntities(db: Database.Database, clipIds: number[]): void {
  if (!clipIds.length) return;
  const ids = JSON.stringify(clipIds);
  sql(db, 'DELETE FROM clip_entities WHERE clip_id IN (SELECT value FROM json_each(?))').run(ids);
  sql(db, 
    `INSERT INTO clip_entities (clip_id, entity_id, mentions, first_offset)
     SELECT n.clip_id, a.entity_id, sum(n.mentions), min(n.first_offset)
     FROM clip_entity_names n JOIN entity_aliases a ON a.id = n.alias_id
     WHERE n.clip_id IN (SELECT value FROM json_each(?))
     GROUP BY n.clip_id, a.entity_id`,
  ).run(ids);
}

/** Entities no alias points at any more (emptied by a merge, an absorbed surname). */
function dropEmptyEntities(db: Database.Database, ids: number[]): void {
  const drop = sql(db, 
    'DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE entity_id = ?) AND NOT EXISTS (SELECT 1 FROM clip_entities WHERE entity_id = ?)',
  );
  for (const id of ids) drop.run(id, id, id);
}

/** Points aliases at another entity and brings the clips that name them up to date. */
function moveAliases(db: Database.Database, aliasIds: number[], entityId: number): void {
  if (!aliasIds.length) return;
  const from = db
    .prepare('SELECT DISTINCT entity_id FROM entity_aliases WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(aliasIds)) as number[];
  sql(db, 'UPDATE entity_aliases SET entity_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(entityId, JSON.stringify(aliasIds));
  refreshClipEntities(db, clipsOfAliases(db, aliasIds));
  dropEmptyEntities(db, from.filter((id) => id !== entityId));
}

/**
 * The entity a name new to the library stands for: the person's rule for it if there is one;
 * else a surname alone goes with the one full name of the library ending with it; else its own.
 * A new full name takes in an entity that so far was its surname alone (made by extraction,
 * never one a person split off).
 */
function entityForNewAlias(db: Database.Database, type: EntityType, key: string, name: string): EntityRow {
  const rule = ruleOf(db, type, key);
  if (rule) return rule.into_key ? ensureEntity(db, type, rule.into_key, rule.into_name ?? rule.into_key) : ensureEntity(db, type, key, name);
  if (type !== 'PER') return ensureEntity(db, type, key, name);
  const words = key.split(' ');
  if (words.length === 1) {
    const full = db
      .prepare(`SELECT id, type, name, key FROM entities WHERE type = 'PER' AND last_word = ? AND key <> ? LIMIT 2`)
      .all(key, key) as EntityRow[];
    if (full.length === 1) return full[0];
    return ensureEntity(db, type, key, name);
  }
  const entity = ensureEntity(db, type, key, name);
  const surname = words[words.length - 1];
  const bare = entityByKey(db, 'PER', surname);
  if (bare && !ruleOf(db, 'PER', surname)) {
    const others = db
      .prepare(`SELECT count(*) FROM entities WHERE type = 'PER' AND last_word = ? AND key <> ? AND id <> ?`)
      .pluck()
      .get(surname, surname, entity.id) as number;
    const aliases = sql(db, 'SELECT id, key FROM entity_aliases WHERE entity_id = ?').all(bare.id) as { id: number; key: string }[];
    // Only a surname alone (its own spellings), never an entity a person gave other names to.
    if (others === 0 && aliases.every((a) => a.key === surname)) moveAliases(db, aliases.map((a) => a.id), entity.id);
  }
  return entity;
}

/** The alias of this name, made (and linked to its entity) if the library has not seen it. */
function ensureAlias(db: Database.Database, type: EntityType, key: string, name: string): AliasRow {
  const found = sql(db, 'SELECT id, entity_id, type, key, name FROM entity_aliases WHERE type = ? AND key = ?').get(type, key) as AliasRow | undefined;
  if (found) {
    const better = betterName(found.name, name);
    if (better !== found.name) sql(db, 'UPDATE entity_aliases SET name = ? WHERE id = ?').run(better, found.id);
    const entity = entityById(db, found.entity_id);
    if (entity && entity.key === key) ensureEntity(db, type, key, name);
    return found;
  }
  const entity = entityForNewAlias(db, type, key, name);
  const id = Number(
    sql(db, 'INSERT INTO entity_aliases (entity_id, type, key, name) VALUES (?, ?, ?, ?)').run(entity.id, type, key, name).lastInsertRowid,
  );
  return { id, entity_id: entity.id, type, key, name };
}

/**
 * A clip's extracted mentions, replacing any it had (an import, a re-extraction, a restore).
 * A person's merges and splits are untouched: they live in the aliases and rules.
 */
export function writeClipEntities(db: Database.Database, clipId: number, mentions: readonly ClipMention[]): void {
  if (!hasEntityTables(db)) return;
  const before = sql(db, 'SELECT a.entity_id FROM clip_entity_names n JOIN entity_aliases a ON a.id = n.alias_id WHERE n.clip_id = ?').pluck().all(clipId) as number[];
  sql(db, 'DELETE FROM clip_entity_names WHERE clip_id = ?').run(clipId);
  const insert = sql(db, 
    `INSERT INTO clip_entity_names (clip_id, alias_id, mentions, first_offset) VALUES (?, ?, ?, ?)
     ON CONFLICT (clip_id, alias_id) DO UPDATE SET mentions = mentions + excluded.mentions,
       first_offset = coalesce(min(first_offset, excluded.first_offset), first_offset, excluded.first_offset)`,
  );
  for (const m of mentions) {
    if (!m.key || !m.name || m.mentions < 1) continue;
    const alias = ensureAlias(db, m.type, m.key, m.name);
    insert.run(clipId, alias.id, m.mentions, m.firstOffset);
  }
  refreshClipEntities(db, [clipId]);
  // An entity only this clip named, and no longer does, is not kept.
  dropEntitiesWithoutClips(db, before);
}

function dropEntitiesWithoutClips(db: Database.Database, entityIds: number[]): void {
  const gone = sql(db, 
    `SELECT 1 FROM clip_entity_names n JOIN entity_aliases a ON a.id = n.alias_id WHERE a.entity_id = ? LIMIT 1`,
  ).pluck();
  const ruled = sql(db, 'SELECT 1 FROM entity_rules r JOIN entities e ON e.type = r.type AND (e.key = r.key OR e.key = r.into_key) WHERE e.id = ? LIMIT 1').pluck();
  for (const id of new Set(entityIds)) {
    if (gone.get(id) || ruled.get(id)) continue;
    // Its aliases go with it (nothing names them); a later mention links afresh.
    sql(db, 'DELETE FROM entity_aliases WHERE entity_id = ? AND NOT EXISTS (SELECT 1 FROM clip_entity_names WHERE alias_id = entity_aliases.id)').run(id);
    dropEmptyEntities(db, [id]);
  }
}

// ---------------------------------------------------------------------------- reading

function summary(db: Database.Database, row: EntityRow & { clips: number; mentions: number }): EntitySummary {
  const names = sql(db, 'SELECT name FROM entity_aliases WHERE entity_id = ? ORDER BY name').pluck().all(row.id) as string[];
  return {
    id: row.id,
    kind: TYPE_KIND[row.type],
    name: row.name,
    clips: row.clips,
    mentions: row.mentions,
    names: names.filter((n) => foldName(n) !== row.key || n !== row.name),
  };
}

/** Entities with their clip counts (live clips), most clips first. */
export function listEntities(db: Database.Database, options: { kind?: EntityKind; limit?: number } = {}): EntitySummary[] {
  if (!hasEntityTables(db)) return [];
  const type = options.kind ? KIND_TYPE[options.kind] : null;
  // The counts from the search's in-memory table (search/facets.ts), then the rows of those listed.
  const counts = liveEntityCounts(db);
  const named: number[] = [];
  for (let id = 0; id < counts.clips.length; id++) if (counts.clips[id] > 0) named.push(id);
  const rows = new Map(
    (db
      .prepare('SELECT id, type, name, key FROM entities WHERE id IN (SELECT value FROM json_each(?)) AND (? IS NULL OR type = ?)')
      .all(JSON.stringify(named), type, type) as EntityRow[]).map((r) => [r.id, r]),
  );
  const listed = [...rows.values()]
    .sort((a, b) => counts.clips[b.id] - counts.clips[a.id] || counts.mentions[b.id] - counts.mentions[a.id] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, options.limit !== undefined && options.limit >= 0 ? options.limit : undefined);
  return listed.map((r) => summary(db, { ...r, clips: counts.clips[r.id], mentions: counts.mentions[r.id] }));
}

export function getEntity(db: Database.Database, id: number): EntitySummary {
  const row = db.prepare('SELECT id, type, name, key FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  if (!row) throw new EntityError(`There is no entity ${id} in this library.`, 'not-found');
  // One entity's own rows, each checked on clips_filter_cover rather than its whole clip row.
  // Not the facet table: a merge or a split answers with this inside its write transaction,
  // where the table would be loaded again whole (seconds at 100,000 clips) under the lock.
  const counts = sql(
    db,
    `SELECT count(*) AS clips, coalesce(sum(ce.mentions), 0) AS mentions
     FROM clip_entities ce JOIN clips c INDEXED BY clips_filter_cover ON c.id = ce.clip_id AND c.deleted_at IS NULL WHERE ce.entity_id = ?`,
  ).get(id) as { clips: number; mentions: number };
  return summary(db, { ...row, ...counts });
}

/** An entity by id, or by a name of it ("Maduro", "nicolás maduro"), of one kind or any. */
export function findEntity(db: Database.Database, ref: string | number, kind?: EntityKind): EntitySummary {
  if (typeof ref === 'number' || /^\d+$/.test(ref)) return getEntity(db, Number(ref));
  const ids = entityIdsFor(db, kind ? KIND_TYPE[kind] : null, ref, false);
  if (!ids.length) throw new EntityError(`No person, place or organisation is called “${ref}”.`, 'not-found');
  return getEntity(db, ids[0]);
}

// ---------------------------------------------------------------------------- filter

/**
 * Every word of every alias, per type, with the entities it names: held in memory per library
 * and reloaded when the search state's version moves (triggers of migration 9 move it when an
 * alias is added or changes entity). A filter
 * then reads no table: a LIKE over every alias cost a scan of the whole table a search.
 */
interface AliasIndex {
  version: number;
  words: Map<EntityType, Map<string, Set<number>>>;
  keys: Map<EntityType, Map<string, number>>;
}
const aliasIndexes = new WeakMap<Database.Database, AliasIndex>();

function aliasIndex(db: Database.Database): AliasIndex {
  const version = sql(db, 'SELECT version FROM search_state').pluck().get() as number;
  let index = aliasIndexes.get(db);
  if (index?.version === version) return index;
  index = { version, words: new Map(), keys: new Map() };
  for (const t of ['PER', 'LOC', 'ORG'] as EntityType[]) {
    index.words.set(t, new Map());
    index.keys.set(t, new Map());
  }
  for (const [t, key, entity] of sql(db, 'SELECT type, key, entity_id FROM entity_aliases').raw().iterate() as IterableIterator<[EntityType, string, number]>) {
    index.keys.get(t)!.set(key, entity);
    const words = index.words.get(t)!;
    for (const w of key.split(' ')) {
      let set = words.get(w);
      if (!set) words.set(w, (set = new Set()));
      set.add(entity);
    }
  }
  aliasIndexes.set(db, index);
  return index;
}

/**
 * The entities a filter value names (`person:maduro`, `place:"new york"`), the one whose name it
 * is first: every word of the value is a word of the entity's names. A word no name has is read
 * as the closest words names have (`person:madurro` finds Maduro), as the query's words are.
 */
export function entityIdsFor(db: Database.Database, type: EntityType | null, value: string, typos = true): number[] {
  if (!hasEntityTables(db)) return [];
  const words = (entityName(type ?? 'LOC', value)?.key ?? '').split(' ').filter(Boolean);
  if (!words.length) return [];
  const index = aliasIndex(db);
  const out: number[] = [];
  for (const t of type ? [type] : (['PER', 'LOC', 'ORG'] as EntityType[])) {
    const known = index.words.get(t)!;
    let found = null as Set<number> | null;
    for (const w of words) {
      const named = new Set<number>(known.get(w) ?? []);
      if (!named.size && typos && maxDistance(w.length)) {
        const cap = maxDistance(w.length);
        const close: { word: string; d: number }[] = [];
        for (const k of known.keys()) {
          const d = editDistance(w, k, cap);
          if (d <= cap) close.push({ word: k, d });
        }
        close.sort((a, b) => a.d - b.d);
        for (const c of close.slice(0, 3)) for (const id of known.get(c.word)!) named.add(id);
      }
      found = found === null ? named : new Set([...found].filter((id) => named.has(id)));
      if (!found.size) break;
    }
    const exact = index.keys.get(t)!.get(words.join(' '));
    const ids = [...(found ?? [])].sort((a, b) => a - b);
    if (exact !== undefined && ids.includes(exact)) out.push(exact, ...ids.filter((id) => id !== exact));
    else out.push(...ids);
  }
  return out;
}

// ---------------------------------------------------------------------------- a person's changes

interface UndoRecord {
  /** Each alias moved: where it was, and the rule it had before. */
  moved: { aliasId: number; type: EntityType; key: string; from: { key: string; name: string }; rule: RuleRow | null }[];
}

function aliasesOf(db: Database.Database, entityId: number): AliasRow[] {
  return sql(db, 'SELECT id, entity_id, type, key, name FROM entity_aliases WHERE entity_id = ?').all(entityId) as AliasRow[];
}

function setRule(db: Database.Database, alias: AliasRow, into: EntityRow | null): void {
  sql(db, 
    `INSERT INTO entity_rules (type, key, name, into_key, into_name, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (type, key) DO UPDATE SET name = excluded.name, into_key = excluded.into_key, into_name = excluded.into_name, created_at = excluded.created_at`,
  ).run(alias.type, alias.key, alias.name, into?.key ?? null, into?.name ?? null, new Date().toISOString());
}

function saveUndo(db: Database.Database, record: UndoRecord): string {
  const token = `${new Date().toISOString()}#${crypto.randomBytes(6).toString('hex')}`;
  sql(db, 'DELETE FROM entity_undo WHERE created_at < ?').run(new Date(Date.now() - UNDO_DAYS * 86_400_000).toISOString());
  sql(db, 'INSERT INTO entity_undo (token, payload, created_at) VALUES (?, ?, ?)').run(token, JSON.stringify(record), new Date().toISOString());
  return token;
}

function record(db: Database.Database, aliases: AliasRow[]): UndoRecord {
  return {
    moved: aliases.map((a) => {
      const from = entityById(db, a.entity_id)!;
      return { aliasId: a.id, type: a.type, key: a.key, from: { key: from.key, name: from.name }, rule: ruleOf(db, a.type, a.key) ?? null };
    }),
  };
}

/**
 * The `from` entities become one with `into`: their names find it, their clips count for it,
 * and a re-extraction or a restore keeps it so (a rule per name). Answers a token for Undo.
 */
export function mergeEntities(db: Database.Database, from: number[], into: number): { entity: EntitySummary; undoToken: string } {
  const target = entityById(db, into);
  if (!target) throw new EntityError(`There is no entity ${into} in this library.`, 'not-found');
  const aliases: AliasRow[] = [];
  for (const id of new Set(from)) {
    if (id === into) continue;
    const e = entityById(db, id);
    if (!e) throw new EntityError(`There is no entity ${id} in this library.`, 'not-found');
    if (e.type !== target.type) throw new EntityError(`${e.name} is a ${TYPE_KIND[e.type]} and ${target.name} a ${TYPE_KIND[target.type]}: only entities of one kind merge.`);
    aliases.push(...aliasesOf(db, id));
  }
  if (!aliases.length) throw new EntityError('Choose another entity to merge with.');
  const undo = record(db, aliases);
  for (const a of aliases) setRule(db, a, target);
  // The target's own names stay with it, whatever a rule made of them before.
  moveAliases(db, aliases.map((a) => a.id), target.id);
  return { entity: getEntity(db, target.id), undoToken: saveUndo(db, undo) };
}

/**
 * One name of an entity becomes an entity of its own ("Maduro" apart from "Nicolás Maduro"),
 * with the clips that wrote it so; kept across re-extraction. Answers a token for Undo.
 */
export function splitEntityName(db: Database.Database, entityId: number, name: string): { entity: EntitySummary; undoToken: string } {
  const e = entityById(db, entityId);
  if (!e) throw new EntityError(`There is no entity ${entityId} in this library.`, 'not-found');
  const key = entityName(e.type, name)?.key ?? '';
  const alias = aliasesOf(db, entityId).find((a) => a.key === key || a.name === name);
  if (!alias) throw new EntityError(`${e.name} has no name “${name}”.`, 'not-found');
  if (alias.key === e.key) throw new EntityError(`“${name}” is ${e.name}’s own name: split off one of its other names.`);
  const undo = record(db, [alias]);
  setRule(db, alias, null);
  const own = ensureEntity(db, e.type, alias.key, alias.name);
  moveAliases(db, [alias.id], own.id);
  return { entity: getEntity(db, own.id), undoToken: saveUndo(db, undo) };
}

/** Undoes a merge or a split: each name goes back to the entity it was with, its rule as it was. */
export function undoEntityChange(db: Database.Database, undoToken: string): { restored: number } {
  const payload = sql(db, 'SELECT payload FROM entity_undo WHERE token = ?').pluck().get(undoToken) as string | undefined;
  if (!payload) throw new EntityError('Nothing to undo: that change was undone already, or is too old.', 'not-found');
  const rec = JSON.parse(payload) as UndoRecord;
  let restored = 0;
  for (const m of rec.moved) {
    if (m.rule) {
      sql(db, 
        `INSERT INTO entity_rules (type, key, name, into_key, into_name, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (type, key) DO UPDATE SET name = excluded.name, into_key = excluded.into_key, into_name = excluded.into_name`,
      ).run(m.rule.type, m.rule.key, m.rule.name, m.rule.into_key, m.rule.into_name, new Date().toISOString());
    } else sql(db, 'DELETE FROM entity_rules WHERE type = ? AND key = ?').run(m.type, m.key);
    const alias = sql(db, 'SELECT id FROM entity_aliases WHERE id = ? AND key = ?').get(m.aliasId, m.key);
    if (!alias) continue;
    const back = ensureEntity(db, m.type, m.from.key, m.from.name);
    moveAliases(db, [m.aliasId], back.id);
    restored++;
  }
  sql(db, 'DELETE FROM entity_undo WHERE token = ?').run(undoToken);
  return { restored };
}

// ---------------------------------------------------------------------------- export and restore

/** Each clip's entities as the JSON export keeps them: the names as the clip wrote them. */
export function entityMentionsOfClips(db: Database.Database, ids: number[]): Map<number, ExportEntityMention[]> {
  const out = new Map<number, ExportEntityMention[]>();
  if (!ids.length || !hasEntityTables(db)) return out;
  const rows = db
    .prepare(
      `SELECT n.clip_id, a.type, a.name, e.name AS entity, n.mentions, n.first_offset
       FROM clip_entity_names n JOIN entity_aliases a ON a.id = n.alias_id JOIN entities e ON e.id = a.entity_id
       WHERE n.clip_id IN (SELECT value FROM json_each(?)) ORDER BY n.clip_id, n.first_offset IS NULL, n.first_offset`,
    )
    .all(JSON.stringify(ids)) as { clip_id: number; type: EntityType; name: string; entity: string; mentions: number; first_offset: number | null }[];
  for (const r of rows) {
    const list = out.get(r.clip_id) ?? [];
    list.push({ kind: TYPE_KIND[r.type], name: r.name, entity: r.entity, mentions: r.mentions, firstOffset: r.first_offset });
    out.set(r.clip_id, list);
  }
  return out;
}

/** The library's merges and splits, as the JSON export keeps them. */
export function entityRules(db: Database.Database): ExportEntityRule[] {
  if (!hasEntityTables(db)) return [];
  const rows = sql(db, 'SELECT type, key, name, into_key, into_name FROM entity_rules ORDER BY id').all() as RuleRow[];
  return rows.map((r) => ({ kind: TYPE_KIND[r.type], name: r.name, into: r.into_key === null ? null : r.into_name ?? r.into_key }));
}

/**
 * Merges and splits from an export, before its clips are stored: each becomes a rule, and a
 * name the library already has moves as the rule says.
 */
export function restoreEntityRules(db: Database.Database, rules: readonly ExportEntityRule[]): void {
  if (!hasEntityTables(db)) return;
  for (const r of rules) {
    const type = KIND_TYPE[r.kind];
    if (!type || typeof r.name !== 'string') continue;
    const n = entityName(type, r.name);
    if (!n) continue;
    const into = typeof r.into === 'string' ? entityName(type, r.into) : null;
    sql(db, 
      `INSERT INTO entity_rules (type, key, name, into_key, into_name, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (type, key) DO UPDATE SET name = excluded.name, into_key = excluded.into_key, into_name = excluded.into_name`,
    ).run(type, n.key, n.name, into?.key ?? null, into ? (r.into as string) : null, new Date().toISOString());
    const alias = sql(db, 'SELECT id FROM entity_aliases WHERE type = ? AND key = ?').pluck().get(type, n.key) as number | undefined;
    if (alias === undefined) continue;
    const target = into ? ensureEntity(db, type, into.key, r.into as string) : ensureEntity(db, type, n.key, n.name);
    moveAliases(db, [alias], target.id);
  }
}

/** Mentions from an export, as a clip's rows (names folded again: the export may be edited by hand). */
export function mentionsFromExport(list: readonly ExportEntityMention[]): ClipMention[] {
  const out: ClipMention[] = [];
  for (const m of list) {
    const type = KIND_TYPE[m?.kind];
    if (!type || typeof m.name !== 'string') continue;
    const n = entityName(type, m.name);
    if (!n) continue;
    out.push({
      type,
      key: n.key,
      name: n.name,
      mentions: Number.isInteger(m.mentions) && m.mentions > 0 ? m.mentions : 1,
      firstOffset: Number.isInteger(m.firstOffset) ? (m.firstOffset as number) : null,
    });
  }
  return out;
}
