// Counts by tag, source, author and year over the clips a search matched, so the UI can
// offer "narrow to…".
//
// Counting in SQL means reading each matching clip's row (a page or more each, bodies
// included) four times over; at 100,000 clips that alone blew the 30 ms budget. Instead a
// compact table of every clip's year, outlet, author and tags is held in memory per database
// (~10 bytes a clip), loaded from a covering index, and reloaded when search_state.version —
// bumped by triggers on every change that matters (migration 002) — moves. A search then only
// needs the matching ids.
//
// Above FACET_LIMIT matches, the counts are taken over the first FACET_LIMIT matches in index
// order (oldest imports first; the rest are not read), so they are a sample, not exact: the
// contract has no field to say so yet (a `facetsPartial` flag is proposed).
import type Database from 'better-sqlite3';
import type { EntityFacetCount, FacetCount, SearchResult } from '../api.ts';

export type Facets = SearchResult['facets'];

export const FACET_LIMIT = 10_000;
/** Values listed per facet (years: all of them). */
export const FACET_VALUES = 20;

export const NO_FACETS: Facets = { tags: [], sources: [], authors: [], years: [] };

interface FacetTable {
  version: number;
  // Indexed by clip id (typed arrays: a search reads thousands of entries, and a Map lookup
  // per entry cost ~10 ms for 10,000 matches). -1 (0 for years) means "none".
  year: Int16Array;
  source: Int32Array;
  author: Int32Array;
  /** Each clip's tag ids, packed: those of clip i are tagIds[tagStart[i] .. tagStart[i + 1]). */
  tagStart: Int32Array;
  tagIds: Int32Array;
  /** One past the largest tag id (the size of a counting array). */
  tagIdEnd: number;
  sourceNames: string[];
  authorNames: string[];
  tagNames: Map<number, string>;
  /** Each clip's entity ids, packed as the tags are (migration 9; empty before it). */
  entityStart: Int32Array;
  entityIds: Int32Array;
  entityIdEnd: number;
  /** Entity id → its type (0 none, 1 person, 2 place, 3 organisation) and name. */
  entityType: Uint8Array;
  entityNames: Map<number, string>;
}

const tables = new WeakMap<Database.Database, FacetTable>();

const versionStatements = new WeakMap<Database.Database, Database.Statement>();

function version(db: Database.Database): number {
  let stmt = versionStatements.get(db);
  if (!stmt) versionStatements.set(db, (stmt = db.prepare('SELECT version FROM search_state').pluck()));
  return stmt.get() as number;
}

function load(db: Database.Database, v: number): FacetTable {
  const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM clips').pluck().get() as number) + 1;
  const t: FacetTable = {
    version: v, year: new Int16Array(maxId), source: new Int32Array(maxId).fill(-1), author: new Int32Array(maxId).fill(-1),
    tagStart: new Int32Array(maxId + 1), tagIds: new Int32Array(0), tagIdEnd: 0, sourceNames: [], authorNames: [], tagNames: new Map(),
    entityStart: new Int32Array(maxId + 1), entityIds: new Int32Array(0), entityIdEnd: 0, entityType: new Uint8Array(0), entityNames: new Map(),
  };
  // Names are grouped case-insensitively ("Reuters" and "reuters" are one outlet).
  const sourceIds = new Map<string, number>();
  const authorIds = new Map<string, number>();
  const intern = (value: string | null, ids: Map<string, number>, names: string[]) => {
    if (!value) return -1;
    const key = value.toLowerCase();
    let id = ids.get(key);
    if (id === undefined) {
      id = names.length;
      ids.set(key, id);
      names.push(value);
    }
    return id;
  };
  const rows = db
    .prepare('SELECT id, published_at, source, author FROM clips INDEXED BY search_clip_facets')
    .raw()
    .iterate() as IterableIterator<[number, string | null, string | null, string | null]>;
  for (const [id, published, source, author] of rows) {
    if (id >= maxId) continue;
    const year = published ? Number(published.slice(0, 4)) : NaN;
    if (Number.isInteger(year) && year > 0 && year < 32768) t.year[id] = year;
    t.source[id] = intern(source, sourceIds, t.sourceNames);
    t.author[id] = intern(author, authorIds, t.authorNames);
  }
  // Counted first, then placed: two passes over clip_tags, no array per clip.
  const pairs = db.prepare('SELECT clip_id, tag_id FROM clip_tags WHERE clip_id < ?').raw();
  for (const [clip] of pairs.iterate(maxId) as IterableIterator<[number, number]>) t.tagStart[clip + 1]++;
  for (let i = 1; i <= maxId; i++) t.tagStart[i] += t.tagStart[i - 1];
  t.tagIds = new Int32Array(t.tagStart[maxId]);
  const fill = t.tagStart.slice(0, maxId);
  for (const [clip, tag] of pairs.iterate(maxId) as IterableIterator<[number, number]>) {
    if (fill[clip] >= t.tagStart[clip + 1]) continue; // a tag added between the passes: the version moves, so a reload follows
    t.tagIds[fill[clip]++] = tag;
    if (tag >= t.tagIdEnd) t.tagIdEnd = tag + 1;
  }
  for (const [id, name] of db.prepare('SELECT id, name FROM tags').raw().iterate() as IterableIterator<[number, string]>) {
    t.tagNames.set(id, name);
  }
  loadEntities(db, t, maxId);
  return t;
}

const ENTITY_TYPE_CODE: Record<string, number> = { PER: 1, LOC: 2, ORG: 3 };

/** The clips' entities, packed like their tags (two passes over clip_entities, by clip). */
function loadEntities(db: Database.Database, t: FacetTable, maxId: number): void {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clip_entities'`).get()) return;
  const pairs = db.prepare('SELECT clip_id, entity_id FROM clip_entities WHERE clip_id < ?').raw();
  for (const [clip] of pairs.iterate(maxId) as IterableIterator<[number, number]>) t.entityStart[clip + 1]++;
  for (let i = 1; i <= maxId; i++) t.entityStart[i] += t.entityStart[i - 1];
  t.entityIds = new Int32Array(t.entityStart[maxId]);
  const fill = t.entityStart.slice(0, maxId);
  for (const [clip, entity] of pairs.iterate(maxId) as IterableIterator<[number, number]>) {
    if (fill[clip] >= t.entityStart[clip + 1]) continue; // added between the passes: a reload follows
    t.entityIds[fill[clip]++] = entity;
    if (entity >= t.entityIdEnd) t.entityIdEnd = entity + 1;
  }
  t.entityType = new Uint8Array(t.entityIdEnd);
  for (const [id, type, name] of db.prepare('SELECT id, type, name FROM entities WHERE id < ?').raw().iterate(t.entityIdEnd) as IterableIterator<[number, string, string]>) {
    t.entityType[id] = ENTITY_TYPE_CODE[type] ?? 0;
    t.entityNames.set(id, name);
  }
}

function table(db: Database.Database): FacetTable {
  const v = version(db);
  let t = tables.get(db);
  if (!t || t.version !== v) {
    t = load(db, v);
    tables.set(db, t);
  }
  return t;
}

/** Loads the table now (if the library changed since it was last loaded), so a search need not. */
export function warmFacets(db: Database.Database): void {
  table(db);
}

function top(counts: Map<number, number>, name: (k: number) => string, limit: number): FacetCount[] {
  // Only the first `limit` are shown: keep the entries at or above the limit-th largest count
  // (a numeric sort), then order just those. Sorting thousands of one-off authors with
  // localeCompare cost 30–50 ms a search at 100,000 clips.
  let entries = [...counts];
  if (entries.length > limit) {
    const threshold = entries.map((e) => e[1]).sort((a, b) => b - a)[limit - 1];
    entries = entries.filter((e) => e[1] >= threshold);
  }
  return entries
    .map(([k, count]) => ({ value: name(k), count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}

export function facetsOf(db: Database.Database, ids: number[]): Facets {
  if (ids.length === 0) return NO_FACETS;
  const t = table(db);
  // Counting arrays throughout: a Map update per match cost ~3 ms for 10,000 matches.
  const years = new Int32Array(32768);
  const sources = new Int32Array(t.sourceNames.length);
  const authors = new Int32Array(t.authorNames.length);
  const tags = new Int32Array(t.tagIdEnd);
  const entities = new Int32Array(t.entityIdEnd);
  for (const id of ids) {
    if (id >= t.year.length) continue; // added after the table was loaded (cannot happen: the version moves)
    years[t.year[id]]++;
    const s = t.source[id];
    if (s >= 0) sources[s]++;
    const a = t.author[id];
    if (a >= 0) authors[a]++;
    for (let k = t.tagStart[id], end = t.tagStart[id + 1]; k < end; k++) tags[t.tagIds[k]]++;
    for (let k = t.entityStart[id], end = t.entityStart[id + 1]; k < end; k++) entities[t.entityIds[k]]++;
  }
  const byType: Map<number, number>[] = [new Map(), new Map(), new Map(), new Map()];
  for (let i = 0; i < entities.length; i++) if (entities[i]) byType[t.entityType[i]].set(i, entities[i]);
  const entityTop = (type: number): EntityFacetCount[] => {
    // As top() does: only the entries at or above the FACET_VALUES-th count are sorted.
    let entries = [...byType[type]];
    if (entries.length > FACET_VALUES) {
      const threshold = entries.map((e) => e[1]).sort((a, b) => b - a)[FACET_VALUES - 1];
      entries = entries.filter((e) => e[1] >= threshold);
    }
    return entries
      .map(([id, count]) => ({ id, value: t.entityNames.get(id) ?? '', count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, FACET_VALUES);
  };
  const yearCounts: FacetCount[] = [];
  for (let y = years.length - 1; y > 0; y--) if (years[y]) yearCounts.push({ value: String(y), count: years[y] });
  return {
    years: yearCounts,
    sources: top(nonZero(sources), (k) => t.sourceNames[k], FACET_VALUES),
    authors: top(nonZero(authors), (k) => t.authorNames[k], FACET_VALUES),
    tags: top(nonZero(tags), (k) => t.tagNames.get(k) ?? '', FACET_VALUES),
    people: entityTop(1),
    places: entityTop(2),
    organisations: entityTop(3),
  };
}

function nonZero(counts: Int32Array): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < counts.length; i++) if (counts[i]) out.set(i, counts[i]);
  return out;
}
