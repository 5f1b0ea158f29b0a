// Bylines as a page saved as text prints them. A text rendering loses the markup that says
// "this is the author", so a byline is known by its words and its place: a lead word
// ("By", "Von", "Par", "Posted by", "Autor:") in a short header line, a name run into a
// date line ("Jane Doe, 02.02.2022", "17. Mai 2019 Jane Doe 4 Kommentare"), a name on a
// line of its own next to the date line, or a lead word ending one line with the name on
// the next ("Tipps von" / "Jane Doe").
import { cleanByline, looksLikeName } from './bylines.ts';
import { findDates, type DateOptions } from './dates.ts';
import { deglue } from './text-dates.ts';

const MAX_LINE = 200;

// Lead words that introduce the author, in the corpus's languages. A single word ("by",
// "von", "par") leads a byline only at the start of a line, after a separator or a date
// ("8. Januar 2020 · by Jane · in Blog"), or after the same name ("Jane Doe By Jane Doe"):
// inside a headline it is just a preposition ("US-Sport in Zeiten von Corona"). A label
// ("Posted by", "Autor:") leads anywhere.
const WORD_LEAD = String.raw`(?:by|von|par|por|di|door|av|af|от)`;
const LABEL_LEAD = String.raw`(?:written by|posted by|post author(?: by)?|published by|geschrieben von|verfasst von|erstellt von|(?:blog[- ]?)?beitrag von|artikel von|escrito por|publicado por|publié par|scritto da|(?:autor(?:in|a)?|authors?|auteur|autore|kolumnist(?:\*?in)?|columnist|text(?:\s*(?:&|und|and|\+)\s*fotos?)?|texte|texto|testo|redaktion|текст|автор)\s*:)`;
const LEAD_AT_START = new RegExp(String.raw`^(?:${WORD_LEAD}|${LABEL_LEAD})\s*:?\s+(?=\S)`, 'i');
const LEAD_AFTER_SEPARATOR = new RegExp(String.raw`(?:[|·•,;~]|\d{4}|\d\d?:\d\d)\s*(?:${WORD_LEAD}|author|autor(?:in)?)\s*:?\s+(?=\S)`, 'i');
const LEAD_INSIDE = new RegExp(String.raw`(?:^|\s)${LABEL_LEAD}\s*(?=\S)`, 'i');
const WORD_LEAD_INSIDE = new RegExp(String.raw`\s${WORD_LEAD}\s+(?=\S)`, 'i');
/** A lead word closing a line: the name is on the next line ("Tipps von", "Disko Von", "by"). */
const LEAD_AT_END = new RegExp(String.raw`(?:^|\s)(?:${WORD_LEAD}|${LABEL_LEAD}|author|autor(?:in)?)\s*:?$`, 'i');
// What may stand between a date and the lead word after it: a clock time, a time zone.
const AFTER_DATE = new RegExp(String.raw`^[\s,|·•]*(?:(?:am|pm|a\.m\.|p\.m\.|uhr|h|[A-Z]{2,4}|\d\d?[:.]\d\d)[\s,|·•]*){0,3}(?:${WORD_LEAD}|${LABEL_LEAD})\s*:?\s+(?=\S)`, 'i');

// Labels left after a name once its date is cut off: "von Jane Doe Erstellt am 01.01.23".
const TRAILING_LABEL = /\s+(?:erstellt|ver[öo]ffentlicht|publiziert|gespeichert|published|posted|updated|aktualisiert|ge[äa]ndert|publi[ée]|mis à jour|publicado|actualizado|on|am|le|el|em|il|at|um|vom|den|du|del)$/i;
// Links a profile box prints after the name.
const PROFILE_LINK = /^(?:twitter|facebook|instagram|linkedin|xing|mastodon|e-?mail|mail|profil|profile|account|website|homepage|rss|kontakt|contact|follow|folgen)$/i;
// Words of a profile box around a name: "[avatar] Jane Doe", "author avatar".
const PROFILE_NOISE = /^(?:(?:author|autor)\s+)?(?:(?:avatar|profile|profil|image|photo|foto|bild|picture)\s+)+/i;

// Words of the labels around a byline and a date line (German capitalises them like names).
const LABEL_WORDS = /(?:^|\s)(?:aktualisierung|aktualisiert|ver[öo]ffentlicht|(?:erst)?ver[öo]ffentlichung|updated?|published|publi[ée]|publicado|lesezeit|lesedauer|kommentare?|comments?|datum|date|uhrzeit|quelle|source|foto|photo|bild|video|audio|podcast|newsletter|anzeige|werbung|teilen|share|men[üu]|home|startseite|rubrik|kategorie|category|tags?|themen?)(?:\s|$)/i;

// What a header line may carry besides a byline: bracketed image names, counters, reading times.
const PLACEHOLDER = /\[[^\]]{0,60}\]/g;
const TRAILING_COUNTS = /(?:\s+(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|min(?:\.|utes?)?\s*(?:read|lesezeit|lesedauer|de lecture)?|lesezeit|read)\b.*|\s+\d+)$/i;

/** A header line without image names, buttons and handles, its glued runs apart. */
function tidy(line: string, glued = true): string {
  // A social-media handle is no part of a name ("Jane Doe@janedoe"); an e-mail address stays.
  let t = line.replace(PLACEHOLDER, ' ').replace(/\(BUTTON\)|\(IMG\)/g, ' ').replace(/@\w+(?![.\w@])/g, ' ');
  if (glued) t = deglue(t);
  return t.replace(/\s+/g, ' ').trim().replace(PROFILE_NOISE, '');
}

/** Names from the text that follows a lead word: up to the next separator, date or counter. */
function namesAfterLead(rest: string, opts: DateOptions): string | null {
  let t = rest;
  const d = findDates(t, opts)[0];
  if (d && d.index > 0) t = t.slice(0, d.index);
  // A date findDates cannot read ("On 11/13/19 at 4:00 PM") ends the names too.
  t = t.replace(/(?:\s+(?:on|am|le|el|em|il|at|um|vom|den|du|del))?\s+\d.*$/i, '');
  t = t.split(/\s[|·•~]\s|\s[|·•]|[|·•]\s|\s[-–—]\s/)[0];
  t = t.replace(TRAILING_COUNTS, '').replace(PROFILE_NOISE, '').trim();
  for (let i = 0; i < 3; i++) t = t.replace(TRAILING_LABEL, '');
  // A profile box's links after the name: "Jane Doe Twitter Account von Jane Doe".
  const words = t.split(' ');
  const link = words.findIndex((w) => PROFILE_LINK.test(w));
  if (link > 0) t = words.slice(0, link).join(' ');
  return undouble(cleanByline(`von ${t}`) ?? null);
}

/** "Jane Doe Jane Doe" (a display name run into the full name) → "Jane Doe". */
function undouble(name: string | null): string | null {
  if (!name) return null;
  const w = name.split(' ');
  if (w.length % 2 === 0 && w.length >= 4 && w.slice(0, w.length / 2).join(' ') === w.slice(w.length / 2).join(' ')) return w.slice(0, w.length / 2).join(' ');
  return name;
}

// Every lead word above has one of these in it, most lines none. (Case is spelt out: with
// the "i" flag, \p{Ll} would match capitals too.)
const MAYBE_LEAD = /(?:^|[^\p{L}]|\p{Ll}(?=B))(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI|[Dd]oor|[Aa][vf]|[Оо]т)(?!\p{Ll})|[Aa]ut|AUT|[Tt]ext|TEXT|[Kk]olumn|[Cc]olumn|[Rr]edak|REDAK|[Тт]екст|[Аа]втор/u;

/** The author named by a byline line, or null. */
export function bylineOfLine(line: string, opts: DateOptions = {}): string | null {
  if (line.length > MAX_LINE || !MAYBE_LEAD.test(line)) return null;
  const t = tidy(line);
  if (!t) return null;
  const start = LEAD_AT_START.exec(t);
  if (start) {
    const name = namesAfterLead(t.slice(start[0].length), opts);
    if (name) return name;
  }
  for (const lead of [LEAD_AFTER_SEPARATOR, LEAD_INSIDE]) {
    const m = lead.exec(t);
    if (!m) continue;
    const name = namesAfterLead(t.slice(m.index + m[0].length), opts);
    if (name) return name;
  }
  // "Monday November 18, 2019 7:45 am PST by Jane Doe".
  const dates = findDates(t, opts);
  if (dates.length) {
    const m = AFTER_DATE.exec(t.slice(dates[dates.length - 1].end));
    if (m) {
      const name = namesAfterLead(t.slice(dates[dates.length - 1].end + m[0].length), opts);
      if (name) return name;
    }
  }
  // "Jane Doe By Jane Doe, Staff": a profile name, then the byline with the same name.
  const inside = WORD_LEAD_INSIDE.exec(t);
  if (inside) {
    const before = t.slice(0, inside.index).trim();
    const after = t.slice(inside.index + inside[0].length);
    if (before.split(' ').length <= 4 && looksLikeName(before) && after.startsWith(before)) return namesAfterLead(after, opts);
  }
  return null;
}

/** A line that ends with a lead word, its name on the next line ("Tipps von"). */
export function endsWithLead(line: string): boolean {
  if (line.length > 80) return false;
  const t = tidy(line);
  return t.length <= 40 && LEAD_AT_END.test(t);
}

/**
 * A bare name, or names, on a line of their own ("Jane Doe", "Jane Doe, John Roe",
 * "[avatar] Jane Doe"), or run into a date ("Jane Doe, 02.02.2022", "17. Mai 2019 Jane Doe
 * 4 Kommentare", "Jane Doe 3/5/2022 22:41"). Only trustworthy in an article's header, next
 * to its headline or date line. `handleOk`: the line follows a lead ("By" / "delta201"),
 * so a single word or user handle counts.
 */
export function namesOfLine(line: string, opts: DateOptions = {}, handleOk = false): string | null {
  // Two capitalised words (a first name and a surname), or a handle after a lead.
  if (line.length > MAX_LINE || (!handleOk && !/\p{Lu}[\p{L}'’.-]*\s+(?:\p{Ll}{1,4}\s+)?\p{Lu}/u.test(line))) return null;
  let t = tidy(line, !handleOk).replace(/^[•*·|/~\-–—\s]+|[•*·|/~\-–—,\s]+$/g, '');
  if (!t) return null;
  const dates = findDates(t, opts);
  if (dates.length) {
    // The name stands before the first date or right after the last one.
    const before = t.slice(0, dates[0].index).replace(/[\s,|·•~/\-–—:]+$/, '').trim();
    const after = t.slice(dates[dates.length - 1].end).replace(/^[\s,|·•~/\-–—:]+/, '').trim();
    t = before.length >= 2 ? before : nameAtStart(after);
  }
  t = t.replace(TRAILING_COUNTS, '').replace(/\s+uhr$/i, '').trim();
  for (let i = 0; i < 3; i++) t = t.replace(TRAILING_LABEL, '');
  if (!t || LABEL_WORDS.test(t) || /[.!?:;"“”„«»]$/.test(t) || (/^\p{Ll}/u.test(t) && !/^[\p{Ll}\d._-]+$/u.test(t))) return null;
  const parts = t.split(/\s*(?:,|&|;|\s(?:and|und|et|y|e)\s)\s*/);
  // A single word is a place, a section or a handle as often as a name: only after a lead.
  const nameLike = (p: string) => (handleOk && parts.length === 1 ? looksLikeName(p, true) : looksLikeName(p) && /\S\s+\S/.test(p));
  if (parts.length > 6 || !parts.every((p) => nameLike(p) && p.split(' ').length <= 4)) return null;
  return undouble(cleanByline(t, { trusted: true }));
}

/**
 * The words after a date that name a person, in WordPress's "date author categories
 * count" order: "Markus Elsberger Netzwerk, Windows 2" → "Markus Elsberger" (the last
 * capitalised word before a comma is the first category).
 */
function nameAtStart(s: string): string {
  const words = s.split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    if (/^\p{Lu}[\p{L}'’.-]*,?$/u.test(w) || /^(?:von|van|de|der|den|del|della|di|da|du|le|la)$/.test(w)) {
      out.push(w);
      if (w.endsWith(',')) break;
    } else break;
  }
  if (out.length && out[out.length - 1].endsWith(',')) {
    if (out.length >= 3) out.pop();
    else out[out.length - 1] = out[out.length - 1].slice(0, -1);
  }
  return out.slice(0, 4).join(' ').replace(/,$/, '');
}
