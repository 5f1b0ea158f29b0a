// The extractor's literal tokens can be listed, found on a page, and switched off: what the
// extraction benchmark's leave-sites-out figure rests on.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import { parsePage } from '../../../electron/import/extract/html-parse.ts';
import { tokensOnPage } from '../../../electron/import/extract/rule-occurrence.ts';
import { allTokenKeys, DEFAULT_RULES, rulesWithout, TOKEN_TABLES, tokenKey, type TableName } from '../../../electron/import/extract/rule-tokens.ts';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

const DEV = path.join(process.env.CUTTINGS_EXTRACTION_CORPUS ?? path.join(CORPUS, 'extraction'), 'dev');

function page(dataset: string, id: string) {
  const bytes = new Uint8Array(gunzipSync(readFileSync(path.join(DEV, dataset, 'html', `${id}.html.gz`))));
  return readBytes(bytes, `${id}.html`);
}

describe('token tables', () => {
  it('every token is a valid pattern and no table lists one twice', () => {
    for (const name of Object.keys(TOKEN_TABLES) as TableName[]) {
      const { tokens } = TOKEN_TABLES[name];
      expect(new Set(tokens).size, name).toBe(tokens.length);
      for (const t of tokens) expect(() => new RegExp(t, 'iu'), `${name}: ${t}`).not.toThrow();
    }
  });

  it('with nothing switched off, extraction uses the rules built at start-up', () => {
    expect(rulesWithout(undefined)).toBe(DEFAULT_RULES);
    expect(rulesWithout(new Set())).toBe(DEFAULT_RULES);
    const off = new Set([tokenKey('furnitureWords', 'outbrain')]);
    expect(rulesWithout(off)).toBe(rulesWithout(off));
    expect(rulesWithout(off).furnitureWords.has('outbrain')).toBe(false);
    expect(DEFAULT_RULES.furnitureWords.has('outbrain')).toBe(true);
  });

  it('a table with all its tokens switched off matches nothing', () => {
    const off = new Set(TOKEN_TABLES.sectionHeadings.tokens.map((t) => tokenKey('sectionHeadings', t)));
    expect(DEFAULT_RULES.sectionHeading.test('Related articles')).toBe(true);
    expect(rulesWithout(off).sectionHeading.test('Related articles')).toBe(false);
    expect(rulesWithout(off).sectionHeading.test('')).toBe(false);
  });
});

const REUTERS = 'reuters.com.parasite';

describe.skipIf(!existsSync(path.join(DEV, 'trafilatura', 'html', `${REUTERS}.html.gz`)))('tokens on a page', () => {
  const read = page('trafilatura', REUTERS);
  const found = tokensOnPage(parsePage(read.html ?? ''));

  it('finds the meta keys, JSON-LD types and class words the page has', () => {
    expect(found.has(tokenKey('authorMetaKeys', 'author'))).toBe(true);
    expect(found.has(tokenKey('siteNameMetaKeys', 'og:site_name'))).toBe(true);
    expect(found.has(tokenKey('ldArticleTypes', 'NewsArticle'))).toBe(true);
    expect(found.size).toBeLessThan(allTokenKeys().length);
  });

  it('does not find what the page lacks', () => {
    expect(found.has(tokenKey('authorMetaKeys', 'cxenseparse:author'))).toBe(false);
    expect(found.has(tokenKey('sectionHeadings', 'bilder des treffens'))).toBe(false);
  });

  it('with the page\'s author meta keys and JSON-LD switched off, the byline is still read from the page', () => {
    const on = extractArticle(read, { name: `${REUTERS}.html` });
    const off = new Set([...found].filter((k) => k.startsWith('authorMetaKeys:') || k.startsWith('ldArticleTypes:') || k.startsWith('publishedMetaKeys:')));
    const without = extractArticle(read, { name: `${REUTERS}.html` }, { disabledTokens: off });
    expect(on.author).toBe('Jill Serjeant');
    expect(without.author).toBe('Jill Serjeant');
    // Without JSON-LD and the date meta keys, the date comes from elsewhere on the page.
    expect(without.publishedAt?.slice(0, 10)).toBe(on.publishedAt?.slice(0, 10));
  });
});

const EVREF = 'evref.ch-ökumene';

describe.skipIf(!existsSync(path.join(DEV, 'trafilatura', 'html', `${EVREF}.html.gz`)))('switching a token off changes what it decided', () => {
  it('a page\'s closing link to its photo album is not article text, with or without the phrase rules', () => {
    const read = page('trafilatura', EVREF);
    const off = new Set(TOKEN_TABLES.sectionHeadings.tokens.map((t) => tokenKey('sectionHeadings', t)));
    for (const options of [{}, { disabledTokens: off }]) {
      const x = extractArticle(read, { name: `${EVREF}.html` }, options);
      expect(x.bodyText).toContain('Präsidentin Rita Famos überreichte');
      expect(x.bodyText).not.toContain('Bilder des Treffens');
    }
  });
});
