// Where the body of a page saved as text starts and ends: boxes set inside the article,
// comments and dialogs after it, a table of contents under its introduction, teaser lists,
// and the labels, disclosures and calls to action that are never article text.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import { cleanParagraphs } from '../../../electron/import/extract/paragraphs.ts';
import type { ReadResult } from '../../../electron/import/types.ts';

const asText = (text: string): ReadResult => ({ format: 'txt', kind: 'text', text, hints: {}, attachments: [], warnings: [] });
const body = (text: string) => extractArticle(asText(text), { name: 'page.txt' }).bodyText;

const para = (i: number) => `Paragraph ${i} says the harbour board voted on Tuesday to restore the old wooden pier before the summer season, after years of delay.`;
const paras = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => para(from + k)).join('\n\n');

describe('the body run of a text rendering', () => {
  it('crosses a "Related stories" box set inside the article, without its teasers', () => {
    const text = [
      'Home', 'News', 'Pier to be restored after years of delay', 'By Jane Doe', '12 March 2021',
      paras(1, 4),
      'Related Stories', 'Mayor opens new bridge', 'Ferry timetable changes', 'Beach closed for cleaning',
      paras(5, 8),
      'Most read', 'Footer links',
    ].join('\n\n');
    const b = body(text);
    expect(b).toContain('Paragraph 1 says');
    expect(b).toContain('Paragraph 8 says');
    expect(b).not.toContain('Ferry timetable');
  });

  it('leaves out readers\' comments after a "Tags:" line and a comment counter', () => {
    const comments = Array.from({ length: 12 }, (_, k) => `Reader ${k} wrote a long comment about how the pier restoration is a waste of money and time, and why the council should rather fix the roads in town.`);
    const text = ['Pier to be restored', 'By Jane Doe', paras(1, 4), 'Tag: harbour', '[ 167 comments ]', ...comments].join('\n\n');
    const b = body(text);
    expect(b).toContain('Paragraph 4 says');
    expect(b).not.toContain('Reader 3 wrote');
  });

  it('leaves out a cookie-settings dialog printed after the footer', () => {
    const cookie = Array.from({ length: 8 }, (_, k) => `Cookie setting ${k}: these cookies help us understand how visitors use our website, and you can switch them off in your browser settings at any time.`);
    const text = ['Pier to be restored', 'By Jane Doe', paras(1, 3), 'Impressum | Datenschutz', ...cookie].join('\n\n');
    const b = body(text);
    expect(b).toContain('Paragraph 1 says');
    expect(b).not.toContain('Cookie setting');
  });

  it('keeps the introduction above a table of contents, and not the contents list', () => {
    const sections = ['The vote', 'The cost', 'The timetable', 'The critics', 'What comes next'];
    const text = [
      'Pier to be restored', 'By Jane Doe', paras(1, 2), 'Contents',
      ...sections.map((s, k) => `  * ${k + 1}. ${s}`),
      ...sections.flatMap((s, k) => [s, para(10 + k)]),
    ].join('\n\n');
    const b = body(text);
    expect(b).toContain('Paragraph 1 says');
    expect(b).toContain('Paragraph 14 says');
    expect(b).not.toMatch(/^\d\. The vote$/m);
  });

  it('gives the body to the story under the headline and byline, not to a longer sidebar', () => {
    const sidebar = Array.from({ length: 2 }, (_, k) => `About us ${k}: we are a small magazine for friends of the sea, published since 1998 by volunteers who love old ships and harbours.`);
    const text = ['Magazine', 'Pier to be restored after years of delay', 'September 17, 2019 Jane Doe', para(1), 'Back', 'Next', 'Leave a comment', 'Name*', 'E-Mail*', ...sidebar].join('\n\n');
    const b = body(text);
    expect(b).toContain('Paragraph 1 says');
    expect(b).not.toContain('About us 1');
  });
});

describe('paragraph clean-up shared by HTML and text', () => {
  it('drops a bare "Related" label and the headline it introduces', () => {
    const out = cleanParagraphs([para(1), 'Related', 'Mayor opens new bridge over the river', para(2), 'Mehr lesen:', 'Kohlmann: „Als nächstes gewinnen wir“', para(3)], { title: null, captions: [] });
    expect(out).toEqual([para(1), para(2), para(3)]);
  });

  it('keeps a sentence after a "Read more" label: it is article text', () => {
    const out = cleanParagraphs([para(1), 'Read more:', 'The board said the work would start in May.', para(2)], { title: null, captions: [] });
    expect(out).toContain('The board said the work would start in May.');
  });

  it('drops disclosures and calls to action wherever they stand', () => {
    const out = cleanParagraphs([
      'Advertising disclosure: We may receive compensation for some of the links in our stories.',
      para(1), 'DHB jetzt auch digital! Einfach hier klicken und registrieren!', para(2), para(3), para(4),
    ], { title: null, captions: [] });
    expect(out).toEqual([para(1), para(2), para(3), para(4)]);
  });
});
