import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../../electron/import/extract/regexp-matches.ts';

// matchesOf stands in for matchAll in the extractor (see its header): it must find exactly
// what matchAll finds, or dates and headline splits would change.
const cases: [RegExp, string][] = [
  [/(?<![\p{L}\d])(\d{1,2})\.?\s{0,3}(\p{L}{3,12})\.?,?\s{0,3}(\d{4})(?!\d)/gu, 'Le 20 septembre 2019, et 3. März 2020 — 31 декабря 2021'],
  [/\s+(?:[|\-–—·•»«/]|::)\s+|\s*[|·•»]\s*(?=\S)/g, 'Kremlin says | The Guardian Nigeria News - World'],
  [/x*/g, 'axxbx'],
  [/\p{L}*/gu, '😀a😀bc'],
  [/(?:)/gu, '😀😀'],
  [/\d+/g, 'none here'],
];

describe('matchesOf', () => {
  it.each(cases)('finds what matchAll finds: %s', (re, s) => {
    const expected = [...s.matchAll(re)].map((m) => [m.index, ...m]);
    expect(matchesOf(re, s).map((m) => [m.index, ...m])).toEqual(expected);
  });

  it('starts afresh each call, whatever a previous search left in lastIndex', () => {
    const re = /\d{4}/g;
    re.lastIndex = 7;
    expect(matchesOf(re, '2019 and 2020').map((m) => m[0])).toEqual(['2019', '2020']);
    expect(matchesOf(re, '2019 and 2020').map((m) => m[0])).toEqual(['2019', '2020']);
    expect(re.lastIndex).toBe(0);
  });
});
