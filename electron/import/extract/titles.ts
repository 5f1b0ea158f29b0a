// Headlines without the site's name. <title>, og:title and PDF/docx titles often read
// "Kremlin says … ‘soon’ | The Guardian Nigeria News"; the archivist records the headline.

import { matchesOf } from './regexp-matches.ts';
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';

const MAX_INPUT = 600;

// " | ", " - ", " – ", " — ", " · ", " • ", " » ", " :: ", " / " between segments.
const SEPARATOR = /\s+(?:[|\-–—·•»«/]|::)\s+|\s*[|·•»]\s*(?=\S)/g;

/** Lower-case letters and digits only, for loose comparison of names. */
export function squash(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The distinctive labels of a host name: "www.theguardian.com" → ["theguardian"]. */
export function hostLabels(host: string | null | undefined): string[] {
  if (!host) return [];
  const parts = host.toLowerCase().replace(/^www\d?\./, '').split('.');
  // Drop the public suffix (roughly: the last label, and a second short one like co.uk).
  parts.pop();
  if (parts.length > 1 && parts[parts.length - 1].length <= 3) parts.pop();
  return parts.filter((p) => p.length >= 3 && p !== 'www' && p !== 'm' && p !== 'amp');
}

function matchesSite(segment: string, sites: string[]): boolean {
  const seg = squash(segment);
  if (seg.length < 2) return false;
  for (const site of sites) {
    const s = squash(site);
    if (s.length < 3) continue;
    if (seg === s || seg.includes(s) || (s.includes(seg) && seg.length >= 4)) return true;
  }
  return false;
}

export interface TitleSplit { segments: string[]; seps: string[] }

/** A title's segments between " | ", " - ", " – ", " · ", " » "… and the separators. */
export function splitTitle(title: string): TitleSplit {
  const segments: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of matchesOf(SEPARATOR, title)) {
    segments.push(title.slice(last, m.index));
    seps.push(m[0].trim());
    last = m.index! + m[0].length;
  }
  segments.push(title.slice(last));
  return { segments: segments.map((s) => s.trim()), seps };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Remove a leading or trailing site-name segment. `sites` are names the page gives for
 * itself (og:site_name, publisher) and host labels. Without a match, a short trailing
 * segment after " | " or a dash is still dropped when the rest is clearly the headline.
 */
export function stripSiteSuffix(raw: string, sites: string[] = [], rules: Rules = DEFAULT_RULES): string {
  // Segments CMS templates put around every title (WordPress's "Blog Archive", "Startseite").
  const boilerplate = rules.titleBoilerplate;
  let title = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_INPUT);
  if (!title) return title;
  // "Headline : Site" and "Site: Headline" with a colon, only when the site matches.
  for (let round = 0; round < 3; round++) {
    const { segments, seps } = splitTitle(title);
    if (segments.length < 2) break;
    const first = segments[0];
    const lastSeg = segments[segments.length - 1];
    if ((matchesSite(lastSeg, sites) || boilerplate.test(lastSeg)) && words(segments.slice(0, -1).join(' ')) >= 2) {
      title = rejoin(segments.slice(0, -1), seps.slice(0, -1));
      continue;
    }
    if ((matchesSite(first, sites) || /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(first) || boilerplate.test(first)) && words(segments.slice(1).join(' ')) >= 2) {
      title = rejoin(segments.slice(1), seps.slice(1));
      continue;
    }
    // No site name matched: a short trailing segment after a bar (or, if it reads like a
    // name rather than a clause, after a dash) is still most likely the site.
    const sep = seps[seps.length - 1];
    const rest = rejoin(segments.slice(0, -1), seps.slice(0, -1));
    const barLike = sep === '|' || sep === '::' || sep === '»' || sep === '·' || sep === '•';
    const dashLike = (sep === '–' || sep === '—' || sep === '-') && words(lastSeg) <= 3 && !/[?!.,:;"“”„«»]/.test(lastSeg);
    if ((barLike || dashLike) && words(lastSeg) <= 4 && lastSeg.length <= 40 && words(rest) >= 3 && rest.length > lastSeg.length) {
      title = rest;
      continue;
    }
    break;
  }
  const colon = /^(.{2,40}?)\s*:\s+(.+)$/.exec(title);
  if (colon && matchesSite(colon[1], sites)) title = colon[2];
  const colonEnd = /^(.+?)\s+:\s*(.{2,40})$/.exec(title);
  if (colonEnd && matchesSite(colonEnd[2], sites)) title = colonEnd[1];
  return title.trim();
}

function rejoin(segments: string[], seps: string[]): string {
  let s = segments[0] ?? '';
  for (let i = 1; i < segments.length; i++) s += ` ${seps[i - 1]} ${segments[i]}`;
  return s;
}

/** Token-overlap similarity of two titles, 0..1 (for matching an h1 against <title>). */
export function titleSimilarity(a: string, b: string): number {
  const ta = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const tb = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (!common) return 0;
  const p = common / tb.length;
  const r = common / ta.length;
  return (2 * p * r) / (p + r);
}
