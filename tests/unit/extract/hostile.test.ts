// Every article is hostile: bodyHtml is built from an allowlist, so no script, handler,
// javascript: link or foreign document can come out of it, whatever the page holds.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/import/extract/extract-article.ts';
import { safeHref } from '../../../electron/import/extract/safe-html.ts';
import type { ReadResult } from '../../../electron/import/types.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

const HOSTILE_DIR = process.env.CUTTINGS_HOSTILE_DIR ?? path.join(CORPUS, 'hostile');

function html(h: string): ReadResult {
  return { format: 'html', kind: 'html', html: h, hints: {}, attachments: [], warnings: [] };
}

/** What the reader-view sweep forbids, checked on the stored HTML itself. */
function assertInert(bodyHtml: string): void {
  expect(bodyHtml).not.toMatch(/<\s*(script|style|iframe|frame|object|embed|svg|math|base|meta|link|form|input|textarea|template|noscript)\b/i);
  // Text is escaped, so every "<" in the output opens one of our tags.
  for (const tag of bodyHtml.match(/<[^>]*>/g) ?? []) {
    expect(tag).toMatch(/^<\/?(p|h[2-6]|ul|ol|li|blockquote|pre|code|em|strong|b|i|u|s|sub|sup|br|hr|figure|figcaption|img|a|table|thead|tbody|tr|th|td|caption)(\s[^<>]*)?>$/);
    expect(tag).not.toMatch(/\son\w+\s*=/i);
  }
  // Every attribute that survives is one of ours, with a vetted value.
  for (const m of bodyHtml.matchAll(/<(\w+)([^>]*)>/g)) {
    for (const a of m[2].matchAll(/\s([\w:-]+)="([^"]*)"/g)) {
      expect(['href', 'rel', 'src', 'alt', 'colspan', 'rowspan']).toContain(a[1]);
      if (a[1] === 'href') expect(a[2]).toMatch(/^(https?:|mailto:)/i);
      if (a[1] === 'src') expect(a[2]).toMatch(/^data:image\/(png|jpeg|gif|webp)[;,]/i);
    }
  }
}

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour reopens | Example News</title>
<script>alert('head')</script>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:url" content="javascript:alert(1)">
</head><body><article>
<h1>Harbour reopens after storm</h1>
<p class="byline">By Ann Example</p>
<p>The harbour reopened on Monday after a week of repairs, the port authority said in a statement to reporters.</p>
<p>Boats queued <a href="javascript:alert('x')">here</a> and <a href=" JaVa&#x09;ScRiPt:alert(2)">there</a>, <a href="https://example.org/ok">a real link</a>.</p>
<p><img src="x" onerror="alert('img')"><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" onload="alert(3)"></p>
<p onclick="alert('p')">Fishermen said the new breakwater should hold through the winter storms, which usually arrive in November.</p>
<script>document.write('<p>injected</p>')</script>
<noscript><p>noscript text must not appear</p></noscript>
<template><p>template text must not appear</p></template>
<textarea>textarea text must not appear</textarea>
<svg onload="alert(4)"><text>svg text</text></svg>
<iframe srcdoc="<script>alert(5)</script>"></iframe>
<p>The authority expects traffic to return to normal levels within a fortnight, its director told the council.</p>
</article></body></html>`;

describe('hostile HTML', () => {
  const x = extractArticle(html(PAGE), { name: 'page.html' });

  it('keeps the article', () => {
    expect(x.title).toBe('Harbour reopens after storm');
    expect(x.author).toBe('Ann Example');
    expect(x.bodyText).toContain('The harbour reopened on Monday');
    expect(x.bodyText).toContain('traffic to return to normal');
  });

  it('bodyHtml holds no script, handler or javascript: link', () => {
    assertInert(x.bodyHtml);
    expect(x.bodyHtml).not.toMatch(/javascript/i);
    expect(x.bodyHtml).not.toContain('alert');
    expect(x.bodyHtml).toContain('href="https://example.org/ok"');
    expect(x.bodyHtml).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('text of script/noscript/template/textarea never becomes body', () => {
    for (const s of ['injected', 'noscript text', 'template text', 'textarea text', 'svg text', "alert('head')"]) {
      expect(x.bodyText).not.toContain(s);
      expect(x.bodyHtml).not.toContain(s);
    }
  });

  it('a javascript: og:url is not a URL', () => {
    expect(x.url).toBeNull();
  });

  it('safeHref refuses disguised schemes and keeps web links', () => {
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'vbscript:x', 'data:text/html,<script>', '//evil.example/x']) {
      expect(safeHref(bad, 'https://site.example/a/')).toBeNull();
    }
    expect(safeHref('https://a.example/x', null)).toBe('https://a.example/x');
    expect(safeHref('mailto:a@b.example', null)).toBe('mailto:a@b.example');
    expect(safeHref('/rel/path', 'https://site.example/a/')).toBe('https://site.example/rel/path');
    expect(safeHref('/rel/path', null)).toBeNull();
  });
});

// The hostile corpus: every HTML file, through the same extractor, must give inert HTML.
const manifestPath = path.join(HOSTILE_DIR, 'manifest.json');
describe.skipIf(!existsSync(manifestPath))('hostile corpus (html files)', () => {
  const manifest: { file: string; format: string; expect: { bodyContains?: string[] } }[] = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : [];
  const htmlFiles = manifest.filter((m) => m.format === 'html');
  it(`${htmlFiles.length} pages give inert bodyHtml and keep the article text`, () => {
    expect(htmlFiles.length).toBeGreaterThan(100);
    let kept = 0;
    for (const m of htmlFiles) {
      const page = readFileSync(path.join(HOSTILE_DIR, 'files', m.file), 'utf8');
      const x = extractArticle(html(page), { name: m.file });
      // (The word "javascript:" may remain as escaped text or inside a percent-encoded
      // http URL; assertInert checks that no attribute can run it.)
      assertInert(x.bodyHtml);
      if ((m.expect.bodyContains ?? []).every((s) => x.bodyText.includes(s))) kept++;
    }
    // The benign article text around the payload survives on (nearly) every page.
    expect(kept / htmlFiles.length).toBeGreaterThan(0.95);
  });
});
