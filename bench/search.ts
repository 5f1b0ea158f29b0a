// Search benchmark: builds deterministic synthetic news libraries (10,000 and 100,000 clips)
// through the real insert path (insertClip + tagClips + onClipsAdded, in big transactions),
// then times each query class through searchClips beside the same queries answered by a
// bare FTS5 MATCH (ORDER BY rank + snippet + highlight) and by fuse.js over whole clips.
// The clips name people, places and organisations (a few thousand of each kind, Zipf-like,
// written through the real entity tables), so the person:/place:/org: filters and the entity
// facets are timed at each size too (issue 16: p95 ≤ 30 ms for a filtered query).
//
//   npm run bench:search                      10k and 100k (~10 min on 2 cores)
//   npm run bench:search -- --quick           10k only (or CUTTINGS_BENCH_QUICK=1)
//   npm run bench:search -- --sizes 20000     any sizes
//   npm run bench:search -- --keep            keep the libraries in bench/.data/ and reuse
//                                             them next time (the build is then not timed)
//   --queries N (per class, default 40)  --fuse N (fuse.js queries at 10k, default 6)
//   --fuse-large N (fuse.js queries at 100k, default 1)  --no-fuse
//   --slowest N (list each class's N slowest queries, for diagnosis)
//
// Vocabulary: word frequencies of the real article bodies in the extraction corpus (ground
// truth articleBody), ranked, then extended with generated names to a long tail, sampled
// by Zipf's law — so a large library has well over 100,000 distinct terms, as real ones do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { openLibrary, type Library } from '../electron/library/open-library.ts';
import { insertClip } from '../electron/library/clips.ts';
import { writeClipEntities } from '../electron/library/entities.ts';
import { entityName, type ClipMention, type EntityType } from '../electron/library/entity-names.ts';
import { tagClips } from '../electron/library/tags.ts';
import { onClipsAdded } from '../electron/search/index-hooks.ts';
import { searchClips } from '../electron/search/search-clips.ts';
import { splitWords } from '../electron/search/word-forms.ts';
import { rng } from './deterministic-random.ts';

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const quick = flag('--quick') || process.env.CUTTINGS_BENCH_QUICK === '1';
const sizesArg = argv.indexOf('--sizes');
const SIZES = sizesArg >= 0 ? argv[sizesArg + 1].split(',').map(Number) : quick ? [10_000] : [10_000, 100_000];
const KEEP = flag('--keep');
/** Bumped whenever the synthetic clips change, so kept libraries of older clips are rebuilt. */
const GENERATOR = 3;
const PER_CLASS = option('--queries', 40);
const SLOWEST = option('--slowest', 0);
const FUSE_SMALL = flag('--no-fuse') ? 0 : option('--fuse', 6);
const FUSE_LARGE = flag('--no-fuse') ? 0 : option('--fuse-large', 1);
// The shared corpus lives beside the project folder (../shared), wherever the project is.
const CORPUS = process.env.CUTTINGS_EXTRACTION_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/extraction', import.meta.url));
const SEED = 20240424;

// ---------------------------------------------------------------- deterministic randomness


/** Zipf sampler over ranks 0..n-1 (cumulative table + binary search). */
function zipf(n: number, s: number, random: () => number): () => number {
  return zipfWith(zipfTable(n, s), random);
}

interface ZipfTable {
  cum: Float64Array;
  total: number;
}

function zipfTable(n: number, s: number): ZipfTable {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 2.7, s);
    cum[i] = total;
  }
  return { cum, total };
}

function zipfWith({ cum, total }: ZipfTable, random: () => number): () => number {
  const n = cum.length;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---------------------------------------------------------------- vocabulary

function realWords(): string[] {
  const counts = new Map<string, number>();
  const dir = path.join(CORPUS, 'dev');
  for (const ds of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, ds, 'ground-truth.json');
    if (!fs.existsSync(file)) continue;
    const gt = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { articleBody?: string; with?: string[] }>;
    for (const item of Object.values(gt)) {
      const text = item.articleBody ?? (item.with ?? []).join(' ');
      for (const w of splitWords(text)) {
        // English-looking words only: the synthetic tail supplies the names.
        if (!/^[a-z]+$/i.test(w) || w.length > 20) continue;
        const k = w.toLowerCase();
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  if (counts.size < 1000) throw new Error(`Too few words in ${CORPUS}; set CUTTINGS_EXTRACTION_CORPUS.`);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

const SYLLABLES = ['ka', 'lo', 'ver', 'an', 'dri', 'mo', 'sel', 'ta', 'ru', 'ben', 'ni', 'cho', 'gal', 'ez', 'om', 'pra', 'vi', 'sto', 'lem', 'ar', 'qui', 'do', 'fen', 'ush', 'mar', 'tel', 'zo', 'bri', 'hak', 'ine'];

function syntheticWords(n: number, random: () => number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const parts = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (random() < 0.05) w = w.replace('a', 'á').replace('o', 'ö');
    if (!taken.has(w)) {
      taken.add(w);
      out.push(w);
    }
  }
  return out;
}

interface World {
  words: string[];
  realCount: number;
  /** A word sampler drawing on `random`: each library's clips come from their own seed only,
   * so a size's library is the same whichever sizes ran before it. */
  wordSampler: (random: () => number) => () => string;
  sources: string[];
  authors: string[];
  tags: string[];
  /** People, places and organisations, each kind ranked by how often clips name them. */
  entities: Record<EntityType, string[]>;
}

function makeWorld(): World {
  const random = rng(SEED);
  const real = realWords();
  const taken = new Set(real);
  // Generated long tail: names of people, places and things real news is full of.
  const words = [...real, ...syntheticWords(160_000, random, taken)];
  const ranks = zipfTable(words.length, 1.0);
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const sources = ['guardian.ng', 'The Guardian', 'Reuters', 'AP News', 'Le Monde', 'Folha de São Paulo', 'El País', 'BBC News', 'Al Jazeera', 'The Hindu'];
  for (const w of syntheticWords(50, random, taken)) sources.push(`${cap(w)} ${random() < 0.5 ? 'Times' : 'Post'}`);
  const authors: string[] = ['AFP', 'Reuters', 'José Núñez', 'Zoë Brontë'];
  const first = syntheticWords(300, random, taken);
  const last = syntheticWords(600, random, taken);
  for (let i = 0; i < 2000; i++) authors.push(`${cap(first[Math.floor(random() * first.length)])} ${cap(last[Math.floor(random() * last.length)])}`);
  const tags = ['politics', 'climate change', 'economy', 'elections', 'energy', 'health', 'Venezuela', 'Russia', 'technology', 'courts'];
  for (const w of real.slice(300, 490)) tags.push(w);
  const wordSampler = (r: () => number) => {
    const rank = zipfWith(ranks, r);
    return () => words[rank()];
  };
  return { words, realCount: real.length, wordSampler, sources, authors, tags, entities: makeEntities(taken) };
}

/**
 * A few thousand distinct people (first and last names), places and organisations, from a
 * random stream of their own: the words, sources, authors and tags (and so the clips and the
 * queries of the other classes) are those of libraries built before entities were added.
 */
function makeEntities(taken: Set<string>): Record<EntityType, string[]> {
  const random = rng(SEED + 16);
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const firsts = syntheticWords(400, random, taken).map(cap);
  const lasts = syntheticWords(2500, random, taken).map(cap);
  const people = new Set<string>();
  while (people.size < 3000) people.add(`${firsts[Math.floor(random() * firsts.length)]} ${lasts[Math.floor(random() * lasts.length)]}`);
  const places = syntheticWords(1500, random, taken).map((w, i) => (i % 11 === 3 ? `San ${cap(w)}` : i % 13 === 5 ? `Port ${cap(w)}` : cap(w)));
  const kinds = ['Bank', 'Party', 'Group', 'Ministry', 'Institute', 'Airlines', 'Council', 'Energy'];
  const orgs = syntheticWords(1000, random, taken).map((w, i) =>
    i % 7 === 0 ? w.slice(0, 3 + (i % 2)).toUpperCase() : kinds[i % kinds.length] === 'Ministry' ? `Ministry of ${cap(w)}` : `${cap(w)} ${kinds[i % kinds.length]}`,
  );
  return { PER: [...people], LOC: [...new Set(places)], ORG: [...new Set(orgs)] };
}

// ---------------------------------------------------------------- clips

interface GenClip {
  title: string;
  bodyText: string;
  source: string;
  author: string;
  publishedAt: string;
  tags: string[];
  starred: boolean;
  /** What the recogniser would have found: names and their mentions, by kind. */
  entities: ClipMention[];
}

function clipMaker(world: World, seed: number): () => GenClip {
  const random = rng(seed);
  const named = entityMaker(world, seed + 1);
  const sourceRank = zipf(world.sources.length, 1.1, random);
  const authorRank = zipf(world.authors.length, 0.8, random);
  const tagRank = zipf(world.tags.length, 1.0, random);
  const sampleWord = world.wordSampler(random);
  const start = Date.UTC(2005, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min));
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(sampleWord());
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(' ');
  };
  return () => {
    const target = 450 + Math.floor(random() * 300);
    const paragraphs: string[] = [];
    let count = 0;
    while (count < target) {
      const sentences: string[] = [];
      for (let s = 0; s < 2 + Math.floor(random() * 3); s++) {
        const text = sentence(8, 28);
        count += text.split(' ').length;
        sentences.push(text + '.');
      }
      paragraphs.push(sentences.join(' '));
    }
    const nTags = Math.floor(random() * 3.2);
    const tags = new Set<string>();
    for (let i = 0; i < nTags; i++) tags.add(world.tags[tagRank()]);
    return {
      title: sentence(6, 13),
      bodyText: paragraphs.join('\n\n'),
      source: world.sources[sourceRank()],
      author: world.authors[authorRank()],
      publishedAt: new Date(start + random() * span).toISOString().slice(0, 16),
      tags: [...tags],
      starred: random() < 0.03,
      entities: named(),
    };
  };
}

/**
 * Each clip's people (0–6), places (0–5) and organisations (0–4), drawn by Zipf's law from
 * their own random stream: the most named person is in about one clip in six, most names in
 * a handful. Keys and names are made as the recogniser makes them (entity-names.ts).
 */
function entityMaker(world: World, seed: number): () => ClipMention[] {
  const random = rng(seed);
  const plan: [EntityType, number, () => number][] = [
    ['PER', 7, zipf(world.entities.PER.length, 1.0, random)],
    ['LOC', 6, zipf(world.entities.LOC.length, 1.0, random)],
    ['ORG', 5, zipf(world.entities.ORG.length, 1.0, random)],
  ];
  return () => {
    const out = new Map<string, ClipMention>();
    for (const [type, most, rank] of plan) {
      const n = Math.floor(random() * random() * most * 1.6);
      for (let i = 0; i < n; i++) {
        const folded = entityName(type, world.entities[type][rank()]);
        if (!folded || out.has(`${type} ${folded.key}`)) continue;
        out.set(`${type} ${folded.key}`, { type, ...folded, mentions: 1 + Math.floor(random() * random() * 8), firstOffset: Math.floor(random() * 3000) });
      }
    }
    return [...out.values()];
  };
}

function buildLibrary(dir: string, size: number, world: World): { ms: number; clips: GenClip[] } {
  const lib = openLibrary(dir);
  const make = clipMaker(world, SEED + size);
  const clips: GenClip[] = [];
  const started = performance.now();
  const BATCH = 2000;
  for (let done = 0; done < size; done += BATCH) {
    const batch: GenClip[] = [];
    for (let i = 0; i < Math.min(BATCH, size - done); i++) batch.push(make());
    lib.db.transaction(() => {
      const ids: number[] = [];
      const byTag = new Map<string, number[]>();
      batch.forEach((c, i) => {
        const id = insertClip(lib.db, {
          title: c.title, bodyText: c.bodyText, bodyHtml: '', source: c.source, author: c.author,
          publishedAt: c.publishedAt, starred: c.starred, importedAt: '2025-01-01T00:00:00.000Z',
          contentHash: crypto.createHash('sha1').update(`${size}:${done + i}`).digest('hex'),
        });
        for (const t of c.tags) (byTag.get(t) ?? byTag.set(t, []).get(t)!).push(id);
        writeClipEntities(lib.db, id, c.entities);
        ids.push(id);
      });
      // One tagClips call per tag and batch: each call looks the tag up with its clip count,
      // which costs a read per tagged clip (see the report), so per clip it would be quadratic.
      for (const [tag, tagged] of byTag) tagClips(lib.db, tagged, [tag]);
      onClipsAdded(lib.db, ids);
    })();
    clips.push(...batch);
    process.stdout.write(`\r  building ${size.toLocaleString('en')}: ${(done + batch.length).toLocaleString('en')}`);
  }
  lib.db.pragma('wal_checkpoint(TRUNCATE)');
  lib.close();
  process.stdout.write('\n');
  return { ms: performance.now() - started, clips };
}

/** The clips again without building (for --keep reuse): same seed, same clips. */
function regenerate(size: number, world: World): GenClip[] {
  const make = clipMaker(world, SEED + size);
  return Array.from({ length: size }, make);
}

// ---------------------------------------------------------------- queries

type QueryClass = 'one word' | 'three words' | 'phrase' | 'typo' | 'filter + words' | 'as-you-type' | 'entity filter' | 'entity + words' | 'facets only';
const CLASSES: QueryClass[] = ['one word', 'three words', 'phrase', 'typo', 'filter + words', 'as-you-type', 'entity filter', 'entity + words', 'facets only'];

interface BenchQuery {
  cls: QueryClass;
  q: string;
  asYouType: boolean;
  /** What bare FTS5 is given: the same words, quoted (no typo help, no filters); null: no words. */
  fts: string | null;
  /** The window's own question for facets alone, once typing pauses: no rows (limit 0). */
  facetsOnly?: boolean;
  /** What fuse.js is given. */
  fuse: string;
}

function makeQueries(world: World, clips: GenClip[], perClass: number): BenchQuery[] {
  const random = rng(SEED + 7);
  const rankOf = new Map(world.words.map((w, i) => [w, i]));
  // Words people search for: taken from a clip of the library (so multi-word queries can
  // match), past the 100 commonest words (the stop words nobody types on their own).
  const fromClip = (n: number, minLength = 3): string[] => {
    for (;;) {
      const words = splitWords(clips[Math.floor(random() * clips.length)].bodyText)
        .map((w) => w.toLowerCase())
        .filter((w) => (rankOf.get(w) ?? 0) >= 100 && w.length >= minLength);
      if (words.length < n) continue;
      const picked = new Set<string>();
      while (picked.size < n) picked.add(words[Math.floor(random() * words.length)]);
      return [...picked];
    }
  };
  const quote = (ws: string[]) => ws.map((w) => `"${w}"`).join(' ');
  const out: BenchQuery[] = [];
  for (let i = 0; i < perClass; i++) {
    const [w] = fromClip(1);
    out.push({ cls: 'one word', q: w, asYouType: false, fts: quote([w]), fuse: w });
  }
  for (let i = 0; i < perClass; i++) {
    const ws = fromClip(3);
    out.push({ cls: 'three words', q: ws.join(' '), asYouType: false, fts: quote(ws), fuse: ws.join(' ') });
  }
  for (let i = 0; i < perClass; i++) {
    const body = splitWords(clips[Math.floor(random() * clips.length)].bodyText);
    const at = Math.floor(random() * (body.length - 3));
    const ws = body.slice(at, at + 2 + Math.floor(random() * 2)).map((w) => w.toLowerCase());
    out.push({ cls: 'phrase', q: `"${ws.join(' ')}"`, asYouType: false, fts: `"${ws.join(' ')}"`, fuse: ws.join(' ') });
  }
  for (let i = 0; i < perClass; ) {
    const [w] = fromClip(1, 6);
    const p = 1 + Math.floor(random() * (w.length - 2));
    const kind = Math.floor(random() * 4);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)];
    const typo =
      kind === 0 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) // transposition
      : kind === 1 ? w.slice(0, p) + w.slice(p + 1) // deletion
      : kind === 2 ? w.slice(0, p) + letter + w.slice(p) // insertion
      : w.slice(0, p) + letter + w.slice(p + 1); // substitution
    if (rankOf.has(typo) || typo === w) continue;
    // Bare FTS5 is given the word as meant: the cost of forgiving the typo, not of finding nothing.
    out.push({ cls: 'typo', q: typo, asYouType: false, fts: quote([w]), fuse: typo });
    i++;
  }
  for (let i = 0; i < perClass; i++) {
    const [w] = fromClip(1);
    const kind = i % 3;
    const filter =
      kind === 0 ? `tag:"${world.tags[Math.floor(random() * 12)]}"`
      : kind === 1 ? `year:${2005 + Math.floor(random() * 20)}`
      : `source:"${world.sources[Math.floor(random() * 10)]}"`;
    out.push({ cls: 'filter + words', q: `${filter} ${w}`, asYouType: false, fts: quote([w]), fuse: w });
  }
  for (let i = 0; i < perClass; i++) {
    const [a, b] = fromClip(2, 4);
    const part = b.slice(0, Math.min(b.length, 2 + Math.floor(random() * 4)));
    out.push({ cls: 'as-you-type', q: `${a} ${part}`, asYouType: true, fts: `"${a}" "${part}"*`, fuse: `${a} ${part}` });
  }
  // person:/place:/org: filters, by names a clip of the library writes (so the popular names
  // are asked for most, as people do), one in four with a typo in its last letters.
  const entityFilter = (i: number): { filter: string; clip: GenClip } => {
    const type = (['PER', 'LOC', 'ORG'] as const)[i % 3];
    for (;;) {
      const clip = clips[Math.floor(random() * clips.length)];
      const m = clip.entities.filter((e) => e.type === type);
      if (!m.length) continue;
      let name = m[Math.floor(random() * m.length)].name;
      if (i % 4 === 3 && name.length > 5) name = name.slice(0, -2) + name[name.length - 1] + name[name.length - 2];
      return { filter: `${{ PER: 'person', LOC: 'place', ORG: 'org' }[type]}:"${name}"`, clip };
    }
  };
  /** A word of the clip's body past the commonest hundred, so a name and a word can meet. */
  const wordOf = (clip: GenClip): string => {
    const words = splitWords(clip.bodyText).map((w) => w.toLowerCase()).filter((w) => (rankOf.get(w) ?? 0) >= 100 && w.length >= 3);
    return words[Math.floor(random() * words.length)] ?? fromClip(1)[0];
  };
  for (let i = 0; i < perClass; i++) {
    const { filter } = entityFilter(i);
    out.push({ cls: 'entity filter', q: filter, asYouType: false, fts: null, fuse: filter.replace(/^\w+:"|"$/g, '') });
  }
  for (let i = 0; i < perClass; i++) {
    // Half the words from a clip that names the entity (a hit), half from anywhere.
    const { filter, clip } = entityFilter(i);
    const w = i % 2 === 0 ? wordOf(clip) : fromClip(1)[0];
    out.push({ cls: 'entity + words', q: `${filter} ${w}`, asYouType: false, fts: quote([w]), fuse: w });
  }
  // The facets of a broad result (one word, or one name), with People, Places and Organisations.
  for (let i = 0; i < perClass; i++) {
    const q = i % 2 === 0 ? fromClip(1)[0] : entityFilter(i).filter;
    out.push({ cls: 'facets only', q, asYouType: false, fts: null, fuse: q, facetsOnly: true });
  }
  return out;
}

// ---------------------------------------------------------------- timing

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Timing {
  p50: number;
  p95: number;
  n: number;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function summarise(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), n: s.length };
}

function bareFts(lib: Library): (expr: string | null) => void {
  const stmt = lib.db.prepare(
    `SELECT rowid, snippet(clips_fts, 4, '<mark>', '</mark>', '…', 32) AS snippet, highlight(clips_fts, 0, '<mark>', '</mark>') AS title
     FROM clips_fts WHERE clips_fts MATCH ? ORDER BY rank LIMIT 50`,
  );
  return (expr) => void (expr === null ? undefined : stmt.all(expr));
}

const fmt = (n: number) => (Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

function fileSize(f: string): number {
  return fs.existsSync(f) ? fs.statSync(f).size : 0;
}

async function runSize(size: number, world: World): Promise<void> {
  const base = KEEP ? path.resolve('bench/.data') : fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-bench-'));
  const dir = path.join(base, `search-${size}`);
  let clips: GenClip[];
  let buildMs: number | null = null;
  // A kept library counts only if its build finished (the marker is written last) and was
  // made by this generator (its clips are regenerated below, and must be the same).
  const marker = `${size} generator ${GENERATOR}\n`;
  if (KEEP && fs.existsSync(path.join(dir, 'built')) && fs.readFileSync(path.join(dir, 'built'), 'utf8') === marker) {
    console.log(`\n== ${size.toLocaleString('en')} clips (reusing ${dir}; build not timed)`);
    clips = regenerate(size, world);
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`\n== ${size.toLocaleString('en')} clips`);
    const built = buildLibrary(dir, size, world);
    clips = built.clips;
    buildMs = built.ms;
    fs.writeFileSync(path.join(dir, 'built'), marker);
  }
  const lib = openLibrary(dir);
  const dbBytes = fileSize(path.join(dir, 'library.sqlite')) + fileSize(path.join(dir, 'library.sqlite-wal'));
  const terms = lib.db.prepare('SELECT count(*) FROM search_vocab').pluck().get() as number;
  const entityCount = lib.db.prepare('SELECT type, count(*) FROM entities GROUP BY type ORDER BY type').raw().all() as [string, number][];
  const named = lib.db.prepare('SELECT count(*) FROM clip_entities').pluck().get() as number;
  const top = lib.db.prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM clip_entities GROUP BY entity_id)').pluck().get() as number;
  console.log(
    `  build ${buildMs === null ? '(reused)' : `${(buildMs / 1000).toFixed(1)} s (${Math.round(size / (buildMs / 1000)).toLocaleString('en')} clips/s)`}` +
      ` · database ${mb(dbBytes)} · ${terms.toLocaleString('en')} distinct words · peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
  console.log(
    `  entities: ${entityCount.map(([t, n]) => `${n.toLocaleString('en')} ${{ PER: 'people', LOC: 'places', ORG: 'organisations' }[t]}`).join(', ')}` +
      ` · ${(named / size).toFixed(1)} a clip · the most named in ${top.toLocaleString('en')} clips (${((top / size) * 100).toFixed(0)} %)`,
  );

  const queries = makeQueries(world, clips, PER_CLASS);
  const bare = bareFts(lib);
  // One untimed pass warms the page cache for both engines alike.
  // Each query is asked the way the window asks it: while typing, without facets (the window
  // fetches those once typing pauses); settled queries with facets.
  const ask = (q: BenchQuery) =>
    searchClips(lib.db, { q: q.q, asYouType: q.asYouType, limit: q.facetsOnly ? 0 : 50, facets: !q.asYouType });
  for (const q of queries) {
    ask(q);
    bare(q.fts);
  }
  const ours = new Map<QueryClass, number[]>();
  const fts = new Map<QueryClass, number[]>();
  const totals = new Map<QueryClass, number[]>();
  const corrected = new Map<QueryClass, number>();
  const slow: { cls: QueryClass; q: string; ms: number; fts: number; total: number }[] = [];
  for (const q of queries) {
    let result: ReturnType<typeof searchClips> | undefined;
    const a = time(() => {
      result = ask(q);
    });
    const b = time(() => bare(q.fts));
    (ours.get(q.cls) ?? ours.set(q.cls, []).get(q.cls)!).push(a);
    if (q.fts !== null) (fts.get(q.cls) ?? fts.set(q.cls, []).get(q.cls)!).push(b);
    (totals.get(q.cls) ?? totals.set(q.cls, []).get(q.cls)!).push(result!.total);
    if (result!.corrections.length) corrected.set(q.cls, (corrected.get(q.cls) ?? 0) + 1);
    slow.push({ cls: q.cls, q: q.q, ms: a, fts: b, total: result!.total });
  }

  // fuse.js over whole clips: seconds per query, so only a few.
  const fuseCount = size <= 20_000 ? FUSE_SMALL : FUSE_LARGE;
  const fuseMs = new Map<QueryClass, number[]>();
  if (fuseCount > 0) {
    const docs = clips.map((c, i) => ({ id: i, title: c.title, body: c.bodyText, tags: c.tags, source: c.source, author: c.author }));
    let fuse: Fuse<(typeof docs)[number]> | undefined;
    const indexMs = time(() => {
      fuse = new Fuse(docs, { keys: ['title', 'body', 'tags', 'source', 'author'], ignoreLocation: true, threshold: 0.3 });
    });
    // Spread the few queries over the classes, in the classes' order.
    const picks = CLASSES.map((cls) => queries.find((q) => q.cls === cls)!).slice(0, fuseCount);
    for (let i = CLASSES.length; i < fuseCount; i++) picks.push(queries.filter((q) => q.cls === CLASSES[i % CLASSES.length])[1 + Math.floor(i / CLASSES.length)]);
    process.stdout.write(`  fuse.js: index ${fmt(indexMs)} ms, ${picks.length} queries…`);
    for (const q of picks) {
      const ms = time(() => void fuse!.search(q.fuse, { limit: 50 }));
      (fuseMs.get(q.cls) ?? fuseMs.set(q.cls, []).get(q.cls)!).push(ms);
      process.stdout.write('.');
    }
    process.stdout.write('\n');
  }

  const rows: string[][] = [[
    'query class', 'n', 'ours p50', 'ours p95', 'FTS5 p50', 'FTS5 p95', 'ours/FTS5 p95', 'fuse.js (n)', 'median hits', 'corrected',
  ]];
  for (const cls of CLASSES) {
    const o = summarise(ours.get(cls) ?? []);
    const f = summarise(fts.get(cls) ?? []);
    const fz = summarise(fuseMs.get(cls) ?? []);
    const tot = [...(totals.get(cls) ?? [])].sort((x, y) => x - y);
    rows.push([
      cls, String(o.n), fmt(o.p50), fmt(o.p95), fmt(f.p50), fmt(f.p95), f.n ? `${(o.p95 / f.p95).toFixed(2)}×` : '—',
      fz.n ? `${fmt(fz.p50)} (${fz.n})` : '—', fmt(percentile(tot, 50)), `${corrected.get(cls) ?? 0}/${o.n}`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('  times in ms; FTS5 = bare MATCH ORDER BY rank + snippet + highlight, LIMIT 50 (typo: given the word as meant;');
  console.log('  filter + words: the words only); fuse.js = whole clips, a few queries; hits = median total of ours;');
  console.log('  entity filter: person:/place:/org: alone, one in four misspelt; entity + words: one with a word (FTS5: the word only);');
  console.log('  facets only: a word or a name asked with limit 0, as the window asks for facets when typing pauses');
  for (const r of rows) console.log('  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log(`  peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}`);
  if (SLOWEST > 0) {
    console.log(`  slowest ${SLOWEST} per class (ours ms / FTS5 ms / hits):`);
    for (const cls of CLASSES) {
      const worst = slow.filter((x) => x.cls === cls).sort((x, y) => y.ms - x.ms).slice(0, SLOWEST);
      console.log(`    ${cls.padEnd(15)} ${worst.map((x) => `${JSON.stringify(x.q)} ${fmt(x.ms)}/${fmt(x.fts)}/${x.total}`).join(' · ')}`);
    }
  }
  lib.close();
  if (!KEEP) fs.rmSync(base, { recursive: true, force: true });
}

const started = performance.now();
console.log(`Search benchmark · sizes ${SIZES.join(', ')} · ${PER_CLASS} queries per class · node ${process.version} · ${os.cpus().length} cores`);
const world = makeWorld();
console.log(`vocabulary: ${world.realCount.toLocaleString('en')} real words + ${(world.words.length - world.realCount).toLocaleString('en')} generated, Zipf s=1`);
for (const size of SIZES) await runSize(size, world);
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
