// The BibTeX export, in the form Better BibTeX (the BibTeX importer most Zotero users have)
// writes and reads a newspaper article: biblatex's @article with entrysubtype = {newspaper}
// and journaltitle for the outlet. `journal` carries the outlet too, for plain BibTeX and for
// Zotero's own importer, which reads @article + journal as an article with its publication
// (it has no newspaper type for BibTeX); `date` keeps a partial date partial ("2019-09"),
// `year` is there for styles that read only it, and `urldate` is the access date (the day the
// page was saved). Text is UTF-8 with LaTeX's special characters escaped; the link is left
// as it is (biblatex reads url verbatim).
import type Database from 'better-sqlite3';
import { clipBatches } from './clip-records.ts';
import { cslItem, type CslDate, type CslItem, type CslName } from './csl-items.ts';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text as LaTeX reads it back: its special characters escaped, Unicode kept as it is. */
export function latexText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/[\\{}$&%#_^~]/g, (c) => SPECIALS[c]);
}

/**
 * A headline with its capitals protected, as Better BibTeX writes one: biblatex styles and
 * BibTeX importers (Better BibTeX's among them) sentence-case English titles, which would make
 * "Zürich" "zürich". Each word with a capital after the headline's first letter is braced.
 */
export function latexTitle(s: string): string {
  return latexText(s)
    .split(' ')
    .map((word, i) => (/\p{Lu}/u.test(i === 0 ? word.slice(1) : word) ? `{${word}}` : word))
    .join(' ');
}

/** A link inside braces: verbatim, but a brace would end the field, so it is percent-encoded. */
const verbatimUrl = (url: string) => url.replace(/\{/g, '%7B').replace(/\}/g, '%7D').replace(/\s/g, '%20');

function bibName(name: CslName): string {
  // An institution in braces is one name: "Associated Press" is not Mr Press, "AFP and Reuters" not two.
  if ('literal' in name) return `{${latexText(name.literal)}}`;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.suffix, name.given].filter((p): p is string => !!p).map(latexText).join(', ');
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: CslDate) => d['date-parts'][0].map((p, i) => (i ? pad(p) : String(p))).join('-');

/** "afp2019kremlin": the first author's name, the year and the headline's first long word, in ASCII. */
function baseKey(item: CslItem): string {
  const ascii = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const first = item.author?.[0];
  const who = first ? ascii('literal' in first ? first.literal.split(/\s+/)[0] : first.family) : '';
  const year = item.issued ? String(item.issued['date-parts'][0][0]) : '';
  const word = item.title.split(/\s+/).map(ascii).find((w) => w.length > 3) ?? ascii(item.title).slice(0, 12);
  return `${who}${year}${word}` || 'clip';
}

/** Keys unique within one export: a second "afp2019kremlin" is "afp2019kremlina". */
export class CitationKeys {
  private used = new Set<string>();
  next(item: CslItem): string {
    const base = baseKey(item);
    let key = base;
    for (let i = 0; this.used.has(key); i++) key = `${base}${i < 26 ? String.fromCharCode(97 + i) : i}`;
    this.used.add(key);
    return key;
  }
}

export function bibtexEntry(item: CslItem, key: string): string {
  const fields: [string, string][] = [['entrysubtype', 'newspaper'], ['title', latexTitle(item.title)]];
  if (item.author?.length) fields.push(['author', item.author.map(bibName).join(' and ')]);
  if (item['container-title']) {
    fields.push(['journaltitle', latexText(item['container-title'])], ['journal', latexText(item['container-title'])]);
  }
  if (item.issued) fields.push(['date', isoDate(item.issued)], ['year', String(item.issued['date-parts'][0][0])]);
  if (item.URL) fields.push(['url', verbatimUrl(item.URL)]);
  if (item.accessed) fields.push(['urldate', isoDate(item.accessed)]);
  if (item.abstract) fields.push(['abstract', latexText(item.abstract)]);
  return `@article{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

export async function* bibtexChunks(db: Database.Database, ids: readonly number[]): AsyncGenerator<string> {
  const keys = new CitationKeys();
  let first = true;
  for await (const batch of clipBatches(db, ids)) {
    for (const clip of batch) {
      const item = cslItem(clip);
      yield `${first ? '' : '\n'}${bibtexEntry(item, keys.next(item))}`;
      first = false;
    }
  }
}
