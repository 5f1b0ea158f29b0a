// A clip as a CSL item (CSL-JSON 1.0, type article-newspaper): the one reading of a clip's
// record that citations (cite.ts) and the CSL-JSON, RIS and BibTeX exports share, so a byline
// or a partial date is read the same way in every one of them.
import { parse as parseName } from '@citation-js/name';
import type { ExportClip } from './clip-records.ts';

/** The fields of a clip a citation reads. */
export type CitableClip = Pick<ExportClip, 'id' | 'title' | 'author' | 'source' | 'site' | 'url' | 'publishedAt' | 'savedAt' | 'language' | 'standfirst'>;

/** A person (family/given) or an institution (`literal`: an agency, a desk). */
export type CslName = { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string } | { literal: string };

/** A date with the precision it was recorded with: [year], [year, month] or [year, month, day]. */
export interface CslDate {
  'date-parts': [number[]];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  abstract?: string;
}

// Bylines that are an organisation, not a person: news agencies (as extraction knows them,
// electron/import/extract/bylines.ts) and desks. A name parser would make "Associated Press"
// Mr Press; an institution stays one literal name, as Zotero's single-field creators.
const AGENCIES = /^(?:AFP|AP|dpa|Reuters|EFE|ANSA|APA|SDA|KNA|epd|Xinhua|TASS|ТАСС|РИА Новости|Interfax|Bloomberg|PA|AAP|Lusa|Europa Press|Agencia EFE|Associated Press|Agence France-Presse|Press Association|United Press International|UPI)$/i;
const INSTITUTIONAL_WORDS = /(?<![\p{L}])(?:news|press|agency|agence|agencia|agentur|staff|desk|newsroom|bureau|reporters|correspondents?|editorial|board|service|redaktion|rédaction|redacción|team|wire|wires)(?![\p{L}])/iu;

/** One name of a byline as a CSL name: a literal for institutions and single words. */
export function cslName(name: string): CslName {
  const n = name.replace(/\s+/g, ' ').trim();
  // One word ("AFP", "Reuters", a pen name) has no given name to split off.
  if (AGENCIES.test(n) || INSTITUTIONAL_WORDS.test(n) || !/\s/.test(n.replace(/,\s*/, ' ')) || /\d/.test(n)) return { literal: n };
  const parsed = parseName(n) as { family?: string; given?: string; 'non-dropping-particle'?: string; suffix?: string };
  if (!parsed?.family) return { literal: n };
  const out: CslName = { family: parsed.family };
  if (parsed.given) out.given = parsed.given;
  if (parsed['non-dropping-particle']) out['non-dropping-particle'] = parsed['non-dropping-particle'];
  if (parsed.suffix) out.suffix = parsed.suffix;
  return out;
}

/**
 * The names of a byline. Extraction and the record editor join several with "; "
 * (library/site-rules.ts authorNames); a person may also have typed "A and B" or "A & B",
 * or "A, B" for two full names. A single comma between single words ("Smith, John") is one
 * person written family first.
 */
export function bylineNames(author: string | null | undefined): string[] {
  const out: string[] = [];
  for (const part of (author ?? '').split(/\s*;\s*/)) {
    for (const piece of part.split(/\s+(?:and|&|und|et|y)\s+/i)) {
      const p = piece.trim();
      if (!p) continue;
      const commas = p.split(/\s*,\s*/).filter(Boolean);
      // "Jane Doe, John Roe": each side a full name. "Doe, Jane" or "Doe, Jane A.": one person.
      if (commas.length > 1 && commas.every((c) => /\s/.test(c))) out.push(...commas);
      else out.push(p);
    }
  }
  return out;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** "2019-09-20T15:17" → [2019, 9, 20]; "2019-09" → [2019, 9]; "2019" → [2019]: a partial date stays partial. */
export function cslDate(iso: string | null | undefined): CslDate | undefined {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return undefined;
  const parts = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[2] && m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

/** The key an item is known by inside one export or citation call. */
export const cslId = (clipId: number) => `clip-${clipId}`;

export function cslItem(clip: CitableClip): CslItem {
  const item: CslItem = { id: cslId(clip.id), type: 'article-newspaper', title: clip.title };
  // The outlet; a clip with none is cited by its site ("guardian.ng"), as the reader shows it.
  const container = clip.source?.trim() || clip.site?.trim();
  if (container) item['container-title'] = container;
  const names = bylineNames(clip.author).map(cslName);
  if (names.length) item.author = names;
  const issued = cslDate(clip.publishedAt);
  if (issued) item.issued = issued;
  // The access date is the day the page was saved: that is when its text was read as kept.
  const accessed = cslDate(clip.savedAt);
  if (accessed) item.accessed = accessed;
  if (clip.url) item.URL = clip.url;
  if (clip.language) item.language = clip.language;
  if (clip.standfirst) item.abstract = clip.standfirst;
  return item;
}
