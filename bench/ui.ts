// UI benchmark: the renderer in Debian's Chromium against `cuttings serve` on a library of
// 100,000 synthetic clips (browser mode, the real HTTP path). Prints:
//   - time to first list paint (navigation start → first real row painted), median and p95
//   - keystroke-to-results latency while typing into the search box (input event → the
//     list showing the results for that text, painted), median and p95
//   - a deep scroll: jump to the middle and the end of the list → rows painted
//   - an entity's timeline (issue 16): its page opened from the sidebar → its bars painted, and
//     each zoom (a year's months, a month's days, back out by Backspace) → the new bars painted,
//     for the most named people and places; the clips name a few thousand of each, Zipf-like
//
//   npm run bench:ui                        100,000 clips (built once per run, ~minutes)
//   npm run bench:ui -- --size 20000        another size
//   npm run bench:ui -- --keep              keep the library in bench/.data/ and reuse it
//   npm run bench:ui -- --library DIR       measure an existing library (e.g. bench:search's
//                                           kept bench/.data/search-100000), left as it is
//
// Targets (issue 6): first paint under 1 s; keystroke to results under 100 ms at p95.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { insertClip } from '../electron/library/clips.ts';
import { writeClipEntities } from '../electron/library/entities.ts';
import { entityName, type ClipMention, type EntityType } from '../electron/library/entity-names.ts';
import { openLibrary } from '../electron/library/open-library.ts';
import { tagClips } from '../electron/library/tags.ts';
import { onClipsAdded } from '../electron/search/index-hooks.ts';
import { rng } from './deterministic-random.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const SIZE = opt('--size', 100_000);
const KEEP = argv.includes('--keep');
const LIBRARY = argv.includes('--library') ? path.resolve(argv[argv.indexOf('--library') + 1]) : null;
const CHROMIUM = process.env.CUTTINGS_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// ------------------------------------------------------------------ a synthetic library


const COMMON = (
  'the of and to in a is that for on was with he it as at by from his an were are which this be has had not ' +
  'government minister president election council report police court market prices workers city country ' +
  'people year week said says told official spokesman parliament vote budget energy climate health school ' +
  'hospital bank company shares trade talks border army ministry agency statement protest strike union'
).split(' ');

function buildVocabulary(random: () => number): string[] {
  const syll = ['ka', 'ro', 'mi', 'sen', 'tal', 'dor', 'vi', 'lan', 'mar', 'qu', 'bel', 'tor', 'ask', 'un', 'pre', 'ost', 'fel', 'ga', 'ri', 'zen'];
  const words = new Set<string>();
  while (words.size < 30_000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syll[Math.floor(random() * syll.length)];
    words.add(w);
  }
  return [...words];
}

function buildLibrary(dir: string): void {
  const random = rng(424242);
  const vocab = buildVocabulary(random);
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.pow(random(), 3) * vocab.length))];
  const word = () => (random() < 0.55 ? COMMON[Math.floor(random() * COMMON.length)] : zipf());
  const sentence = (n: number) => {
    const ws = Array.from({ length: n }, word);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(' ') + '.';
  };
  const sources = Array.from({ length: 300 }, (_, i) => `The ${zipf()[0].toUpperCase()}${zipf().slice(1)} ${['Times', 'Post', 'Herald', 'Courier', 'Gazette', 'Ledger'][i % 6]}`);
  const tagNames = ['politics', 'energy', 'elections', 'courts', 'climate', 'health', 'economy', 'transport', 'education', 'follow-up'];
  const named = entityMaker(vocab);
  const lib = openLibrary(dir);
  const start = Date.UTC(1998, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const BATCH = 5000;
  const t0 = performance.now();
  for (let done = 0; done < SIZE; done += BATCH) {
    lib.db.transaction(() => {
      const ids: number[] = [];
      const byTag = new Map<string, number[]>();
      for (let i = 0; i < Math.min(BATCH, SIZE - done); i++) {
        const paragraphs = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => sentence(8 + Math.floor(random() * 8))).join(' '));
        const id = insertClip(lib.db, {
          title: sentence(6 + Math.floor(random() * 6)).slice(0, -1),
          bodyText: paragraphs.join('\n\n'),
          bodyHtml: '',
          source: sources[Math.floor(Math.pow(random(), 2) * sources.length)],
          author: random() < 0.8 ? `${zipf()} ${zipf()}` : null,
          publishedAt: random() < 0.95 ? new Date(start + random() * span).toISOString().slice(0, 10) : null,
          importedAt: new Date(Date.UTC(2025, 0, 1) + random() * 86_400_000 * 300).toISOString(),
          starred: random() < 0.03,
          contentHash: crypto.createHash('sha1').update(`ui:${done + i}`).digest('hex'),
        });
        writeClipEntities(lib.db, id, named());
        ids.push(id);
        if (random() < 0.3) {
          const t = tagNames[Math.floor(random() * tagNames.length)];
          (byTag.get(t) ?? byTag.set(t, []).get(t)!).push(id);
        }
      }
      for (const [t, tagged] of byTag) tagClips(lib.db, tagged, [t]);
      onClipsAdded(lib.db, ids);
    })();
    process.stdout.write(`\r  building ${SIZE.toLocaleString('en')} clips: ${Math.min(SIZE, done + BATCH).toLocaleString('en')}`);
  }
  lib.db.pragma('wal_checkpoint(TRUNCATE)');
  lib.close();
  process.stdout.write(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
}

/**
 * Each clip's people, places and organisations: a few thousand of each kind, drawn by a Zipf-like
 * law (the most named person is in about one clip in ten), from a random stream of their own so
 * the clips' text is that of libraries built before.
 */
function entityMaker(vocab: string[]): () => ClipMention[] {
  const random = rng(161616);
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const word = () => cap(vocab[Math.floor(random() * vocab.length)]);
  const pool: Record<EntityType, string[]> = {
    PER: Array.from({ length: 3000 }, () => `${word()} ${word()}`),
    LOC: Array.from({ length: 1500 }, () => word()),
    ORG: Array.from({ length: 1000 }, (_, i) => `${word()} ${['Bank', 'Party', 'Group', 'Council', 'Institute'][i % 5]}`),
  };
  // 1 / (rank + 3): the head heavy, the tail long.
  const rank = (n: number) => Math.min(n - 1, Math.floor(3 * Math.pow(n / 3 + 1, random()) - 3));
  return () => {
    const out = new Map<string, ClipMention>();
    for (const [type, most] of [['PER', 6], ['LOC', 5], ['ORG', 4]] as [EntityType, number][]) {
      for (let i = Math.floor(random() * random() * most * 1.6); i > 0; i--) {
        const n = entityName(type, pool[type][rank(pool[type].length)]);
        if (n && !out.has(`${type}${n.key}`)) out.set(`${type}${n.key}`, { type, ...n, mentions: 1 + Math.floor(random() * 4), firstOffset: 0 });
      }
    }
    return [...out.values()];
  };
}

// ------------------------------------------------------------------ measuring

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * In the page: note when the first real row is painted, and each search result painted.
 * A string, not a function: the TypeScript loader decorates functions with helpers that do
 * not exist in the page.
 */
const PROBE = `
(() => {
  window.__painted = [];
  // When each search was sent and answered, to tell the server's share from the page's.
  window.__asked = [];
  const fetch0 = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const sent = performance.now();
    const r = await fetch0(input, init);
    if (String(input).endsWith('api/search') && typeof init?.body === 'string') {
      try {
        const b = JSON.parse(init.body);
        const took = (await r.clone().json())?.result?.tookMs ?? (await r.clone().json())?.tookMs;
        if (b.limit > 0) window.__asked.push({ q: b.q, sent, answered: performance.now(), took });
      } catch {}
    }
    return r;
  };
  let lastKey = null;
  const check = () => {
    const list = document.querySelector('[role=listbox].clip-list');
    if (!list) return;
    if (window.__firstRow === undefined && !window.__firstRowPending && list.querySelector('.clip-row:not(.placeholder)')) {
      window.__firstRowPending = true;
      requestAnimationFrame(() => { window.__firstRow = performance.now(); });
    }
    const key = list.getAttribute('data-results-for');
    if (key && key !== lastKey) {
      lastKey = key;
      let q = '';
      try { q = JSON.parse(key).q; } catch {}
      requestAnimationFrame(() => window.__painted.push({ q, at: performance.now() }));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-results-for', 'class'] });
})();
`;

async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
}

/** Every keystroke's text and latency, for the list of the slowest. */
const slowKeys: { text: string; ms: number; sent: number; answered: number; took: number }[] = [];

async function typingLatencies(page: Page, words: string[]): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  const out: number[] = [];
  for (const w of words) {
    await box.fill('');
    await page.waitForFunction(() => {
      const key = document.querySelector('.clip-list')?.getAttribute('data-results-for');
      return !!key && JSON.parse(key).q === '';
    });
    // The first letter of the next word comes at the typing pace too, not at once.
    await page.waitForTimeout(150);
    for (let i = 1; i <= w.length; i++) {
      const text = w.slice(0, i);
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.type(w[i - 1]);
      // Typing pace of a quick typist (~6 characters a second).
      await page.waitForTimeout(150);
      const painted = await page
        .waitForFunction(
          ({ q, since }) => {
            const p = (window as unknown as { __painted: { q: string; at: number }[] }).__painted.find((x) => x.q === q && x.at >= since);
            return p ? p.at : null;
          },
          { q: text.trim(), since: t0 },
          { timeout: 10_000 },
        )
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => null);
      if (painted !== null) {
        out.push(painted - t0);
        const asked = await page.evaluate(({ q, since }) => (window as unknown as { __asked: { q: string; sent: number; answered: number; took: number }[] }).__asked.find((a) => a.q === q && a.sent >= since) ?? null, { q: text.trim(), since: t0 });
        slowKeys.push({ text, ms: painted - t0, sent: asked ? asked.sent - t0 : NaN, answered: asked ? asked.answered - t0 : NaN, took: asked?.took ?? NaN });
      }
    }
  }
  return out;
}

async function deepScroll(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const frac of [0.5, 0.999]) {
    const t = await page.evaluate(async (f) => {
      const list = document.querySelector<HTMLElement>('.clip-list')!;
      const t0 = performance.now();
      list.scrollTop = (list.scrollHeight - list.clientHeight) * f;
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const box = list.getBoundingClientRect();
        const visible = [...list.querySelectorAll('.clip-row')].filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > box.top && b.top < box.bottom;
        });
        if (visible.length && visible.every((r) => !r.classList.contains('placeholder'))) return performance.now() - t0;
        if (performance.now() - t0 > 20_000) return NaN;
      }
    }, frac);
    out.push(t);
  }
  return out;
}

/**
 * In the page: does `act` (a click or a key, as a string of script), then answers the ms until
 * `selector` matches (the new bars are in) and the frame after is painted.
 */
async function paintedAfter(page: Page, act: string, selector: string): Promise<number> {
  // A string, for the reason PROBE is one.
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const mo = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      mo.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true });
    ${act};
    setTimeout(() => { mo.disconnect(); resolve(NaN); }, 20000);
  })`) as Promise<number>;
}

/** An entity's page from the sidebar, then its timeline zoomed in and out: ms to each paint. */
async function entityTimeline(page: Page, group: 'People' | 'Places', nth: number): Promise<{ open: number; zooms: number[] }> {
  const section = page.getByRole('navigation', { name: 'Library' }).getByRole('group', { name: group });
  await section.getByRole('button', { name: /^Actions for / }).nth(nth).click();
  const T = '.entity-timeline .bars';
  const open = await paintedAfter(page, `[...document.querySelectorAll('[role=menuitem]')].find((b) => b.textContent.startsWith('Open page'))?.click()`, `${T} .bar`);
  // The year with most clips (bars are buttons with data-period), then its busiest month.
  const busiest = async (prefixLength: number): Promise<string | null> => {
    const bars = await page.locator('.entity-timeline .bar').evaluateAll((els) => els.map((e) => [e.getAttribute('data-period') ?? '', e.getAttribute('aria-label') ?? '']));
    const count = (label: string) => Number(/: ([\d,]+) clips?$/.exec(label)?.[1]?.replace(/,/g, '') ?? 0);
    return bars.filter(([p]) => p.length === prefixLength).sort((a, b) => count(b[1]) - count(a[1]))[0]?.[0] ?? null;
  };
  const zooms: number[] = [];
  const year = (await busiest(4)) ?? (await busiest(7))?.slice(0, 4);
  if (year && (await busiest(4))) {
    // A click is the bars' mousedown then mouseup (a drag across bars is a range): timed from the mouseup.
    const bar = `document.querySelector('.entity-timeline .bar[data-period="${year}"]')`;
    await page.evaluate(`${bar}.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }))`);
    await page.waitForTimeout(50);
    zooms.push(await paintedAfter(page, `${bar}.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }))`, `${T} .bar[data-period^="${year}-"]`));
  }
  const month = await busiest(7);
  if (month) {
    // From the keyboard: Enter on the month, Backspace back out.
    await page.locator(`.entity-timeline .bar[data-period="${month}"]`).focus();
    zooms.push(await paintedAfter(page, `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))`, `${T} .bar[data-period^="${month}-"]`));
    zooms.push(await paintedAfter(page, `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true }))`, `${T} .bar[data-period="${month}"]`));
  }
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
  return { open, zooms };
}

// ------------------------------------------------------------------ run

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
    console.error('The renderer is not built: run `npm run build:renderer` first.');
    process.exit(2);
  }
  const dir = LIBRARY ?? (KEEP ? path.join(root, 'bench/.data', `ui-library-${SIZE}`) : fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-bench-ui-')));
  console.log(`Cuttings UI benchmark — ${LIBRARY ? LIBRARY : `${SIZE.toLocaleString('en')} clips`}, browser mode, ${CHROMIUM}`);
  if (!fs.existsSync(path.join(dir, 'library.sqlite'))) buildLibrary(dir);
  else console.log(`  reusing ${dir}`);

  const server = spawn(process.execPath, [path.join(root, 'bin/cuttings.mjs'), 'serve', '--library', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', (c) => reject(new Error(`cuttings serve exited (${c})`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();

    const paints: number[] = [];
    await firstPaint(page, url); // warm-up: the first load compiles the bundle
    for (let i = 0; i < 7; i++) paints.push(await firstPaint(page, url));

    const words = ['minister', 'parliament budget', 'kasenro', 'energy talks', 'hospital', 'marvi', 'election council', 'protest'];
    const latencies = await typingLatencies(page, words);
    await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
    await page.waitForTimeout(300);
    const scrolls = await deepScroll(page);

    // Entity pages: the five most named people and the three most named places.
    const opens: number[] = [];
    const zooms: number[] = [];
    for (const [group, n] of [['People', 5], ['Places', 3]] as const) {
      for (let i = 0; i < n; i++) {
        const r = await entityTimeline(page, group, i);
        opens.push(r.open);
        zooms.push(...r.zooms);
        await page.waitForTimeout(300);
      }
    }

    console.log('');
    console.log(`First list paint (navigation → first row painted), ${paints.length} loads:`);
    console.log(`  median ${ms(median(paints))}   p95 ${ms(percentile(paints, 95))}   target < 1000 ms   ${percentile(paints, 95) < 1000 ? 'OK' : 'MISSED'}`);
    console.log(`Keystroke → results painted, ${latencies.length} keystrokes (typing at ~6 chars/s, 80 ms debounce when typing faster):`);
    console.log(`  median ${ms(median(latencies))}   p95 ${ms(percentile(latencies, 95))}   max ${ms(Math.max(...latencies))}   target p95 < 100 ms   ${percentile(latencies, 95) < 100 ? 'OK' : 'MISSED'}`);
    console.log(`  slowest (request sent / answered / painted, ms after the key; [search's own ms]): ${slowKeys.sort((x, y) => y.ms - x.ms).slice(0, 6).map((k) => `${JSON.stringify(k.text)} ${Math.round(k.sent)}/${Math.round(k.answered)}/${Math.round(k.ms)} [${Math.round(k.took)}]`).join(' · ')}`);
    console.log(`Jump-scroll to the middle / the end of the list → rows painted:`);
    console.log(`  ${scrolls.map(ms).join(' / ')}`);
    console.log(`Entity page opened from the sidebar → its timeline painted, ${opens.length} entities (the most named people and places):`);
    console.log(`  median ${ms(median(opens))}   p95 ${ms(percentile(opens, 95))}   max ${ms(Math.max(...opens))}`);
    console.log(`Entity timeline zoom (a year's months by click, a month's days by Enter, back by Backspace) → new bars painted, ${zooms.length} zooms:`);
    console.log(`  median ${ms(median(zooms))}   p95 ${ms(percentile(zooms, 95))}   max ${ms(Math.max(...zooms))}   target p95 < 100 ms (the keystroke budget)   ${percentile(zooms, 95) < 100 ? 'OK' : 'MISSED'}`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    if (!KEEP && !LIBRARY) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
