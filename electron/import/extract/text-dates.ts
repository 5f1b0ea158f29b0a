// Dates in a page saved as text. A text rendering keeps the page's order: the site header
// (with the day it was saved, or "today"), the headline, then a byline and date line; far
// below, teasers with their own dates. Text-mode browsers also run inline elements
// together ("Posted on28. Juli 2019AuthorJane Doe"), and pages print relative times ("vor
// 3 Stunden", "2 hours ago") that say when the page was rendered, not when the article
// appeared. So a date line is read only near the headline, a date labelled as an update,
// an expiry or a copyright is taken only when nothing better is there, and a relative time
// is recognised as a date line (it marks the article's header) without yielding a date.
import { findDates, type DateOptions } from './dates.ts';

const MAX_LINES = 4000;
/** Lines read under the headline, and above it. */
const BELOW = 12;
const ABOVE = 3;
/** A date line is short: a date with a few words around it ("Von X | 4. April 2020"). */
const MAX_LINE = 160;
/** Words a date line may hold besides its dates (a byline, a category, a reading time). */
const MAX_OTHER_WORDS = 10;

// Labels that make a date something other than the publication: an update is still the
// page's own date (the fallback when it shows no other); an expiry, a copyright or the day
// the page was saved never is.
const UPDATED = /(?:updated?|aktualisiert|ge[äa]ndert|editiert|mis à jour|modifi[ée]|actualizad[oa]|atualizad[oa]|aggiornat[oa]|stand|last modified|zuletzt)\s*(?:am|on|le|el|em|il|at|:)?\s*$/i;
const NEVER = /(?:verfügbar bis|available until|gültig bis|valid until|bis zum|until|expires?|©|copyright|\(c\)|saved|gespeichert|enregistré|guardado|salvo|retrieved|abgerufen|accessed|consulté|consultado)\s*(?:am|on|le|el|em|il|:)?\s*$/i;

// "vor 3 Stunden", "2 hours ago", "il y a 3 jours", "hace 2 horas", "há 5 minutos", "3 ore fa",
// "gestern", "yesterday", "today, 10:30".
const RELATIVE = /^(?:(?:vor|il y a|hace|há|ha|fa)\s+)?(?:\d{1,3}|einer?|einem|an?|one|un[ea]?|uma?)\s+(?:sek(?:unden?)?|sec(?:ond)?s?|secondes?|segundos?|secondi|min(?:\.|ute[ns]?|utes?|utos?|uti)?|std\.?|stunden?|hours?|hrs?|heures?|horas?|ore|tag(?:en)?|days?|jours?|d[ií]as?|giorni|woche[n]?|weeks?|semaines?|semanas?|settimane|monat(?:en)?|months?|mois|mes(?:es)?|mesi)\b(?:\s+(?:ago|fa|atrás|atras))?\.?$|^(?:heute|gestern|today|yesterday|aujourd'hui|hier|hoy|ayer|hoje|ontem|oggi|ieri)\b[\s,]*(?:\d{1,2}[:.h]\d\d\s*(?:uhr|h)?)?$/i;

/** Is this line a relative time ("vor 11 Minuten", "2 hours ago") standing for a date? */
export function isRelativeDateLine(line: string): boolean {
  const t = line.trim().replace(/^[|·•\-–—\s]+|[|·•\-–—\s]+$/g, '');
  return t.length > 0 && t.length <= 40 && RELATIVE.test(t);
}

/**
 * Spaces between runs that a text-mode browser glued together: "on28. Juli" "Kalt4",
 * "2019Author", "AuthorAndreas" (a word of three lower-case letters or more, then a
 * capitalised word: "McDonald" and "iPhone" stay whole), and a year followed by the next
 * date ("17/11/201917/11/2019").
 */
export function deglue(s: string): string {
  return s
    .replace(/((?:19|20)\d\d)(?=\d{1,2}[./]\s?(?:\d|\p{L}))/gu, '$1 ')
    .replace(/(\p{L})(?=\d)/gu, '$1 ')
    .replace(/(\d)(?=\p{Lu})/gu, '$1 ')
    .replace(/(\p{Ll}{3})(?=\p{Lu}\p{Ll})/gu, '$1 ');
}

export interface LineDate {
  iso: string;
  /** Labelled as an update ("Aktualisiert: 11.04.2020"): a fallback only. */
  updated: boolean;
}

/**
 * The date a short line gives for the article, or null: the first date on it that is not
 * an expiry or a copyright, when what else the line says is a few words (a byline, a
 * label, a reading time) rather than a sentence.
 */
export function dateOfLine(line: string, opts: DateOptions = {}): LineDate | null {
  if (line.length > MAX_LINE + 40 || !/\d/.test(line)) return null;
  // "26 | 01 | 2022": a date set in boxes.
  const t = deglue(line.trim()).replace(/(?<!\d)(\d{1,2})\s*\|\s*(\d{1,2})\s*\|\s*((?:19|20)\d\d)(?!\d)/g, '$1.$2.$3');
  if (!t || t.length > MAX_LINE) return null;
  const found = findDates(t, opts);
  if (!found.length) return null;
  let rest = t;
  for (let i = found.length - 1; i >= 0; i--) rest = rest.slice(0, found[i].index) + ' ' + rest.slice(found[i].end);
  if (rest.replace(/[\s|,·•\-–—:()/]+/g, ' ').trim().split(' ').filter(Boolean).length > MAX_OTHER_WORDS) return null;
  let fallback: LineDate | null = null;
  for (const f of found.slice(0, 3)) {
    const before = t.slice(Math.max(0, f.index - 30), f.index);
    if (NEVER.test(before)) continue;
    if (UPDATED.test(before)) {
      fallback ??= { iso: f.iso, updated: true };
      continue;
    }
    return { iso: f.iso, updated: false };
  }
  return fallback;
}

function squashLine(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The date line nearest below (else just above) the line that holds `headline`, or null.
 * `headline` is matched loosely (letters and digits only) against the start of a line.
 */
export function datelineNearHeadline(text: string, headline: string | null | undefined, opts: DateOptions = {}): string | null {
  if (!headline) return null;
  const want = squashLine(headline).slice(0, 60);
  if (want.length < 6) return null;
  const lines = text.split('\n', MAX_LINES);
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = squashLine(lines[i].slice(0, 400));
    if (l.length >= 6 && (l.startsWith(want) || (want.startsWith(l) && l.length >= want.length * 0.6))) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  let updated: string | null = null;
  for (let i = at + 1; i < Math.min(lines.length, at + 1 + BELOW); i++) {
    const d = dateOfLine(lines[i], opts);
    if (d && !d.updated) return d.iso;
    if (d) updated ??= d.iso;
  }
  for (let i = at - 1; i >= Math.max(0, at - ABOVE); i--) {
    const d = dateOfLine(lines[i], opts);
    if (d && !d.updated) return d.iso;
    if (d) updated ??= d.iso;
  }
  return updated;
}
