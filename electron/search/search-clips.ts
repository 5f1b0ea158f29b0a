// The search engine's entry point: parse → correct typos → build SQL → rank → page →
// snippets for the returned rows only → facets.
import type Database from 'better-sqlite3';
import type { ListClipsArgs, SearchArgs, SearchHit, SearchResult, SortOrder } from '../api.ts';
import { clipFilters, clipsTableFor, leadSnippet, SORT_SQL, tagsOfClips } from '../library/clips.ts';
import { parseQuery, type TermClause } from './query-parser.ts';
import { buildQuery, type BuiltQuery } from './query-builder.ts';
import { expandTerms, type Correction } from './typo-expansion.ts';
import { boosted, compareScored, RERANK_WINDOW, type Scored } from './ranking.ts';
import { CLOSE, OPEN, escapeHtml, markedHtml } from './markup.ts';
import { highlightHits } from './highlight-hits.ts';
import { FACET_LIMIT, facetsOf, NO_FACETS } from './facets.ts';
import { resolveEntityFilters } from './entity-filters.ts';
import { hiddenVersions, storyBadges, storyMap } from '../library/stories.ts';

/** SearchArgs plus what the contract does not carry yet. */
export interface SearchOptions extends SearchArgs {
  /** The person is still typing: read the last bare word as a prefix ("venez" → Venezuela). */
  asYouType?: boolean;
  /** Skip the facet counts (saved-search counts, the timeline). */
  facets?: boolean;
}

const SNIPPET_TOKENS = 32;

/** Parse, correct and build: what both the search and searchConditions start from. */
export function understand(db: Database.Database, q: string, asYouType = false, paramPrefix = 'sq'): BuiltQuery {
  const parsed = resolveEntityFilters(db, parseQuery(q, { asYouType }));
  return buildQuery(q, parsed, expandTerms(db, parsed), paramPrefix);
}

/** The query as searched, and the word read as the start of longer words, if it came to that. */
export interface Reading {
  built: BuiltQuery;
  /** The settled query's last word, matched as a fragment ("madu" → Maduro), or null. */
  prefixFor: string | null;
}

/**
 * What a query is searched as. A settled query never finds less than the same text found while
 * it was typed (its last word a fragment): when typing found a clip under the same filters that
 * the whole word does not, the word stays a fragment and the result says so.
 */
export function readQuery(db: Database.Database, q: string, filters: ListClipsArgs, asYouType = false, paramPrefix = 'sq'): Reading {
  const built = understand(db, q, asYouType, paramPrefix);
  if (asYouType) return { built, prefixFor: null };
  const parsed = resolveEntityFilters(db, parseQuery(q, { lastWordFragment: true }));
  const fragment = parsed.groups.flat().find((c): c is TermClause => c.kind === 'term' && c.typing === true);
  if (!fragment) return { built, prefixFor: null };
  const typed = buildQuery(q, parsed, expandTerms(db, parsed), paramPrefix);
  if (typed.match === null || built.match === null || typed.match === built.match) return { built, prefixFor: null };
  // One clip that typing found and the whole word does not settles it; the filters are the
  // same in both readings. (An index lookup that stops at the first such clip, not two counts.)
  const { from, where, params } = plan({ ...typed, match: `(${typed.match}) NOT (${built.match})` }, filters);
  const more = db.prepare(`SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT 1`).get(params) !== undefined;
  return more ? { built: typed, prefixFor: fragment.words[fragment.words.length - 1] } : { built, prefixFor: null };
}

/** Where a built query's matches come from, under the list's filters. */
function plan(built: BuiltQuery, filters: ListClipsArgs): { from: string; where: string[]; params: Record<string, unknown> } {
  const base = clipFilters(filters);
  const extra = base.where.filter((w) => w !== 'c.deleted_at IS NULL');
  const conditions = [...extra, ...built.where];
  const params: Record<string, unknown> = { ...base.params, ...built.params };
  if (!built.match) return { from: clipsTableFor(conditions), where: ['c.deleted_at IS NULL', ...conditions], params };
  // Driven by the index when there are words: deleted clips are not in the index, so the
  // clips table is joined only when a condition needs its columns.
  const join = extra.length > 0 || built.readsClipColumns;
  // CROSS JOIN keeps the index as the outer loop; the unary + stops FTS5 from taking
  // "rowid IN (tagged clips)" as a constraint, which it answers with one full query per
  // id (98 ms instead of 0.3 ms for a tag at 10,000 clips).
  // The filters' columns are all in clips_filter_cover (migration 4): each match is checked
  // against that compact index rather than its whole clip row.
  const from = join ? 'clips_fts f CROSS JOIN clips c INDEXED BY clips_filter_cover ON c.id = f.rowid' : 'clips_fts f';
  const id = join ? '+c.id' : '+f.rowid';
  const where = ['clips_fts MATCH @sq_match', ...conditions.map((w) => w.replace(/\bc\.id\b/g, id))];
  if (join) where.push('c.deleted_at IS NULL');
  params.sq_match = built.match;
  return { from, where, params };
}


/**
 * Conditions on alias `c` (clips) meaning "matches this query", for views that narrow to a
 * search (the timeline). Without words the conditions are the filters alone.
 */
export function searchConditions(
  db: Database.Database,
  q: string,
  options: { asYouType?: boolean; filters?: ListClipsArgs } = {},
): { where: string[]; params: Record<string, unknown>; corrections: Correction[]; showingResultsFor: string | null } {
  const { built } = readQuery(db, q, options.filters ?? {}, options.asYouType, 'sqc');
  const where = [...built.where];
  const params = { ...built.params };
  if (built.match) {
    where.push('c.id IN (SELECT rowid FROM clips_fts WHERE clips_fts MATCH @sqc_match)');
    params.sqc_match = built.match;
  }
  return { where, params, corrections: built.corrections, showingResultsFor: built.showingResultsFor };
}

interface ClipData {
  id: number;
  uid: string;
  title: string;
  source: string | null;
  author: string | null;
  published_at: string | null;
  saved_at: string | null;
  imported_at: string;
  word_count: number;
  starred: number;
  lead: string;
}

function readClips(db: Database.Database, ids: number[]): Map<number, ClipData> {
  const rows = db
    .prepare(
      `SELECT c.id, c.uid, c.title, c.source, c.author, c.published_at, c.saved_at, c.imported_at, c.word_count,
              c.starred, substr(c.body_text, 1, 400) AS lead
       FROM clips c WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ClipData[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Publication dates of rows whose score equals a neighbour's: only ties need them. */
function datesOfTies(db: Database.Database, lists: { id: number; score: number }[][]): Map<number, string | null> {
  const tied: number[] = [];
  for (const rows of lists) {
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.score, (counts.get(r.score) ?? 0) + 1);
    for (const r of rows) if (counts.get(r.score)! > 1) tied.push(r.id);
  }
  if (tied.length === 0) return new Map();
  const rows = db
    .prepare('SELECT id, published_at FROM clips WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(tied)) as [number, string | null][];
  return new Map(rows);
}

/**
 * Ids among `ids` that also match `expr`. With few matches overall, one pass over them with
 * the ids as a plain filter (the unary +) is cheapest; with many, FTS5 seeks each id (about
 * 0.5 ms an id at 100,000 clips, so only the re-rank window is ever asked).
 */
function idsMatching(db: Database.Database, expr: string | null, ids: number[], scan: boolean): Set<number> {
  if (!expr || ids.length === 0) return new Set();
  const rows = db
    .prepare(`SELECT rowid FROM clips_fts WHERE clips_fts MATCH ? AND ${scan ? '+' : ''}rowid IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(expr, JSON.stringify(ids)) as number[];
  return new Set(rows);
}

/**
 * While the person is still typing, a query that matches more clips than this is ranked among
 * its most recently added matches only: BM25 over 50,000 matches of a two-letter prefix costs
 * ~100 ms a keystroke at 100,000 clips. The total stays exact, and the confirmed query (Enter,
 * or a space after the last word) ranks every match.
 */
const TYPING_RANK_CAP = 1000;

/** A quoted string of more than one word in an FTS5 expression: an exact phrase. */
const HAS_PHRASE = /"[^"]*\s[^"]*"/;

/** Below this many matches, a NEAR or phrase test scans them rather than seeking each id. */
const PROXIMITY_SCAN_LIMIT = 5000;

function marks(db: Database.Database, expr: string, ids: number[]): Map<number, { snippet: string; title: string }> {
  // One seek per row: FTS5 answers "rowid = ?" by seeking each doclist, while "rowid IN
  // (list)" re-runs the whole query per id (14 ms against 67 ms for 100 rows at 100,000 clips).
  const one = db.prepare(
    `SELECT snippet(clips_fts, 4, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet,
            highlight(clips_fts, 0, '${OPEN}', '${CLOSE}') AS title
     FROM clips_fts WHERE clips_fts MATCH ? AND rowid = ?`,
  );
  const out = new Map<number, { snippet: string; title: string }>();
  for (const id of ids) {
    const row = one.get(expr, id) as { snippet: string; title: string } | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

export function searchClips(db: Database.Database, args: SearchOptions): SearchResult {
  const started = performance.now();
  const q = typeof args.q === 'string' ? args.q : '';
  // The list's own filters (sidebar tags, period…) plus the query's filters.
  const { built, prefixFor } = readQuery(db, q, args, args.asYouType ?? false);
  const limit = Math.max(0, Math.floor(args.limit ?? 50));
  const offset = Math.max(0, Math.floor(args.offset ?? 0));
  let sort: SortOrder = args.sort ?? (built.match ? 'relevance' : 'newest');
  if (sort === 'relevance' && !built.match) sort = 'newest';
  const { from, where, params } = plan(built, args);
  const idCol = from.startsWith('clips c') ? 'c.id' : 'f.rowid';
  let folded: number | undefined;
  let hiddenIds: number[] = [];
  if (args.collapseStories) {
    // Each story once: of its versions that match, the first imported stands for it (stories.ts).
    const matched = where.join(' AND ');
    const hidden = hiddenVersions(db, `search ${matched} ${JSON.stringify(params)}`, (linked) =>
      db.prepare(`SELECT ${idCol} FROM ${from} WHERE ${matched} AND +${idCol} IN (SELECT value FROM json_each(@storyLinked))`).pluck().all({ ...params, storyLinked: linked }) as number[],
    );
    if (hidden.count) {
      where.push(`+${idCol} NOT IN (SELECT value FROM json_each(@storyHidden))`);
      params.storyHidden = hidden.json;
    }
    folded = hidden.count;
    hiddenIds = hidden.ids;
  }
  const whereSql = where.join(' AND ');

  // The matching ids (up to FACET_LIMIT) feed the facets and, when they are all of them, the
  // total; group_concat returns them in one row (per-row overhead dominated otherwise).
  const wantFacets = args.facets ?? limit > 0;
  let facetIds: number[] = [];
  let total: number | null = null;
  // Some queries cost most in finding their matches: an exact phrase (each pass re-reads the
  // words' positions, and BM25 makes one more over the whole index for the phrase's
  // frequency), and words with filters (each match is checked against the clips' index).
  // Rather than one pass for the ids and another for the ranking, one pass reads both, and
  // when the matches are few enough they are sorted here: 58 → 35 ms for "as that", 55 → 21
  // for source:"BBC News" work, at 100,000 clips. A plain word with 40,000 matches would pay
  // for ranking 10,000 of them before falling back, so it reads only the ids.
  let rankedAll: { id: number; score: number }[] | null = null;
  if (wantFacets) {
    const costlyMatch = built.match !== null && (HAS_PHRASE.test(built.match) || from !== 'clips_fts f');
    if (sort === 'relevance' && limit > 0 && costlyMatch) {
      const rows = db.prepare(`SELECT ${idCol} AS id, f.rank AS score FROM ${from} WHERE ${whereSql} LIMIT ${FACET_LIMIT + 1}`).all(params) as { id: number; score: number }[];
      facetIds = rows.map((r) => r.id);
      if (rows.length <= FACET_LIMIT) rankedAll = rows.sort((x, y) => x.score - y.score);
    } else {
      const joined = db
        .prepare(`SELECT group_concat(id) FROM (SELECT ${idCol} AS id FROM ${from} WHERE ${whereSql} LIMIT ${FACET_LIMIT + 1})`)
        .pluck()
        .get(params) as string | null;
      facetIds = joined ? joined.split(',').map(Number) : [];
    }
    if (facetIds.length <= FACET_LIMIT) total = facetIds.length;
    else facetIds.length = FACET_LIMIT;
  }
  total ??= db.prepare(`SELECT count(*) FROM ${from} WHERE ${whereSql}`).pluck().get(params) as number;

  let pageIds: number[] = [];
  if (limit > 0 && total > offset) {
    if (sort === 'relevance') {
      const want = Math.max(RERANK_WINDOW, offset + limit);
      let rankWhere = whereSql;
      if (args.asYouType && total > TYPING_RANK_CAP && idCol === 'f.rowid') {
        // FTS5 walks a doclist backwards by rowid cheaply; the bound keeps rank() to the newest matches.
        const bound = db
          .prepare(`SELECT f.rowid FROM ${from} WHERE ${whereSql} ORDER BY f.rowid DESC LIMIT 1 OFFSET ${TYPING_RANK_CAP}`)
          .pluck()
          .get(params) as number | undefined;
        if (bound !== undefined) rankWhere = `${whereSql} AND f.rowid > ${Math.floor(bound)}`;
      }
      const ranked =
        rankedAll?.slice(0, want) ??
        (db
          .prepare(`SELECT ${idCol} AS id, f.rank AS score FROM ${from} WHERE ${rankWhere} ORDER BY f.rank LIMIT ${want}`)
          .all(params) as { id: number; score: number }[]);
      const windowIds = ranked.slice(0, RERANK_WINDOW).map((r) => r.id);
      // The exact phrase implies nearness: only the near ones are tested for it.
      // While typing, the proximity and phrase boosts wait for the settled query: they cost
      // more than the ranking itself for a word that is still being completed.
      const scan = total <= PROXIMITY_SCAN_LIMIT;
      const near = args.asYouType ? new Set<number>() : idsMatching(db, built.near, windowIds, scan);
      const phrase = args.asYouType ? new Set<number>() : idsMatching(db, built.phrase, [...near], scan);
      const window = boosted(ranked.slice(0, RERANK_WINDOW), phrase, near);
      const rest = ranked.slice(RERANK_WINDOW);
      const dateOf = datesOfTies(db, [window, rest]);
      const scored = (rows: { id: number; score: number }[]): Scored[] =>
        rows.map((r) => ({ ...r, publishedAt: dateOf.get(r.id) ?? null })).sort(compareScored);
      const ordered = [...scored(window), ...scored(rest)];
      pageIds = ordered.slice(offset, offset + limit).map((r) => r.id);
    } else {
      const order = SORT_SQL[sort] ?? SORT_SQL.newest;
      const listFrom = from === 'clips_fts f' ? 'clips_fts f CROSS JOIN clips c ON c.id = f.rowid' : from;
      pageIds = db
        .prepare(`SELECT c.id FROM ${listFrom} WHERE ${whereSql.replace(/\bf\.rowid\b/g, 'c.id')} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
        .pluck()
        .all({ ...params, limit, offset }) as number[];
    }
  }

  const clips = readClips(db, pageIds);
  // Snippets from the query itself when it has words: every returned row matches it, and an
  // AND seeks far faster per row than the OR of all words (80 ms against 7 at 100,000 clips).
  // The OR serves queries whose words sit in OR-groups with filters.
  const markExpr = built.match ?? built.highlight;
  const marked = markExpr && pageIds.length ? marks(db, markExpr, pageIds) : new Map();
  const tags = tagsOfClips(db, pageIds);
  const inHighlights = built.highlight && pageIds.length ? highlightHits(db, built.highlight, pageIds) : new Map();
  const stories = args.collapseStories && pageIds.length ? storyBadges(db, pageIds) : null;
  const hits: SearchHit[] = [];
  for (const id of pageIds) {
    const c = clips.get(id);
    if (!c) continue;
    const m = marked.get(id);
    hits.push({
      id, uid: c.uid, title: c.title, source: c.source, author: c.author, publishedAt: c.published_at,
      savedAt: c.saved_at, importedAt: c.imported_at, wordCount: c.word_count, starred: c.starred === 1,
      snippet: m ? markedHtml(m.snippet) : escapeHtml(leadSnippet(c.lead)),
      titleHtml: m ? markedHtml(m.title) : escapeHtml(c.title),
      tags: tags.get(id) ?? [],
      inHighlight: inHighlights.get(id),
      ...(stories?.has(id) ? { story: stories.get(id) } : {}),
    });
  }

  const facetsPartial = wantFacets && total > facetIds.length;
  const facets = wantFacets ? facetsOf(db, ...storiesOnce(db, facetIds, hiddenIds)) : NO_FACETS;

  return {
    total,
    ...(folded !== undefined ? { folded } : {}),
    tookMs: performance.now() - started,
    hits,
    corrections: built.corrections,
    showingResultsFor: built.showingResultsFor,
    prefixFor,
    facets,
    facetsPartial,
  };
}

/**
 * With stories collapsed, what the facets count: the rows shown, each story once but with the
 * values of all its matching versions (the versions folded under the rows counted are added
 * back, each story grouped under its id), so a count is the rows the list shows after
 * narrowing to that value. Without folded versions, the ids as they are.
 */
function storiesOnce(db: Database.Database, shown: number[], hidden: number[]): [number[], ((id: number) => number)?] {
  if (hidden.length === 0 || shown.length === 0) return [shown];
  const { storyOf } = storyMap(db);
  const stories = new Set<number>();
  for (const id of shown) {
    const s = storyOf.get(id);
    if (s !== undefined) stories.add(s);
  }
  // Only the versions of stories among the rows counted: above FACET_LIMIT they are a sample.
  const folded = hidden.filter((id) => stories.has(storyOf.get(id) ?? -1));
  if (folded.length === 0) return [shown];
  return [[...shown, ...folded], (id) => storyOf.get(id) ?? id];
}
