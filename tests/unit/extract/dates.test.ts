import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../electron/import/extract/dates.ts';

describe('parseDate', () => {
  const cases: [string, string | null][] = [
    ['20 September 2019   |   3:17 pm', '2019-09-20T15:17'],
    ['24.11.2021', '2021-11-24'],
    ['7. März 2022', '2022-03-07'],
    ['19. Oktober 2019, 19:08 Uhr', '2019-10-19T19:08'],
    ['Wednesday, 24th April 2024', '2024-04-24'],
    ['le 1er mars 2020 à 15h30', '2020-03-01T15:30'],
    ['publié le 12 février 2021', '2021-02-12'],
    ['20 de septiembre de 2019', '2019-09-20'],
    ['3 de março de 2020', '2020-03-03'],
    ['12 gennaio 2021 ore 10:05', '2021-01-12T10:05'],
    ['20 сентября 2019 г.', '2019-09-20'],
    ['Sept. 20, 2019 at 5:08 PM', '2019-09-20T17:08'],
    ['November 19, 2019', '2019-11-19'],
    ['2019-09-20T15:17:00+02:00', '2019-09-20T15:17'],
    ['2019-09-20T00:00:00Z', '2019-09-20'],
    ['2019-09-20', '2019-09-20'],
    ['20190920', '2019-09-20'],
    ['il y a 3 jours', null],
    ['3 hours ago', null],
    ['vor 2 Tagen', null],
    ['September 2019', null],
    ['31.02.2020', null],
    ['03/04/2020', null], // ambiguous without a locale: no date beats a wrong one
    ['25/12/2020', '2020-12-25'],
    ['', null],
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => expect(parseDate(input)).toBe(want));
  }

  it('reads ambiguous slashes by the page locale', () => {
    expect(parseDate('03/04/2020', { slashOrder: 'mdy' })).toBe('2020-03-04');
    expect(parseDate('03/04/2020', { slashOrder: 'dmy' })).toBe('2020-04-03');
  });

  it('finds every date in a line, in order', () => {
    const found = findDates('Published 7 March 2022, updated 8 March 2022');
    expect(found.map((f) => f.iso)).toEqual(['2022-03-07', '2022-03-08']);
  });

  it('reads CJK and Korean dates, and month names in more languages', () => {
    const cases: [string, string | null][] = [
      ['2020年07月03日 | 徒歩', '2020-07-03'],
      ['发布时间：2019年9月20日 15:17', '2019-09-20T15:17'],
      ['2020년 7월 3일', '2020-07-03'],
      ['duminică, 20 septembrie 2020', '2020-09-20'],
      ['12 Nisan 2021 Pazartesi', '2021-04-12'],
      ['5 березня 2022', '2022-03-05'],
      ['3. února 2021', '2021-02-03'],
      ['24 أبريل 2020', '2020-04-24'],
      ['17 Agustus 2019', '2019-08-17'],
      ['2020年13月03日', null],
      ['les 3 des 2020 candidats', null],
    ];
    for (const [input, want] of cases) expect(parseDate(input), input).toBe(want);
  });

  it('reads the Levantine double month name, only when both names agree', () => {
    expect(parseDate('تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً')?.slice(0, 10)).toBe('2020-04-24');
    expect(parseDate('24 حزيران / يونيو 2020')).toBe('2020-06-24');
    expect(parseDate('24 نيسان / آذار 2020')).toBeNull();
  });

  it('takes neither end of a date range, nor a day with a time range (an event)', () => {
    expect(findDates('Wochenbericht 14. - 20. Januar 2022')).toEqual([]);
    expect(findDates('Wochenbericht 14.-20.01.2022')).toEqual([]);
    expect(findDates('Rennen vom 11.–13.3.2022', { slashOrder: 'dmy' })).toEqual([]);
    expect(findDates('JRA (2020/7/11-12) 2020年07月12日').map((f) => f.iso)).toEqual(['2020-07-12']);
    expect(findDates('Webinar 19.1.23, 10:00-11:30 Uhr · Artikel vom 20.12.2022').map((f) => f.iso)).toEqual(['2022-12-20']);
    expect(findDates('Jan 3-5, 2020')).toEqual([]);
    // Not a range: a time after a dash, a time-zone offset after seconds.
    expect(parseDate('20.09.2019 - 15:17')).toBe('2019-09-20T15:17');
    expect(findDates('2019-09-20 15:17:00-05:00').map((f) => f.iso)).toEqual(['2019-09-20T15:17']);
  });

  it('stays fast on hostile input', () => {
    const t0 = performance.now();
    parseDate('1'.repeat(100_000));
    parseDate('a '.repeat(100_000));
    findDates(('12. ' + 'x'.repeat(50)).repeat(5000));
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
