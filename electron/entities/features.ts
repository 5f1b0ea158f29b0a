// Turns a tokenised document into hashed feature indices per token: the word, its shape and
// affixes, its neighbours, where it stands in the sentence, and what the lexicon says about it.
// Features are hashed (no feature strings in the model) so the weights are one flat array.
// Those conjoined with the language are kept apart so training can drop them at random and the
// model still works when the language is unknown.
import { lineBreakBetween, type Tokens } from './tokenize.ts';
import { EMBEDDING_FINE, ENTITY_SHARE_SHIFT, type Lexicon } from './lexicon.ts';

export interface DocumentFeatures {
  /** Features of token i are feats[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  feats: Int32Array;
  /** Language-conjoined features, laid out the same way. */
  langOffsets: Int32Array;
  langFeats: Int32Array;
  /** Index of the first token of each line segment, plus the token count at the end. */
  segments: number[];
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/** Lower case without diacritics, so "Nicolás" and "Nicolas" meet in the lexicon. */
export function foldWord(w: string): string {
  const l = w.toLowerCase();
  return NON_ASCII.test(l) ? l.normalize('NFD').replace(MARKS, '') : l;
}

export function foldWords(words: string[]): string[] {
  return words.map(foldWord);
}

/** X for capitals, x for small letters, d for digits, other characters as they are; runs collapsed. */
function wordShape(w: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < w.length && out.length < 6; i++) {
    const ch = w[i];
    const lo = ch.toLowerCase();
    const c = ch !== lo ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch >= '0' && ch <= '9' ? 'd' : ch;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

/** C capitalised, A all capitals, l small letters, o anything else. */
function capClass(w: string): string {
  const first = w.charAt(0);
  const lo = first.toLowerCase();
  if (first === lo) return first !== first.toUpperCase() ? 'l' : 'o';
  if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) return 'A';
  return 'C';
}

/** FNV-1a over a feature's template number and its parts (a separator between parts), then
 * a final mix; hashing the parts one after another spares building a string per feature. */
function hash(tag: number, s: string, s2?: string, s3?: string): number {
  let h = (0x811c9dc5 ^ Math.imul(tag + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (s2 !== undefined) {
    h = Math.imul(h ^ 0x1f, 0x01000193);
    for (let i = 0; i < s2.length; i++) h = Math.imul(h ^ s2.charCodeAt(i), 0x01000193);
  }
  if (s3 !== undefined) {
    h = Math.imul(h ^ 0x1f, 0x01000193);
    for (let i = 0; i < s3.length; i++) h = Math.imul(h ^ s3.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Splits tokens into line segments: a name never runs across a line break. */
function lineSegments(text: string, tok: Tokens): number[] {
  const segs = [0];
  for (let i = 1; i < tok.words.length; i++) {
    if (lineBreakBetween(text, tok.ends[i - 1], tok.starts[i])) segs.push(i);
  }
  segs.push(tok.words.length);
  return segs;
}

// Every proper prefix of a multi-word phrase, per phrase map, so matching extends a candidate
// word by word and stops as soon as no phrase can continue (instead of trying every length).
const prefixCache = new WeakMap<Map<string, number>, Set<string>>();
function prefixesOf(phrases: Map<string, number>): Set<string> {
  let set = prefixCache.get(phrases);
  if (!set) {
    set = new Set();
    for (const key of phrases.keys()) {
      for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) set.add(key.slice(0, at));
    }
    prefixCache.set(phrases, set);
  }
  return set;
}

/** Marks the tokens covered by the longest phrases of `phrases`, matched left to right, with
 * the phrase's class bits and the token's role in it (S whole, B first, I inner, E last). */
function matchPhrases(lower: string[], canStart: Uint8Array, phrases: Map<string, number>, from: number, to: number, out: string[]): void {
  const prefixes = prefixesOf(phrases);
  for (let j = from; j < to; ) {
    if (!canStart[j]) {
      j++;
      continue;
    }
    let key = lower[j];
    let matched = 0;
    let types = 0;
    for (let k = j; ; ) {
      const t = phrases.get(key);
      if (t !== undefined) {
        matched = k - j + 1;
        types = t;
      }
      if (++k >= to || k - j >= 8 || !prefixes.has(key)) break;
      key += ' ' + lower[k];
    }
    for (let k = j; k < j + matched; k++) {
      const role = matched === 1 ? 'S' : k === j ? 'B' : k === j + matched - 1 ? 'E' : 'I';
      out[k] = `${types}${role}`;
    }
    j += matched || 1;
  }
}

const enum T {
  Bias, Word, Shape, Pre3, Pre4, Suf2, Suf3, Suf4, Initial, Prev, Next, Prev2, Next2, PrevShape, NextShape,
  PrevWordShape, ShapeNextWord, Gaz, GazCap, GazShare, GazPrev, GazNext, Name, NameCap, CapStat, DocCap, DocLower,
  Cluster, ClusterPrev, ClusterNext, ClusterCap, LangShape, LangInitial, LangWord, LangSuf3, LangPrev, LangCapStat,
  WordCap, NamePrev, NameNext, LongCaps, Ext, ExtCap, ExtPrev, ExtNext, Emb, EmbCap, EmbPrev, EmbNext,
}

/** What feature extraction needs to know about a whole document, computed once. */
export interface Analysis {
  words: string[];
  infos: WordInfo[];
  lower: string[];
  shapes: string[];
  caps: string[];
  sentenceInitial: Uint8Array;
  segments: number[];
  /** Per token: gazetteer name match (class bits and role), or ''. */
  names: string[];
  /** Per token: external word-list match, or ''. */
  external: string[];
  /** Per token: its gazetteer class bits and its word class, as feature values. */
  gazTypes: string[];
  clusters: string[];
  /** Per token: its coarse word-vector class, or 'u'. */
  embs: string[];

  /** Words written with a capital / in small letters away from a sentence start, in this document. */
  docCap: Set<string>;
  docLower: Set<string>;
}

/** What the lexicon and the spelling say about one word: the same wherever it occurs, so it is
 * worked out once per word and lexicon and kept (with the scores of the word's intrinsic
 * features, which the scorer adds). */
export interface WordInfo {
  lower: string;
  shape: string;
  cap: string;
  gaz: string;
  cluster: string;
  /** Its word-vector class, fine and coarse ('u': none). */
  emb: string;
  embCoarse: string;
  /** How often the word is inside an annotated name (shareBucket; 0 = never seen in one). */
  share: number;
  /** 1 if a gazetteer name / an external phrase may start with this word. */
  nameStart: number;
  externalStart: number;
  /** Intrinsic feature scores for the language `scoredLang`, in mid-sentence and opening a
   * sentence; filled by the scorer. */
  scoredLang?: string;
  scoredBy?: object;
  medialScores?: Float64Array;
  initialScores?: Float64Array;
}

const WORD_CACHE_LIMIT = 200_000;
const wordCaches = new WeakMap<Lexicon, Map<string, WordInfo>>();

function wordCache(lex: Lexicon): Map<string, WordInfo> {
  let cache = wordCaches.get(lex);
  if (!cache) wordCaches.set(lex, (cache = new Map()));
  return cache;
}

export function wordInfo(word: string, lex: Lexicon, cache = wordCache(lex)): WordInfo {
  let info = cache.get(word);
  if (info) return info;
  const lower = foldWord(word);
  const g = lex.words.get(lower);
  info = {
    lower,
    shape: wordShape(word),
    cap: capClass(word),
    gaz: g === undefined ? '0' : String(g & 0xfff),
    share: g === undefined ? 0 : g >>> ENTITY_SHARE_SHIFT,
    cluster: String(lex.clusters.get(lower) ?? 'u'),
    emb: 'u',
    embCoarse: 'u',
    nameStart: lex.names.has(lower) || prefixesOf(lex.names).has(lower) ? 1 : 0,
    externalStart: lex.external.has(lower) || prefixesOf(lex.external).has(lower) ? 1 : 0,
  };
  const e = lex.embeddings.get(lower);
  if (e !== undefined) {
    info.emb = String(e);
    info.embCoarse = String(Math.floor(e / EMBEDDING_FINE));
  }
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, info);
  return info;
}

export function analyse(text: string, tok: Tokens, lex: Lexicon): Analysis {
  const n = tok.words.length;
  const cache = wordCache(lex);
  const infos = new Array<WordInfo>(n);
  const lower = new Array<string>(n);
  const caps = new Array<string>(n);
  const shapes = new Array<string>(n);
  const gazTypes = new Array<string>(n);
  const clusters = new Array<string>(n);
  const embs = new Array<string>(n);
  const nameStart = new Uint8Array(n);
  const externalStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = wordInfo(tok.words[i], lex, cache);
    infos[i] = x;
    lower[i] = x.lower;
    caps[i] = x.cap;
    shapes[i] = x.shape;
    gazTypes[i] = x.gaz;
    clusters[i] = x.cluster;
    embs[i] = x.embCoarse;
    nameStart[i] = x.nameStart;
    externalStart[i] = x.externalStart;
  }
  const segments = lineSegments(text, tok);
  const names: string[] = new Array(n).fill('');
  const external: string[] = new Array(n).fill('');
  for (let s = 0; s + 1 < segments.length; s++) {
    // Web text writes names in small letters too ("tampa bay"), so any word may start one.
    matchPhrases(lower, nameStart, lex.names, segments[s], segments[s + 1], names);
    if (lex.external.size) matchPhrases(lower, externalStart, lex.external, segments[s], segments[s + 1], external);
  }
  // Within one document a word written with a capital in mid-sentence is likely a name where it
  // opens a sentence too; one written in small letters in mid-sentence is likely not.
  const docCap = new Set<string>();
  const docLower = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (tok.sentenceInitial[i]) continue;
    if (caps[i] === 'C' || caps[i] === 'A') docCap.add(lower[i]);
    else if (caps[i] === 'l') docLower.add(lower[i]);
  }
  return { words: tok.words, infos, lower, shapes, caps, sentenceInitial: tok.sentenceInitial, segments, names, external, gazTypes, clusters, embs, docCap, docLower };
}

/** Features of the token itself (its spelling, its lexicon entries, whether it opens a
 * sentence): the same wherever the word occurs, so the recogniser caches their scores. */
export function intrinsicFeatures(an: Analysis, i: number, lex: Lexicon, lang: string, mask: number, out: number[], langOut: number[]): void {
  const add = (tag: T, s: string): number => out.push(hash(tag, s) & mask);
  const w = an.lower[i];
  const shape = an.shapes[i];
  const cap = an.caps[i];
  const init = an.sentenceInitial[i] ? 'i' : 'm';
  add(T.Bias, '');
  add(T.Word, w);
  add(T.Shape, shape);
  add(T.WordCap, w + cap);
  if (w.length > 3) {
    add(T.Pre3, w.slice(0, 3));
    add(T.Suf3, w.slice(-3));
  }
  if (w.length > 4) {
    add(T.Pre4, w.slice(0, 4));
    add(T.Suf4, w.slice(-4));
  }
  if (w.length > 2) add(T.Suf2, w.slice(-2));
  add(T.Initial, init + cap);
  const g = lex.words.get(w);
  if (g !== undefined) {
    const bits = g & 0xfff;
    for (let bit = 0; bit < 12; bit++) {
      if (!(bits & (1 << bit))) continue;
      add(T.Gaz, String(bit));
      add(T.GazCap, bit + cap + init);
    }
    add(T.GazShare, String(g >>> ENTITY_SHARE_SHIFT) + cap + init);
  } else {
    add(T.GazShare, '0' + cap + init);
  }
  const capStat = lex.capitalised.get(w);
  const cs = capStat === undefined ? 'n' : String(capStat);
  add(T.CapStat, cs + init + cap);
  if (lex.clusters.size) {
    const k = String(lex.clusters.get(w) ?? 'u');
    add(T.Cluster, k);
    add(T.ClusterCap, k + cap + init);
  }
  if (lex.embeddings.size) {
    const x = an.infos[i];
    add(T.Emb, x.emb);
    add(T.EmbCap, x.embCoarse + cap + init);
  }
  if (lang) {
    const addLang = (tag: T, s: string): number => langOut.push(hash(tag, s) & mask);
    addLang(T.LangShape, lang + shape);
    addLang(T.LangInitial, lang + init + cap);
    addLang(T.LangWord, lang + w);
    addLang(T.LangSuf3, lang + w.slice(-3));
    addLang(T.LangCapStat, lang + cs + init + cap);
  }
}

/** Features of the token in its place: neighbours, runs of capitals, phrase matches, and what
 * the rest of the document says about the word. Tokens [a, b) are the token's line segment. */
export function contextualFeatures(an: Analysis, i: number, a: number, b: number, lex: Lexicon, lang: string, mask: number, out: number[], langOut: number[]): void {
  // Written without closures or concatenated strings: this runs for every token of every page.
  const { lower, shapes, caps, names, external } = an;
  const cap = caps[i];
  const shape = shapes[i];
  const prevWord = i > a ? lower[i - 1] : '<s>';
  const nextWord = i + 1 < b ? lower[i + 1] : '</s>';
  out.push(hash(T.Prev, prevWord) & mask, hash(T.Next, nextWord) & mask, hash(T.PrevShape, i > a ? shapes[i - 1] : '<s>', shape) & mask);
  // Most tokens are plain: small letters or punctuation that no name list knows. They are
  // nearly always O, so they get only their nearest neighbours (none at all cost 0.007 F1 on
  // the held-out slice); this halves the time spent. A small word that names sometimes
  // contain ("of", "de") counts as plain unless a capital stands beside it or it is mostly
  // seen inside names.
  const plain =
    (cap === 'l' || cap === 'o') && external[i] === '' && names[i] === '' &&
    (an.gazTypes[i] === '0' || (an.infos[i].share <= 3 && !capital(caps, i - 1, a, b) && !capital(caps, i + 1, a, b)));
  if (plain) return;
  const init = an.sentenceInitial[i] ? 'i' : 'm';
  out.push(
    hash(T.Prev2, i - 1 > a ? lower[i - 2] : '<s>') & mask,
    hash(T.Next2, i + 2 < b ? lower[i + 2] : '</s>') & mask,
    hash(T.NextShape, shape, i + 1 < b ? shapes[i + 1] : '</s>') & mask,
    hash(T.PrevWordShape, prevWord, cap) & mask,
    hash(T.ShapeNextWord, cap, nextWord) & mask,
    hash(T.GazPrev, i > a ? an.gazTypes[i - 1] : '-', cap) & mask,
    hash(T.GazNext, cap, i + 1 < b ? an.gazTypes[i + 1] : '-') & mask,
    hash(T.Name, names[i]) & mask,
    hash(T.NameCap, names[i], cap) & mask,
    hash(T.NamePrev, i > a ? names[i - 1] : '<s>', names[i]) & mask,
    hash(T.NameNext, names[i], i + 1 < b ? names[i + 1] : '</s>') & mask,
  );
  // A run of capitalised words (a multi-word name) around this token, by its length.
  if (cap === 'C' || cap === 'A') {
    let run = 1;
    for (let k = i - 1; k >= a && (caps[k] === 'C' || caps[k] === 'A'); k--) run++;
    for (let k = i + 1; k < b && (caps[k] === 'C' || caps[k] === 'A'); k++) run++;
    out.push(hash(T.LongCaps, RUN[Math.min(run, 4)], init) & mask);
  }
  if (lex.external.size) {
    out.push(
      hash(T.Ext, external[i]) & mask,
      hash(T.ExtCap, external[i], cap, init) & mask,
      hash(T.ExtPrev, i > a ? external[i - 1] : '<s>', cap) & mask,
      hash(T.ExtNext, cap, i + 1 < b ? external[i + 1] : '</s>') & mask,
    );
  }
  if (init === 'i') {
    if (an.docCap.has(lower[i])) out.push(hash(T.DocCap, cap) & mask);
    if (an.docLower.has(lower[i])) out.push(hash(T.DocLower, cap) & mask);
  }
  if (lex.clusters.size) {
    out.push(hash(T.ClusterPrev, i > a ? an.clusters[i - 1] : '-', cap) & mask, hash(T.ClusterNext, cap, i + 1 < b ? an.clusters[i + 1] : '-') & mask);
  }
  if (lex.embeddings.size) {
    out.push(hash(T.EmbPrev, i > a ? an.embs[i - 1] : '-', cap) & mask, hash(T.EmbNext, cap, i + 1 < b ? an.embs[i + 1] : '-') & mask);
  }
  if (lang) langOut.push(hash(T.LangPrev, lang, prevWord, cap) & mask);
}

const RUN = ['0', '1', '2', '3', '4'];
const capital = (caps: string[], k: number, a: number, b: number): boolean => k >= a && k < b && (caps[k] === 'C' || caps[k] === 'A');

/** Every feature of every token, as lists (what training iterates over). */
export function extractFeatures(text: string, tok: Tokens, lex: Lexicon, lang: string | undefined, hashBits: number): DocumentFeatures {
  const an = analyse(text, tok, lex);
  const n = tok.words.length;
  const mask = (1 << hashBits) - 1;
  const L = lang ?? '';
  const feats: number[] = [];
  const langFeats: number[] = [];
  const offsets = new Int32Array(n + 1);
  const langOffsets = new Int32Array(n + 1);
  for (let s = 0; s + 1 < an.segments.length; s++) {
    const a = an.segments[s];
    const b = an.segments[s + 1];
    for (let i = a; i < b; i++) {
      offsets[i] = feats.length;
      langOffsets[i] = langFeats.length;
      intrinsicFeatures(an, i, lex, L, mask, feats, langFeats);
      contextualFeatures(an, i, a, b, lex, L, mask, feats, langFeats);
    }
  }
  offsets[n] = feats.length;
  langOffsets[n] = langFeats.length;
  return { offsets, feats: Int32Array.from(feats), langOffsets, langFeats: Int32Array.from(langFeats), segments: an.segments };
}
