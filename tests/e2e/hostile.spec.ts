// Hostile articles: files built around script-injection payloads are dropped on the window
// and opened one by one in the reader. Nothing may run (no dialog), nothing may load from
// outside the app (every non-app request is recorded and refused), and the reader frame
// stays sandboxed with no scripts.
import fs from 'node:fs';
import path from 'node:path';
import { corpus, dropFiles, expect, shot, test } from './fixtures.ts';

interface ManifestEntry {
  file: string;
  format: string;
  placement?: string;
}

function hostileSelection(): string[] {
  const dir = path.join(corpus, 'hostile/files');
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'hostile/manifest.json'), 'utf8')) as ManifestEntry[];
  const picked = new Map<string, string>();
  // One saved page per placement (title, og-meta, a-href, img, iframe, svg, css-url, …) and
  // one of every other wrapper format.
  for (const e of manifest) {
    const key = e.format === 'html' ? `html:${e.placement ?? ''}` : `${e.format}:${picked.size % 3}`;
    if (!picked.has(key) && fs.existsSync(path.join(dir, e.file))) picked.set(key, path.join(dir, e.file));
  }
  return [...picked.values()];
}

test('hostile articles run nothing and load nothing when listed, searched and read', async ({ page, server }) => {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + '/')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  page.on('popup', (p) => foreign.push(`popup: ${p.url()}`));

  await page.goto(server.url);
  const files = hostileSelection();
  expect(files.length).toBeGreaterThan(15);
  await dropFiles(page, files);
  const summary = page.getByRole('dialog', { name: /import finished/i });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await summary.getByRole('button', { name: 'Done' }).click();

  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list.getByRole('option').first()).toBeVisible();
  const total = Number(await list.getAttribute('data-total'));
  expect(total).toBeGreaterThan(10);

  // Read every clip: arrow down through the list, each one shown in the reader.
  await list.getByRole('option').first().click();
  const reader = page.getByRole('article', { name: 'Reader' });
  for (let i = 0; i < total; i++) {
    await expect(page.locator(`#clip-row-${i}`)).toHaveAttribute('aria-selected', 'true');
    const frame = reader.locator('iframe.article-frame');
    // Same-origin so the window can draw highlights into it; never allow-scripts.
    await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin');
    const title = (await page.locator(`#clip-row-${i}`).getAttribute('aria-label')) ?? '';
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    // Scripts cannot run in the frame, and none was let through into it.
    const content = page.frameLocator('iframe.article-frame');
    await expect(content.locator('article')).toBeAttached();
    expect(await content.locator('script, iframe, object, embed, form, base, meta[http-equiv=refresh], link, svg, math').count()).toBe(0);
    expect(await content.locator('[onerror], [onload], [onclick], [onmouseover], [onfocus], [style*="url("]').count()).toBe(0);
    if (i === 0) await shot(page, 'hostile-reader');
    await page.keyboard.press('ArrowDown');
  }

  // Search results render payload-bearing text as text too.
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('harbour');
  await expect(page.getByRole('listbox', { name: /Search results/ }).getByRole('option').first()).toBeVisible();

  // Nothing was injected into the app's own page: its only script is its own bundle.
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src*="/assets/"]), iframe:not(.article-frame), object, embed').length)).toBe(0);
  expect(await page.title()).not.toMatch(/<|>/);
  await page.waitForTimeout(300); // let any late timer-based payload fire before judging
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
});
