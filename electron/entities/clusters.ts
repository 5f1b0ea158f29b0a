// Word classes learnt from unlabelled text, so words never seen in an annotated name still
// share weights with words that behave like them ("Zagreb" near "Sarajevo", "ministar" near
// "predsjednik"). Each frequent word is described by the words around it; k-means groups them.
// Built by the training script only; the model ships the word → class map.

/** A deterministic PRNG (mulberry32): the training script and the benchmarks use it too. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildClusters(docs: string[][], k: number, seed: number, minCount = 3, contextSize = 400): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) for (const w of d) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const contextIndex = new Map<string, number>();
  byFreq.slice(0, contextSize).forEach(([w], i) => contextIndex.set(w, i));
  const vocab = byFreq.filter(([, c]) => c >= minCount).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const dim = 2 * contextSize;
  // Sparse context vectors: for each word, the context slots it was seen with and how often.
  const contexts: Map<number, number>[] = vocab.map(() => new Map());
  for (const d of docs) {
    for (let i = 0; i < d.length; i++) {
      const v = vocabIndex.get(d[i]);
      if (v === undefined) continue;
      const left = i > 0 ? contextIndex.get(d[i - 1]) : undefined;
      const right = i + 1 < d.length ? contextIndex.get(d[i + 1]) : undefined;
      const m = contexts[v];
      if (left !== undefined) m.set(left, (m.get(left) ?? 0) + 1);
      if (right !== undefined) m.set(contextSize + right, (m.get(contextSize + right) ?? 0) + 1);
    }
  }
  // Square-root counts, then unit length: cosine k-means on dampened context distributions.
  const slots: Int32Array[] = [];
  const values: Float32Array[] = [];
  for (const m of contexts) {
    const idx = Int32Array.from(m.keys());
    const val = Float32Array.from(m.values(), Math.sqrt);
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j] /= norm;
    slots.push(idx);
    values.push(val);
  }
  const rand = seededRandom(seed);
  const centres = new Float32Array(k * dim);
  const seedWord = (c: number): void => {
    const v = Math.floor(rand() * vocab.length);
    centres.fill(0, c * dim, (c + 1) * dim);
    slots[v].forEach((j, n) => (centres[c * dim + j] = values[v][n]));
  };
  for (let c = 0; c < k; c++) seedWord(c);
  const assign = new Int32Array(vocab.length);
  const scores = new Float64Array(k);
  for (let iter = 0; iter < 10; iter++) {
    for (let v = 0; v < vocab.length; v++) {
      scores.fill(0);
      const idx = slots[v];
      const val = values[v];
      for (let n = 0; n < idx.length; n++) {
        const j = idx[n];
        const x = val[n];
        for (let c = 0; c < k; c++) scores[c] += x * centres[c * dim + j];
      }
      let arg = 0;
      for (let c = 1; c < k; c++) if (scores[c] > scores[arg]) arg = c;
      assign[v] = arg;
    }
    centres.fill(0);
    const sizes = new Int32Array(k);
    for (let v = 0; v < vocab.length; v++) {
      const co = assign[v] * dim;
      sizes[assign[v]]++;
      slots[v].forEach((j, n) => (centres[co + j] += values[v][n]));
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) {
        seedWord(c);
        continue;
      }
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += centres[c * dim + j] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < dim; j++) centres[c * dim + j] /= norm;
    }
  }
  return new Map(vocab.map((w, v) => [w, assign[v]]));
}
