// The recogniser's weights and its decoder: a linear-chain model over BIO labels (one weight
// per hashed feature and label, one per label pair) decoded with Viterbi, so that "I-ORG"
// never follows "B-PER" and a name's words are labelled together.
import type { DocumentFeatures } from './features.ts';
import { LABEL_COUNT, allowedTransition } from './labels.ts';
import type { Lexicon } from './lexicon.ts';

export interface Model {
  hashBits: number;
  /** weights[feature * LABEL_COUNT + label] × scale: floats while training, one signed byte
   * each in the shipped model (a quarter of the memory, so lookups miss the cache less). */
  weights: Float32Array | Int8Array;
  scale: number;
  /** transitions[(prev + 1) * LABEL_COUNT + next], prev = -1 at a segment start. */
  transitions: Float32Array;
  lexicon: Lexicon;
}

/** Per-token label scores of tokens [a, b): out[(i - a) * LABEL_COUNT + label]. */
export function emissionScores(weights: Float32Array | Int8Array, f: DocumentFeatures, useLang: boolean, a: number, b: number, out: Float64Array): void {
  out.fill(0, 0, (b - a) * LABEL_COUNT);
  for (let i = a; i < b; i++) {
    const row = (i - a) * LABEL_COUNT;
    for (let k = f.offsets[i]; k < f.offsets[i + 1]; k++) {
      const base = f.feats[k] * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) out[row + y] += weights[base + y];
    }
    if (!useLang) continue;
    for (let k = f.langOffsets[i]; k < f.langOffsets[i + 1]; k++) {
      const base = f.langFeats[k] * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) out[row + y] += weights[base + y];
    }
  }
}

const ALLOWED: boolean[] = [];
for (let p = -1; p < LABEL_COUNT; p++) for (let y = 0; y < LABEL_COUNT; y++) ALLOWED.push(allowedTransition(p, y));

/** Best label sequence for tokens [a, b) given their emission scores; written to labels[a..b). */
// Scratch space for viterbi, grown as needed: decoding allocates nothing per sentence.
let scoreBuffer = new Float64Array(256 * LABEL_COUNT);
let backBuffer = new Int8Array(256 * LABEL_COUNT);

export function viterbi(emissions: Float64Array, transitions: Float32Array, a: number, b: number, labels: Uint8Array): void {
  const m = b - a;
  if (m <= 0) return;
  if (scoreBuffer.length < m * LABEL_COUNT) {
    scoreBuffer = new Float64Array(m * LABEL_COUNT * 2);
    backBuffer = new Int8Array(m * LABEL_COUNT * 2);
  }
  const score = scoreBuffer;
  const back = backBuffer;
  for (let y = 0; y < LABEL_COUNT; y++) score[y] = ALLOWED[y] ? emissions[y] + transitions[y] : -Infinity;
  for (let t = 1; t < m; t++) {
    const prevRow = (t - 1) * LABEL_COUNT;
    const row = t * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < LABEL_COUNT; p++) {
        const ti = (p + 1) * LABEL_COUNT + y;
        if (!ALLOWED[ti]) continue;
        const s = score[prevRow + p] + transitions[ti];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + y] = best + emissions[row + y];
      back[row + y] = arg;
    }
  }
  let y = 0;
  let best = -Infinity;
  const last = (m - 1) * LABEL_COUNT;
  for (let k = 0; k < LABEL_COUNT; k++) {
    if (score[last + k] > best) {
      best = score[last + k];
      y = k;
    }
  }
  for (let t = m - 1; t >= 0; t--) {
    labels[a + t] = y;
    y = back[t * LABEL_COUNT + y];
  }
}

/** Labels for every token of a document, from its feature lists (training's path; the
 * recogniser scores through scorer.ts, which caches and gives the same result). */
export function decode(model: Model, f: DocumentFeatures, useLang: boolean): Uint8Array {
  const n = f.offsets.length - 1;
  const labels = new Uint8Array(n);
  let longest = 0;
  for (let s = 0; s + 1 < f.segments.length; s++) longest = Math.max(longest, f.segments[s + 1] - f.segments[s]);
  const emissions = new Float64Array(longest * LABEL_COUNT);
  for (let s = 0; s + 1 < f.segments.length; s++) {
    const a = f.segments[s];
    const b = f.segments[s + 1];
    emissionScores(model.weights, f, useLang, a, b, emissions);
    if (model.scale !== 1) for (let k = 0; k < (b - a) * LABEL_COUNT; k++) emissions[k] *= model.scale;
    viterbi(emissions, model.transitions, a, b, labels);
  }
  return labels;
}
