// The archetype of Cuttings' input: a news page saved as text. Every field of its
// expected.json must be met.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

const SEED_DIR = process.env.CUTTINGS_SEED_DIR ?? path.join(CORPUS, 'seed');
const TXT = path.join(SEED_DIR, 'guardian-ng-maduro-russia.txt');
const EXPECTED = path.join(SEED_DIR, 'guardian-ng-maduro-russia.expected.json');

describe.skipIf(!existsSync(TXT))('seed: guardian-ng-maduro-russia.txt', () => {
  const expected = existsSync(EXPECTED) ? JSON.parse(readFileSync(EXPECTED, 'utf8')) : {};
  // An import date far from both dates, so a mix-up with the file's own date would show.
  const x = existsSync(TXT) ? extractFromBytes(new Uint8Array(readFileSync(TXT)), 'guardian-ng-maduro-russia.txt', Date.UTC(2025, 0, 2)) : null!;

  it('title, source, author', () => {
    expect(x.title).toBe(expected.title);
    expect(x.source).toBe(expected.source);
    expect(x.author).toBe(expected.author);
  });

  it('publication date with its time, and the save date from the site header', () => {
    expect(x.publishedAt).toBe(expected.publishedAt);
    expect(x.savedAt).toBe(expected.savedAt);
  });

  it('body starts and ends where the article does', () => {
    expect(x.bodyText.startsWith(expected.bodyStartsWith)).toBe(true);
    expect(x.bodyText.endsWith(expected.bodyEndsWith)).toBe(true);
  });

  it('no header, byline, date line or comment counter in the body', () => {
    for (const s of expected.bodyMustNotContain as string[]) expect(x.bodyText).not.toContain(s);
  });

  it('the lead sentence (standfirst repeated as first paragraph) appears once', () => {
    const lead = 'will visit Russia';
    expect(x.bodyText.split(lead).length - 1).toBe(expected.leadSentenceOccurrencesInBody);
  });

  it('the photo caption is a caption, not a body paragraph', () => {
    expect(x.captions.some((c) => c.startsWith(expected.caption))).toBe(true);
    expect(x.bodyText).not.toContain(expected.caption);
  });

  it('language and safe paragraph HTML', () => {
    expect(x.language).toBe('en');
    expect(x.bodyHtml.startsWith('<p>Venezuelan President')).toBe(true);
    expect(x.bodyHtml).not.toMatch(/<(?!\/?p>)/);
  });
});
