// franc-min's language guess, computed the same way from the same data, but quickly.
//
// franc scores a text against every language of its script by looking each of the text's
// trigrams up in one object per language: some 80 languages × ~1,000 distinct trigrams of
// dictionary-mode property lookups, twice each, for every clip imported (a tenth of all
// extraction time). Here the per-language ranks are gathered once into one table keyed
// by trigram, so a text costs one lookup per trigram. The arithmetic, the order in which
// languages are tried and the tie-breaking are franc's, so the answer is always franc's
// (a test compares the two on real text).
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { clean } from 'trigram-utils';

/** franc's sample limit and its penalty for a trigram a language lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModel {
  languages: string[];
  /** trigram (packed, see pack) → its rank in each language's model (-1 where absent). */
  ranks: Map<number, Int16Array>;
}

/** Three UTF-16 code units as one number (exact: 48 bits), a cheaper key than a string. */
const pack = (s: string, i: number) => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

let models: Map<string, ScriptModel> | null = null;

function buildModels(): Map<string, ScriptModel> {
  const out = new Map<string, ScriptModel>();
  for (const script of Object.keys(data)) {
    const byLanguage = data[script];
    const languages = Object.keys(byLanguage);
    const ranks = new Map<number, Int16Array>();
    languages.forEach((lang, li) => {
      const model = byLanguage[lang].split('|');
      // From the end, so a trigram listed twice keeps its first (lowest) rank, as in franc.
      for (let w = model.length - 1; w >= 0; w--) {
        // The text's trigrams are three code units; a model entry of any other length never matches.
        if (model[w].length !== 3) continue;
        const key = pack(model[w], 0);
        let row = ranks.get(key);
        if (!row) ranks.set(key, (row = new Int16Array(languages.length).fill(-1)));
        row[li] = w;
      }
    });
    out.set(script, { languages, ranks });
  }
  return out;
}

/** The script most of `value` is written in, as franc picks it (first of equals wins). */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const script of Object.keys(expressions)) {
    const count = (value.match(expressions[script])?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** franc(value, { minLength }): an ISO 639-3 code, or "und". */
export function guessLanguage(value: string, minLength = 10): string {
  if (!value || value.length < minLength) return 'und';
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  models ??= buildModels();
  const model = script ? models.get(script) : undefined;
  if (!model) return !script || share === 0 ? 'und' : script;

  // The text's trigrams and how often each occurs (franc's asDictionary).
  const text = ` ${clean(value)} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= text.length; i++) {
    const t = pack(text, i);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const n = model.languages.length;
  const distance = new Float64Array(n);
  for (const [trigram, count] of counts) {
    const row = model.ranks.get(trigram);
    if (!row) {
      for (let l = 0; l < n; l++) distance[l] += MAX_DIFFERENCE;
      continue;
    }
    for (let l = 0; l < n; l++) {
      const rank = row[l];
      distance[l] += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  let best = 0;
  for (let l = 1; l < n; l++) if (distance[l] < distance[best]) best = l;
  return model.languages[best];
}
