// A folder of real saved pages for imports that need many distinct articles: the extraction
// corpus (842 pages across aeb, trafilatura and htmldate) cycled, each copy given a word of its
// own at the end of every block of text, so no two files hold the same article.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CORPUS } from './temp-library.ts';

let pages: Buffer[] | null = null;

function corpusPages(): Buffer[] {
  if (pages) return pages;
  pages = [];
  for (const dataset of ['aeb', 'trafilatura', 'htmldate']) {
    const dir = path.join(CORPUS, 'extraction', 'dev', dataset, 'html');
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.html.gz')) pages.push(zlib.gunzipSync(fs.readFileSync(path.join(dir, f))));
  }
  return pages;
}

/**
 * Writes `count` pages into `dir` as page-<label>-00000.html…; `label` keeps folders made for one
 * library apart (the same label and index give the same article). Answers the paths.
 */
export function writeUniquePages(dir: string, count: number, label: string, from = 0): string[] {
  const all = corpusPages();
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = from; i < from + count; i++) {
    const html = all[i % all.length].toString('latin1'); // byte-preserving round trip
    const tag = ` ref${label}${i.toString(36)}x${((i * 2654435761) % 1000003).toString(36)}`;
    // Pages without </p> use <br>, <div> or <li>: whatever part the extractor keeps differs.
    const unique = html.replace(/<\/(p|li|div|td|h[1-6]|blockquote)>|<br\s*\/?>/gi, (m) => `${tag}${m}`);
    const file = path.join(dir, `page-${label}-${String(i).padStart(5, '0')}.html`);
    fs.writeFileSync(file, Buffer.from(unique, 'latin1'));
    out.push(file);
  }
  return out;
}
