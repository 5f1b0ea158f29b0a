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
// With stories collapsed, the list shows a story once however many of its versions match, so
// the facets count it once too: under a value, a story counts if any of its matching versions
// has that value, which is the number of rows the list shows after narrowing to it.
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
  /** Each clip's entity ids, packed as the tags are (migration 9; empty before it), and how often it names each. */
  entityStart: Int32Array;
  entityIds: Int32Array;
  entityMentions: Int32Array;
  entityIdEnd: number;
  /** Entity id → its type (0 none, 1 person, 2 place, 3 organisation) and name. */
  entityType: Uint8Array;
  entityNames: Map<number, string>;
  /** Clips and mentions per entity over the whole library's live clips, worked out when first asked. */
  libraryCounts: EntityCounts | null;
}

export interface EntityCounts {
  /** By entity id. */
  clips: Int32Array;
  mentions: Int32Array;
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
    entityStart: new Int32Array(maxId + 1), entityIds: new Int32Array(0), entityMentions: new Int32Array(0), entityIdEnd: 0,
    entityType: new Uint8Array(0), entityNames: new Map(), libraryCounts: null,
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
  // The table's own order (its primary key, clip first): mentions come at no extra read.
  const pairs = db.prepare('SELECT clip_id, entity_id, mentions FROM clip_entities WHERE clip_id < ?').raw();
  for (const [clip] of pairs.iterate(maxId) as IterableIterator<[number, number, number]>) t.entityStart[clip + 1]++;
  for (let i = 1; i <= maxId; i++) t.entityStart[i] += t.entityStart[i - 1];
  t.entityIds = new Int32Array(t.entityStart[maxId]);
  t.entityMentions = new Int32Array(t.entityStart[maxId]);
  const fill = t.entityStart.slice(0, maxId);
  for (const [clip, entity, mentions] of pairs.iterate(maxId) as IterableIterator<[number, number, number]>) {
    if (fill[clip] >= t.entityStart[clip + 1]) continue; // added between the passes: a reload follows
    t.entityMentions[fill[clip]] = mentions;
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

/**
 * Clips and mentions per entity over every live clip: the sidebar's People, Places and
 * Organisations when there is no search, and an entity's own totals. In SQL this joined each of
 * the clips' entity rows to its clip (for deleted_at) and took 3.5–5.7 s a kind at 100,000 clips;
 * here it is one pass over the table, once per change of the library.
 */
export function liveEntityCounts(db: Database.Database): EntityCounts {
  const t = table(db);
  if (t.libraryCounts) return t.libraryCounts;
  // Soft-deleted clips wait for the next open's purge, so there are seldom any (a deletion moves
  // the version, so this is read again after one).
  const deleted = db.prepare('SELECT id FROM clips INDEXED BY clips_filter_cover WHERE deleted_at IS NOT NULL').pluck().all() as number[];
  const dead = new Uint8Array(t.entityStart.length);
  for (const id of deleted) if (id < dead.length) dead[id] = 1;
  const clips = new Int32Array(t.entityIdEnd);
  const mentions = new Int32Array(t.entityIdEnd);
  for (let id = 0; id + 1 < t.entityStart.length; id++) {
    if (dead[id]) continue;
    for (let k = t.entityStart[id], end = t.entityStart[id + 1]; k < end; k++) {
      clips[t.entityIds[k]]++;
      mentions[t.entityIds[k]] += t.entityMentions[k];
    }
  }
  t.libraryCounts = { clips, mentions };
  return t.libraryCounts;
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

/**
 * A counting array that counts each group once per value: `seen` holds the group a value was
 * last counted for, so the ids must come grouped (every id of a group one after another).
 */
class GroupCounts {
  readonly counts: Int32Array;
  private readonly seen: Int32Array | null;
  constructor(size: number, grouped: boolean) {
    this.counts = new Int32Array(size);
    this.seen = grouped ? new Int32Array(size).fill(-1) : null;
  }
  add(value: number, group: number): void {
    if (this.seen) {
      if (this.seen[value] === group) return;
      this.seen[value] = group;
    }
    this.counts[value]++;
  }
}

/**
 * Counts over the matching `ids`. `groupOf`, when stories are collapsed: the group an id
 * belongs to (its story's id, or its own), each group counted once per value.
 */
export function facetsOf(db: Database.Database, ids: number[], groupOf?: (id: number) => number): Facets {
  if (ids.length === 0) return NO_FACETS;
  const t = table(db);
  let order = ids;
  let groups: Int32Array | null = null;
  if (groupOf) {
    // Grouped ids one after another, so GroupCounts need only remember the last group.
    const keyed = ids.map((id) => [groupOf(id), id] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    order = keyed.map((k) => k[1]);
    groups = Int32Array.from(keyed, (k) => k[0]);
  }
  // Counting arrays throughout: a Map update per match cost ~3 ms for 10,000 matches.
  const grouped = groups !== null;
  const years = new GroupCounts(32768, grouped);
  const sources = new GroupCounts(t.sourceNames.length, grouped);
  const authors = new GroupCounts(t.authorNames.length, grouped);
  const tags = new GroupCounts(t.tagIdEnd, grouped);
  const entities = new GroupCounts(t.entityIdEnd, grouped);
  for (let i = 0; i < order.length; i++) {
    const id = order[i];
    if (id >= t.year.length) continue; // added after the table was loaded (cannot happen: the version moves)
    const g = groups ? groups[i] : id;
    years.add(t.year[id], g);
    const s = t.source[id];
    if (s >= 0) sources.add(s, g);
    const a = t.author[id];
    if (a >= 0) authors.add(a, g);
    for (let k = t.tagStart[id], end = t.tagStart[id + 1]; k < end; k++) tags.add(t.tagIds[k], g);
    for (let k = t.entityStart[id], end = t.entityStart[id + 1]; k < end; k++) entities.add(t.entityIds[k], g);
  }
  const byType: Map<number, number>[] = [new Map(), new Map(), new Map(), new Map()];
  const entityCounts = entities.counts;
  for (let i = 0; i < entityCounts.length; i++) if (entityCounts[i]) byType[t.entityType[i]].set(i, entityCounts[i]);
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
  const perYear = years.counts;
  for (let y = perYear.length - 1; y > 0; y--) if (perYear[y]) yearCounts.push({ value: String(y), count: perYear[y] });
  return {
    years: yearCounts,
    sources: top(nonZero(sources.counts), (k) => t.sourceNames[k], FACET_VALUES),
    authors: top(nonZero(authors.counts), (k) => t.authorNames[k], FACET_VALUES),
    tags: top(nonZero(tags.counts), (k) => t.tagNames.get(k) ?? '', FACET_VALUES),
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
