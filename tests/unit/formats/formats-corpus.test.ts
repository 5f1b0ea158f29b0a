// Every file of the formats corpus (the same articles as mhtml, pdf, docx, odt, eml, md)
// is read as its real format and still holds the article: for `aeb` items most of the
// annotated body lines, for `trafilatura` items every `with` passage the file still
// contains (coverage.withMissing lists those no reader can find). The headline metadata
// the e-mail and the Markdown clipping state must equal the ground truth.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../electron/import/formats/index.ts';
import type { ReadResult } from '../../../electron/import/types.ts';
import { CORPUS, corpusExists, norm, visibleText } from './corpus.ts';

interface Item {
  dataset: 'aeb' | 'trafilatura';
  url: string;
  articleBody?: string;
  with?: string[];
  files: Record<string, string>;
  clip: { headline: string; author: string[]; datePublished: string; emlDate: string };
  coverage?: { withMissing?: Record<string, string[]> };
}

const ROOT = path.join(CORPUS, 'formats');
const FORMATS = ['mhtml', 'pdf', 'docx', 'odt', 'eml', 'md'] as const;
// Share of annotated body lines that must be found verbatim (after whitespace and quote
// folding). Measured: ≥ 0.89 everywhere; a line is lost only where the page itself breaks
// it (a cookie notice printed over the text, an emoji drawn as a picture).
const MIN_LINE_SHARE = 0.85;

const available = corpusExists('formats', 'ground-truth.json');
const truth: Record<string, Item> = available ? JSON.parse(fs.readFileSync(path.join(ROOT, 'ground-truth.json'), 'utf8')) : {};
const cache = new Map<string, { read: ReadResult; text: string }>();

function read(rel: string) {
  let hit = cache.get(rel);
  if (!hit) {
    const r = readBytes(new Uint8Array(fs.readFileSync(path.join(ROOT, rel))), path.basename(rel));
    hit = { read: r, text: norm(visibleText(r)) };
    cache.set(rel, hit);
  }
  return hit;
}

describe.skipIf(!available)('formats corpus', () => {
  const cases = Object.entries(truth).flatMap(([key, item]) =>
    FORMATS.filter((f) => item.files[f]).map((format) => ({ key, item, format, rel: item.files[format] })),
  );

  it('has the 186 files the README lists', () => {
    expect(cases.length).toBe(186);
  });

  it.each(cases)('$rel reads as $format with the article in it', ({ item, format, rel }) => {
    const { read: r, text } = read(rel);
    expect(r.format).toBe(format);
    expect(text).not.toMatch(/\u0000|\ufffd{2,}/);
    if (item.dataset === 'aeb') {
      const lines = item.articleBody!.split('\n').map(norm).filter(Boolean);
      const found = lines.filter((l) => text.includes(l)).length;
      expect(found / lines.length).toBeGreaterThanOrEqual(MIN_LINE_SHARE);
    } else {
      const missing = new Set(item.coverage?.withMissing?.[format] ?? []);
      const absent = item.with!.filter((w) => !missing.has(w) && !text.includes(norm(w)));
      expect(absent).toEqual([]);
    }
  });

  it.each(cases.filter((c) => c.format === 'eml'))('$rel: Subject is the headline, Date kept as emailDate', ({ item, rel }) => {
    const { read: r } = read(rel);
    expect(r.hints.title).toBe(item.clip.headline);
    // An RFC 5322 Date has whole seconds; the build recorded milliseconds.
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    expect(seconds(r.hints.extra?.emailDate ?? '')).toBe(seconds(item.clip.emlDate));
    expect(r.hints.publishedAt).toBeUndefined(); // the send day is only weak evidence
  });

  it.each(cases.filter((c) => c.format === 'md'))('$rel: front matter title, author and published as written', ({ item, rel }) => {
    const { read: r } = read(rel);
    expect(r.hints.title).toBe(item.clip.headline);
    expect(r.hints.author ?? '').toBe(item.clip.author.join(', '));
    expect(r.hints.publishedAt ?? '').toBe(item.clip.datePublished ?? '');
    expect(r.hints.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}/); // `created`: the clip day
    expect(r.hints.url).toBe(item.url);
  });

  it.each(cases.filter((c) => c.format === 'mhtml'))('$rel: URL from the snapshot, Date is the save time', ({ item, rel }) => {
    const { read: r } = read(rel);
    expect(r.hints.url).toBe(item.url);
    expect(r.hints.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.hints.publishedAt).toBeUndefined();
  });

  it.each(cases.filter((c) => c.format === 'pdf'))('$rel: no print header or footer left', ({ item, rel }) => {
    const { read: r } = read(rel);
    const lines = (r.text ?? '').split('\n').map((l) => l.trim());
    expect(lines.filter((l) => /^\d{1,3}\s*\/\s*\d{1,3}$/.test(l))).toEqual([]); // "3/7"
    expect(lines.filter((l) => l === item.url)).toEqual([]);
    expect(lines.filter((l) => /^\d{1,2}\/\d{1,2}\/\d{2,4},\s+\d{1,2}:\d{2}/.test(l))).toEqual([]); // print date
  });
});
