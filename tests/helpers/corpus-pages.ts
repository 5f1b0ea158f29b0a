// Chosen pages of the extraction corpus, by the first characters of their names, un-gzipped
// into a folder of their own (for tests that need several pages of one site).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CORPUS, tempDir } from './temp-library.ts';

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
