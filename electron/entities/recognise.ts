// recogniseEntities(text, lang?): the people, places and organisations named in a text, as
// character spans. Pure Node; the model file is read once per process (per import worker).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-paths.ts';
import { ENTITY_TYPES, LABEL_COUNT, labelsToSpans, trimSpan, type EntityType } from './labels.ts';
import { harmonise } from './consistency.ts';
import { withPressNames } from './press-names.ts';
import { decodeModel } from './model-file.ts';
import { viterbi, type Model } from './model.ts';
import { scoreTokens } from './scorer.ts';
import { tokenize } from './tokenize.ts';

export interface RecognisedEntity {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

/** The shipped model (CUTTINGS_ENTITY_MODEL names another, for trying a newly trained one). */
export const DEFAULT_MODEL_PATH = process.env.CUTTINGS_ENTITY_MODEL ?? path.join(PROJECT_ROOT, 'resources', 'entities', 'model.bin');

let loaded: Model | undefined;

/** The shipped model, loaded on first use. */
export function defaultModel(): Model {
  loaded ??= decodeModel(readFileSync(DEFAULT_MODEL_PATH));
  return loaded;
}

// Languages the model was trained with; other codes fall back to the language-free features.
const KNOWN_LANGS = new Set(['en', 'de', 'pt', 'da', 'hr', 'sr', 'sk', 'sv']);
// Long texts are labelled in slices so memory stays flat; a name never spans a line break, and a
// slice ends at one whenever it can.
const SLICE = 20_000;

export function recogniseEntities(text: string, lang?: string, model: Model = defaultModel()): RecognisedEntity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const code = lang?.toLowerCase().slice(0, 2);
  const known = code && KNOWN_LANGS.has(code) ? code : undefined;
  const out: RecognisedEntity[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + SLICE);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to);
      const space = text.lastIndexOf(' ', to);
      to = nl > from ? nl + 1 : space > from ? space + 1 : to;
    }
    recogniseSlice(text.slice(from, to), from, known, model, out);
    from = to;
  }
  return out;
}

function recogniseSlice(text: string, offset: number, lang: string | undefined, model: Model, out: RecognisedEntity[]): void {
  const tok = tokenize(text);
  if (tok.words.length === 0) return;
  const { emissions, analysis } = scoreTokens(text, tok, model, lang);
  const labels = new Uint8Array(tok.words.length);
  const segs = analysis.segments;
  for (let s = 0; s + 1 < segs.length; s++) {
    viterbi(emissions.subarray(segs[s] * LABEL_COUNT, segs[s + 1] * LABEL_COUNT), model.transitions, segs[s], segs[s + 1], labels);
  }
  const trimmed = labelsToSpans(labels).map((s) => trimSpan(tok.words, s)).filter((s) => s !== null);
  for (const s of harmonise(tok.words, withPressNames(tok.words, trimmed))) {
    const start = tok.starts[s.first];
    const end = tok.ends[s.last - 1];
    const surface = text.slice(start, end);
    out.push({ start: start + offset, end: end + offset, type: ENTITY_TYPES[s.type], text: surface });
  }
}
