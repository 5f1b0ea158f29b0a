// Stored article HTML (the import's allowlist) as Markdown: what a Markdown renderer makes of
// the result is the same structure and text, and text never turns into syntax.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { bodyToMarkdown, textToMarkdown } from '../../../electron/export/markdown-body.ts';

const render = (md: string) => marked.parse(md, { async: false }).trim();
const noImages = { baseUrl: 'https://news.example/story', image: () => null };

describe('article HTML as Markdown', () => {
  it('keeps paragraphs, headings, emphasis, links, lists, quotes, code and tables', () => {
    const html = [
      '<p>First <em>emphasised</em> and <strong>strong</strong> words, a <a href="/more?a=1&amp;b=2">relative link</a> and <code>x`y</code>.</p>',
      '<h2>A heading</h2>',
      '<ul><li>one</li><li>two <b>bold</b><ol><li>nested</li></ol></li></ul>',
      '<blockquote><p>Quoted words.</p><p>Second quoted paragraph.</p></blockquote>',
      '<pre><code>line 1\n  line 2 ``` fence</code></pre>',
      '<table><tr><th>Pos.</th><th>Driver</th></tr><tr><td>1</td><td>Kyle | Busch</td></tr></table>',
      '<p>Line<br>break</p><hr><p><s>struck</s></p>',
    ].join('');
    const md = bodyToMarkdown(html, '', noImages);
    const out = render(md);
    expect(out).toContain('<p>First <em>emphasised</em> and <strong>strong</strong> words, a <a href="https://news.example/more?a=1&amp;b=2">relative link</a> and <code>x`y</code>.</p>');
    expect(out).toContain('<h2>A heading</h2>');
    expect(out).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two <strong>bold<\/strong><ol>\s*<li>nested<\/li>\s*<\/ol>\s*<\/li>\s*<\/ul>/);
    expect(out).toMatch(/<blockquote>\s*<p>Quoted words.<\/p>\s*<p>Second quoted paragraph.<\/p>\s*<\/blockquote>/);
    expect(out).toContain('<pre><code>line 1\n  line 2 ``` fence\n</code></pre>');
    expect(out).toMatch(/<th>Pos.<\/th>\s*<th>Driver<\/th>[\s\S]*<td>1<\/td>\s*<td>Kyle | Busch<\/td>/);
    expect(out).toContain('<p>Line<br>break</p>');
    expect(out).toContain('<hr>');
    expect(out).toContain('<del>struck</del>');
  });

  it('writes text that looks like syntax as text', () => {
    const html = '<p>1999. A year</p><p>- not a list</p><p># not a heading, #notatag</p><p>&lt;script&gt;alert(1)&lt;/script&gt; [[wiki]] *a* _b_ `c` &amp;copy; ~~d~~ | e</p><p>===</p>';
    const out = render(bodyToMarkdown(html, '', noImages));
    expect(out).toBe(
      '<p>1999. A year</p>\n<p>- not a list</p>\n<p># not a heading, #notatag</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; [[wiki]] *a* _b_ `c` &amp;copy; ~~d~~ | e</p>\n<p>===</p>',
    );
  });

  it('drops what may not leave the library: script, unsafe links, remote images', () => {
    const html = '<p>Before<script>alert(1)</script> <a href="javascript:alert(1)">bad link</a> <img src="https://tracker.example/p.gif" alt="pixel"> after</p>';
    const out = render(bodyToMarkdown(html, '', noImages));
    expect(out).toBe('<p>Before bad link after</p>');
  });

  it('reads a body without HTML from its text, keeping line breaks', () => {
    expect(render(bodyToMarkdown('', 'One\nstill one.\n\n* Two', noImages))).toBe('<p>One<br>still one.</p>\n<p>* Two</p>');
    expect(textToMarkdown('  \n\n ')).toBe('');
  });
});
