// A sample of the developer corpus per dataset, scored against its ground truth the way
// the benchmark does (bench/extract.ts runs the full set). Thresholds sit a little below
// what the full run measures, so a real regression fails and sampling noise does not.
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';
import { CORPUS as SHARED_CORPUS } from '../../helpers/temp-library.ts';

const CORPUS = process.env.CUTTINGS_EXTRACTION_CORPUS ?? path.join(SHARED_CORPUS, 'extraction');
const EVERY = 4; // every 4th item

type Gt = Record<string, { articleBody?: string; with?: string[]; without?: string[]; headline?: string; author?: string | string[]; datePublished?: string }>;

function load(dir: string): Gt {
  return JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
}

function sample(gt: Gt): string[] {
  return Object.keys(gt).sort().filter((_, i) => i % EVERY === 0);
}

const norm = (s: string) => s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"').replace(/[\u2010-\u2015]/g, '-').toLowerCase().replace(/\s+/g, ' ').trim().replace(/^["'\s]+|["'\s.]+$/g, '');

/** Shingle F1 of one page, as the benchmark scores bodies. */
function shingleF1(truth: string, pred: string): number {
  const shingles = (t: string) => {
    const tokens = t.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const m = new Map<string, number>();
    for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
      const k = tokens.slice(i, i + 4).join(' ');
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let na = 0;
  let nb = 0;
  for (const [k, c] of a) {
    tp += Math.min(c, b.get(k) ?? 0);
    na += c;
  }
  for (const c of b.values()) nb += c;
  if (!tp) return 0;
  const p = tp / nb;
  const r = tp / na;
  return (2 * p * r) / (p + r);
}

function extractHtmlItem(dir: string, id: string) {
  const bytes = gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`)));
  return extractFromBytes(new Uint8Array(bytes), `${id}.html`);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe.skipIf(!existsSync(path.join(CORPUS, 'dev', 'aeb')))('corpus sample: aeb (full article bodies)', () => {
  it('mean body F1 over the sample beats plain Readability', () => {
    const dir = path.join(CORPUS, 'dev', 'aeb');
    const gt = load(dir);
    const f1s = sample(gt).map((id) => shingleF1(gt[id].articleBody ?? '', extractHtmlItem(dir, id).bodyText));
    expect(f1s.length).toBeGreaterThan(20);
    expect(mean(f1s)).toBeGreaterThan(0.94);
  });
});

describe.skipIf(!existsSync(path.join(CORPUS, 'dev', 'trafilatura')))('corpus sample: trafilatura (snippets and metadata)', () => {
  const dir = path.join(CORPUS, 'dev', 'trafilatura');
  const gt = existsSync(dir) ? load(dir) : {};
  const ids = sample(gt);
  const results = new Map(ids.map((id) => [id, (() => { try { return extractHtmlItem(dir, id); } catch { return null; } })()]));

  it('snippet F1: passages that must be in the body are, furniture is not', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const id of ids) {
      const body = (results.get(id)?.bodyText ?? '').replace(/\s+/g, ' ');
      for (const w of gt[id].with ?? []) {
        if (body.includes(w.replace(/\s+/g, ' ').trim())) tp++;
        else fn++;
      }
      for (const w of gt[id].without ?? []) if (body.includes(w.replace(/\s+/g, ' ').trim())) fp++;
    }
    expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThan(0.86);
  });

  it('headline accuracy', () => {
    const withTitle = ids.filter((id) => gt[id].headline);
    const ok = withTitle.filter((id) => norm(results.get(id)?.title ?? '') === norm(gt[id].headline!));
    expect(ok.length / withTitle.length).toBeGreaterThan(0.75);
  });

  it('publication-day accuracy', () => {
    const withDate = ids.filter((id) => gt[id].datePublished);
    const ok = withDate.filter((id) => (results.get(id)?.publishedAt ?? '').slice(0, 10) === gt[id].datePublished);
    expect(ok.length / withDate.length).toBeGreaterThan(0.78);
  });

  it('author accuracy (as sets of names)', () => {
    const names = (v: string | string[] | null | undefined) =>
      new Set((Array.isArray(v) ? v.join(';') : v ?? '').toLowerCase().split(/\s*(?:;|,|&|\band\b|\bund\b)\s*/).map((s) => s.trim()).filter(Boolean));
    const withAuthor = ids.filter((id) => gt[id].author);
    const ok = withAuthor.filter((id) => {
      const a = names(gt[id].author);
      const b = names(results.get(id)?.author);
      return a.size === b.size && [...a].every((x) => b.has(x));
    });
    expect(ok.length / withAuthor.length).toBeGreaterThan(0.5);
  });
});

describe.skipIf(!existsSync(path.join(CORPUS, 'dev', 'htmldate')))('corpus sample: htmldate (publication days)', () => {
  it('publication-day accuracy, and never a date after the page was collected', () => {
    const dir = path.join(CORPUS, 'dev', 'htmldate');
    const gt = load(dir);
    const ids = sample(gt);
    let ok = 0;
    for (const id of ids) {
      const d = extractHtmlItem(dir, id).publishedAt;
      if (d?.slice(0, 10) === gt[id].datePublished) ok++;
      if (d) expect(d.slice(0, 4) <= '2021').toBe(true);
    }
    expect(ok / ids.length).toBeGreaterThan(0.75);
  });
});

describe.skipIf(!existsSync(path.join(CORPUS, 'dev-txt', 'aeb')))('corpus sample: pages saved as text', () => {
  it('body F1 of text renderings far above taking the whole file', () => {
    const dir = path.join(CORPUS, 'dev-txt', 'aeb');
    const gt = load(dir);
    const f1s = sample(gt).map((id) => {
      const x = extractFromBytes(new Uint8Array(readFileSync(path.join(dir, `${id}.txt`))), `${id}.txt`);
      return shingleF1(gt[id].articleBody ?? '', x.bodyText);
    });
    expect(mean(f1s)).toBeGreaterThan(0.8);
  });
});
