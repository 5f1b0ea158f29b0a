import { describe, expect, it } from 'vitest';
import { parseQuery, type Clause, type FilterClause, type TermClause } from '../../../electron/search/query-parser.ts';
import { buildQuery } from '../../../electron/search/query-builder.ts';

const terms = (q: string, asYouType = false) =>
  parseQuery(q, { asYouType }).groups.flat().filter((c): c is TermClause => c.kind === 'term');
const filters = (q: string) => parseQuery(q).groups.flat().filter((c): c is FilterClause => c.kind === 'filter');
const shape = (c: Clause) =>
  c.kind === 'term'
    ? `${c.negated ? '-' : ''}${c.quoted ? '"' : ''}${c.words.join(' ')}${c.prefix ? '*' : ''}`
    : `${c.negated ? '-' : ''}${c.field}:${c.value}`;
const groups = (q: string, asYouType = false) => parseQuery(q, { asYouType }).groups.map((g) => g.map(shape).join('|'));

describe('query parser', () => {
  it('reads words, phrases, exclusions, OR and prefixes', () => {
    expect(groups('maduro russia')).toEqual(['maduro', 'russia']);
    expect(groups('"shore up support" kremlin')).toEqual(['"shore up support', 'kremlin']);
    expect(groups('oil -embargo -"price cap"')).toEqual(['oil', '-embargo', '-"price cap']);
    expect(groups('maduro OR guaido russia')).toEqual(['maduro|guaido', 'russia']);
    expect(groups('a b OR c OR d e')).toEqual(['a', 'b|c|d', 'e']);
    expect(groups('venez*')).toEqual(['venez*']);
    expect(groups('"shore up sup"*')).toEqual(['"shore up sup*']);
  });

  it('reads every filter, quoted values and negations', () => {
    const f = filters('tag:"climate change" -tag:energy source:guardian.ng author:AFP before:2019-09 after:2018 year:2019 year:2015..2017 is:starred -is:starred -source:"Le Monde"');
    expect(f.map(shape)).toEqual([
      'tag:climate change', '-tag:energy', 'source:guardian.ng', 'author:AFP', 'before:2019-09', 'after:2018',
      'year:2019', 'year:2015..2017', 'is:starred', '-is:starred', '-source:Le Monde',
    ]);
    expect(filters('TAG:Climate')[0]).toMatchObject({ field: 'tag', value: 'Climate' });
  });

  it('reads malformed filters as words', () => {
    expect(groups('before:someday')).toEqual(['before', 'someday']);
    expect(groups('tag:')).toEqual(['tag']);
    expect(groups('is:happy')).toEqual(['is', 'happy']);
    expect(groups('year:19')).toEqual(['year', '19']);
    expect(groups('note: hello')).toEqual(['note', 'hello']);
  });

  it('reads FTS5 syntax and lone operators as text', () => {
    expect(groups('NEAR(maduro russia)')).toEqual(['NEAR', 'maduro', 'russia']);
    expect(groups('OR')).toEqual(['OR']);
    expect(groups('AND maduro')).toEqual(['AND', 'maduro']);
    expect(groups('maduro AND russia')).toEqual(['maduro', 'russia']);
    expect(groups('^ * : " ( )')).toEqual([]);
    expect(groups('-')).toEqual([]);
    expect(groups('"unbalanced phrase')).toEqual(['"unbalanced phrase']);
    expect(groups('covid-19 U.S. O’Brien')).toEqual(['covid 19', 'U S', 'O Brien']);
  });

  it('keeps OR from joining exclusions', () => {
    expect(groups('-a OR b')).toEqual(['-a', 'b']);
    expect(groups('a OR -b')).toEqual(['a', '-b']);
  });

  it('reads the last bare word as a prefix only while typing', () => {
    expect(terms('maduro rus').map(shape)).toEqual(['maduro', 'rus']);
    expect(terms('maduro rus', true).map(shape)).toEqual(['maduro', 'rus*']);
    expect(terms('maduro rus', true)[1].typing).toBe(true);
    expect(terms('"maduro rus"', true).map(shape)).toEqual(['"maduro rus']);
    expect(terms('maduro -rus', true).map(shape)).toEqual(['maduro', '-rus']);
    // A word's first letter waits for the second; the word before it stays whole.
    expect(terms('maduro r', true).map(shape)).toEqual(['maduro']);
    expect(terms('maduro OR r', true).map(shape)).toEqual(['maduro']);
    expect(terms('maduro r').map(shape)).toEqual(['maduro', 'r']);
  });

  it('never throws on hostile input, and builds only quoted FTS5 strings', () => {
    const alphabet = ['"', '*', '^', ':', '(', ')', '-', '+', 'NEAR', 'AND', 'OR', 'NOT', ' ', ' ', 'a', 'é', 'tag:', 'year:', '\\', "'", '{', '}', ',', '\u0000', '🙂', 'x'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 3000; i++) {
      let q = '';
      const n = Math.floor(random() * 12);
      for (let k = 0; k < n; k++) q += alphabet[Math.floor(random() * alphabet.length)];
      const parsed = parseQuery(q, { asYouType: random() < 0.5 });
      const built = buildQuery(q, parsed);
      // Outside quoted strings the expression holds only our own operators.
      const bare = (built.match ?? '').replace(/"(?:[^"]|"")*"/g, '');
      expect(bare).toMatch(/^[\s()*]*(?:(?:AND|OR|NOT)[\s()*]*)*$/);
    }
  });
});
