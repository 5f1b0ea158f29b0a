// Duplicate and near-duplicate detection. Exact: a hash of the normalised text, so the
// same article saved twice (as HTML and again as HTML, or re-saved with a new header) is
// one clip. Near: a 64-bit SimHash over word shingles, so one wire story run by several
// outlets, or an edited later version of a page, is linked rather than lost or merged.
import crypto from 'node:crypto';

/** Lower case, letters and digits only, single spaces: formatting never makes two clips differ. */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function contentHash(text: string): string {
  return hashNormalised(normaliseForHash(text));
}

/** contentHash of text already through normaliseForHash. */
export function hashNormalised(normalised: string): string {
  return crypto.createHash('sha256').update(normalised).digest('hex');
}

// Two independent 32-bit string hashes (FNV-1a with a murmur finaliser, two seeds) make the
// 64 bits: fast, stable across runs, and no BigInt in the hot loop.
function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv64(s: string): [number, number] {
  return [hash32(s, 0x9e3779b9), hash32(s, 0x7f4a7c15)];
}

/** SimHash of word 3-shingles, as 16 hex digits. Empty text → null. */
export function simhash(text: string): string | null {
  return simhashNormalised(normaliseForHash(text));
}

/** simhash of text already through normaliseForHash. */
export function simhashNormalised(normalised: string): string | null {
  const words = normalised.split(' ').filter(Boolean);
  if (words.length < 8) return null;
  const counts = new Int32Array(64);
  const limit = Math.min(words.length - 2, 20_000);
  for (let i = 0; i < limit; i++) {
    const [lo, hi] = fnv64(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
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

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hammingDistance(a: string, b: string): number {
  return (
    popcount32((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) +
    popcount32((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0)
  );
}

/** Fingerprints this close (of 64 bits) are candidates; the word shingles then decide. */
export const NEAR_DUPLICATE_MAX_DISTANCE = 16;
/** This close, the fingerprints alone settle it (unrelated texts sit near 32). */
export const NEAR_DUPLICATE_SURE_DISTANCE = 6;

/** Word 3-shingles of a text (the first 5,000 words), for confirming a near-duplicate. */
export function shingles(text: string): Set<string> {
  const words = normaliseForHash(text).split(' ').filter(Boolean).slice(0, 5000);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * How much two texts share, 0–1: the larger of their Jaccard overlap and the share of the
 * shorter one found in the longer (a story trimmed by one outlet is still the same story).
 */
export function textOverlap(a: Set<string>, b: Set<string>): { jaccard: number; containment: number } {
  if (!a.size || !b.size) return { jaccard: 0, containment: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return { jaccard: common / (a.size + b.size - common), containment: common / small.size };
}

/** One wire story in two outlets, or an edited later version: most of the text is shared. */
export function isNearDuplicate(o: { jaccard: number; containment: number }): boolean {
  return o.jaccard >= 0.4 || o.containment >= 0.7;
}

/** Similarity shown to people: 1 for identical fingerprints, falling with distance. */
export function similarityFromDistance(d: number): number {
  return Math.round((1 - d / 64) * 100) / 100;
}

/** An in-memory index of every clip's fingerprint, for comparisons during one import. */
export class SimhashIndex {
  private ids: number[] = [];
  private lo: number[] = [];
  private hi: number[] = [];

  add(id: number, hash: string): void {
    this.ids.push(id);
    this.hi.push(parseInt(hash.slice(0, 8), 16));
    this.lo.push(parseInt(hash.slice(8), 16));
  }

  near(hash: string, maxDistance = NEAR_DUPLICATE_MAX_DISTANCE): { id: number; distance: number }[] {
    const hi = parseInt(hash.slice(0, 8), 16);
    const lo = parseInt(hash.slice(8), 16);
    const out: { id: number; distance: number }[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const d = popcount32((this.hi[i] ^ hi) >>> 0) + popcount32((this.lo[i] ^ lo) >>> 0);
      if (d <= maxDistance) out.push({ id: this.ids[i], distance: d });
    }
    return out.sort((a, b) => a.distance - b.distance).slice(0, 20);
  }
}
