// Rules that read a page's structure and the shape of its text rather than words a site
// uses: where an article ends, where a dateline or a script holds the date, which heading
// the title names, who signs a personal site, a kicker set apart by a separator.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';
import { trimClosingLabels } from '../../../electron/import/extract/article-tail.ts';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import { TOKEN_TABLES, tokenKey } from '../../../electron/import/extract/rule-tokens.ts';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

const DEV = path.join(process.env.CUTTINGS_EXTRACTION_CORPUS ?? path.join(CORPUS, 'extraction'), 'dev', 'trafilatura', 'html');

function page(id: string) {
  return extractFromBytes(new Uint8Array(gunzipSync(readFileSync(path.join(DEV, `${id}.html.gz`)))), `${id}.html`);
}

/** The page extracted without any of the closing-section phrases: structure alone. */
function withoutPhrases(id: string) {
  const off = new Set(TOKEN_TABLES.sectionHeadings.tokens.map((t) => tokenKey('sectionHeadings', t)));
  const read = readBytes(new Uint8Array(gunzipSync(readFileSync(path.join(DEV, `${id}.html.gz`)))), `${id}.html`);
  return extractArticle(read, { name: `${id}.html` }, { disabledTokens: off });
}

const prose = 'The council approved the budget after a long debate about the harbour, the schools and the roads that lead to them.';

describe('the end of an article', () => {
  it('drops the short labels an article trails off into', () => {
    expect(trimClosingLabels([prose, prose, 'Themen im Artikel', 'Empfehlung der Redaktion'])).toEqual([prose, prose]);
    expect(trimClosingLabels([prose, 'Schon gelesen?'])).toEqual([prose]);
    expect(trimClosingLabels([prose, 'Teilnehmende Blogs:'])).toEqual([prose]);
  });

  it('keeps a sentence, and a list the article ends with', () => {
    expect(trimClosingLabels([prose, 'Twitter seemed a bit confused by the campaign:'])).toHaveLength(2);
    const table = ['England (Group A): 10th appearance', 'Ukraine (Group B): Third appearance', 'Spain (Group F): 11th', 'Sweden (Group F): Seventh', 'Poland (Group G): Fourth'];
    expect(trimClosingLabels([prose, 'Qualified teams', ...table])).toHaveLength(7);
  });
});

describe.skipIf(!existsSync(DEV))('corpus pages', () => {
  it('a body without its closing widget headings, known phrases or not', () => {
    for (const x of [page('ingenieur.de.kernfusion'), withoutPhrases('ingenieur.de.kernfusion')]) {
      expect(x.bodyText).toContain('Kernfusion kommt als Energieform');
      expect(x.bodyText).not.toContain('Themen im Artikel');
    }
    expect(withoutPhrases('aerobuzz.de-bremen').bodyText).not.toContain('Schon gelesen?');
  });

  it('the date a dateline opens the article with', () => {
    expect(page('arbeitsagentur.de-arbeitsmarkt').publishedAt?.slice(0, 10)).toBe('2022-02-01');
  });

  it('the date a page keeps only in its scripts\' data', () => {
    expect(page('de.happycoffee.org.sidamo').publishedAt?.slice(0, 10)).toBe('2019-03-02');
  });

  it('the date beside the heading the title names, on a page without an <h1>', () => {
    expect(page('idw-online.de-Hybridbatterie').publishedAt?.slice(0, 10)).toBe('2023-11-01');
  });

  it('a personal site\'s copyright holder as its author, but not a firm\'s or an association\'s', () => {
    expect(page('regiolanda.de.filmbuero').author).toBe('Sven Schreivogel');
    expect(page('jamaica.gleaner.com-victims').author).toBeNull();
    expect(page('www.dhb.de-regionallehrgang').author).toBeNull();
  });

  it('the headline without a kicker set apart by a separator element', () => {
    expect(page('tagesanzeiger.ch.umweltzerstoerung').title).toBe('Wie Umweltzerstörung neue Epidemien begünstigt');
    expect(page('energiezukunft.eu.bioenergie').title).toBe('Bundesregierung drosselt Bioenergie, Branche protestiert');
  });

  it('the author of "Eine Kolumne von …", and not an address after the site\'s name', () => {
    expect(page('pinkstinks.de-Kulturtechnik').author).toBe('Nils Pickert');
    expect(page('spiegel.de.albtraum').author).not.toContain('Germany');
  });
});
