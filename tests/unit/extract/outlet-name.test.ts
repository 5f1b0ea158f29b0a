// The outlet's name is the one it uses for itself: a written name over a handle, the name
// most of the page's evidence gives over a section or an edition, the domain only when the
// page names nothing.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';
import { chooseOutlet, isHandleLike, siteFromTitle, titleOutlet } from '../../../electron/import/extract/outlet-name.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

const EXTRACTION = process.env.CUTTINGS_EXTRACTION_CORPUS ?? path.join(CORPUS, 'extraction');
const FORMATS = path.join(CORPUS, 'formats');

function corpusPage(dataset: string, id: string) {
  const file = path.join(EXTRACTION, 'dev', dataset, 'html', `${id}.html.gz`);
  return existsSync(file) ? extractFromBytes(new Uint8Array(gunzipSync(readFileSync(file))), `${id}.html`) : null;
}

const none = { publishers: [], siteNames: [], websiteNames: [], titles: [], headline: null, appNames: [], hinted: null, handles: [], site: null };

describe('outlet name from the evidence', () => {
  it('prefers the name written out over the handle', () => {
    expect(chooseOutlet({ ...none, siteNames: ['latimes'], titles: ['Disney+ glitches blamed on heavy demand - Los Angeles Times'], headline: 'Disney+ glitches blamed on heavy demand', site: 'latimes.com' })).toBe('Los Angeles Times');
    expect(chooseOutlet({ ...none, siteNames: ['TheHill'], publishers: ['The Hill'], site: 'thehill.com' })).toBe('The Hill');
  });

  it('keeps the domain only when nothing names the outlet', () => {
    expect(chooseOutlet({ ...none, site: 'guardian.ng' })).toBe('guardian.ng');
    expect(chooseOutlet({ ...none, siteNames: ['The Guardian Nigeria News'], site: 'guardian.ng' })).toBe('The Guardian Nigeria News');
  });

  it('drops a company\'s legal form and a tagline', () => {
    expect(chooseOutlet({ ...none, publishers: ['Neue Zürcher Zeitung AG, Schweiz'], site: 'nzz.ch' })).toBe('Neue Zürcher Zeitung');
    expect(chooseOutlet({ ...none, siteNames: ['Frollein Herr | Information und Inspiration rund um Fashion'], site: 'frolleinherr.com' })).toBe('Frollein Herr');
  });

  it('does not take a title\'s section or a platform for the outlet', () => {
    expect(chooseOutlet({ ...none, titles: ['Mayor re-elected | Politics'], headline: 'Mayor re-elected', site: 'example-news.com' })).toBe('example-news.com');
    expect(chooseOutlet({ ...none, appNames: ['Blogger'], site: 'hassanchef.com' })).toBe('hassanchef.com');
  });

  it('reads the site segment of a title beside its headline', () => {
    expect(titleOutlet('Kremlin says Maduro will visit Russia ‘soon’ | The Guardian Nigeria News', 'Kremlin says Maduro will visit Russia ‘soon’')).toBe('The Guardian Nigeria News');
    expect(titleOutlet('Reuters | Kremlin says Maduro will visit Russia', 'Kremlin says Maduro will visit Russia')).toBe('Reuters');
    expect(titleOutlet('Kremlin says Maduro will visit Russia', 'Kremlin says Maduro will visit Russia')).toBeNull();
    expect(siteFromTitle('Disney+ glitches blamed on heavy demand says executive Kevin Mayer - Los Angeles Times')).toBe('Los Angeles Times');
  });

  it('tells handles from names', () => {
    for (const h of ['latimes', 'latimes.com', '@latimes', 'sndk_nyheder']) expect(isHandleLike(h), h).toBe(true);
    for (const n of ['Los Angeles Times', 'MacRumors', 'OnlineMarketing.de', 'NZZ']) expect(isHandleLike(n), n).toBe(false);
  });
});

describe.skipIf(!existsSync(path.join(EXTRACTION, 'dev')))('outlet name of corpus pages', () => {
  it('the publisher the title and domain agree on, not og:site_name\'s edition ("U.S.")', () => {
    expect(corpusPage('trafilatura', 'reuters.com.parasite')?.source).toBe('Reuters');
  });

  it('the name the page writes out, not its og:site_name handle', () => {
    expect(corpusPage('aeb', '776a1c046798b474e410f6edf3225d6a27fecd0de6aac22aef7b7f64fe87caaf')?.source).toBe('USA TODAY');
    expect(corpusPage('aeb', '65ce3a4577a0306994efa190a0d96e84014f9d4257ad54753e807ede518f02c0')?.source).toBe('The Detroit News');
  });

  it('og:site_name where it is the outlet\'s name', () => {
    expect(corpusPage('trafilatura', 'theguardian.com.academics')?.source).toBe('the Guardian');
    expect(corpusPage('trafilatura', 'wikimediafoundation.org.turkey')?.source).toBe('Wikimedia Foundation');
  });
});

const LATIMES_PDF = path.join(FORMATS, 'pdf', 'aeb-098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2.pdf');

describe.skipIf(!existsSync(LATIMES_PDF))('outlet name of a browser-printed PDF', () => {
  it('comes from the page title the browser printed', () => {
    const x = extractFromBytes(new Uint8Array(readFileSync(LATIMES_PDF)), path.basename(LATIMES_PDF));
    expect(x.source).toBe('Los Angeles Times');
  });
});
