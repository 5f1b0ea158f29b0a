// The HTML export: one self-contained document (no script, nothing loaded from anywhere),
// a table of contents that reaches every clip, each clip's record and body.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../../electron/api.ts';
import { exportForDownload, writeExport } from '../../../electron/export/index.ts';
import { exportFixture, type ExportFixture } from './export-library.ts';
import { unsafeMarkup } from './unsafe-markup.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));

describe('HTML export', () => {
  let fx: ExportFixture;
  let clips: Clip[];
  let html: string;
  beforeAll(async () => {
    fx = await exportFixture();
    // A headline that is markup: it must arrive as text.
    const victim = (await fx.handlers.api.listClips({ limit: 1, sort: 'oldest' })).clips[0];
    await fx.handlers.api.updateClip({ id: victim.id, patch: { title: '<script>alert(1)</script> & <img src=x onerror=alert(2)>' } });
    const page = await fx.handlers.api.listClips({ limit: 100 });
    clips = await Promise.all(page.clips.map((c) => fx.handlers.api.getClip({ id: c.id })));
    const output = path.join(fx.work, 'clippings.html');
    expect(await writeExport(fx.lib, { format: 'html' }, output)).toEqual({ output, clips: clips.length });
    html = fs.readFileSync(output, 'utf8');
  });
  afterAll(async () => fx.cleanup());

  it('holds no script and loads nothing from anywhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/src="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    expect(unsafeMarkup(html)).toEqual([]);
    // The browser is told so too.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'`);
  });

  it('has every clip, newest first, each reached from the contents', () => {
    const { document } = parseHTML(html);
    const articles = [...document.querySelectorAll('main > article')];
    expect(articles.map((a) => a.querySelector('h2')!.textContent!.replace(/\s*★$/, ''))).toEqual(clips.map((c) => c.title));
    const toc = [...document.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
    expect(toc).toEqual(articles.map((a) => `#${a.id}`));
    for (const c of clips) expect(html).toContain(escapeHtml(c.title));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
  });

  it("shows each clip's record, body, captions and note", () => {
    const { document } = parseHTML(html);
    const seed = clips.find((c) => c.id === fx.seedId)!;
    const article = document.getElementById(`clip-${seed.id}`)!;
    expect(article.querySelector('.source')!.textContent).toBe('guardian.ng');
    expect(article.querySelector('.byline')!.textContent).toBe('By AFP · 20 September 2019');
    expect(article.querySelector('h2 .star')).not.toBeNull();
    const bodyText = article.querySelector('.body')!.textContent!.replace(/\s+/g, ' ');
    for (const para of seed.bodyText.split(/\n\n+/)) expect(bodyText).toContain(para.replace(/\s+/g, ' ').trim());
    expect([...article.querySelectorAll('.captions li')].map((li) => li.textContent)).toEqual(seed.captions);
    expect([...article.querySelectorAll('.note p')].map((p) => p.textContent)).toEqual(['Check the Peskov quote.', 'See also "Interfax", 2 Oct.']);
    expect([...article.querySelectorAll('.tags li')].map((li) => li.textContent)).toEqual(['Russia, Kremlin', 'Venezuela']);
    expect(article.querySelector('.record')!.textContent).toContain('guardian-ng-maduro-russia.txt');
  });

  it('downloads the same document', async () => {
    const d = await exportForDownload(fx.lib, { format: 'html' });
    expect(d.mimeType).toBe('text/html; charset=utf-8');
    expect(d.fileName).toMatch(/\.html$/);
    expect(new TextDecoder().decode(d.bytes)).toBe(html);
  });
});
