// Markdown front matter and rendering limits; PDF reading order and print chrome.
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { layoutPages, type PdfItem, type PdfPage } from '../../../electron/import/formats/pdf-layout.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('markdown clippings', () => {
  const clip = [
    '---',
    'title: "Otters return"',
    'source: "https://daily.example/otters"',
    'author:',
    '  - "[[Priya Raman]]"',
    '  - "[[People/Tom Hale|Tom Hale]]"',
    'published: 2019-09-20',
    'created: 2026-11-27',
    'description: "A family of otters."',
    'tags:',
    '  - "clippings"',
    '---',
    'A family of otters has been **filmed** on the [river](https://x.example).',
    '',
    '<div class="raw">raw html</div>',
  ].join('\n');

  it('reads the front matter as written, with `created` as the clip day', () => {
    const read = readBytes(utf8(clip), 'otters.md');
    expect(read.format).toBe('md');
    expect(read.hints).toMatchObject({
      title: 'Otters return', url: 'https://daily.example/otters', author: 'Priya Raman, Tom Hale',
      publishedAt: '2019-09-20', savedAt: '2026-11-27', description: 'A family of otters.',
    });
    expect(read.html).toContain('<strong>filmed</strong>');
    expect(read.html).toContain('<div class="raw">raw html</div>'); // passed on; the extractor sanitizes
    expect(read.html).not.toContain('published:');
  });

  it('never expands YAML aliases and still imports the body', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const t = performance.now();
    const read = readBytes(utf8(`---\n${levels.join('\n')}\ntitle: "Bomb"\n---\nThe body survives.\n`), 'bomb.md');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(read.hints.title).toBe('Bomb');
    expect(read.html).toContain('The body survives.');
    expect(read.html!.length).toBeLessThan(5000);
  });

  it('treats an unclosed front matter as body text', () => {
    const read = readBytes(utf8('---\ntitle: never closed\n\nThe body is here.\n'), 'x.md');
    expect(read.hints.title).toBeUndefined();
    expect(read.html).toContain('The body is here.');
  });

  it('survives 50 000 nested blockquote markers quickly', () => {
    const t = performance.now();
    const read = readBytes(utf8(`# Title\n\n${'>'.repeat(50_000)} deep quote\n\nAfter.\n`), 'deep.md');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(read.html).toContain('deep quote');
    expect(read.html).toContain('After.');
  });
});

/** One text item: [str, x, y, width, height, fontSize, rotated, eol]. */
const item = (str: string, x: number, y: number, size = 10): PdfItem => [str, x, y, str.length * size * 0.5, size, size, 0, 0];
const page = (items: PdfItem[]): PdfPage => ({ x0: 0, y0: 0, width: 600, height: 800, items });

describe('pdf layout', () => {
  it('reads two columns one after the other, not line by line across', () => {
    const items: PdfItem[] = [];
    for (let i = 0; i < 5; i++) {
      items.push(item(`left ${i} words words words`, 50, 600 - i * 12));
      items.push(item(`right ${i} words words words`, 330, 600 - i * 12));
    }
    const text = layoutPages([page(items)], null);
    expect(text.indexOf('left 4')).toBeLessThan(text.indexOf('right 0'));
    expect(text).not.toMatch(/left 0[^\n]*right 0/);
  });

  it('strips the browser print header and footer from every page', () => {
    const printed = (n: number): PdfPage =>
      page([
        item('11/27/26, 6:07 AM', 20, 790, 8),
        item('Otters return - Daily', 250, 790, 8),
        item(`Body text of page ${n} with enough words.`, 50, 600),
        item('https://daily.example/otters', 20, 12, 8),
        item(`${n}/2`, 560, 12, 8),
      ]);
    const text = layoutPages([printed(1), printed(2)], 'Otters return - Daily');
    expect(text).toBe('Body text of page 1 with enough words.\n\nBody text of page 2 with enough words.');
  });

  it('joins wrapped lines, keeping hyphenated compounds and CJK tight', () => {
    const lines = [item('A long line that fills the column semi-', 50, 600), item('automated tracking ends here.', 50, 588)];
    expect(layoutPages([page(lines)], null)).toBe('A long line that fills the column semi-automated tracking ends here.');
    expect(layoutPages([page([item('数字化农业的甜头小农户', 50, 600), item('感受更深', 50, 588)])], null)).toBe('数字化农业的甜头小农户感受更深');
  });
});
