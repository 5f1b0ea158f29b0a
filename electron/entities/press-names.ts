// Names every newsroom knows and a recogniser trained on web writing often misses or mistypes:
// the news agencies whose wire copy fills the papers ("Interfax news agency, quoting sources"),
// and the Kremlin, which news writes as a body that speaks ("the Kremlin said"). They are always
// organisations. A government seat such as the White House is left to the model: news also
// writes it as a place ("the candidate for the White House").
import type { TokenSpan } from './consistency.ts';
import { tokenize } from './tokenize.ts';

const ORG = 2;

const PRESS_ORGS: readonly string[] = [
  'Agence France-Presse', 'Agence France Presse', 'AFP', 'Associated Press', 'Reuters', 'Thomson Reuters', 'Bloomberg', 'Dow Jones',
  'Interfax', 'TASS', 'ITAR-TASS', 'RIA Novosti', 'Sputnik', 'Xinhua', 'Kyodo', 'Yonhap', 'EFE', 'ANSA', 'DPA', 'APA', 'Anadolu',
  'Bernama', 'Antara', 'Prensa Latina', 'Europa Press', 'Notimex', 'Agência Brasil', 'Lusa', 'HINA', 'Tanjug', 'Ritzau', 'TT',
  'Kremlin',
];

/** Each name as the tokenizer splits a text, longest first. */
const NAMES = PRESS_ORGS.map((name) => tokenize(name).words).sort((a, b) => b.length - a.length);
const FIRST_WORDS = new Set(NAMES.map((n) => n[0]));

/** The press names in `words`, as organisations; the model's spans over the same words give way. */
export function withPressNames(words: string[], spans: TokenSpan[]): TokenSpan[] {
  const found: TokenSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!FIRST_WORDS.has(words[i])) continue;
    const name = NAMES.find((n) => n.every((w, k) => words[i + k] === w));
    if (!name) continue;
    found.push({ first: i, last: i + name.length, type: ORG });
    i += name.length - 1;
  }
  if (found.length === 0) return spans;
  const kept = spans.filter((s) => {
    const inside = found.find((f) => f.first < s.last && s.first < f.last);
    if (!inside) return true;
    // A longer name around the press name ("Interfax-Ukraine", "Reuters Institute") is the model's to keep.
    return s.first < inside.first || s.last > inside.last;
  });
  const free = found.filter((f) => !kept.some((s) => f.first < s.last && s.first < f.last));
  return [...kept, ...free].sort((x, y) => x.first - y.first);
}
