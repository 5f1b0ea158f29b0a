// The query language, read into clauses. Every string is a valid query: unbalanced quotes
// run to the end, FTS5 syntax (NEAR(, ^, :, *, AND…) is read as text, unknown or malformed
// filters are read as words. Nothing here throws.
//
//   maduro russia          every word must match (ranked)
//   "shore up support"     an exact phrase
//   -embargo  -"oil price" excluded word / phrase
//   maduro OR guaido       either (OR binds tighter than the implicit AND: a b OR c d = a (b|c) d)
//   venez*                 prefix
//   tag:climate  tag:"climate change"  source:guardian  author:afp
//   before:2019  after:2019-09  year:2019  year:2015..2019  is:starred
//   has:highlights  has:note (the clip's own note or a highlight's)
//   person:maduro  place:caracas  org:kremlin  person:"nicolás maduro" (typo-tolerant)
//   -tag:x  -source:x …    any filter negated
//
// With `asYouType`, the last bare word is also read as a prefix (the person has not finished it).
// With `lastWordFragment`, a settled query's last bare word is read the same way, and nothing
// else changes: what the search falls back to when the query finds less than it did while typed.

export type FilterField = 'tag' | 'source' | 'author' | 'before' | 'after' | 'year' | 'is' | 'has' | 'person' | 'place' | 'org';

export interface TermClause {
  kind: 'term';
  /** Words as typed (not folded), in order; more than one means adjacent, like a phrase. */
  words: string[];
  /** Quoted by the user: never typo-corrected. */
  quoted: boolean;
  /** The last word is a prefix (typed `word*`, or the last word while typing). */
  prefix: boolean;
  /** The prefix comes from as-you-type, not from a typed star: completions may stand in for it. */
  typing?: boolean;
  negated: boolean;
  /** Where the clause sits in the query text, to rewrite it for "showing results for". */
  start: number;
  end: number;
}

export interface FilterClause {
  kind: 'filter';
  field: FilterField;
  value: string;
  negated: boolean;
  start: number;
  end: number;
  /** person:/place:/org: — the entities the value names, looked up in the library before the
   * query is built (search/entity-filters.ts); absent: matched by the value's words alone. */
  entityIds?: number[];
}

export type Clause = TermClause | FilterClause;

export interface ParsedQuery {
  /** Groups are ANDed; the clauses of a group are ORed. A negated clause is alone in its group. */
  groups: Clause[][];
}

const FIELDS = new Set<FilterField>(['tag', 'source', 'author', 'before', 'after', 'year', 'is', 'has', 'person', 'place', 'org']);
const FIELD_AT = /^(tag|tags|source|author|before|after|year|is|has|person|place|org):/i;
const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
const YEAR_RANGE = /^(\d{4})(?:(?:\.\.|-)(\d{4}))?$/;
/** Punctuation that joins the parts of one word ("covid-19", "U.S.", "O'Brien"). */
const JOINERS = /^[-.'’_/&]+$/;

/** "2019/9/2" → "2019-09-02"; null for anything that is not a date. */
export function normaliseDate(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (+mo < 1 || +mo > 12)) return null;
  if (d && (+d < 1 || +d > 31)) return null;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** What a `has:` filter asks for; a plural or singular name reads the same. */
export function hasWhat(value: string): 'highlights' | 'note' | null {
  const v = value.toLowerCase();
  if (v === 'highlight' || v === 'highlights') return 'highlights';
  if (v === 'note' || v === 'notes') return 'note';
  return null;
}

function validFilter(field: FilterField, value: string): boolean {
  switch (field) {
    case 'before':
    case 'after':
      return normaliseDate(value) !== null;
    case 'year':
      return YEAR_RANGE.test(value);
    case 'is':
      return value.toLowerCase() === 'starred';
    case 'has':
      return hasWhat(value) !== null;
    default:
      return value.trim().length > 0;
  }
}

interface Token {
  type: 'clause' | 'or' | 'and';
  clause?: Clause;
  /** A bare token (not quoted, not a filter): candidate for as-you-type prefix. */
  bare?: boolean;
}

/** Splits a bare token into terms: joined parts stay one term, other punctuation separates. */
function bareTerms(text: string, start: number, negated: boolean): TermClause[] {
  const terms: TermClause[] = [];
  let prefix = false;
  let body = text;
  if (body.endsWith('*')) {
    prefix = true;
    body = body.replace(/\*+$/, '');
  }
  let current: TermClause | null = null;
  let lastEnd = 0;
  const re = /[\p{L}\p{N}\p{M}]+/gu;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const gap = body.slice(lastEnd, m.index);
    if (current && JOINERS.test(gap)) {
      current.words.push(m[0]);
      current.end = start + m.index + m[0].length;
    } else {
      current = { kind: 'term', words: [m[0]], quoted: false, prefix: false, negated, start: start + m.index, end: start + m.index + m[0].length };
      terms.push(current);
    }
    lastEnd = m.index + m[0].length;
  }
  // `word*` is a prefix only when the star follows the word directly.
  if (prefix && current && lastEnd === body.length) current.prefix = true;
  return terms;
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = q.length;
  while (i < n) {
    if (/\s/.test(q[i])) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (q[i] === '-' && i + 1 < n && !/[\s-]/.test(q[i + 1])) {
      negated = true;
      i++;
    }
    const field = FIELD_AT.exec(q.slice(i, i + 8));
    if (field) {
      const name = field[1].toLowerCase();
      const f = (name === 'tags' ? 'tag' : name) as FilterField;
      let j = i + field[0].length;
      let value: string;
      if (q[j] === '"') {
        const close = q.indexOf('"', j + 1);
        value = q.slice(j + 1, close < 0 ? n : close);
        j = close < 0 ? n : close + 1;
      } else {
        while (j < n && !/\s/.test(q[j])) j++;
        value = q.slice(i + field[0].length, j);
      }
      value = value.replace(/\s+/g, ' ').trim();
      if (FIELDS.has(f) && validFilter(f, value)) {
        tokens.push({ type: 'clause', clause: { kind: 'filter', field: f, value, negated, start, end: j } });
        i = j;
        continue;
      }
      // Not a usable filter ("before:someday", "tag:"): fall through and read it as words.
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      const end = close < 0 ? n : close + 1;
      const inner = q.slice(i + 1, close < 0 ? n : close);
      const words = inner.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
      // A star right after the closing quote makes the phrase's last word a prefix.
      let stop = end;
      let prefix = false;
      if (close >= 0 && q[end] === '*') {
        prefix = true;
        stop = end + 1;
      }
      if (words.length) {
        tokens.push({ type: 'clause', clause: { kind: 'term', words, quoted: true, prefix, negated, start, end: stop } });
      }
      i = stop;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(q[j]) && q[j] !== '"') j++;
    const text = q.slice(i, j);
    i = j;
    if (!negated && text === 'OR') {
      tokens.push({ type: 'or' });
      continue;
    }
    if (!negated && text === 'AND') {
      tokens.push({ type: 'and' });
      continue;
    }
    for (const clause of bareTerms(text, i - text.length, negated)) tokens.push({ type: 'clause', clause, bare: true });
  }
  return tokens;
}

export function parseQuery(q: string, options: { asYouType?: boolean; lastWordFragment?: boolean } = {}): ParsedQuery {
  const tokens = tokenize(typeof q === 'string' ? q : '');
  let wordFinished = false;
  if (options.asYouType) {
    // One letter of a word being started says nothing yet: searched as a whole word it finds
    // almost nothing, and the list would flash empty at the start of every word. It waits for
    // a second letter; the words before it go on showing their results.
    const started = tokens[tokens.length - 1];
    const sc = started?.type === 'clause' ? started.clause : undefined;
    if (started?.type === 'clause' && started.bare && sc?.kind === 'term' && !sc.negated && !sc.prefix && sc.words.length === 1 && [...sc.words[0]].length === 1) {
      tokens.pop();
      // An OR or AND before it waits for its other side too.
      while (tokens.length && tokens[tokens.length - 1].type !== 'clause') tokens.pop();
      // The word before it was finished (a space followed it): it is not completed.
      wordFinished = true;
    }
  }
  // "AND" and "OR" with nothing on one side are just the words.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === 'clause') continue;
    const before = tokens.slice(0, k).some((x) => x.type === 'clause');
    const after = tokens.slice(k + 1).some((x) => x.type === 'clause');
    if (!before || !after) {
      const word = t.type === 'or' ? 'OR' : 'AND';
      tokens[k] = { type: 'clause', bare: true, clause: { kind: 'term', words: [word], quoted: false, prefix: false, negated: false, start: -1, end: -1 } };
    }
  }
  const fragmentOf = options.asYouType ? (wordFinished ? -1 : tokens.length - 1)
    // Settled, the last word may have filters after it ("madu tag:venezuela").
    : options.lastWordFragment ? tokens.findLastIndex((t) => t.type === 'clause' && t.clause?.kind !== 'filter') : -1;
  if (fragmentOf >= 0) {
    const last = tokens[fragmentOf];
    const c = last?.clause;
    if (last?.bare && c?.kind === 'term' && !c.negated && c.words[c.words.length - 1].length >= 2 && !c.prefix) {
      c.prefix = true;
      c.typing = true;
    }
  }
  const groups: Clause[][] = [];
  let joinNext = false;
  for (const t of tokens) {
    if (t.type === 'or') {
      joinNext = groups.length > 0;
      continue;
    }
    if (t.type === 'and') {
      joinNext = false;
      continue;
    }
    const clause = t.clause!;
    const prev = groups[groups.length - 1];
    // OR joins positive clauses only: "-a OR b" means "not a, and b".
    if (joinNext && prev && !clause.negated && !prev[0].negated) prev.push(clause);
    else groups.push([clause]);
    joinNext = false;
  }
  return { groups };
}
