// The entity recogniser on the seed article and on input it must survive. No times are
// asserted here: bench/entities.ts measures speed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../../electron/entities/features.ts';
import { harmonise } from '../../../electron/entities/consistency.ts';
import { labelsToSpans, trimSpan } from '../../../electron/entities/labels.ts';
import { decode } from '../../../electron/entities/model.ts';
import { defaultModel, recogniseEntities } from '../../../electron/entities/recognise.ts';
import { tokenize } from '../../../electron/entities/tokenize.ts';
import { withPressNames } from '../../../electron/entities/press-names.ts';
import { SEED } from '../../helpers/temp-library.ts';

const seed = readFileSync(SEED, 'utf8');

function found(text: string, lang?: string): Set<string> {
  return new Set(recogniseEntities(text, lang).map((e) => `${e.type}:${e.text}`));
}

describe('recogniseEntities on the seed article', () => {
  const wanted = [
    'PER:Nicolas Maduro', 'PER:Vladimir Putin', 'PER:Dmitry Peskov', 'PER:Juan Guaido', 'PER:Hugo Chavez',
    'LOC:Venezuela', 'LOC:Russia', 'LOC:Moscow', 'LOC:Caracas', 'LOC:China', 'ORG:RIA Novosti', 'ORG:Interfax', 'ORG:Kremlin',
  ];

  it.each([['en'], [undefined]])('finds the people, places and organisations (lang %s)', (lang) => {
    const got = found(seed, lang);
    for (const w of wanted) expect(got, w).toContain(w);
  });

  it('takes the Kremlin for the body that speaks, never for a person', () => {
    expect([...found(seed, 'en')].filter((e) => e.endsWith(':Kremlin'))).toEqual(['ORG:Kremlin']);
  });

  it('knows the news agencies, and leaves a longer name around one to the model', () => {
    const text = 'Xinhua and Agence France-Presse reported it first, and Kyodo followed. The Reuters Institute studies news.';
    const got = recogniseEntities(text, 'en');
    for (const name of ['Xinhua', 'Agence France-Presse', 'Kyodo']) expect(got.find((e) => e.text === name)?.type, name).toBe('ORG');
    // "Reuters" alone is never cut out of the longer name the sentence gives.
    expect(got.some((e) => e.text === 'Reuters')).toBe(false);
  });

  it('gives offsets into the text it was given', () => {
    const entities = recogniseEntities(seed, 'en');
    expect(entities.length).toBeGreaterThan(20);
    for (const e of entities) {
      expect(seed.slice(e.start, e.end)).toBe(e.text);
      expect(['PER', 'LOC', 'ORG']).toContain(e.type);
    }
    for (let i = 1; i < entities.length; i++) expect(entities[i].start).toBeGreaterThanOrEqual(entities[i - 1].end);
  });

  it('keeps titles and possessives outside names', () => {
    const got = recogniseEntities("Mr. Putin's spokesman said President Nicolas Maduro would come.", 'en').map((e) => e.text);
    expect(got).toContain('Putin');
    for (const name of got) {
      expect(name).not.toMatch(/^(?:Mr|President)\b/);
      expect(name).not.toMatch(/['’]s$/);
    }
  });

  it('scores the same through the cached scorer as through the training feature lists', () => {
    const model = defaultModel();
    const tok = tokenize(seed);
    const labels = decode(model, extractFeatures(seed, tok, model.lexicon, 'en', model.hashBits), true);
    const spans = harmonise(tok.words, withPressNames(tok.words, labelsToSpans(labels).map((s) => trimSpan(tok.words, s)).filter((s) => s !== null)));
    const fromLists = spans.map((s) => `${tok.starts[s.first]}:${tok.ends[s.last - 1]}`);
    const fromScorer = recogniseEntities(seed, 'en').map((e) => `${e.start}:${e.end}`);
    expect(fromScorer).toEqual(fromLists);
  });
});

describe('recogniseEntities on awkward input', () => {
  it('returns nothing for empty or blank text', () => {
    expect(recogniseEntities('')).toEqual([]);
    expect(recogniseEntities('   \n\n\t')).toEqual([]);
    expect(recogniseEntities('.,;!?')).toEqual([]);
  });

  it('survives binary-looking text and keeps offsets valid', () => {
    let junk = '';
    for (let i = 0; i < 5000; i++) junk += String.fromCharCode((i * 7919) % 0xffff);
    junk += ' Angela Merkel visited Paris. \u0000\ud800 Zagreb';
    const entities = recogniseEntities(junk, 'de');
    for (const e of entities) expect(junk.slice(e.start, e.end)).toBe(e.text);
  });

  it('handles a huge text, and a huge line with no break, with offsets into the whole text', () => {
    const paragraph = 'Nicolas Maduro flew from Caracas to Moscow to meet Vladimir Putin. ';
    const huge = paragraph.repeat(3000);
    const entities = recogniseEntities(huge, 'en');
    expect(entities.length).toBeGreaterThan(6000);
    for (const e of entities.slice(-10)) expect(huge.slice(e.start, e.end)).toBe(e.text);
    expect(entities.at(-1)!.end).toBeGreaterThan(huge.length - paragraph.length);
  });

  it('accepts unknown and odd language codes', () => {
    expect(found('Vladimir Putin spoke in Moscow.', 'xx-YY')).toContain('PER:Vladimir Putin');
    expect(found('Vladimir Putin spoke in Moscow.', 'EN-gb')).toContain('PER:Vladimir Putin');
  });
});
