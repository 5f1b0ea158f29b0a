// A user's first session: an empty library, a drop of saved articles, a search with a typo,
// tagging, filtering by tag and by a timeline period, delete and undo — in real Chromium
// against `cuttings serve` on a fresh library.
import fs from 'node:fs';
import path from 'node:path';
import { corpus, dropFiles, expect, shot, test } from './fixtures.ts';

const seed = path.join(corpus, 'seed/guardian-ng-maduro-russia.txt');

function firstFile(dir: string, ext: string): string {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(ext)).sort();
  if (!names.length) throw new Error(`no ${ext} file in ${dir}`);
  return path.join(dir, names[0]);
}

test('drop, search with a typo, tag, filter by tag and by timeline, delete and undo', async ({ page, server }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium reports each script the sandboxed reader frame refused to run: that is the point.
    if (m.type() === 'error' && !/Blocked script execution in 'about:srcdoc'/.test(m.text())) errors.push(m.text());
  });
  await page.goto(server.url);

  // First run: an empty library explains drag-and-drop and offers the samples.
  await expect(page.getByRole('heading', { name: /your clippings/i })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load sample clippings' })).toBeVisible();
  await shot(page, 'empty-state');

  // Drop the seed and a few files of other formats, plus one that cannot be read.
  const broken = path.join(server.libraryDir, '..', `broken-${Date.now()}.pdf`);
  fs.writeFileSync(broken, 'this is not really a PDF');
  const files = [
    seed,
    firstFile(path.join(corpus, 'formats/md'), '.md'),
    firstFile(path.join(corpus, 'formats/eml'), '.eml'),
    firstFile(path.join(corpus, 'formats/mhtml'), '.mhtml'),
    firstFile(path.join(corpus, 'formats/docx'), '.docx'),
    path.join(corpus, 'hostile/files/xss-dompurify-001.html'),
    broken,
  ];
  await dropFiles(page, files);
  fs.rmSync(broken, { force: true });

  // The summary lists what came in and why the broken file did not.
  const summary = page.getByRole('dialog', { name: /import (finished|cancelled)/i });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByRole('list', { name: 'Failed files' })).toContainText(path.basename(broken));
  await expect(summary.getByRole('list', { name: 'Added files' })).toContainText('Maduro');
  await shot(page, 'import-summary');
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(summary).toBeHidden();

  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list.getByRole('option').first()).toBeVisible();
  expect(await list.getByRole('option').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('button', { name: /All clips/ })).toContainText(/\d/);
  await shot(page, 'library-list');

  // Search with a typo: "/" focuses the search box, results follow the typing.
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  await expect(box).toBeFocused();
  await box.pressSequentially('Madurro', { delay: 40 });
  const results = page.getByRole('listbox', { name: /Search results for Madurro/ });
  const hit = results.getByRole('option', { name: /Maduro/ });
  await expect(hit).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Showing results for' })).toContainText(/maduro/i);
  await expect(hit.locator('mark').first()).toBeVisible();
  await shot(page, 'search-results');

  // Open the hit: the reader shows the article with its outlet, byline and date.
  await hit.click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Maduro');
  await expect(reader).toContainText('20 September 2019');
  await expect(page).toHaveTitle(/Maduro/);
  const frame = page.frameLocator('iframe.article-frame');
  await expect(frame.locator('body')).toContainText('Kremlin');
  await shot(page, 'reader');

  // Tag it from the keyboard: T focuses the tag field; the suggestion list completes.
  await list.or(results).first().focus();
  await page.keyboard.press('t');
  const tagInput = reader.getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await tagInput.fill('venezuela');
  await tagInput.press('Enter');
  await expect(reader.getByRole('group', { name: 'Tags' }), `errors: ${errors.join('\n')}`).toContainText('venezuela');
  await tagInput.fill('russia');
  await tagInput.press('Enter');
  await tagInput.fill('ven');
  await expect(reader.getByRole('listbox', { name: 'Tag suggestions' })).toBeVisible();
  await shot(page, 'tag-editor');
  await tagInput.press('Escape');

  // Esc in the search box clears the search.
  await box.focus();
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page.getByRole('listbox', { name: 'Clips' })).toBeVisible();

  // Filter by the tag from the sidebar.
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await sidebar.getByRole('button', { name: /^venezuela\s*1$/ }).click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/Maduro/);
  await page.getByRole('button', { name: 'Remove filter Tag: venezuela' }).click();
  await expect.poll(() => list.getByRole('option').count()).toBeGreaterThanOrEqual(5);

  // Timeline: years → 2019 → September 2019 filters the list to the article of 20 September.
  await sidebar.getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: /^2019: / }).click();
  await expect(timeline.getByRole('navigation', { name: 'Timeline zoom' })).toContainText('2019');
  await timeline.getByRole('button', { name: /^September 2019: 1 clip/ }).click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/Maduro/);
  await expect(page.getByRole('group', { name: 'Filters' })).toContainText('September 2019');
  await shot(page, 'timeline-zoomed');

  // Delete with the keyboard, then undo from the toast.
  await list.getByRole('option').first().click();
  await page.keyboard.press('Delete');
  await expect(list.getByRole('option')).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/Maduro/);

  // Dark theme follows the system.
  await page.getByRole('button', { name: 'Remove filter September 2019' }).click();
  await list.getByRole('option', { name: /Maduro/ }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.list-column')!).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
  await shot(page, 'dark-theme');

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('a new user can load the sample clippings', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Load sample clippings' }).click();
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => list.getByRole('option').count()).toBeGreaterThanOrEqual(6);
  // Each sample has a headline, outlet and (but one) a date.
  await expect(list.getByRole('option', { name: /library reopens/i }).first()).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/Loaded \d+ sample clippings/);
});
