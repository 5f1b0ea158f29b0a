// Extraction stays bounded on malformed and huge inputs: no catastrophic regex, no
// quadratic walks, no stack overflow, a 50 MB page finishes with a warning.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import type { ReadResult } from '../../../electron/import/types.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

const MALFORMED = process.env.CUTTINGS_MALFORMED_DIR ?? path.join(CORPUS, 'malformed');

const asHtml = (html: string): ReadResult => ({ format: 'html', kind: 'html', html, hints: {}, attachments: [], warnings: [] });
const asText = (text: string): ReadResult => ({ format: 'txt', kind: 'text', text, hints: {}, attachments: [], warnings: [] });

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

describe('bounded extraction', () => {
  for (const f of ['pathological-regex.txt', 'long-token.txt']) {
    it.skipIf(!existsSync(path.join(MALFORMED, 'text', f)))(`text/${f} in well under a second`, () => {
      const text = readFileSync(path.join(MALFORMED, 'text', f), 'utf8');
      const [x, ms] = timed(() => extractArticle(asText(text), { name: f }));
      expect(ms).toBeLessThan(1000);
      expect(typeof x.bodyText).toBe('string');
    });
  }

  it('a byline, date line and title built to backtrack are still linear', () => {
    const evil = `${'By '.repeat(20_000)}\n${'1. '.repeat(20_000)}März\n${'a | '.repeat(20_000)}\n`;
    const [, ms] = timed(() => extractArticle(asText(evil), { name: 'evil.txt' }));
    expect(ms).toBeLessThan(1500);
  });

  it('100k nested divs: no stack overflow, finishes', () => {
    const n = 100_000;
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(n)}<p>Otters returned to the river this spring for the first time in fifty years, the trust said.</p>${'</div>'.repeat(n)}</body></html>`;
    const [x, ms] = timed(() => extractArticle(asHtml(html), { name: 'deep.html' }));
    expect(x.bodyText).toContain('Otters returned');
    expect(ms).toBeLessThan(30_000);
  });

  it('a 50 MB page finishes, capped, with a warning', () => {
    const para = (i: number) => `<p>Paragraph ${i} of a very long page that keeps going with more words about the harbour and its boats.</p>\n`;
    const parts: string[] = ['<html><body><article><h1>Long page</h1>'];
    let size = 0;
    for (let i = 0; size < 50_000_000; i++) {
      const p = para(i);
      parts.push(p);
      size += p.length;
    }
    parts.push('</article></body></html>');
    const [x, ms] = timed(() => extractArticle(asHtml(parts.join('')), { name: 'big.html' }));
    expect(x.warnings.some((w) => /very large|very long/.test(w))).toBe(true);
    expect(x.bodyText.length).toBeGreaterThan(1_000_000);
    expect(x.bodyText.length).toBeLessThanOrEqual(3_100_000);
    expect(ms).toBeLessThan(60_000);
  });

  it('empty and doctype-only pages give an empty body, not a crash', () => {
    expect(extractArticle(asHtml(''), { name: 'e.html' }).bodyText).toBe('');
    expect(extractArticle(asHtml('<!DOCTYPE html>'), { name: 'd.html' }).bodyText).toBe('');
    expect(extractArticle(asText(''), { name: 'e.txt' }).bodyText).toBe('');
  });
});
