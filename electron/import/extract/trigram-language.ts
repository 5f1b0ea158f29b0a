// franc-min's language guess, computed the same way from the same data, but quickly.
//
// franc scores a text against every language of its script by looking each of the text's
// trigrams up in one object per language: some 80 languages × ~1,000 distinct trigrams of
// dictionary-mode property lookups, twice each, for every clip imported (a tenth of all
// extraction time). Here the per-language ranks are gathered once into one table keyed
// by trigram, so a text costs one lookup per trigram; the text's trigrams are counted, and
// its script found, without a boxed number or a string per character. The arithmetic, the
// order in which languages are tried and the tie-breaking are franc's, so the answer is
// always franc's (a test compares the two on real text).
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { clean } from 'trigram-utils';

/** franc's sample limit and its penalty for a trigram a language lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModel {
  languages: string[];
  /** trigram → its row in `ranks` (see TrigramTable). */
  rows: TrigramTable;
  /** Row r, language l: the trigram's rank in the language's model, -1 where absent. */
  ranks: Int16Array;
}

/** Three UTF-16 code units as one number (exact: 48 bits). */
const pack = (a: number, b: number, c: number) => a * 4294967296 + b * 65536 + c;

/**
 * Open-addressing table from a trigram (three code units, packed) to a small integer. A
 * Map keyed by 48-bit numbers boxes every key it is given; this holds them in a typed array
 * and hashes the code units directly.
 */
class TrigramTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Float64Array(n).fill(-1);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  private slot(a: number, b: number, c: number, key: number): number {
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 0;
    i = (i ^ (i >>> 15)) & this.mask;
    while (this.keys[i] !== key && this.keys[i] !== -1) i = (i + 1) & this.mask;
    return i;
  }

  /** The value for the trigram, or -1. */
  get(a: number, b: number, c: number): number {
    const key = pack(a, b, c);
    const i = this.slot(a, b, c, key);
    return this.keys[i] === key ? this.values[i] : -1;
  }

  /** The trigram's value, set to `fresh` (and counted in size) if it had none. */
  getOrAdd(a: number, b: number, c: number, fresh: number): number {
    const key = pack(a, b, c);
    const i = this.slot(a, b, c, key);
    if (this.keys[i] === key) return this.values[i];
    this.keys[i] = key;
    this.values[i] = fresh;
    this.size++;
    return fresh;
  }

  clear(): void {
    this.keys.fill(-1);
    this.size = 0;
  }
}

let models: Map<string, ScriptModel> | null = null;

function buildModels(): Map<string, ScriptModel> {
  const out = new Map<string, ScriptModel>();
  for (const script of Object.keys(data)) {
    const byLanguage = data[script];
    const languages = Object.keys(byLanguage);
    const lists = languages.map((lang) => byLanguage[lang].split('|'));
    const rows = new TrigramTable(lists.reduce((sum, l) => sum + l.length, 0));
    const rowOf: number[] = [];
    lists.forEach((model, li) => {
      for (let w = model.length - 1; w >= 0; w--) {
        const t = model[w];
        if (t.length !== 3) continue;
        const row = rows.getOrAdd(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2), rows.size);
        rowOf.push(row, li, w);
      }
    });
    const ranks = new Int16Array(rows.size * languages.length).fill(-1);
    for (let k = 0; k < rowOf.length; k += 3) ranks[rowOf[k] * languages.length + rowOf[k + 1]] = rowOf[k + 2];
    out.set(script, { languages, rows, ranks });
  }
  return out;
}

const scripts = Object.keys(expressions);
// Each code unit's scripts are kept as a bit mask.
if (scripts.length > 32) throw new Error('franc has more scripts than a mask holds');
/** Each script's expression matching one whole string (a code unit, or a surrogate pair). */
const wholeMatchers = scripts.map((s) => new RegExp(`^(?:${expressions[s].source})$`));
/** Code unit → bit mask of the scripts whose expression matches it alone; 0xffffffff: not yet known. */
const unitScripts = new Uint32Array(65536).fill(0xffffffff);
const pairScripts = new Map<number, number>();

function scriptMask(s: string): number {
  let mask = 0;
  for (let k = 0; k < wholeMatchers.length; k++) if (wholeMatchers[k].test(s)) mask |= 1 << k;
  return mask;
}

function unitMask(c: number): number {
  let m = unitScripts[c];
  if (m === 0xffffffff) m = unitScripts[c] = scriptMask(String.fromCharCode(c));
  return m;
}

const scriptCounts = new Float64Array(scripts.length);

/**
 * The script most of `value` is written in, as franc picks it (first of equals wins).
 * franc counts each script's matches with a global match of its expression; one pass over
 * the code units with each one's scripts remembered counts the same.
 */
function topScript(value: string): [string | undefined, number] {
  scriptCounts.fill(0);
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const d = i + 1 < n ? value.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      // A surrogate pair is one match where a script's expression takes it whole; where it
      // does not, each half is tried alone, as the global match would.
      const cp = (c << 16) | d;
      let pm = pairScripts.get(cp);
      if (pm === undefined) pairScripts.set(cp, (pm = scriptMask(value.slice(i, i + 2))));
      for (let k = 0; k < scripts.length; k++) {
        if (pm & (1 << k)) scriptCounts[k]++;
        else scriptCounts[k] += ((unitMask(c) >>> k) & 1) + ((unitMask(d) >>> k) & 1);
      }
      i++;
      continue;
    }
    const mask = unitMask(c);
    if (mask === 0) continue;
    for (let k = 0; k < scripts.length; k++) if (mask & (1 << k)) scriptCounts[k]++;
  }
  let top: string | undefined;
  let topCount = -1;
  for (let k = 0; k < scripts.length; k++) {
    const count = scriptCounts[k] / n || 0;
    if (count > topCount) {
      topCount = count;
      top = scripts[k];
    }
  }
  return [top, topCount];
}

/** Room for the distinct trigrams of a text this long: its trigrams → their slot, each one's
 * count and code units. Reused (one guess at a time per thread). */
function scratchFor(length: number) {
  return { trigrams: new TrigramTable(length), counts: new Int32Array(length), units: new Int32Array(length * 3) };
}
let scratch = scratchFor(MAX_LENGTH + 2);

/** franc(value, { minLength }): an ISO 639-3 code, or "und". */
export function guessLanguage(value: string, minLength = 10): string {
  if (!value || value.length < minLength) return 'und';
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  models ??= buildModels();
  const model = script ? models.get(script) : undefined;
  if (!model) return !script || share === 0 ? 'und' : script;

  const text = ` ${clean(value)} `;
  // Lower-casing can lengthen the sample ("İ" becomes two code units), so the room is
  // made from the cleaned text's length, not from MAX_LENGTH.
  if (text.length > scratch.counts.length) scratch = scratchFor(text.length);
  const { trigrams: textTrigrams, counts: trigramCounts, units: trigramUnits } = scratch;
  textTrigrams.clear();
  for (let i = 0; i + 3 <= text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const known = textTrigrams.size;
    const slot = textTrigrams.getOrAdd(a, b, c, known);
    if (textTrigrams.size !== known) {
      // Seen for the first time: remember its units, start its count.
      trigramUnits[slot * 3] = a;
      trigramUnits[slot * 3 + 1] = b;
      trigramUnits[slot * 3 + 2] = c;
      trigramCounts[slot] = 0;
    }
    trigramCounts[slot]++;
  }
  const n = model.languages.length;
  const distance = new Float64Array(n);
  for (let t = 0; t < textTrigrams.size; t++) {
    const count = trigramCounts[t];
    const row = model.rows.get(trigramUnits[t * 3], trigramUnits[t * 3 + 1], trigramUnits[t * 3 + 2]);
    if (row < 0) {
      for (let l = 0; l < n; l++) distance[l] += MAX_DIFFERENCE;
      continue;
    }
    const base = row * n;
    for (let l = 0; l < n; l++) {
      const rank = model.ranks[base + l];
      distance[l] += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  let best = 0;
  for (let l = 1; l < n; l++) if (distance[l] < distance[best]) best = l;
  return model.languages[best];
}
