// The language of a clip as an ISO 639-1 code. franc-min's method guesses from the text and speaks
// ISO 639-3; the page's own declaration (html lang, og:locale, JSON-LD inLanguage) is
// evidence too, but templates often declare "en" for everything, so a long text wins a
// disagreement and a short one defers to the declaration.
import { guessLanguage } from './trigram-language.ts';

const ISO3_TO_1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi',
  ita: 'it', tur: 'tr', pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', fuv: 'ff',
  bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', ckb: 'ku', yor: 'yo', uzn: 'uz', zlm: 'ms',
  ibo: 'ig', ceb: 'ceb', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn', plt: 'mg',
  nya: 'ny', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', ilo: 'ilo', rus: 'ru', ukr: 'uk',
  bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi',
  mar: 'mr', mai: 'mai', npi: 'ne', kin: 'rw', qug: 'qu', zyb: 'za',
  // Languages franc recognises by their script alone.
  cmn: 'zh', jpn: 'ja', kor: 'ko', ell: 'el', heb: 'he', tha: 'th', kat: 'ka', hye: 'hy',
  ben: 'bn', tam: 'ta', tel: 'te', kan: 'kn', mal: 'ml', guj: 'gu', pan: 'pa', ori: 'or',
  sin: 'si', khm: 'km', lao: 'lo', mya: 'my', amh: 'am', bod: 'bo', div: 'dv',
};

/** Normalise a declared language ("en-GB", "de_DE", "German") to ISO 639-1, or null. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  if (!m) return null;
  const code = m[1].toLowerCase();
  if (code.length === 2) return code;
  return ISO3_TO_1[code] ?? null;
}

const SAMPLE = 2500;

/** Guess from the text (its first few kB); null when too short to tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  if (sample.replace(/\s+/g, '').length < 40) return null;
  const code = guessLanguage(sample, 40);
  return code === 'und' ? null : (ISO3_TO_1[code] ?? null);
}

/** Decide between what the page declares and what the text looks like. */
export function chooseLanguage(declared: (string | null | undefined)[], text: string): string | null {
  const decl = declared.map(normalizeLanguageTag).find((x) => x) ?? null;
  const guessed = detectLanguage(text);
  if (!guessed) return decl;
  if (!decl || decl === guessed) return guessed;
  // A long text outvotes a template's declaration; a short one does not.
  return text.length > 600 ? guessed : decl;
}
