// Body rules beyond Readability: furniture named like the article's container, the closing
// furniture at the end of an article, and readers' comments after a short text-saved post.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import { trimArticleTail } from '../../../electron/import/extract/article-tail.ts';
import type { ReadResult } from '../../../electron/import/types.ts';

const asHtml = (html: string): ReadResult => ({ format: 'html', kind: 'html', html, hints: {}, attachments: [], warnings: [] });
const asText = (text: string): ReadResult => ({ format: 'txt', kind: 'text', text, hints: {}, attachments: [], warnings: [] });

const sentence = (i: number) => `Sentence ${i} tells how the harbour board voted to restore the old wooden pier before the summer season began.`;
const paragraph = (i: number) => `<p>${[0, 1, 2].map((k) => sentence(i * 3 + k)).join(' ')}</p>`;

describe('furniture removal keeps an article whatever its container is called', () => {
  it('keeps a prose-heavy container named "widget share" and drops the small share bar', () => {
    const html = `<html><body>
      <div class="menu"><a href="/a">Home</a> <a href="/b">News</a></div>
      <div class="entry widget-container share">
        <h1>Pier to be restored</h1>
        ${[1, 2, 3, 4, 5].map(paragraph).join('\n')}
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
      </div>
      <script>${'var x = 1;'.repeat(5000)}</script>
    </body></html>`;
    const x = extractArticle(asHtml(html), { name: 'p.html' });
    expect(x.bodyText).toContain('Sentence 3 tells');
    expect(x.bodyText).toContain('Sentence 17 tells');
    expect(x.bodyText).not.toContain('Share on Facebook');
  });

  it('still removes a comment section even when it is long', () => {
    const comments = [1, 2, 3].map((i) => `<li class="comment"><p>Reader ${i} says the pier vote was a disgrace and writes at length about it, again and again, for many lines of text.</p></li>`).join('');
    const html = `<html><body><article><h1>Pier to be restored</h1>${[1, 2, 3, 4].map(paragraph).join('')}</article>
      <section id="comments"><ol class="commentlist">${comments}</ol></section></body></html>`;
    const x = extractArticle(asHtml(html), { name: 'c.html' });
    expect(x.bodyText).toContain('Sentence 3 tells');
    expect(x.bodyText).not.toContain('Reader 2 says');
  });
});

describe('closing furniture at the end of an article', () => {
  const body = [1, 2, 3, 4, 5, 6, 7].map(sentence);

  it('cuts a closing "more on this" section and drops pitches from the last part', () => {
    const out = trimArticleTail([...body, 'Follow us on Twitter for the latest news from the harbour.', 'Weitere Informationen:', 'Link one', 'Link two']);
    expect(out).toEqual(body);
  });

  it('leaves the same words alone in the middle of the story', () => {
    const middle = [...body.slice(0, 2), 'Sources:', ...body.slice(2)];
    expect(trimArticleTail(middle)).toEqual(middle);
  });

  it('does not cut when a "heading" is followed by most of the text', () => {
    const long = [sentence(1), sentence(2), 'Kontakt', ...body, ...body];
    expect(trimArticleTail(long)).toEqual(long);
  });
});

describe('text renderings: readers\' comments are not the article', () => {
  it('takes a short post over the longer comment thread after it', () => {
    const post = 'Our goal with these open threads is to give readers a place to raise questions about our research and our charities, and we try to answer them promptly. You are also welcome to write to us or to ask for a call with our staff if you would rather discuss a question privately, and we will reply.';
    const comment = (who: string) => `   * ${who} on September 12, 2018 at 4:47 pm said:\n     ${'I have a question about the report and the numbers in it, which seem to disagree with the earlier review. '.repeat(4).trim()}`;
    const text = [
      'Home', 'About', 'Blog', '',
      'September open thread', '',
      'September 10, 2018 | by Catherine', '',
      post, '',
      'You can view our June open thread here, and the one before it too.', '',
      'Posted in Open thread | Permalink | 5 Comments', '',
      'Comments', '',
      ...['Milan', 'Alex', 'Gary', 'Jo', 'Sam'].map(comment).flatMap((c) => [c, '']),
    ].join('\n');
    const x = extractArticle(asText(text), { name: 't.txt' });
    expect(x.bodyText).toContain('Our goal with these open threads');
    expect(x.bodyText).not.toContain('I have a question');
  });
});
