// Headline, byline and date of the developer corpus's pages saved as text (w3m and lynx
// renderings of real pages), scored against the pages' own metadata as the benchmark scores
// them. The pages are split into three folds by site: every fold must do well, so a rule
// that only fits some sites shows up as one weak fold. Thresholds sit a little below what
// the full run measures (bench: npm run bench:extract -- --only txt-aeb,txt-trafilatura).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromBytes, type FileExtraction } from '../../../electron/import/extract-file.ts';
import { CORPUS as SHARED_CORPUS } from '../../helpers/temp-library.ts';

const CORPUS = process.env.CUTTINGS_EXTRACTION_CORPUS ?? path.join(SHARED_CORPUS, 'extraction');
const DIR = path.join(CORPUS, 'dev-txt', 'trafilatura');

interface Truth { domain: string; headline?: string; author?: string | string[]; datePublished?: string; with?: string[]; without?: string[] }

// The scorer's normalisations: quotes, dashes, case and spacing; authors as sets of names.
const norm = (s: string) => s.normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"').replace(/[\u2010-\u2015\u2212]/g, '-').toLowerCase().replace(/\s+/g, ' ').trim().replace(/^["'\s]+|["'\s.]+$/g, '');
const names = (v: string | string[] | null | undefined) =>
  new Set(norm(Array.isArray(v) ? v.join('; ') : v ?? '').replace(/^(?:by|von|par|por)\s+/, '').replace(/\s+(?:and|und|et|y|e)\s+/g, ';').replace(/[&|/,]/g, ';').split(';').map((x) => x.replace(/^[\s"'.:-]+|[\s"'.:-]+$/g, '')).filter(Boolean));
const sameNames = (a: Set<string>, b: Set<string>) => a.size > 0 && a.size === b.size && [...a].every((x) => b.has(x));

const fold = (domain: string) => Number(BigInt(`0x${createHash('sha256').update(`fold|${domain}`).digest('hex')}`) % 3n);

describe.skipIf(!existsSync(DIR))('metadata of pages saved as text', () => {
  const gt: Record<string, Truth> = existsSync(DIR) ? JSON.parse(readFileSync(path.join(DIR, 'ground-truth.json'), 'utf8')) : {};
  const ids = Object.keys(gt).sort();
  const got = new Map<string, FileExtraction | null>();
  for (const id of ids) {
    try {
      got.set(id, extractFromBytes(new Uint8Array(readFileSync(path.join(DIR, `${id}.txt`))), `${id}.txt`));
    } catch {
      got.set(id, null);
    }
  }

  /** Accuracy over all pages and in each site fold. */
  function accuracy(field: 'headline' | 'author' | 'datePublished', right: (t: Truth, x: FileExtraction | null) => boolean) {
    const byFold = [0, 1, 2].map(() => ({ ok: 0, n: 0 }));
    for (const id of ids.filter((i) => gt[i][field])) {
      const f = byFold[fold(gt[id].domain)];
      f.n++;
      if (right(gt[id], got.get(id) ?? null)) f.ok++;
    }
    const all = byFold.reduce((a, f) => ({ ok: a.ok + f.ok, n: a.n + f.n }), { ok: 0, n: 0 });
    return { all: all.ok / all.n, folds: byFold.map((f) => f.ok / f.n) };
  }

  it('headline', () => {
    const acc = accuracy('headline', (t, x) => !!x?.title && norm(x.title) === norm(t.headline!));
    expect(acc.all).toBeGreaterThan(0.8);
    for (const f of acc.folds) expect(f).toBeGreaterThan(0.75);
  });

  it('author, as a set of names', () => {
    const acc = accuracy('author', (t, x) => sameNames(names(t.author), names(x?.author)));
    expect(acc.all).toBeGreaterThan(0.68);
    for (const f of acc.folds) expect(f).toBeGreaterThan(0.6);
  });

  it('publication day', () => {
    const acc = accuracy('datePublished', (t, x) => (x?.publishedAt ?? '').slice(0, 10) === t.datePublished);
    expect(acc.all).toBeGreaterThan(0.78);
    for (const f of acc.folds) expect(f).toBeGreaterThan(0.75);
  });

  it('the body keeps the article passages and leaves out the furniture', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const id of ids) {
      const body = (got.get(id)?.bodyText ?? '').replace(/\s+/g, ' ');
      for (const w of gt[id].with ?? []) {
        if (body.includes(w.replace(/\s+/g, ' ').trim())) tp++;
        else fn++;
      }
      for (const w of gt[id].without ?? []) if (body.includes(w.replace(/\s+/g, ' ').trim())) fp++;
    }
    expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThan(0.88);
  });
});

describe.skipIf(!existsSync(path.join(CORPUS, 'dev-txt')))('every page saved as text', () => {
  const files = ['aeb', 'trafilatura'].flatMap((ds) => {
    const dir = path.join(CORPUS, 'dev-txt', ds);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f)) : [];
  });

  it('has a title when it has text, and no publication date after the day it was saved', () => {
    let read = 0;
    for (const file of files) {
      let x: FileExtraction;
      try {
        x = extractFromBytes(new Uint8Array(readFileSync(file)), path.basename(file));
      } catch {
        continue; // a file with no text at all is refused, not read
      }
      read++;
      if (x.bodyText.trim()) expect(x.title, file).toBeTruthy();
      if (x.publishedAt && x.savedAt) expect(x.publishedAt.slice(0, 10) <= x.savedAt.slice(0, 10), file).toBe(true);
    }
    expect(read).toBeGreaterThan(150);
  });
});
