// The RIS export, written as Zotero's RIS translator reads a newspaper article: TY NEWS, TI
// the headline, AU one per author ("Family, Given"; an agency as its one name), T2 the
// outlet (for NEWS Zotero takes T2 as the publication; JO would land in "journal
// abbreviation", a field newspaper articles do not have), DA the date with its precision
// ("2019/09/20/", "2019/09//", "2019///") and PY its year, UR the link, Y2 the access date
// (the day the page was saved), LA the language, AB the standfirst. CRLF lines, UTF-8.
import type Database from 'better-sqlite3';
import { clipBatches } from './clip-records.ts';
import { cslItem, type CslDate, type CslItem, type CslName } from './csl-items.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** RIS's date: year/month/day/, with the parts not known left empty. */
export function risDate(date: CslDate): string {
  const [y, m, d] = date['date-parts'][0];
  return `${y}/${m ? pad(m) : ''}/${d ? pad(d) : ''}/`;
}

function risName(name: CslName): string {
  if ('literal' in name) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

/** A tag's value on one line: a value never carries a line break into the next tag. */
const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\r\n`;

export function risRecord(item: CslItem): string {
  let out = line('TY', 'NEWS');
  out += line('TI', item.title);
  for (const a of item.author ?? []) out += line('AU', risName(a));
  if (item['container-title']) out += line('T2', item['container-title']);
  if (item.issued) {
    out += line('DA', risDate(item.issued));
    out += line('PY', String(item.issued['date-parts'][0][0]));
  }
  if (item.URL) out += line('UR', item.URL);
  if (item.accessed) out += line('Y2', risDate(item.accessed));
  if (item.language) out += line('LA', item.language);
  if (item.abstract) out += line('AB', item.abstract);
  return `${out}ER  - \r\n`;
}

export async function* risChunks(db: Database.Database, ids: readonly number[]): AsyncGenerator<string> {
  let first = true;
  for await (const batch of clipBatches(db, ids)) {
    for (const clip of batch) {
      yield `${first ? '' : '\r\n'}${risRecord(cslItem(clip))}`;
      first = false;
    }
  }
}
