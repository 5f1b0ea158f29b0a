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

// A shingle's 64 bits are two independent 32-bit hashes of its text ("w1 w2 w3"): FNV-1a
// seeded 0x9e3779b9 (low half) and 0x7f4a7c15 (high half), each through a murmur finaliser.
// Fast, stable across runs, and no BigInt in the hot loop. Libraries store the results, so
// this must never change.

/** The murmur finaliser, as an unsigned 32-bit number. */
function finish32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** SimHash of word 3-shingles, as 16 hex digits. Empty text → null. */
export function simhash(text: string): string | null {
  return simhashNormalised(normaliseForHash(text));
}

/** simhash of text already through normaliseForHash. */
export function simhashNormalised(normalised: string): string | null {
  const words = normalised.split(' ').filter(Boolean);
  if (words.length < 8) return null;
  const limit = Math.min(words.length - 2, 20_000);
  // For each of the 64 bits, how many shingles have it set, kept as vertical binary counters
  // (plane k holds bit k of all 32 counts of a half): adding a hash is a ripple of a few
  // word operations instead of 64 separate increments. 16 planes count past 20,000.
  const loPlanes = new Int32Array(16);
  const hiPlanes = new Int32Array(16);
  for (let i = 0; i < limit; i++) {
    // Both hashes of `${words[i]} ${words[i + 1]} ${words[i + 2]}`, in one pass and without
    // building the string (32 is the space).
    let a = (0x811c9dc5 ^ 0x9e3779b9) | 0;
    let b = (0x811c9dc5 ^ 0x7f4a7c15) | 0;
    for (let k = 0; k < 3; k++) {
      if (k > 0) {
        a = Math.imul(a ^ 32, 0x01000193);
        b = Math.imul(b ^ 32, 0x01000193);
      }
      const w = words[i + k];
      for (let j = 0; j < w.length; j++) {
        const c = w.charCodeAt(j);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x01000193);
      }
    }
    let carry = finish32(a) | 0;
    for (let p = 0; carry !== 0 && p < 16; p++) {
      const next = loPlanes[p] & carry;
      loPlanes[p] ^= carry;
      carry = next;
    }
    carry = finish32(b) | 0;
    for (let p = 0; carry !== 0 && p < 16; p++) {
      const next = hiPlanes[p] & carry;
      hiPlanes[p] ^= carry;
      carry = next;
    }
  }
  // A bit is set in the fingerprint when more than half the shingles have it.
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    let onesLo = 0;
    let onesHi = 0;
    for (let p = 0; p < 16; p++) {
      onesLo += ((loPlanes[p] >>> bit) & 1) << p;
      onesHi += ((hiPlanes[p] >>> bit) & 1) << p;
    }
    if (2 * onesLo > limit) lo |= 1 << bit;
    if (2 * onesHi > limit) hi |= 1 << bit;
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
