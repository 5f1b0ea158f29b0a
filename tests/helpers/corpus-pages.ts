// Real saved pages of the extraction corpus, un-gzipped into a folder: the first n of a
// dataset, or chosen ones by the first characters of their names (several pages of one site).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CORPUS, tempDir } from './temp-library.ts';

/** The first `n` saved pages of a corpus dataset (in name order), un-gzipped into `dir`. */
export function firstCorpusPages(dir: string, n: number, dataset = 'aeb'): string[] {
  const src = path.join(CORPUS, 'extraction', 'dev', dataset, 'html');
  fs.mkdirSync(dir, { recursive: true });
  return fs
    .readdirSync(src)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .slice(0, n)
    .map((f) => {
      const out = path.join(dir, f.replace(/\.gz$/, ''));
      fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(path.join(src, f))));
      return out;
    });
}

export function corpusPages(prefixes: string[], dir = tempDir('cuttings-pages-')): string[] {
  return prefixes.map((prefix) => {
    for (const dataset of ['aeb', 'trafilatura', 'htmldate']) {
      const folder = path.join(CORPUS, 'extraction', 'dev', dataset, 'html');
      const name = fs.readdirSync(folder).sort().find((f) => f.startsWith(prefix));
      if (!name) continue;
      const out = path.join(dir, name.replace(/\.gz$/, ''));
      const bytes = fs.readFileSync(path.join(folder, name));
      fs.writeFileSync(out, name.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes);
      return out;
    }
    throw new Error(`No corpus page starts with ${prefix}`);
  });
}
