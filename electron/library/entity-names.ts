// One name per entity, the part that needs no database: a name's folded key (case, diacritics
// and punctuation folded away, titles dropped) and a clip's mentions grouped by that key, with a
// bare surname counted under the full name the same clip uses ("Maduro" → "Nicolás Maduro").
// Pure, so it runs in the import worker beside the recogniser; library/entities.ts stores the
// result and links keys across the library.

export type EntityType = 'PER' | 'LOC' | 'ORG';

/** A recognised span, as electron/entities/recognise.ts answers it. */
export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

/** One entity named in one clip: what store-clip.ts writes as clip_entity_names rows. */
export interface ClipMention {
  type: EntityType;
  /** The folded key the mentions count under (a full name's key for a linked surname). */
  key: string;
  /** The name as the clip writes it, title dropped ("Nicolas Maduro"). */
  name: string;
  mentions: number;
  /** UTF-16 offset of the first mention in the body text; null when only the title or standfirst names it. */
  firstOffset: number | null;
}

// Titles and honorifics dropped from the front of a person's name, folded (no dots, no case,
// no accents). Several words are listed as their folded sequence ("prime minister").
const TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'mister', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice president', 'prime minister', 'minister', 'foreign minister', 'chancellor', 'premier',
  'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'judge', 'justice',
  'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'major', 'admiral',
  'king', 'queen', 'prince', 'princess', 'pope', 'saint', 'st', 'rev', 'reverend', 'father', 'sheikh', 'ayatollah',
  'spokesman', 'spokeswoman', 'opposition leader', 'leader', 'comrade',
  // German, Spanish, French, Portuguese, Italian
  'herr', 'frau', 'prasident', 'prasidentin', 'bundeskanzler', 'bundeskanzlerin', 'kanzler', 'kanzlerin', 'ministerin',
  'sr', 'sra', 'srta', 'senor', 'senora', 'don', 'dona', 'presidente', 'presidenta', 'ministro', 'ministra',
  'm', 'mme', 'mlle', 'monsieur', 'madame', 'president de la republique', 'general de',
  'sig', 'signor', 'signora', 'dott',
];
const TITLE_SEQUENCES = TITLES.map((t) => t.split(' ')).sort((a, b) => b.length - a.length);

/** Case, diacritics and punctuation folded away: "Nicolás  Maduro’s" → "nicolas maduro". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    // A possessive is the name's, not part of it.
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a folded name with its leading titles dropped (a name that is only a title stays). */
function withoutTitles(words: string[]): string[] {
  let rest = words;
  for (let again = true; again; ) {
    again = false;
    for (const seq of TITLE_SEQUENCES) {
      if (rest.length > seq.length && seq.every((w, i) => rest[i] === w)) {
        rest = rest.slice(seq.length);
        again = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * A recognised name as stored: its key and the name to show, titles dropped from persons
 * ("President Maduro" → maduro / "Maduro"). Null for a name with no letters or digits.
 */
export function entityName(type: EntityType, surface: string): { key: string; name: string } | null {
  const text = surface.replace(/\s+/g, ' ').replace(/['’]s$/, '').trim();
  const folded = foldName(text);
  if (!folded) return null;
  if (type !== 'PER') return { key: folded, name: text };
  const words = folded.split(' ');
  const kept = withoutTitles(words);
  if (kept.length === words.length) return { key: folded, name: text };
  // Drop as many written words as titles were dropped (a title is one written word per folded one,
  // "Sr." and "Präsident" included).
  const written = text.split(' ');
  const dropped = words.length - kept.length;
  const name = written.length - dropped >= kept.length ? written.slice(written.length - kept.length).join(' ') : text;
  return { key: kept.join(' '), name };
}

/** Letters with diacritics: of two spellings of one name, the one that keeps them says more. */
function accents(name: string): number {
  return (name.normalize('NFD').match(/\p{M}/gu) ?? []).length;
}

/** The better of two spellings of one key: the one with its accents, else the first seen. */
export function betterName(current: string, candidate: string): string {
  return accents(candidate) > accents(current) ? candidate : current;
}

export interface ClipText {
  title: string;
  standfirst: string | null;
  bodyText: string;
}

/**
 * A clip's mentions grouped per entity. `title` and `standfirst` spans are given separately
 * from the body's (their offsets are their own), so a first offset is always one into the body.
 * A person named by one word (a surname) counts under the one full name of the clip that ends
 * with it; with none, or two, it stays its own.
 */
export function groupMentions(spans: { span: EntitySpan; inBody: boolean }[]): ClipMention[] {
  const named: { type: EntityType; key: string; name: string; offset: number | null }[] = [];
  for (const { span, inBody } of spans) {
    const n = entityName(span.type, span.text);
    if (n) named.push({ type: span.type, key: n.key, name: n.name, offset: inBody ? span.start : null });
  }
  // One name is one thing within an article: a name the recogniser typed differently in
  // places ("Venezuela’s Maduro" read as a place in a headline) takes the type most of its
  // mentions have. A tie keeps each mention's own.
  const types = new Map<string, Map<EntityType, number>>();
  for (const n of named) {
    const t = types.get(n.key) ?? new Map<EntityType, number>();
    t.set(n.type, (t.get(n.type) ?? 0) + 1);
    types.set(n.key, t);
  }
  for (const n of named) {
    const counts = [...types.get(n.key)!].sort((a, b) => b[1] - a[1]);
    if (counts.length > 1 && counts[0][1] > counts[1][1]) n.type = counts[0][0];
  }
  // Full names of persons by their last word.
  const fullBySurname = new Map<string, Set<string>>();
  for (const n of named) {
    if (n.type !== 'PER') continue;
    const words = n.key.split(' ');
    if (words.length < 2) continue;
    const last = words[words.length - 1];
    const set = fullBySurname.get(last) ?? new Set<string>();
    set.add(n.key);
    fullBySurname.set(last, set);
  }
  const out = new Map<string, ClipMention>();
  for (const n of named) {
    let key = n.key;
    let name = n.name;
    if (n.type === 'PER' && !key.includes(' ')) {
      const full = fullBySurname.get(key);
      if (full?.size === 1) {
        key = [...full][0];
        name = '';
      }
    }
    const id = `${n.type}\u0000${key}`;
    const m = out.get(id);
    if (!m) {
      out.set(id, { type: n.type, key, name, mentions: 1, firstOffset: n.offset });
      continue;
    }
    m.mentions++;
    if (n.offset !== null && (m.firstOffset === null || n.offset < m.firstOffset)) m.firstOffset = n.offset;
    m.name = m.name ? (name ? betterName(m.name, name) : m.name) : name;
  }
  // A linked surname seen before its full name lent no name: the full name's own spelling fills it.
  for (const m of out.values()) {
    if (!m.name) m.name = named.find((n) => n.type === m.type && n.key === m.key)?.name ?? m.key;
  }
  return [...out.values()];
}
