// Publication dates as a person types them into the record editor: a day, a month or a year,
// in ISO form ("2019-09-20", "2019-09", "2019") or as people write them ("20 Sep 2019",
// "September 20, 2019", "Sept 2019", "20.09.2019"). A date is stored with the precision it was
// given: "September 2019" stays a month.

export type DateReading = { ok: true; iso: string | null } | { ok: false; message: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Sep", "Sept", "September" (three letters at least): the month's number. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const DATE_HELP = 'Write a day, a month or a year: 2019-09-20, 20 Sep 2019, 2019-09 or 2019.';

function build(year: number, month?: number, day?: number, time?: string): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}${time ?? ''}`;
}

/** What `text` says as a stored date; empty text is no date. */
export function readRecordDate(text: string): DateReading {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { ok: true, iso: null };
  const bad = (why?: string): DateReading => ({ ok: false, message: `${why ?? `“${t}” is not a date I can read.`} ${DATE_HELP}` });
  let iso: string | null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(t))) {
    // ISO, as stored (a time the import recorded is kept when the day is).
    iso = build(+m[1], m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined, m[4]);
    if (iso && m[4] && !/^T([01]\d|2[0-3]):[0-5]\d/.test(m[4])) iso = null;
  } else if ((m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(t))) {
    iso = build(+m[1], +m[2], m[3] ? +m[3] : undefined);
  } else if ((m = /^(\d{1,2})[.](\d{1,2})[.](\d{4})$/.exec(t))) {
    // 20.09.2019: day first, as everywhere dots are written.
    iso = build(+m[3], +m[2], +m[1]);
  } else if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) {
    return bad(`“${t}” could be read day first or month first.`);
  } else {
    const words = t.replace(/,/g, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1').split(' ').filter(Boolean);
    const year = words.find((w) => /^\d{4}$/.test(w));
    const monthWord = words.find((w) => /^[a-z]+\.?$/i.test(w));
    const day = words.find((w) => /^\d{1,2}$/.test(w));
    const month = monthWord ? monthNumber(monthWord) : null;
    const known = [year, monthWord, day].filter(Boolean).length;
    if (!year || !month || known !== words.length) return bad();
    iso = build(+year, month, day ? +day : undefined);
  }
  return iso ? { ok: true, iso } : bad(`“${t}” is not a day that exists.`);
}
