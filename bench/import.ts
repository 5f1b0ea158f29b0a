// bench:import — a folder import of real saved pages into a fresh library, ours against the
// naive way (Readability on jsdom, one file after another, the same inserts), in one run.
// Each variant runs in a child process of its own, so its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'extraction', 'dev');
const COUNT = Number(process.env.BENCH_IMPORT_FILES ?? 1000);

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

/** ≥ COUNT unique pages: the corpus cycled, each copy given a sentence of its own. */
function makeFolder(dir: string): number {
  const pages: Buffer[] = [];
  for (const dataset of ['aeb', 'trafilatura', 'htmldate']) {
    const d = path.join(corpus, dataset, 'html');
    for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.gz')) pages.push(zlib.gunzipSync(fs.readFileSync(path.join(d, f))));
  }
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const html = pages[i % pages.length].toString('latin1'); // byte-preserving round trip
    // A word of its own at the end of every block of text: whatever part the extractor keeps
    // differs from every other copy (pages without </p> use <br>, <div> or <li>).
    const tag = ` ref${i.toString(36)}x${((i * 2654435761) % 1000003).toString(36)}`;
    const unique = html.replace(/<\/(p|li|div|td|h[1-6]|blockquote)>|<br\s*\/?>/gi, (m) => `${tag}${m}`);
    fs.writeFileSync(path.join(dir, `page-${String(i).padStart(5, '0')}.html`), Buffer.from(unique, 'latin1'));
  }
  return COUNT;
}

async function runOurs(folder: string, libDir: string) {
  const { openLibrary } = await import('../electron/library/open-library.ts');
  const { ImportJob } = await import('../electron/import/import-job.ts');
  const lib = openLibrary(libDir);
  const t0 = performance.now();
  const elu0 = performance.eventLoopUtilization();
  const summary = await new ImportJob(lib).runPaths([folder]);
  const seconds = (performance.now() - t0) / 1000;
  const mainBusy = performance.eventLoopUtilization(elu0).utilization;
  for (const o of summary.outcomes.filter((x) => x.status === 'failed').slice(0, 5)) console.error(`  failed: ${o.file}: ${o.reason}`);
  lib.close();
  return { seconds, added: summary.added, duplicates: summary.duplicates, failed: summary.failed, rssMb: peakRssMb(), mainBusy };
}

async function runNaive(folder: string, libDir: string) {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const quiet = new VirtualConsole(); // jsdom's CSS parser complains loudly about real pages
  const { Readability } = await import('@mozilla/readability');
  const { openLibrary } = await import('../electron/library/open-library.ts');
  const { insertClip } = await import('../electron/library/clips.ts');
  const { storeOriginal } = await import('../electron/library/originals.ts');
  const { onClipsAdded } = await import('../electron/search/index-hooks.ts');
  const { contentHash } = await import('../electron/import/fingerprints.ts');
  const lib = openLibrary(libDir);
  const files = fs.readdirSync(folder).sort();
  const t0 = performance.now();
  let added = 0;
  let failed = 0;
  for (const f of files) {
    try {
      const bytes = fs.readFileSync(path.join(folder, f));
      const dom = new JSDOM(bytes.toString('utf8'), { virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      dom.window.close();
      const text = article?.textContent?.trim() ?? '';
      const stored = storeOriginal(lib.dir, bytes, 'html');
      lib.db.transaction(() => {
        const id = insertClip(lib.db, {
          title: article?.title || f, author: article?.byline ?? null, source: article?.siteName ?? null,
          bodyText: text, bodyHtml: article?.content ?? '', contentHash: contentHash(text),
          originalName: f, originalFormat: 'html', originalPath: stored.relativePath, originalSize: bytes.length,
        });
        onClipsAdded(lib.db, [id]);
      })();
      added++;
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  lib.close();
  return { seconds, added, duplicates: 0, failed, rssMb: peakRssMb() };
}

const variant = process.argv[2];
if (variant === '--variant') {
  const [which, folder, libDir] = process.argv.slice(3);
  const r = which === 'ours' ? await runOurs(folder, libDir) : await runNaive(folder, libDir);
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-bench-import-'));
try {
  const folder = path.join(work, 'pages');
  const n = makeFolder(folder);
  const bytes = fs.readdirSync(folder).reduce((s, f) => s + fs.statSync(path.join(folder, f)).size, 0);
  console.log(`bench:import — ${n} real saved pages (${(bytes / 1024 / 1024).toFixed(0)} MB), ${os.cpus().length} cores, Node ${process.version}\n`);
  const results: Record<string, { seconds: number; added: number; duplicates: number; failed: number; rssMb: number; mainBusy?: number }> = {};
  for (const which of ['ours', 'naive']) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'run-ts.mjs'), fileURLToPath(import.meta.url), '--variant', which, folder, path.join(work, `lib-${which}`)], {
      encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`${which} run failed`);
    results[which] = JSON.parse(r.stdout);
  }
  const row = (label: string, r: (typeof results)[string]) =>
    `${label.padEnd(44)} ${(n / r.seconds).toFixed(1).padStart(8)} ${r.seconds.toFixed(1).padStart(8)} ${r.rssMb.toFixed(0).padStart(9)} ${String(r.added).padStart(6)} ${String(r.duplicates).padStart(5)} ${String(r.failed).padStart(6)}`;
  console.log(`${'variant'.padEnd(44)} ${'files/s'.padStart(8)} ${'seconds'.padStart(8)} ${'peak MB'.padStart(9)} ${'added'.padStart(6)} ${'dup'.padStart(5)} ${'failed'.padStart(6)}`);
  console.log(row('Cuttings (workers, extraction, originals, FTS)', results.ours));
  console.log(row('naive (jsdom + Readability, one by one)', results.naive));
  const speedup = results.naive.seconds / results.ours.seconds;
  console.log(`\nmain thread busy during our import: ${Math.round((results.ours.mainBusy ?? 0) * 100)} % (the rest of the work is on the extraction workers)`);
  console.log(`\nspeed-up vs naive: ${speedup.toFixed(1)}×   (targets: ≥ 100 files/s, ≥ 5× naive, peak RSS < 500 MB)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
