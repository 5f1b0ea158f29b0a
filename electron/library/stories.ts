// Stories: the clips that import linked as near-duplicates (one wire story run by several
// outlets, or one page saved again after it changed) are one story, a connected group of the
// near_duplicates links. A story's id is the smallest clip id in it.
//
// Why the groups are worked out here and kept in memory rather than in a column: walking the
// links in SQL (a recursive CTE) took 1.4–6 s at 100,000 clips with 30,000 linked ones, because
// a few chains join many stories; a union-find over the links takes ~60 ms, and only when the
// links changed (checked by a cheap signature), so the list pays nothing while it pages. The
// links are the only input, so no migration is needed and no import has to maintain anything.
// Deleted clips stay in their story until the purge at the next open; each query counts only
// the live versions that meet its filters.
import type Database from 'better-sqlite3';
import type { ExportStoryLink, Story, StoryBadge, StoryVersion, VersionDiff } from '../api.ts';
// Types only: clips.ts's listing imports this module.
import type { ClipRow } from './clips.ts';
import { wordDiff } from './word-diff.ts';

interface StoryMap {
  /** clip id → story id, for linked clips only. */
  storyOf: Map<number, number>;
  /** story id → its clips (deleted ones included), ascending. */
  members: Map<number, number[]>;
  /** Every linked clip id, as JSON, for SQL's json_each. */
  linkedJson: string;
}

interface Cached {
  map: StoryMap;
  /** The links' signature the map was built from. */
  signature: string;
  /** PRAGMA data_version and total_changes() when last checked: both unchanged, nothing was written. */
  stamp: string;
  /** What was read under that stamp: deleted clips, and the versions each view leaves out (the
   * list asks page after page with the same filters; only its first page pays). */
  deleted: Set<number> | null;
  hidden: Map<string, Hidden>;
}

export interface Hidden {
  /** The left-out clip ids, as JSON for json_each. */
  json: string;
  count: number;
  /** The same ids, ascending (facets count a story once over all its matching versions). */
  ids: number[];
}

const cache = new WeakMap<Database.Database, Cached>();

/** Changes when another connection commits (data_version) or this one writes (total_changes). */
function writeStamp(db: Database.Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

function linkSignature(db: Database.Database): string {
  const r = db.prepare('SELECT count(*) AS n, total(clip_id * 65599 + other_id) AS s FROM near_duplicates').get() as { n: number; s: number };
  return `${r.n}:${r.s}`;
}

function buildMap(db: Database.Database): StoryMap {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    // Path halving keeps later finds short.
    while (parent.get(x)! !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  // Each link is stored both ways; reading one direction is enough.
  const links = db.prepare('SELECT clip_id, other_id FROM near_duplicates WHERE clip_id < other_id').raw().iterate() as Iterable<[number, number]>;
  for (const [a, b] of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    // The smaller id is the root, so the root is the story id.
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const storyOf = new Map<number, number>();
  const members = new Map<number, number[]>();
  for (const id of [...parent.keys()].sort((x, y) => x - y)) {
    const story = find(id);
    storyOf.set(id, story);
    const list = members.get(story);
    if (list) list.push(id);
    else members.set(story, [id]);
  }
  return { storyOf, members, linkedJson: JSON.stringify([...storyOf.keys()]) };
}

function current(db: Database.Database): Cached {
  const stamp = writeStamp(db);
  const cached = cache.get(db);
  if (cached && cached.stamp === stamp) return cached;
  const signature = linkSignature(db);
  if (cached && cached.signature === signature) {
    cached.stamp = stamp;
    cached.deleted = null;
    cached.hidden.clear();
    return cached;
  }
  const fresh: Cached = { map: buildMap(db), signature, stamp, deleted: null, hidden: new Map() };
  cache.set(db, fresh);
  return fresh;
}

/** The stories as the links now stand (rebuilt only when the links changed). */
export function storyMap(db: Database.Database): StoryMap {
  return current(db).map;
}

/**
 * The clips a collapsed view leaves out: of each story's versions that meet the view's
 * conditions, all but the first (the smallest id). `matchingLinked` runs the view's own query
 * narrowed to linked clips, so a story shows once whichever of its versions a filter or a
 * search finds. Answers the left-out ids as JSON for json_each, and how many there are.
 */
export function hiddenVersions(db: Database.Database, view: string, matchingLinked: ((linkedJson: string) => number[]) | null): Hidden {
  const state = current(db);
  const map = state.map;
  if (map.storyOf.size === 0) return { json: '[]', count: 0, ids: [] };
  const known = state.hidden.get(view);
  if (known) return known;
  let ids: number[];
  if (matchingLinked) ids = matchingLinked(map.linkedJson).sort((x, y) => x - y);
  else {
    // No filter: every live linked clip. Deleted clips wait only for the next open's purge, so
    // there are seldom any; reading them is cheaper than checking 30,000 linked ids one by one.
    state.deleted ??= new Set(db.prepare('SELECT id FROM clips INDEXED BY clips_filter_cover WHERE deleted_at IS NOT NULL').pluck().all() as number[]);
    const deleted = state.deleted;
    ids = [...map.storyOf.keys()].filter((id) => !deleted.has(id));
  }
  const seen = new Set<number>();
  const hidden: number[] = [];
  for (const id of ids) {
    const story = map.storyOf.get(id);
    if (story === undefined) continue;
    if (seen.has(story)) hidden.push(id);
    else seen.add(story);
  }
  const result = { json: JSON.stringify(hidden), count: hidden.length, ids: hidden };
  if (state.hidden.size >= 8) state.hidden.clear();
  state.hidden.set(view, result);
  return result;
}

interface VersionRow {
  id: number;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  published_at: string | null;
  saved_at: string | null;
  imported_at: string;
  word_count: number;
}

function liveVersions(db: Database.Database, ids: number[]): VersionRow[] {
  return db
    .prepare(
      `SELECT id, title, source, author, url, published_at, saved_at, imported_at, word_count FROM clips
       WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as VersionRow[];
}

/** The same address (scheme, "www." and a trailing slash aside): a page saved again. */
function pageKey(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

/** What the list says of a story: a page that changed, or one story in several outlets. */
function badgeOf(storyId: number, rows: VersionRow[]): StoryBadge {
  const pages = new Set(rows.map((r) => pageKey(r.url)));
  const samePage = pages.size === 1 && !pages.has(null);
  const outlets = new Set(rows.map((r) => (r.source ?? '').trim().toLowerCase()).filter(Boolean)).size;
  return { id: storyId, versions: rows.length, outlets, kind: samePage ? 'page' : 'outlets' };
}

/** The badge of each clip among `ids` that belongs to a story of two or more live versions. */
export function storyBadges(db: Database.Database, ids: number[]): Map<number, StoryBadge> {
  const out = new Map<number, StoryBadge>();
  const map = storyMap(db);
  const stories = new Set<number>();
  for (const id of ids) {
    const s = map.storyOf.get(id);
    if (s !== undefined) stories.add(s);
  }
  if (stories.size === 0) return out;
  const all = [...stories].flatMap((s) => map.members.get(s) ?? []);
  const rows = liveVersions(db, all);
  const byStory = new Map<number, VersionRow[]>();
  for (const r of rows) {
    const s = map.storyOf.get(r.id)!;
    const list = byStory.get(s);
    if (list) list.push(r);
    else byStory.set(s, [r]);
  }
  const badges = new Map<number, StoryBadge>();
  for (const [s, list] of byStory) if (list.length > 1) badges.set(s, badgeOf(s, list));
  for (const id of ids) {
    const b = badges.get(map.storyOf.get(id) ?? -1);
    if (b) out.set(id, b);
  }
  return out;
}

function versionFromRow(r: VersionRow): StoryVersion {
  return {
    id: r.id, title: r.title, source: r.source, author: r.author, url: r.url,
    publishedAt: r.published_at, savedAt: r.saved_at, importedAt: r.imported_at, wordCount: r.word_count,
  };
}

/** Oldest first: the order a story was published in, or a page was saved in. */
function chronological(a: VersionRow, b: VersionRow): number {
  const ka = a.saved_at ?? a.published_at ?? a.imported_at;
  const kb = b.saved_at ?? b.published_at ?? b.imported_at;
  const pa = a.published_at ?? ka;
  const pb = b.published_at ?? kb;
  return pa.localeCompare(pb) || ka.localeCompare(kb) || a.id - b.id;
}

function storyFrom(storyId: number, rows: VersionRow[]): Story {
  const badge = badgeOf(storyId, rows);
  const sorted = [...rows].sort(
    badge.kind === 'page' ? (a, b) => (a.saved_at ?? a.imported_at).localeCompare(b.saved_at ?? b.imported_at) || a.id - b.id : chronological,
  );
  return { id: badge.id, kind: badge.kind, outlets: badge.outlets, title: sorted[0].title, versions: sorted.map(versionFromRow) };
}

/** The story a clip belongs to, with its live versions; null when it has no other live version. */
export function storyOfClip(db: Database.Database, clipId: number): Story | null {
  const map = storyMap(db);
  const s = map.storyOf.get(clipId);
  if (s === undefined) return null;
  const rows = liveVersions(db, map.members.get(s) ?? []);
  return rows.length > 1 ? storyFrom(s, rows) : null;
}

/** Stories of two or more live versions, the most versions first (then the newest story). */
export function listStories(db: Database.Database, args: { limit?: number; offset?: number; minVersions?: number }): { total: number; stories: Story[] } {
  const map = storyMap(db);
  const rows = liveVersions(db, [...map.storyOf.keys()]);
  const byStory = new Map<number, VersionRow[]>();
  for (const r of rows) {
    const s = map.storyOf.get(r.id)!;
    const list = byStory.get(s);
    if (list) list.push(r);
    else byStory.set(s, [r]);
  }
  const min = Math.max(2, args.minVersions ?? 2);
  const stories = [...byStory].filter(([, list]) => list.length >= min).map(([s, list]) => storyFrom(s, list));
  const latest = (st: Story) => st.versions.reduce((m, v) => (v.publishedAt ?? v.importedAt) > m ? (v.publishedAt ?? v.importedAt) : m, '');
  stories.sort((a, b) => b.versions.length - a.versions.length || latest(b).localeCompare(latest(a)) || a.id - b.id);
  const offset = args.offset ?? 0;
  return { total: stories.length, stories: stories.slice(offset, offset + (args.limit ?? 100)) };
}

/** What changed from one version (a clip's row) to another, word by word: headline, standfirst and text. */
export function diffVersions(a: ClipRow, b: ClipRow): VersionDiff {
  const texts = (r: ClipRow) => [r.title, r.standfirst ?? '', r.body_text].filter(Boolean).join('\n\n');
  return { from: versionFromRow(a), to: versionFromRow(b), ...wordDiff(texts(a), texts(b)) };
}

/**
 * For the JSON export: each clip's links to the other versions of its story, by uid (live
 * clips only, whether exported or not: a restore into a library that holds the other version
 * links them too). The links themselves, not the groups, travel, so a restore rebuilds the
 * same stories by the same rule.
 */
export function storyLinksOfClips(db: Database.Database, ids: number[]): Map<number, ExportStoryLink[]> {
  const out = new Map<number, ExportStoryLink[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT n.clip_id, o.uid, n.similarity FROM near_duplicates n JOIN clips o ON o.id = n.other_id AND o.deleted_at IS NULL
       WHERE n.clip_id IN (SELECT value FROM json_each(?)) ORDER BY n.clip_id, o.uid`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [number, string, number][];
  for (const [id, uid, similarity] of rows) {
    const list = out.get(id);
    if (list) list.push({ uid, similarity });
    else out.set(id, [{ uid, similarity }]);
  }
  return out;
}

/**
 * A restore links each clip (by uid) with its story's other versions found among the live
 * clips, both ways, as import stores them. Answers how many pairs were linked anew.
 */
export function restoreStoryLinks(db: Database.Database, links: { uid: string; links: ExportStoryLink[] }[]): number {
  const byUid = db.prepare('SELECT id FROM clips WHERE uid = ? AND deleted_at IS NULL').pluck();
  const link = db.prepare('INSERT OR IGNORE INTO near_duplicates (clip_id, other_id, similarity) VALUES (?, ?, ?)');
  let linked = 0;
  for (const c of links) {
    const id = byUid.get(c.uid) as number | undefined;
    if (id === undefined) continue;
    for (const l of c.links) {
      if (typeof l?.uid !== 'string') continue;
      const other = byUid.get(l.uid) as number | undefined;
      if (other === undefined || other === id) continue;
      const similarity = typeof l.similarity === 'number' && Number.isFinite(l.similarity) ? Math.min(1, Math.max(0, l.similarity)) : 0;
      const added = link.run(id, other, similarity).changes;
      link.run(other, id, similarity);
      linked += added;
    }
  }
  return linked;
}
