// SimHash values are stored in every library, so the fast implementation must give exactly
// what the plain definition gives: per word 3-shingle, two seeded FNV-1a hashes through a
// murmur finaliser, and each of the 64 bits set when most shingles have it.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hammingDistance, normaliseForHash, simhash } from '../../../electron/import/fingerprints.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function plainSimhash(text: string): string | null {
  const words = normaliseForHash(text).split(' ').filter(Boolean);
  if (words.length < 8) return null;
  const counts = new Array<number>(64).fill(0);
  const limit = Math.min(words.length - 2, 20_000);
  for (let i = 0; i < limit; i++) {
    const shingle = `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    const lo = hash32(shingle, 0x9e3779b9);
    const hi = hash32(shingle, 0x7f4a7c15);
    for (let b = 0; b < 32; b++) {
      counts[b] += (lo >>> b) & 1 ? 1 : -1;
      counts[b + 32] += (hi >>> b) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (counts[b] > 0) lo |= 1 << b;
    if (counts[b + 32] > 0) hi |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

describe('simhash', () => {
  it('matches the plain definition on real article text, short and very long', () => {
    const dir = path.join(CORPUS, 'extraction', 'dev', 'aeb', 'html');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.gz')).sort().slice(0, 40)
      .map((f) => gunzipSync(readFileSync(path.join(dir, f))).toString('utf8').replace(/<[^>]*>/g, ' '));
    texts.push('one two three four five six seven eight', 'too few words here', texts.join(' ').repeat(3), 'Ünïcödé wörds — „quoted“ and 東京 text, mixed in with ordinary English words too');
    const seen = new Set<string | null>();
    for (const t of texts) {
      const want = plainSimhash(t);
      expect(simhash(t)).toBe(want);
      seen.add(want);
    }
    expect(seen.size).toBeGreaterThan(35);
    expect(seen).toContain(null);
  });

  it('puts an edited copy near its original and an unrelated text far away', () => {
    const story = 'The council voted on Tuesday to close the old swimming baths at the end of the summer, after a survey found the roof unsafe and the boilers beyond repair. A new pool is planned for the leisure centre site, but will not open before 2027, leaving the town without public swimming for at least two years.';
    const edited = story.replace('Tuesday', 'Wednesday').replace('two years', 'three years');
    const other = 'Researchers at the observatory have catalogued more than four hundred new variable stars in a single season of observations, using a camera built by students from parts that cost less than a family car, and the data are now open for anyone to study.';
    expect(hammingDistance(simhash(story)!, simhash(edited)!)).toBeLessThanOrEqual(16);
    expect(hammingDistance(simhash(story)!, simhash(other)!)).toBeGreaterThan(16);
  });
});
