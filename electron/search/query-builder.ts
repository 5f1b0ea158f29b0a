// Parsed query (+ typo replacements) → an FTS5 MATCH expression for the words, and SQL
// conditions on alias `c` (clips) for the filters. Every word goes to FTS5 as a quoted
// string, so nothing the user typed is ever read as FTS5 syntax.
import type { Clause, FilterClause, ParsedQuery, TermClause } from './query-parser.ts';
import { hasWhat, normaliseDate } from './query-parser.ts';
import { ftsString, type Correction, type Expansion } from './typo-expansion.ts';
import { NEAR_DISTANCE } from './ranking.ts';
import { outletFilterKey, outletFilterSql } from '../library/outlets.ts';
import { periodEnd } from '../library/periods.ts';
import { entityFilterSql } from './entity-filters.ts';

export interface BuiltQuery {
  /** What must match in the index (positive words, minus excluded ones); null: no words to rank by. */
  match: string | null;
  /** Every positive word ORed, for highlighting snippets and titles. */
  highlight: string | null;
  /** The query's words as one exact phrase / as close words, for re-ranking; null if under two words. */
  phrase: string | null;
  near: string | null;
  /** Conditions on alias `c`, ANDed, with their named parameters. */
  where: string[];
  params: Record<string, unknown>;
  /** Whether `where` reads clip columns (beyond c.id), so a search must join the clips table. */
  readsClipColumns: boolean;
  corrections: Correction[];
  showingResultsFor: string | null;
}

function termExpr(term: TermClause, expansion: Expansion | undefined): string {
  // Completions replace the prefix: the word as typed stands for itself, whole.
  const star = term.prefix && expansion?.kind !== 'completion' ? '*' : '';
  const own = ftsString(term.words.join(' ')) + star;
  if (!expansion?.words.length) return own;
  const all = new Set([own, ...expansion.words.map((r) => ftsString(r) + star)]);
  return `(${[...all].join(' OR ')})`;
}

function likePattern(value: string): string {
  const escaped = value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return `%${escaped}%`;
}

class Params {
  values: Record<string, unknown> = {};
  private n = 0;
  constructor(private readonly prefix: string) {}
  add(value: unknown): string {
    const name = `${this.prefix}${this.n++}`;
    this.values[name] = value;
    return `@${name}`;
  }
}

/** A filter as a condition on `c`; second value: whether it reads clip columns. */
function filterSql(f: FilterClause, p: Params): [string, boolean] {
  switch (f.field) {
    case 'tag': {
      // A trailing star widens a tag to every tag starting so ("tag:elect*").
      const star = f.value.endsWith('*') && f.value.length > 1;
      const test = star
        ? `t.name LIKE ${p.add(likePattern(f.value.slice(0, -1)).slice(1))} ESCAPE '\\'`
        : `t.name = ${p.add(f.value)} COLLATE NOCASE`;
      return [`c.id IN (SELECT ct.clip_id FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ${test})`, false];
    }
    case 'source':
      // Any name or site the outlet was seen under: source:latimes finds the Los Angeles Times.
      return [outletFilterSql(p.add(likePattern(f.value)), p.add(outletFilterKey(f.value))), true];
    case 'author':
      return [`c.author LIKE ${p.add(likePattern(f.value))} ESCAPE '\\'`, true];
    case 'before':
      return [`c.published_at < ${p.add(normaliseDate(f.value))}`, true];
    case 'after':
      return [`c.published_at >= ${p.add(periodEnd(normaliseDate(f.value)!))}`, true];
    case 'year': {
      const [from, to = from] = f.value.split(/\.\.|-/);
      const [lo, hi] = +from <= +to ? [from, to] : [to, from];
      return [`(c.published_at >= ${p.add(lo)} AND c.published_at < ${p.add(String(+hi + 1))})`, true];
    }
    case 'is':
      return ['c.starred = 1', true];
    case 'person':
    case 'place':
    case 'org':
      return [entityFilterSql(f, p), false];
    case 'has':
      return hasWhat(f.value) === 'highlights'
        ? ['c.id IN (SELECT clip_id FROM highlights)', false]
        // The partial index clips_noted (migration 8) holds exactly these ids.
        : ["c.id IN (SELECT id FROM clips WHERE annotations_text <> '')", false];
  }
}

function rewrite(q: string, expansions: Map<TermClause, Expansion>): string {
  const edits = [...expansions].filter(([, e]) => e.kind === 'typo').sort((a, b) => b[0].start - a[0].start);
  let out = q;
  for (const [term, e] of edits) {
    if (term.start < 0) continue;
    const text = out.slice(term.start, term.end);
    out = out.slice(0, term.start) + text.replace(term.words[0], e.words[0]) + out.slice(term.end);
  }
  return out;
}

export function buildQuery(
  q: string,
  parsed: ParsedQuery,
  expansions: Map<TermClause, Expansion> = new Map(),
  paramPrefix = 'sq',
): BuiltQuery {
  const p = new Params(paramPrefix);
  const positives: string[] = [];
  const negatives: string[] = [];
  const highlight: string[] = [];
  const where: string[] = [];
  let readsClipColumns = false;
  const sequence: TermClause[] = [];

  for (const group of parsed.groups) {
    const terms = group.filter((c): c is TermClause => c.kind === 'term');
    const filters = group.filter((c): c is FilterClause => c.kind === 'filter');
    if (group.length === 1 && group[0].negated) {
      const c: Clause = group[0];
      if (c.kind === 'term') negatives.push(termExpr(c, undefined));
      else {
        const [sql, reads] = filterSql(c, p);
        // coalesce: a clip without a source or date is not excluded by "-source:x".
        where.push(`NOT coalesce((${sql}), 0)`);
        readsClipColumns ||= reads;
      }
      continue;
    }
    for (const t of terms) highlight.push(termExpr(t, expansions.get(t)));
    const textAlternatives = terms.map((t) => termExpr(t, expansions.get(t)));
    const text = textAlternatives.length > 1 ? `(${textAlternatives.join(' OR ')})` : textAlternatives[0];
    if (filters.length === 0) {
      positives.push(text);
      if (terms.length === 1) sequence.push(terms[0]);
      continue;
    }
    const alternatives = filters.map((f) => {
      const [sql, reads] = filterSql(f, p);
      readsClipColumns ||= reads;
      return sql;
    });
    // "climate OR tag:energy": the words' side of the group is its own index lookup.
    if (terms.length) alternatives.push(`c.id IN (SELECT rowid FROM clips_fts WHERE clips_fts MATCH ${p.add(text)})`);
    where.push(alternatives.length > 1 ? `(${alternatives.join(' OR ')})` : alternatives[0]);
  }

  let match: string | null = null;
  if (positives.length) {
    match = positives.join(' AND ');
    if (negatives.length) match = `(${match}) NOT (${negatives.join(' OR ')})`;
  } else if (negatives.length) {
    // FTS5 has no unary NOT: "everything except" is a condition on the clips.
    where.push(`c.id NOT IN (SELECT rowid FROM clips_fts WHERE clips_fts MATCH ${p.add(negatives.join(' OR '))})`);
  }

  let phrase: string | null = null;
  let near: string | null = null;
  if (sequence.length >= 2) {
    // The likeliest reading of each word; a word being typed stands as its commonest completion.
    const best = (t: TermClause) => expansions.get(t)?.words[0] ?? t.words.join(' ');
    const star = (t: TermClause) => (t.prefix && expansions.get(t)?.kind !== 'completion' ? '*' : '');
    const prefixInside = sequence.slice(0, -1).some((t) => star(t));
    if (!prefixInside) phrase = ftsString(sequence.map(best).join(' ')) + star(sequence[sequence.length - 1]);
    near = `NEAR(${sequence.map((t) => ftsString(best(t)) + star(t)).join(' ')}, ${NEAR_DISTANCE})`;
  }

  const corrections = [...expansions]
    .filter(([, e]) => e.kind === 'typo')
    .map(([t, e]) => ({ word: t.words[0].toLowerCase(), replacements: e.words }));
  return {
    match,
    highlight: highlight.length ? highlight.join(' OR ') : null,
    phrase,
    near,
    where,
    params: p.values,
    readsClipColumns,
    corrections,
    showingResultsFor: corrections.length ? rewrite(q, expansions) : null,
  };
}
