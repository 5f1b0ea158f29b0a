// Publication dates as people and machines write them, in the languages Cuttings meets
// most. Output is ISO 8601 at the precision the evidence has: "2019-09-20" for a day,
// "2019-09-20T15:17" with a time. Anything relative ("3 hours ago", "il y a 3 jours") or
// ambiguous is unknowable and yields null: no date is better than a wrong date.
//
// Every pattern here is linear (no nested quantifiers) and inputs are capped, so a hostile
// line of a million characters cannot stall the import.

import { matchesOf } from './regexp-matches.ts';

const MAX_INPUT = 400;

/** Month names and abbreviations, folded (lower case, no diacritics), → 1..12. */
const MONTHS: Record<string, number> = {};
function addMonths(names: string[][]): void {
  names.forEach((alts, i) => {
    for (const a of alts) MONTHS[fold(a)] = i + 1;
  });
}
addMonths([
  // English, German, French, Spanish, Portuguese, Italian, Dutch, Polish (genitive), Russian (genitive + nominative)
  ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'gen', 'januari', 'stycznia', 'styczen', 'января', 'январь', 'янв', 'jänner', 'jän'],
  ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'fevereiro', 'febbraio', 'februari', 'lutego', 'luty', 'февраля', 'февраль', 'фев'],
  ['march', 'mar', 'marz', 'maerz', 'mars', 'marzo', 'marco', 'maart', 'mrt', 'marca', 'marzec', 'марта', 'март', 'мар'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'kwiecien', 'апреля', 'апрель', 'апр'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei', 'maja', 'maj', 'мая', 'май'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'giu', 'czerwca', 'czerwiec', 'июня', 'июнь', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug', 'lipca', 'lipiec', 'июля', 'июль', 'июл'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus', 'sierpnia', 'sierpien', 'августа', 'август', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'set', 'settembre', 'wrzesnia', 'wrzesien', 'сентября', 'сентябрь', 'сен', 'сент'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'out', 'ottobre', 'ott', 'pazdziernika', 'pazdziernik', 'октября', 'октябрь', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad', 'ноября', 'ноябрь', 'ноя'],
  ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dezembro', 'dicembre', 'grudnia', 'grudzien', 'декабря', 'декабрь', 'дек'],
]);

addMonths([
  // Romanian, Czech (genitive), Ukrainian (genitive), Turkish, Indonesian, Swedish, Arabic (Gregorian names)
  ['ianuarie', 'ledna', 'січня', 'ocak', 'يناير', 'كانون الثاني'],
  ['februarie', 'unora', 'лютого', 'subat', 'pebruari', 'فبراير', 'شباط'],
  ['martie', 'brezna', 'березня', 'mart', 'maret', 'مارس', 'آذار'],
  ['aprilie', 'dubna', 'квітня', 'nisan', 'أبريل', 'ابريل', 'نيسان'],
  ['kvetna', 'травня', 'mayis', 'مايو', 'أيار'],
  ['iunie', 'cervna', 'червня', 'haziran', 'يونيو', 'حزيران'],
  ['iulie', 'cervence', 'липня', 'temmuz', 'يوليو', 'تموز'],
  ['augusti', 'srpna', 'серпня', 'agustus', 'agu', 'أغسطس', 'اغسطس', 'آب'],
  ['septembrie', 'zari', 'вересня', 'eylul', 'سبتمبر', 'أيلول'],
  ['octombrie', 'rijna', 'жовтня', 'ekim', 'أكتوبر', 'اكتوبر', 'تشرين الأول'],
  ['noiembrie', 'listopadu', 'листопада', 'kasim', 'نوفمبر', 'تشرين الثاني'],
  ['decembrie', 'prosince', 'грудня', 'aralik', 'desember', 'ديسمبر', 'كانون الأول'],
]);

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ё/g, 'е');
}

export interface FoundDate {
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM". */
  iso: string;
  /** Where the date starts and ends in the (capped) input. */
  index: number;
  end: number;
}

export interface DateOptions {
  /** Latest plausible year (defaults to next year); dates after it are rejected. */
  maxYear?: number;
  /** How to read "03/04/2020": 'dmy' (most of the world) or 'mdy' (US). Ambiguous → null when unset. */
  slashOrder?: 'dmy' | 'mdy';
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number, opts: DateOptions): boolean {
  const maxYear = opts.maxYear ?? new Date().getUTCFullYear() + 1;
  if (y < 1900 || y > maxYear || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function dayIso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

// A clock time right after a date: "3:17 pm", "15:17", "15.17 Uhr", "15h17", "à 15h17".
const TIME_AFTER = /^[\s,|·•\-–—/]{0,12}(?:(?:at|um|à|a las|às|alle|ore|в|kl\.?|o)\s+)?(\d{1,2})(?:[:h]|\.(?=\d\d\s*(?:uhr|h\b)))(\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?/i;

function withTime(day: string, rest: string): { iso: string; len: number } {
  const m = TIME_AFTER.exec(rest.slice(0, 40));
  if (!m) return { iso: day, len: 0 };
  let h = Number(m[1]);
  const min = Number(m[2]);
  const ampm = m[3]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (h < 1 || h > 12) return { iso: day, len: 0 };
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  if (h > 23 || min > 59) return { iso: day, len: 0 };
  return { iso: `${day}T${pad(h)}:${pad(min)}`, len: m[0].length };
}

/** ISO-like machine dates: 2019-09-20, 2019-09-20T15:17:00+02:00, 2019/09/20, 20190920. */
export function parseMachineDate(raw: string, opts: DateOptions = {}): string | null {
  const s = raw.trim().slice(0, MAX_INPUT);
  let m = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d, opts)) return null;
    const day = dayIso(y, mo, d);
    if (m[4] === undefined) return day;
    const h = Number(m[4]);
    const min = Number(m[5]);
    // Midnight is how CMSes write "day only"; it is not a time anyone published at.
    if (h > 23 || min > 59 || (h === 0 && min === 0)) return day;
    return `${day}T${pad(h)}:${pad(min)}`;
  }
  m = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(s);
  if (m && validDay(Number(m[1]), Number(m[2]), Number(m[3]), opts)) return dayIso(Number(m[1]), Number(m[2]), Number(m[3]));
  // Epoch seconds / milliseconds (some CMS meta tags).
  m = /^(\d{10})(\d{3})?$/.exec(s);
  if (m) {
    const d = new Date(Number(m[1]) * 1000);
    const y = d.getUTCFullYear();
    if (validDay(y, d.getUTCMonth() + 1, d.getUTCDate(), opts)) return dayIso(y, d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

// Written dates. \p{L} runs are bounded so a 50 kB "word" cannot make them slow.
// Levantine Arabic pages name the month twice, Syriac and Latin: "24 نيسان / أبريل 2020".
const D_MONTH_Y = /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s{0,3}(?:de\s+|of\s+)?(\p{L}{3,12})\.?(?:\s{0,2}\/\s{0,2}(\p{L}{3,12}))?,?\s{0,3}(?:de\s+|del\s+)?(\d{4})(?!\d)/gu;
const MONTH_D_Y = /(?<![\p{L}])(\p{L}{3,12})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?!\d)/gu;
const NUMERIC = /(?<![\d./])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d./]\d)/g;
const ISO_IN_TEXT = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
// Chinese / Japanese "2020年07月03日", Korean "2020년 7월 3일".
const CJK = /(?<!\d)(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/g;

// A day number and a dash just before a date, a dash and a day number just after one, a
// clock time range after its time.
const RANGE_BEFORE = /(?:^|[^\d.:])\d{1,2}\.?\s?[-–]\s?$/;
const RANGE_AFTER = /^\s?[-–]\d{1,2}(?![\d:.h])/;
/** True of every string findDates can read a date in (and of a few more). */
export const MAYBE_DATE = /\d{4}|\d[./-]\s?\d{1,2}[./-]\s?\d\d/;
const TIME_RANGE_AFTER = /^\s?(?:[-–]|bis|to|until)\s?\d{1,2}[:.h]\d\d/i;

/**
 * Every date written in `text`, in order of appearance. Numeric D.M.Y is read day-first;
 * D/M/Y needs opts.slashOrder unless one part is > 12.
 */
export function findDates(text: string, opts: DateOptions = {}): FoundDate[] {
  const s = text.slice(0, MAX_INPUT);
  // Every form below has a four-digit year or a numeric d.m.yy; most text has neither, and
  // the written forms' letter runs are slow to scan (the bylines and lines of every page).
  if (!MAYBE_DATE.test(s)) return [];
  const found: FoundDate[] = [];
  const push = (index: number, len: number, y: number, m: number, d: number) => {
    if (!validDay(y, m, d, opts)) return;
    const t = withTime(dayIso(y, m, d), s.slice(index + len));
    // One end of a range ("14. - 20. Januar 2022", "2020/7/11-12", "19.1.23, 10:00-11:30")
    // dates an event or a period, not the page.
    if (RANGE_BEFORE.test(s.slice(Math.max(0, index - 8), index)) || RANGE_AFTER.test(s.slice(index + len, index + len + 4)) || (t.len && !/:\d\d:\d\d/.test(s.slice(index + len, index + len + t.len)) && TIME_RANGE_AFTER.test(s.slice(index + len + t.len, index + len + t.len + 12)))) {
      found.push({ iso: '', index, end: index + len + t.len });
      return;
    }
    found.push({ iso: t.iso, index, end: index + len + t.len });
  };
  for (const m of matchesOf(D_MONTH_Y, s)) {
    const mo = MONTHS[fold(m[2])];
    if (mo && (!m[3] || MONTHS[fold(m[3])] === mo)) push(m.index!, m[0].length, Number(m[4]), mo, Number(m[1]));
  }
  for (const m of matchesOf(MONTH_D_Y, s)) {
    const mo = MONTHS[fold(m[1])];
    if (mo) push(m.index!, m[0].length, Number(m[3]), mo, Number(m[2]));
  }
  for (const m of matchesOf(CJK, s)) {
    push(m.index!, m[0].length, Number(m[1]), Number(m[2]), Number(m[3]));
  }
  for (const m of matchesOf(ISO_IN_TEXT, s)) {
    push(m.index!, m[0].length, Number(m[1]), Number(m[3]), Number(m[4]));
  }
  for (const m of matchesOf(NUMERIC, s)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    let y = Number(m[4]);
    if (m[4].length === 2) {
      // Two-digit years only with dots ("24.11.21"), the German/Russian habit.
      if (m[2] !== '.') continue;
      y += 2000;
    }
    let d: number;
    let mo: number;
    if (m[2] === '.' || m[2] === '-') [d, mo] = [a, b];
    else if (a > 12) [d, mo] = [a, b];
    else if (b > 12) [d, mo] = [b, a];
    else if (opts.slashOrder === 'mdy') [d, mo] = [b, a];
    else if (opts.slashOrder === 'dmy') [d, mo] = [a, b];
    else continue;
    push(m.index!, m[0].length, y, mo, d);
  }
  found.sort((x, y) => x.index - y.index || y.end - x.end);
  // Drop matches nested in an earlier, longer one (and the ends of ranges, kept until here
  // so that the shorter dates nested in them go too).
  const out: FoundDate[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.index < lastEnd) continue;
    lastEnd = f.end;
    if (f.iso) out.push(f);
  }
  return out;
}

/** The first date in a string, machine or human form; null when none or only relative. */
export function parseDate(raw: string | null | undefined, opts: DateOptions = {}): string | null {
  if (!raw) return null;
  const s = raw.trim().slice(0, MAX_INPUT);
  if (!s) return null;
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(s) || /^\d{8}(?:\D|$)/.test(s) || /^\d{10}(?:\d{3})?$/.test(s)) {
    return parseMachineDate(s, opts);
  }
  const f = findDates(s, opts)[0];
  return f ? f.iso : null;
}

/** Just the day of an ISO date or date-time. */
export function dayOf(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}
