// The record editor's date field: what a person types, read as the day, month or year it says.
import { describe, expect, it } from 'vitest';
import { readRecordDate } from '../../../renderer/src/reader/record-date.ts';

const iso = (t: string) => {
  const r = readRecordDate(t);
  return r.ok ? r.iso : `bad: ${r.message}`;
};

describe('a typed publication date', () => {
  it('keeps the precision it was given: a day, a month or a year', () => {
    expect(iso('2019-09-20')).toBe('2019-09-20');
    expect(iso('2019-09')).toBe('2019-09');
    expect(iso('2019')).toBe('2019');
    expect(iso('2019-9-3')).toBe('2019-09-03');
    expect(iso('2019-09-20T15:17')).toBe('2019-09-20T15:17');
  });

  it('reads the ways people write dates', () => {
    expect(iso('20 Sep 2019')).toBe('2019-09-20');
    expect(iso('20 September 2019')).toBe('2019-09-20');
    expect(iso('September 20, 2019')).toBe('2019-09-20');
    expect(iso('Sept. 20th, 2019')).toBe('2019-09-20');
    expect(iso('September 2019')).toBe('2019-09');
    expect(iso('sep 2019')).toBe('2019-09');
    expect(iso('20.09.2019')).toBe('2019-09-20');
    expect(iso('2019/09/20')).toBe('2019-09-20');
    expect(iso('  ')).toBe(null);
  });

  it('says why it cannot read one', () => {
    expect(iso('2019-13')).toMatch(/^bad: “2019-13” is not a day that exists\. Write a day, a month or a year/);
    expect(iso('31 Feb 2019')).toMatch(/not a day that exists/);
    expect(iso('yesterday')).toMatch(/not a date I can read/);
    expect(iso('20 Sep')).toMatch(/not a date I can read/);
    expect(iso('03/04/2019')).toMatch(/day first or month first/);
    expect(iso('20 Sep 2019 Sep')).toMatch(/not a date I can read/);
    expect(iso('2019-09-20T25:00')).toMatch(/^bad/);
  });
});
