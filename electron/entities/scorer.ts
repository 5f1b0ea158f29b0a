// Label scores for the tokens of a document, as the recogniser computes them at run time. The
// same sums as model.ts's emissionScores over extractFeatures' lists, but the scores of a
// token's intrinsic features (see features.ts) are cached per word, and most words of a page
// have been seen before: that halves the hashing and the weight lookups.
import { analyse, contextualFeatures, intrinsicFeatures, type Analysis } from './features.ts';
import { LABEL_COUNT } from './labels.ts';
import type { Model } from './model.ts';
import type { Tokens } from './tokenize.ts';

function addRows(weights: Float32Array | Int8Array, feats: number[], row: Float64Array, at: number): void {
  for (const f of feats) {
    const base = f * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) row[at + y] += weights[base + y];
  }
}

/** Emission scores of every token, emissions[i * LABEL_COUNT + label], and the analysis. */
export function scoreTokens(text: string, tok: Tokens, model: Model, lang: string | undefined): { emissions: Float64Array; analysis: Analysis } {
  const lex = model.lexicon;
  const an = analyse(text, tok, lex);
  const n = tok.words.length;
  const mask = (1 << model.hashBits) - 1;
  const L = lang ?? '';
  const weights = model.weights;
  const emissions = new Float64Array(n * LABEL_COUNT);
  const feats: number[] = [];
  const langFeats: number[] = [];
  for (let s = 0; s + 1 < an.segments.length; s++) {
    const a = an.segments[s];
    const b = an.segments[s + 1];
    for (let i = a; i < b; i++) {
      // Cached on the word's lexicon entry, for one model and one language at a time.
      const info = an.infos[i];
      if (info.scoredLang !== L || info.scoredBy !== model) {
        info.scoredLang = L;
        info.scoredBy = model;
        info.medialScores = info.initialScores = undefined;
      }
      const initial = an.sentenceInitial[i] === 1;
      let own = initial ? info.initialScores : info.medialScores;
      if (!own) {
        feats.length = 0;
        langFeats.length = 0;
        intrinsicFeatures(an, i, lex, L, mask, feats, langFeats);
        own = new Float64Array(LABEL_COUNT);
        addRows(weights, feats, own, 0);
        addRows(weights, langFeats, own, 0);
        if (initial) info.initialScores = own;
        else info.medialScores = own;
      }
      const at = i * LABEL_COUNT;
      emissions.set(own, at);
      feats.length = 0;
      langFeats.length = 0;
      contextualFeatures(an, i, a, b, lex, L, mask, feats, langFeats);
      addRows(weights, feats, emissions, at);
      addRows(weights, langFeats, emissions, at);
    }
  }
  if (model.scale !== 1) for (let k = 0; k < emissions.length; k++) emissions[k] *= model.scale;
  return { emissions, analysis: an };
}
