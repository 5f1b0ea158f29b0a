// The press review as HTML (the document the PDF is printed from, too): a title page, contents
// grouped as asked, each clip's record and the chosen content; self-contained; refusals that say why.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, ReviewRequest } from '../../../electron/api.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { humanDate } from '../../../electron/export/human-dates.ts';
import { PROJECT_ROOT } from '../../helpers/temp-library.ts';
import { exportFixture, type ExportFixture } from './export-library.ts';
import { compileReview } from './review-compile.ts';
import { unsafeMarkup } from './unsafe-markup.ts';

describe('press review as HTML', () => {
  let fx: ExportFixture;
  let handlers: Handlers;
  const events = new EventBus();
  let clips: Clip[];
  let seed: Clip;

  const html = async (request: Omit<ReviewRequest, 'format'>, name: string) => {
    const output = path.join(fx.work, `${name}.html`);
    await compileReview(handlers, events, { format: 'html', ...request }, output);
    const text = fs.readFileSync(output, 'utf8');
    return { text, document: parseHTML(text).document };
  };

  beforeAll(async () => {
    fx = await exportFixture();
    handlers = createHandlers({ library: fx.lib, events, shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
    const page = await handlers.api.listClips({ limit: 100 });
    clips = await Promise.all(page.clips.map((c) => handlers.api.getClip({ id: c.id })));
    seed = clips.find((c) => c.id === fx.seedId)!;
  });
  afterAll(async () => {
    await handlers.dispose();
    await fx.cleanup();
  });

  it('has a title page, contents by day, and every clip with its headline, outlet, byline and date', async () => {
    const { text, document } = await html({ title: 'Venezuela & Russia: the week', compiledBy: 'Press Office', group: 'day', content: 'full' }, 'by-day');
    const title = document.querySelector('.title-page')!;
    expect(title.querySelector('h1')!.textContent).toBe('Venezuela & Russia: the week');
    const facts = title.querySelector('.title-facts')!.textContent!;
    expect(facts).toContain('Compiled byPress Office');
    expect(facts).toMatch(/Compiled on\d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(facts).toContain(`Clippings${clips.length}`);
    // The period runs from the oldest dated clip to the newest.
    const days = clips.map((c) => c.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
    expect(title.querySelector('.title-period')!.textContent).toContain(humanDate(days.at(-1)!).split(' ').at(-1)!);
    expect(facts).toContain('undated clip');

    // Contents: one group per day, oldest first, "Undated" last; every entry links to its clip.
    const groups = [...document.querySelectorAll('.contents-group h3 a')].map((a) => a.textContent!);
    expect(groups.at(-1)).toBe('Undated');
    expect(groups).toContain('Friday 20 September 2019');
    const entries = [...document.querySelectorAll('.contents li a')];
    expect(entries).toHaveLength(clips.length);
    for (const a of entries) expect(document.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
    expect(entries.map((a) => a.querySelector('.no')!.textContent)).toEqual(clips.map((_, i) => String(i + 1)));

    const articles = [...document.querySelectorAll('article.clip')];
    expect(articles).toHaveLength(clips.length);
    for (const c of clips) {
      // Anchored by uid: two clips may share a headline (one wire story in two outlets).
      const a = document.getElementById(`clip-${c.uid}`)!;
      expect(a.querySelector('.clip-title')!.textContent).toBe(c.title);
      if (c.source) expect(a.querySelector('.clip-outlet')!.textContent).toBe(c.source);
      if (c.author) expect(a.querySelector('.clip-meta')!.textContent).toContain(c.author);
      if (c.publishedAt) expect(a.querySelector('.clip-meta')!.textContent).toContain(humanDate(c.publishedAt));
    }
    const seedArticle = articles.find((x) => x.querySelector('.clip-title')!.textContent === seed.title)!;
    expect(seedArticle.querySelector('.clip-meta')!.textContent).toBe('By AFP20 September 2019');
    expect(seedArticle.querySelector('.clip-body')!.textContent).toContain('Russia is the second-largest lender to Caracas');

    // Self-contained: no script, nothing remote, and the browser told so.
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/src="(?:https?:)?\/\//i);
    expect(text).not.toMatch(/<link\b|@import|url\(/i);
    expect(unsafeMarkup(text)).toEqual([]);
    expect(text).toContain(`content="default-src 'none'; img-src data:;`);
    // Page numbers and the running head come from the print stylesheet.
    expect(text).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(text).toContain('@top-left { content: "Venezuela & Russia: the week"');
  });

  it('groups by outlet (A–Z) and by tag, each clip once', async () => {
    const byOutlet = (await html({ group: 'outlet' }, 'by-outlet')).document;
    const outlets = [...byOutlet.querySelectorAll('.group-title')].map((h) => h.textContent!);
    const named = outlets.filter((o) => o !== 'Outlet not known');
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    expect(outlets).toContain(seed.source);
    expect(byOutlet.querySelectorAll('article.clip')).toHaveLength(clips.length);

    const byTag = (await html({ group: 'tag' }, 'by-tag')).document;
    const tagGroups = [...byTag.querySelectorAll('.group')].map((g) => ({ label: g.querySelector('.group-title')!.textContent, titles: [...g.querySelectorAll('.clip-title')].map((t) => t.textContent) }));
    expect(tagGroups.at(-1)!.label).toBe('Untagged');
    const seedGroup = tagGroups.find((g) => g.titles.includes(seed.title))!;
    expect(['Venezuela', 'Russia, Kremlin']).toContain(seedGroup.label);
    expect(byTag.querySelectorAll('article.clip')).toHaveLength(clips.length);
  });

  it('in standfirst mode shows the standfirst (or the opening) and omits the body', async () => {
    const { document } = await html({ content: 'standfirst', ids: [fx.seedId, ...clips.slice(0, 4).map((c) => c.id)] }, 'standfirst');
    expect(document.querySelectorAll('.clip-body')).toHaveLength(0);
    const seedArticle = [...document.querySelectorAll('article.clip')].find((x) => x.querySelector('.clip-title')!.textContent === seed.title)!;
    expect(seedArticle.querySelector('.clip-standfirst')!.textContent).toBe(seed.standfirst);
    expect(seedArticle.textContent).not.toContain('Russia is the second-largest lender to Caracas');
    for (const a of document.querySelectorAll('article.clip')) expect(a.textContent!.length).toBeLessThan(2_500);
  });

  it('in highlights mode shows each clip’s highlighted passages and notes only', async () => {
    const exact = 'Russia is the second-largest lender to Caracas after China';
    await handlers.api.addHighlight({ clipId: fx.seedId, exact, note: 'Check the lending figures', colour: 'green' });
    const other = clips.find((c) => c.id !== fx.seedId)!;
    const { document } = await html({ content: 'highlights', ids: [fx.seedId, other.id] }, 'highlights');
    const [first, second] = [...document.querySelectorAll('article.clip')];
    const seedArticle = first.querySelector('.clip-title')!.textContent === seed.title ? first : second;
    const otherArticle = seedArticle === first ? second : first;
    expect(seedArticle.querySelector('.clip-highlights blockquote')!.textContent).toBe(exact);
    expect(seedArticle.querySelector('.hl-note')!.textContent).toBe('Check the lending figures');
    expect(seedArticle.querySelector('.clip-highlights li')!.getAttribute('style')).toContain('--mark');
    expect(seedArticle.querySelector('.clip-body')).toBeNull();
    expect(seedArticle.textContent).not.toContain('Venezuelan President Nicolas Maduro will visit Russia');
    expect(otherArticle.querySelector('.clip-none')!.textContent).toMatch(/No passages/);
  });

  it('refuses with a reason when no clip matches or the file cannot be written', async () => {
    expect(() => handlers.compileReviewTo({ format: 'html', query: 'zzqxnomatchword' }, path.join(fx.work, 'none.html'))).toThrow(/No clips match “zzqxnomatchword”/);
    expect(() => handlers.compileReviewTo({ format: 'html', ids: [987654] }, path.join(fx.work, 'none.html'))).toThrow(/None of the chosen clips/);
    await expect(handlers.api.compileReview({ format: 'pdf', query: 'zzqxnomatchword' })).rejects.toThrow(/nothing to put in a press review/);

    const missingFolder = path.join(fx.work, 'no-such-folder', 'review.html');
    const a = await handlers.waitForReview(handlers.compileReviewTo({ format: 'html' }, missingFolder).jobId);
    expect(a).toMatchObject({ status: 'failed', output: null });
    expect(a.error).toMatch(/The folder .*no-such-folder does not exist/);

    fs.mkdirSync(path.join(fx.work, 'a-folder'));
    const b = await handlers.waitForReview(handlers.compileReviewTo({ format: 'docx' }, path.join(fx.work, 'a-folder')).jobId);
    expect(b.error).toMatch(/is a folder: give the name of a file/);
    fs.writeFileSync(path.join(fx.work, 'a-file'), 'x');
    const c = await handlers.waitForReview(handlers.compileReviewTo({ format: 'html' }, path.join(fx.work, 'a-file', 'review.html')).jobId);
    expect(c.status).toBe('failed');
    expect(c.error).toMatch(/a-file/);
    expect(fs.readdirSync(fx.work).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
