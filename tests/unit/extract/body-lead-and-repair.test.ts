// Pages whose article the first reading misses in part: a broken document skeleton that
// leaves document.body empty, a lead paragraph set above Readability's container, code
// listings in a technical post, image credits and repeated "Related" boxes inside a story,
// and attribution lines ("Quelle: …") that are not article text.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import { parsePage } from '../../../electron/import/extract/html-parse.ts';
import type { ReadResult } from '../../../electron/import/types.ts';

const asHtml = (html: string): ReadResult => ({ format: 'html', kind: 'html', html, hints: {}, attachments: [], warnings: [] });
const asText = (text: string): ReadResult => ({ format: 'txt', kind: 'text', text, hints: {}, attachments: [], warnings: [] });
const fromHtml = (html: string) => extractArticle(asHtml(html), { name: 'page.html' });
const bodyOfText = (text: string) => extractArticle(asText(text), { name: 'page.txt' }).bodyText;

const sentence = (i: number) => `Paragraph ${i} says the harbour board voted on Tuesday to restore the old wooden pier before the summer season, after years of delay and several studies.`;
const ps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `<p>${sentence(from + k)}</p>`).join('');

describe('a page with a broken skeleton', () => {
  it('reads the article when server warnings precede the doctype', () => {
    const html = `<br />\n<b>Warning</b>: mysql_connect(): access denied in <b>/www/x.php</b><br />\n<!DOCTYPE html><html lang="de"><head><title>Pier</title></head><body><article><h1>Pier to be restored</h1>${ps(1, 5)}</article></body></html>`;
    expect(parsePage(html).body?.textContent).toContain('Paragraph 3 says');
    expect(fromHtml(html).bodyText).toContain('Paragraph 5 says');
  });

  it('reads the article when <html> is missing and a second document is pasted inside', () => {
    const html = `<!DOCTYPE html><head><title>Pier</title><meta charset="utf-8"></head><div class="page"><article><h1>Pier to be restored</h1>${ps(1, 3)}<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><body><p>Embedded widget text.</p></body></html>${ps(4, 6)}</article></div>`;
    const body = fromHtml(html).bodyText;
    expect(body).toContain('Paragraph 1 says');
    expect(body).toContain('Paragraph 6 says');
  });

  it('leaves a well-formed page as it is', () => {
    const html = `<!doctype html><html><head><title>Pier</title><script>var x = "${'x'.repeat(5000)}";</script></head><body><p>Short page.</p></body></html>`;
    const doc = parsePage(html);
    expect(doc.documentElement?.localName).toBe('html');
    expect(doc.body?.textContent).toContain('Short page.');
  });
});

describe('the lead above the article container', () => {
  const page = (lead: string, between = '') => `<!doctype html><html><head><title>Pier to be restored</title></head><body>
    <header><h1>Pier to be restored</h1><p class="intro">${lead}</p>${between}</header>
    <div class="article-body">${ps(1, 8)}</div>
    <footer><p>Contact the harbour office</p></footer></body></html>`;

  it('is kept at the start of the body, in text and HTML', () => {
    const lead = 'The old wooden pier will be restored before the summer season, the harbour board decided after a long and heated meeting on Tuesday.';
    const x = fromHtml(page(lead));
    expect(x.bodyText.startsWith(lead)).toBe(true);
    expect(x.bodyText).toContain('Paragraph 8 says');
    expect(x.bodyHtml).toContain('The old wooden pier will be restored');
    expect(x.bodyHtml).not.toMatch(/<script|onerror/i);
  });

  it('does not take an image caption for the lead', () => {
    const lead = 'The old wooden pier will be restored before the summer season, the harbour board decided after a long and heated meeting on Tuesday.';
    const caption = '<figure><img src="pier.jpg"><figcaption>The pier in its better days, seen from the harbour wall on a summer evening in 1962.</figcaption></figure>';
    const x = fromHtml(page(lead, caption));
    expect(x.bodyText).not.toContain('The pier in its better days');
  });
});

describe('the body run of a text rendering', () => {
  const story = (i: number) => sentence(i);

  it('keeps a code listing and its output inside a technical post', () => {
    const text = [
      'Four Years Remaining', 'Interning of small integers', 'Posted by Konstantin 21.10.2019',
      'Can\'t help sharing this lovely example, illustrating the way Python interns small integers, the lowest of which are kept in a table and shared by every use of the number in a program.',
      'import ctypes', 'def deref(addr, type_):', 'return ctypes.cast(addr, ctypes.POINTER(type_))', 'deref(id(29), ctypes.c_int)[4] = 100', '> 29', '100', '> 29*100', '10000',
      'Note that depending on the version of Python the value of the integer may be stored at another offset.',
      'Tags: Python', 'Leave a comment',
    ].join('\n\n');
    const b = bodyOfText(text);
    expect(b).toContain('lovely example');
    expect(b).toContain('ctypes.cast(addr, ctypes.POINTER');
    expect(b).toContain('Note that depending on the version');
  });

  it('does not end the story at an image credit "© name - agency"', () => {
    const text = ['Pier to be restored', 'By Jane Doe', '12 March 2021', story(1), 'The pier in 1962', '© heychli - stock.adobe.com', story(2), '>>> Ferry timetable changes', story(3), story(4), 'Impressum'].join('\n\n');
    const b = bodyOfText(text);
    expect(b).toContain('Paragraph 1 says');
    expect(b).toContain('Paragraph 4 says');
  });

  it('crosses two "Related" boxes in a row inside the story', () => {
    const text = [
      'Pier to be restored', 'By Jane Doe', story(1), story(2), story(3),
      'Related', '  • Mayor opens new bridge', '  • Ferry timetable changes',
      'Related', '  • Beach closed for cleaning', '  • Lighthouse for sale',
      story(4), story(5), story(6), 'Most read',
    ].join('\n\n');
    const b = bodyOfText(text);
    expect(b).toContain('Paragraph 6 says');
    expect(b).not.toContain('Lighthouse for sale');
  });

  it('stops at a bare "Related" heading followed by teasers', () => {
    const teasers = Array.from({ length: 4 }, (_, k) => `Teaser ${k}: the council also discussed the new ferry timetable and the beach clean-up, with a vote expected next month.`);
    const text = ['Pier to be restored', 'By Jane Doe', story(1), story(2), story(3), story(4), 'Contact the author:', 'Jane Doe', 'Related', ...teasers.flatMap((t, k) => [`Headline number ${k}`, t])].join('\n\n');
    const b = bodyOfText(text);
    expect(b).toContain('Paragraph 4 says');
    expect(b).not.toContain('Teaser 2');
  });

  it('leaves out "Quelle: …" attribution lines and log-in prompts', () => {
    const text = ['Pier to be restored', 'By Jane Doe', story(1), 'Quelle: Landesregierung', story(2), story(3), 'Du musst eingeloggt sein um Kommentare zu schreiben!'].join('\n\n');
    const b = bodyOfText(text);
    expect(b).toContain('Paragraph 3 says');
    expect(b).not.toContain('Quelle:');
    expect(b).not.toContain('eingeloggt');
  });
});
