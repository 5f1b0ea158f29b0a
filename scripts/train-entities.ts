// Trains the entity recogniser (electron/entities/) from the annotated training files in
// shared/corpus/entities/train/ ONLY, and writes resources/entities/model.bin.
//
//   node bin/run-ts.mjs scripts/train-entities.ts [--select] [--epochs N] [--seed N] [--out FILE]
//
// --select holds out every tenth document of each training file, trains on the rest and
// prints the held-out strict F1 per file after each epoch: that is how the epoch count and the
// features were chosen. Without it the model is trained on every training document.
// The evaluation files beside train/ are never read here.
//
// Switches of the English-news additions (each on by default):
//   --no-unlabelled    no unlabelled English news (shared/corpus/extraction/dev, see
//                      scripts/entity-unlabelled.ts) in the capitalisation counts and word
//                      classes, and so no self-training either
//   --no-triggers      no organisation/place trigger nouns from compromise (scripts/entity-word-lists.ts)
//   --no-embeddings    no word classes from pre-trained English word vectors (scripts/entity-embeddings.ts)
//   --ensemble N       perceptrons averaged into the model, each trained on another order of the
//                      sentences (default 5; 1 is a single perceptron)
//   --self-train W     weight of the self-labelled news sentences (0 = off; default 1)
//   --self-rounds N    relabel-and-retrain rounds (default 1)
//   --en-holdout 1,3,7,9   with --select, also hold out English documents whose index ends in
//                      these digits (a larger, less noisy English held-out slice)
// `--no-unlabelled --no-triggers --self-train 0` is the model as it was before these.
//
// The learner is an averaged structured perceptron (Collins 2002) over BIO labels with Viterbi
// decoding. The gazetteer features are "jackknifed": each training document sees a gazetteer
// built from the other folds only, so the weights learn how far a gazetteer hit can be trusted
// for a name it has not seen, which is the case that matters at run time.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFeatures, foldWords, type DocumentFeatures } from '../electron/entities/features.ts';
import { ENTITY_TYPES, LABEL_COUNT, beginLabel, insideLabel, labelsToSpans, trimSpan } from '../electron/entities/labels.ts';
import { buildCapitalisation, buildGazetteer, emptyLexicon, type Lexicon } from '../electron/entities/lexicon.ts';
import { buildClusters, seededRandom as random } from '../electron/entities/clusters.ts';
import { harmonise } from '../electron/entities/consistency.ts';
import { buildExternal } from './entity-word-lists.ts';
import { buildEmbeddingClasses } from './entity-embeddings.ts';
import { loadUnlabelledEnglish } from './entity-unlabelled.ts';
import { encodeModel } from '../electron/entities/model-file.ts';
import { decode, emissionScores, viterbi, type Model } from '../electron/entities/model.ts';
import { tokenize, type Tokens } from '../electron/entities/tokenize.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TRAIN_DIR = path.resolve(option('train', path.join(ROOT, '..', 'shared', 'corpus', 'entities', 'train')));
const OUT = path.resolve(option('out', path.join(ROOT, 'resources', 'entities', 'model.bin')));
const SELECT = flag('select');
const EPOCHS = Number(option('epochs', '10'));
const SEED = Number(option('seed', '1'));
// With --select, English documents whose index ends in one of these digits are held out too
// (--en-holdout 3,7: three tenths), so that English held-out scores are less noisy.
const EN_HOLDOUT = option('en-holdout', '').split(',').filter(Boolean).map(Number);
const HASH_BITS = Number(option('hash-bits', '19'));
const FOLDS = 5;
// Share of sentences trained without the language-conjoined features, so that the model also
// works when the caller does not know the language.
const LANG_DROPOUT = 0.25;
const CLUSTERS = Number(option('clusters', '256'));
// English training text is small (and web text, not news): its sentences are seen this many
// times per epoch, so English-specific weights get as much say as the other languages'.
const EN_REPEAT = Number(option('en-repeat', '2'));
// Unlabelled English news (the extraction corpus's article bodies) joins the training text in
// the capitalisation statistics and the word classes (see scripts/entity-unlabelled.ts).
const EXTRACTION_DIR = path.resolve(option('unlabelled', path.join(ROOT, '..', 'shared', 'corpus', 'extraction')));
const UNLABELLED = !flag('no-unlabelled');
// Self-training: a first model labels the unlabelled English news; the sentences on which its
// two views (with and without the language-conjoined features) agree join the training examples
// of a second model, their updates scaled by this weight (0 turns it off). Chosen on held-out
// English (--en-holdout 1,3,7,9 and 0,2,4,6): weight 0 / 0.25 / 0.5 / 1 / 2 gave EWT F1 about
// +0.01 to +0.02 over no self-training from 0.5 on, best at 1.
const SELF_WEIGHT = Number(option('self-train', '1'));
const SELF_EPOCHS = Number(option('self-epochs', String(EPOCHS)));
const SELF_ROUNDS = Number(option('self-rounds', '1'));
// One perceptron's F1 moves by about ±0.02 on English with the order it saw the sentences in;
// the average of several is steadier, and on the held-out slice a little better than any one.
const ENSEMBLE = Number(option('ensemble', '5'));

interface Doc {
  id: string;
  file: string;
  lang: string;
  text: string;
  tok: Tokens;
  lower: string[];
  gold: Uint8Array;
  spans: { first: number; last: number; type: number }[];
  entities: { start: number; end: number; type: number }[];
  fold: number;
  heldOut: boolean;
  features?: DocumentFeatures;
  /** Self-labelled documents: per sentence, whether the first model's two views agreed. */
  agree?: boolean[];
}


function stringHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  const files = readdirSync(TRAIN_DIR).filter((f) => f.endsWith('.jsonl')).sort();
  for (const file of files) {
    const lines = readFileSync(path.join(TRAIN_DIR, file), 'utf8').split('\n').filter(Boolean);
    lines.forEach((line, index) => {
      const d = JSON.parse(line) as { id: string; lang: string; text: string; entities: { start: number; end: number; type: string }[] };
      const tok = tokenize(d.text);
      const n = tok.words.length;
      const gold = new Uint8Array(n);
      const entities: Doc['entities'] = [];
      for (const e of d.entities) {
        const type = ENTITY_TYPES.indexOf(e.type as (typeof ENTITY_TYPES)[number]);
        if (type < 0) continue;
        entities.push({ start: e.start, end: e.end, type });
        let first = true;
        for (let i = 0; i < n; i++) {
          if (tok.ends[i] <= e.start || tok.starts[i] >= e.end) continue;
          gold[i] = first ? beginLabel(type) : insideLabel(type);
          first = false;
        }
      }
      docs.push({
        id: d.id, file, lang: d.lang, text: d.text, tok, lower: foldWords(tok.words), gold,
        spans: labelsToSpans(gold), entities, fold: stringHash(d.id) % FOLDS,
        heldOut: SELECT && (index % 10 === 5 || (d.lang === 'en' && EN_HOLDOUT.includes(index % 10))),
      });
    });
  }
  return docs;
}

function lexiconFor(docs: Doc[], shared: Lexicon): Lexicon {
  const lex: Lexicon = { ...emptyLexicon(), capitalised: shared.capitalised, clusters: shared.clusters, external: shared.external, longestExternal: shared.longestExternal, embeddings: shared.embeddings };
  buildGazetteer(docs, lex);
  return lex;
}

/** Averaged perceptron state: w, and u accumulating c·Δ so that the average is w − u/c. */
class Trainer {
  readonly w: Float32Array;
  readonly u: Float64Array;
  readonly tw = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT);
  readonly tu = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  c = 1;
  constructor(readonly hashBits: number) {
    this.w = new Float32Array((1 << hashBits) * LABEL_COUNT);
    this.u = new Float64Array((1 << hashBits) * LABEL_COUNT);
  }
  private bump(f: DocumentFeatures, i: number, useLang: boolean, label: number, delta: number): void {
    const cd = this.c * delta;
    for (let k = f.offsets[i]; k < f.offsets[i + 1]; k++) {
      const at = f.feats[k] * LABEL_COUNT + label;
      this.w[at] += delta;
      this.u[at] += cd;
    }
    if (!useLang) return;
    for (let k = f.langOffsets[i]; k < f.langOffsets[i + 1]; k++) {
      const at = f.langFeats[k] * LABEL_COUNT + label;
      this.w[at] += delta;
      this.u[at] += cd;
    }
  }
  update(f: DocumentFeatures, a: number, b: number, useLang: boolean, gold: Uint8Array, pred: Uint8Array, weight = 1): void {
    let prevG = -1;
    let prevP = -1;
    for (let i = a; i < b; i++) {
      const g = gold[i];
      const p = pred[i];
      if (g !== p) {
        this.bump(f, i, useLang, g, weight);
        this.bump(f, i, useLang, p, -weight);
      }
      if (g !== p || prevG !== prevP) {
        const tg = (prevG + 1) * LABEL_COUNT + g;
        const tp = (prevP + 1) * LABEL_COUNT + p;
        this.tw[tg] += weight;
        this.tu[tg] += this.c * weight;
        this.tw[tp] -= weight;
        this.tu[tp] -= this.c * weight;
      }
      prevG = g;
      prevP = p;
    }
  }
  averaged(lexicon: Lexicon): Model {
    const weights = new Float32Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i] - this.u[i] / this.c;
    const transitions = new Float32Array(this.tw.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.tw[i] - this.tu[i] / this.c;
    return { hashBits: this.hashBits, weights, scale: 1, transitions, lexicon };
  }
}

function f1(tp: number, pred: number, gold: number): number {
  return pred + gold === 0 ? 1 : (2 * tp) / (pred + gold);
}

/** Strict F1 per training file on the held-out documents (character spans, as the scorer does). */
function evaluate(model: Model, docs: Doc[]): string {
  const byFile = new Map<string, { tp: number; pred: number; gold: number }>();
  for (const d of docs) {
    const f = extractFeatures(d.text, d.tok, model.lexicon, d.lang, model.hashBits);
    const labels = decode(model, f, true);
    const trimmed = labelsToSpans(labels).map((s) => trimSpan(d.tok.words, s)).filter((s) => s !== null);
    const spans = flag('no-harmonise') ? trimmed : harmonise(d.tok.words, trimmed);
    const predicted = new Set(spans.map((s) => `${d.tok.starts[s.first]}:${d.tok.ends[s.last - 1]}:${s.type}`));
    const c = byFile.get(d.file) ?? { tp: 0, pred: 0, gold: 0 };
    c.pred += predicted.size;
    c.gold += d.entities.length;
    for (const e of d.entities) if (predicted.has(`${e.start}:${e.end}:${e.type}`)) c.tp++;
    byFile.set(d.file, c);
  }
  const parts: string[] = [];
  let sum = 0;
  for (const [file, c] of byFile) {
    const score = f1(c.tp, c.pred, c.gold);
    sum += score;
    parts.push(`${file.replace(/-train\.jsonl$/, '')} ${score.toFixed(3)}`);
  }
  return `mean ${(sum / byFile.size).toFixed(3)} | ${parts.join(' | ')}`;
}

interface Example {
  doc: Doc;
  a: number;
  b: number;
  weight: number;
}

/** ENSEMBLE perceptrons, each seeing the examples in another order, averaged into one model:
 * a single perceptron's result moves with the order it saw the sentences in. */
function trainEnsemble(examples: Example[], epochs: number, full: Lexicon, heldOut: Doc[], t0: number): Model {
  let sum: Model | undefined;
  for (let k = 0; k < ENSEMBLE; k++) {
    const model = trainPerceptron(examples, epochs, full, heldOut, t0, SEED + k).averaged(full);
    if (!sum) sum = model;
    else {
      for (let i = 0; i < sum.weights.length; i++) sum.weights[i] += model.weights[i];
      for (let i = 0; i < sum.transitions.length; i++) sum.transitions[i] += model.transitions[i];
    }
  }
  for (let i = 0; i < sum!.weights.length; i++) sum!.weights[i] /= ENSEMBLE;
  for (let i = 0; i < sum!.transitions.length; i++) sum!.transitions[i] /= ENSEMBLE;
  if (SELECT && ENSEMBLE > 1) console.log(`ensemble of ${ENSEMBLE} | held out: ${evaluate(sum!, heldOut)}`);
  return sum!;
}

function trainPerceptron(examples: Example[], epochs: number, full: Lexicon, heldOut: Doc[], t0: number, seed: number): Trainer {
  const rand = random(seed);
  const trainer = new Trainer(HASH_BITS);
  let longest = 0;
  let most = 0;
  for (const e of examples) {
    longest = Math.max(longest, e.b - e.a);
    most = Math.max(most, e.doc.tok.words.length);
  }
  const scratch = new Float64Array(Math.max(longest * LABEL_COUNT, 1 << 16));
  const pred = new Uint8Array(most);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = examples.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [examples[i], examples[j]] = [examples[j], examples[i]];
    }
    let mistakes = 0;
    for (const { doc, a, b, weight } of examples) {
      const useLang = rand() >= LANG_DROPOUT;
      const f = doc.features!;
      emissionScores(trainer.w, f, useLang, a, b, scratch);
      viterbi(scratch, trainer.tw, a, b, pred);
      let wrong = false;
      for (let i = a; i < b; i++) if (pred[i] !== doc.gold[i]) wrong = true;
      if (wrong) {
        mistakes++;
        trainer.update(f, a, b, useLang, doc.gold, pred, weight);
      }
      trainer.c++;
    }
    const line = `epoch ${epoch}: ${mistakes} of ${examples.length} sentences wrong, ${((performance.now() - t0) / 1000).toFixed(0)} s`;
    if (SELECT && (epoch === epochs || !flag('quiet'))) console.log(`${line} | held out: ${evaluate(trainer.averaged(full), heldOut)}`);
    else console.log(line);
  }
  return trainer;
}

/** Unlabelled texts as training documents labelled by `model`: each sees the gazetteer of the
 * training folds other than its own (as the labelled documents do), and records per sentence
 * whether decoding with and without the language features agreed. */
function selfLabel(model: Model, texts: string[], train: Doc[]): Doc[] {
  const lexicons: Lexicon[] = [];
  for (let k = 0; k < FOLDS; k++) lexicons.push(lexiconFor(train.filter((d) => d.fold !== k), model.lexicon));
  return texts.map((text, index) => {
    const tok = tokenize(text);
    const fold = index % FOLDS;
    const runtime = extractFeatures(text, tok, model.lexicon, 'en', model.hashBits);
    const withLang = decode(model, runtime, true);
    const without = decode(model, runtime, false);
    // The labels as the recogniser would give them (trimmed and made consistent).
    const spans = harmonise(tok.words, labelsToSpans(withLang).map((s) => trimSpan(tok.words, s)).filter((s) => s !== null));
    const gold = new Uint8Array(tok.words.length);
    for (const s of spans) for (let i = s.first; i < s.last; i++) gold[i] = i === s.first ? beginLabel(s.type) : insideLabel(s.type);
    const features = extractFeatures(text, tok, lexicons[fold], 'en', HASH_BITS);
    const agree: boolean[] = [];
    const segs = features.segments;
    for (let s = 0; s + 1 < segs.length; s++) {
      let same = true;
      for (let i = segs[s]; i < segs[s + 1] && same; i++) same = withLang[i] === without[i] && withLang[i] === gold[i];
      agree.push(same);
    }
    return {
      id: `unlabelled/${index}`, file: 'unlabelled', lang: 'en', text, tok, lower: foldWords(tok.words), gold,
      spans: [], entities: [], fold, heldOut: false, features, agree,
    };
  });
}

function main(): void {
  const t0 = performance.now();
  const docs = loadDocs();
  const train = docs.filter((d) => !d.heldOut);
  const heldOut = docs.filter((d) => d.heldOut);
  console.log(`${docs.length} documents (${heldOut.length} held out), loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Unlabelled statistics (capitalisation, word classes) come from the training text alone.
  const shared = emptyLexicon();
  const plain = train.map((d) => ({ words: d.tok.words, lower: d.lower, sentenceInitial: d.tok.sentenceInitial }));
  const unlabelledTexts = UNLABELLED ? loadUnlabelledEnglish(EXTRACTION_DIR) : [];
  if (UNLABELLED) {
    const texts = unlabelledTexts;
    for (const text of texts) {
      const tok = tokenize(text);
      plain.push({ words: tok.words, lower: foldWords(tok.words), sentenceInitial: tok.sentenceInitial });
    }
    console.log(`${texts.length} unlabelled English texts, ${texts.reduce((n, t) => n + t.length, 0)} characters`);
  }
  buildCapitalisation(plain, shared);
  if (CLUSTERS > 0) {
    const t1 = performance.now();
    shared.clusters = buildClusters(plain.map((d) => d.lower), CLUSTERS, SEED);
    console.log(`${shared.clusters.size} words in ${CLUSTERS} classes, ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  if (!flag('no-external')) {
    buildExternal(shared, !flag('no-triggers'));
    console.log(`${shared.external.size} words and phrases from compromise's lexicon`);
  }
  if (!flag('no-embeddings')) {
    const t1 = performance.now();
    shared.embeddings = buildEmbeddingClasses();
    console.log(`${shared.embeddings.size} words in classes of pre-trained word vectors, ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  const full = lexiconFor(train, shared);
  for (let k = 0; k < FOLDS; k++) {
    const lex = lexiconFor(train.filter((d) => d.fold !== k), shared);
    for (const d of train) if (d.fold === k) d.features = extractFeatures(d.text, d.tok, lex, d.lang, HASH_BITS);
  }
  console.log(`features ready, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Sentences (line segments) are the training examples.
  const examples: Example[] = [];
  for (const d of train) {
    const segs = d.features!.segments;
    const repeat = d.lang === 'en' ? EN_REPEAT : 1;
    for (let r = 0; r < repeat; r++) {
      for (let s = 0; s + 1 < segs.length; s++) if (segs[s + 1] > segs[s]) examples.push({ doc: d, a: segs[s], b: segs[s + 1], weight: 1 });
    }
  }
  let model = trainEnsemble(examples, EPOCHS, full, heldOut, t0);
  const base = examples.length;
  for (let round = 1; UNLABELLED && SELF_WEIGHT > 0 && round <= SELF_ROUNDS; round++) {
    // Each round relabels the unlabelled text with the latest model and trains afresh.
    examples.length = base;
    const selfDocs = selfLabel(model, unlabelledTexts, train);
    let kept = 0;
    let total = 0;
    let names = 0;
    for (const d of selfDocs) {
      const segs = d.features!.segments;
      for (let s = 0; s + 1 < segs.length; s++) {
        if (segs[s + 1] <= segs[s]) continue;
        total++;
        if (!d.agree![s]) continue;
        kept++;
        for (let i = segs[s]; i < segs[s + 1]; i++) if (d.gold[i] & 1) names++;
        examples.push({ doc: d, a: segs[s], b: segs[s + 1], weight: SELF_WEIGHT });
      }
    }
    console.log(`self-training round ${round}: ${kept} of ${total} unlabelled sentences kept (${names} names), weight ${SELF_WEIGHT}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    model = trainEnsemble(examples, SELF_EPOCHS, full, heldOut, t0);
  }
  const notice = readFileSync(path.join(ROOT, 'resources', 'entities', 'NOTICE.md'), 'utf8').split('\n')[0];
  const bytes = encodeModel(model, notice);
  if (!SELECT || flag('write')) {
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, bytes);
  }
  console.log(`model ${(bytes.length / 1e6).toFixed(2)} MB${SELECT && !flag('write') ? ' (not written)' : ` → ${OUT}`}, ${((performance.now() - t0) / 1000).toFixed(0)} s in all`);
}

main();
