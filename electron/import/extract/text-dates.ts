// The publication date of a page saved as text, found near its headline. A text rendering
// keeps the page's order: the site header (with the day it was saved, or "today"), the
// headline, then a byline and date line; far below, teasers with their own dates. So the
// date line is looked for just under the headline first, then just above it, and a date
// labelled as an update, an expiry or a copyright is never taken.
import { findDates, type DateOptions } from './dates.ts';

const MAX_LINES = 4000;
/** Lines read under the headline, and above it. */
const BELOW = 12;
const ABOVE = 3;
/** A date line is short: a date with a few words around it ("Von X | 4. April 2020"). */
const MAX_LINE = 160;

// Labels that make a date something other than the publication.
const NOT_PUBLISHED = /(?:updated?|aktualisiert|ge[äa]ndert|editiert|mis à jour|modifi[ée]|actualizad[oa]|atualizad[oa]|aggiornat[oa]|stand|verfügbar bis|available until|gültig bis|valid until|bis zum|until|expires?|©|copyright|\(c\))\s*(?:am|on|le|el|em|il|:)?\s*$/i;

function squashLine(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function dateOnLine(line: string, opts: DateOptions): string | null {
  const t = line.trim();
  if (!t || t.length > MAX_LINE) return null;
  for (const f of findDates(t, opts).slice(0, 3)) {
    if (NOT_PUBLISHED.test(t.slice(Math.max(0, f.index - 30), f.index))) continue;
    // The rest of the line must be short: a sentence that mentions a date is not a date line.
    const rest = (t.slice(0, f.index) + ' ' + t.slice(f.end)).replace(/[\s|,·•\-–—:()]+/g, ' ').trim();
    if (rest.split(' ').filter(Boolean).length > 10) return null;
    return f.iso;
  }
  return null;
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
  for (let i = at + 1; i < Math.min(lines.length, at + 1 + BELOW); i++) {
    const d = dateOnLine(lines[i], opts);
    if (d) return d;
  }
  for (let i = at - 1; i >= Math.max(0, at - ABOVE); i--) {
    const d = dateOnLine(lines[i], opts);
    if (d) return d;
  }
  return null;
}
