// Extraction benchmark: runs every developer-corpus page through extractFromBytes (the code
// path that ships) and, in the same run, through plain Readability on linkedom, then scores
// both with the shared scorer and prints them side by side.
//
//   npm run bench:extract [-- --only aeb,trafilatura --no-baseline --keep DIR --per-item]
//
// --keep DIR writes the prediction files (and per-item TSVs with --per-item) to DIR for
// error analysis; otherwise they go to a temp dir that is removed afterwards.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractFromBytes } from '../electron/import/extract-file.ts';
import { readBytes } from '../electron/import/formats/index.ts';

// The shared corpus and tools live beside the project folder (../shared), wherever it is.
const CORPUS = process.env.CUTTINGS_EXTRACTION_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/extraction', import.meta.url));
const SCORER = process.env.CUTTINGS_SCORER ?? fileURLToPath(new URL('../../shared/tools/score-extraction.mjs', import.meta.url));

interface Args { only: Set<string> | null; baseline: boolean; keep: string | null; perItem: boolean }

function parseArgs(argv: string[]): Args {
  const a: Args = { only: null, baseline: true, keep: null, perItem: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--only') a.only = new Set(argv[++i].split(','));
    else if (x === '--no-baseline') a.baseline = false;
    else if (x === '--keep') a.keep = argv[++i];
    else if (x === '--per-item') a.perItem = true;
  }
  return a;
}

interface Pred { articleBody: string; headline: string | null; author: string | null; datePublished: string | null }
interface Suite { key: string; gtDir: string; items: { id: string; file: string; gz: boolean }[] }

function suites(only: Set<string> | null): Suite[] {
  const out: Suite[] = [];
  for (const ds of ['aeb', 'trafilatura', 'htmldate']) {
    const dir = path.join(CORPUS, 'dev', ds);
    if (!existsSync(dir)) continue;
    const items = readdirSync(path.join(dir, 'html'))
      .filter((f) => f.endsWith('.html.gz'))
      .map((f) => ({ id: f.slice(0, -'.html.gz'.length), file: path.join(dir, 'html', f), gz: true }));
    out.push({ key: ds, gtDir: dir, items });
  }
  for (const ds of ['aeb', 'trafilatura']) {
    const dir = path.join(CORPUS, 'dev-txt', ds);
    if (!existsSync(dir)) continue;
    const items = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ id: f.slice(0, -'.txt'.length), file: path.join(dir, f), gz: false }));
    out.push({ key: `txt-${ds}`, gtDir: dir, items });
  }
  return only ? out.filter((s) => only.has(s.key)) : out;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Plain Readability on linkedom, title and byline as it gives them; a text file is its own body. */
function baseline(bytes: Uint8Array, name: string): Pred {
  const read = readBytes(bytes, name);
  if (read.kind !== 'html') return { articleBody: read.text ?? '', headline: null, author: null, datePublished: null };
  const { document } = parseHTML(read.html ?? '');
  const a = new Readability(document as unknown as Document).parse();
  return {
    articleBody: (a?.textContent ?? '').trim(),
    headline: a?.title ?? null,
    author: a?.byline ?? null,
    datePublished: a?.publishedTime ?? null,
  };
}

interface Scores { body: number | null; kind: string; headline: number | null; author: number | null; date: number | null }

function score(predFile: string, gtDir: string, perItem: string | null): Scores {
  const jsonOut = predFile.replace(/\.json$/, '.score.json');
  const args = [SCORER, predFile, gtDir, '--bootstrap', '0', '--json', jsonOut];
  if (perItem) args.push('--per-item', perItem);
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const r = JSON.parse(readFileSync(jsonOut, 'utf8'));
  return {
    body: r.body?.f1 ?? r.snippets?.f1 ?? null,
    kind: r.body ? 'F1' : r.snippets ? 'snipF1' : '',
    headline: r.metadata?.headline?.accuracy ?? null,
    author: r.metadata?.author?.accuracy ?? null,
    date: r.metadata?.datePublished?.accuracy ?? null,
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const work = args.keep ?? mkdtempSync(path.join(tmpdir(), 'cuttings-bench-extract-'));
  mkdirSync(work, { recursive: true });
  const fmt = (v: number | null) => (v == null ? '   –  ' : v.toFixed(3).padStart(6));
  const rows: string[] = [];
  const allMs: number[] = [];
  const allBaseMs: number[] = [];
  for (const suite of suites(args.only)) {
    const ours: Record<string, Pred> = {};
    const base: Record<string, Pred> = {};
    const ms: number[] = [];
    const baseMs: number[] = [];
    let failures = 0;
    for (const item of suite.items) {
      const raw = readFileSync(item.file);
      const bytes = item.gz ? gunzipSync(raw) : raw;
      const name = item.gz ? `${item.id}.html` : `${item.id}.txt`;
      const t0 = performance.now();
      try {
        const x = extractFromBytes(new Uint8Array(bytes), name);
        ours[item.id] = { articleBody: x.bodyText, headline: x.title, author: x.author, datePublished: x.publishedAt };
      } catch (e) {
        failures++;
        console.error(`${suite.key}/${item.id}: ${(e as Error).message}`);
      }
      ms.push(performance.now() - t0);
      if (args.baseline) {
        const t1 = performance.now();
        try {
          base[item.id] = baseline(new Uint8Array(bytes), name);
        } catch {
          /* an unreadable page scores as empty for the baseline too */
        }
        baseMs.push(performance.now() - t1);
      }
    }
    allMs.push(...ms);
    allBaseMs.push(...baseMs);
    const oursFile = path.join(work, `${suite.key}.ours.json`);
    writeFileSync(oursFile, JSON.stringify(ours));
    const s = score(oursFile, suite.gtDir, args.perItem ? path.join(work, `${suite.key}.ours.tsv`) : null);
    const label = suite.key.padEnd(12);
    rows.push(`${label} ${'cuttings'.padEnd(11)} ${s.kind.padEnd(6)} ${fmt(s.body)}  ${fmt(s.headline)}  ${fmt(s.author)}  ${fmt(s.date)}  ${median(ms).toFixed(1).padStart(7)}  ${failures ? `${failures} failed` : ''}`);
    if (args.baseline) {
      const baseFile = path.join(work, `${suite.key}.readability.json`);
      writeFileSync(baseFile, JSON.stringify(base));
      const b = score(baseFile, suite.gtDir, null);
      rows.push(`${''.padEnd(12)} ${'readability'.padEnd(11)} ${b.kind.padEnd(6)} ${fmt(b.body)}  ${fmt(b.headline)}  ${fmt(b.author)}  ${fmt(b.date)}  ${median(baseMs).toFixed(1).padStart(7)}`);
    }
  }
  console.log('');
  console.log(`${'set'.padEnd(12)} ${'extractor'.padEnd(11)} ${'body'.padEnd(6)} ${'value'.padStart(6)}  ${'headl.'.padStart(6)}  ${'author'.padStart(6)}  ${'date'.padStart(6)}  ${'ms/page'.padStart(7)}`);
  console.log('-'.repeat(80));
  for (const r of rows) console.log(r);
  console.log('-'.repeat(80));
  console.log(`median ms/page over all pages: cuttings ${median(allMs).toFixed(1)}${args.baseline ? `, readability ${median(allBaseMs).toFixed(1)}` : ''} (bytes → Extracted, incl. decoding and DOM parse)`);
  if (args.keep) console.log(`predictions kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

main();
