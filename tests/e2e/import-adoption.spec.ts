// Imports the window did not start — the desktop app's menu, "Open With", its command line,
// another window — show in the window as its own do: progress, Cancel, summary. Here they are
// started over HTTP, beside the window; the window learns of them from `import-started`.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { corpus, corpusPages, dropFiles, dropFromDisk, expect, shot, test, type Server } from './fixtures.ts';

/** Calls the library the way another program would: not through the window. */
async function fromOutside(page: Page, server: Server, method: string, args: unknown): Promise<{ jobId: string }> {
  const token = new URL(server.url).searchParams.get('token');
  const res = await page.request.post(`${server.origin}/api/${method}`, { data: args, headers: { authorization: `Bearer ${token}` } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { jobId: string };
}

/** The numbers of the summary sheet: added, duplicates, failed. */
async function summaryCounts(page: Page): Promise<{ added: number; duplicates: number; failed: number }> {
  const text = (await page.getByLabel('Import summary').textContent()) ?? '';
  const n = (word: string) => Number(new RegExp(`([\\d,]+)\\s*${word}`).exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  return { added: n('added'), duplicates: n('duplicates?'), failed: n('failed') };
}

test('an import started outside the window shows its summary in it', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Load sample clippings' })).toBeVisible();
  await fromOutside(page, server, 'loadSamples', {});

  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  expect(await summaryCounts(page)).toEqual({ added: 8, duplicates: 0, failed: 0 });
  await expect(summary.getByRole('list', { name: 'Added files' }).getByRole('listitem')).toHaveCount(8);
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '8');
});

test('a long import started outside shows its progress, with the sidebar hidden too, and the window can cancel it', async ({ page, server }) => {
  test.setTimeout(180_000);
  const dir = path.join(server.libraryDir, '..', `${path.basename(server.libraryDir)}-outside`);
  const files = [...corpusPages(dir, 114, 'aeb'), ...corpusPages(dir, 123, 'htmldate'), ...corpusPages(dir, 40, 'trafilatura')];
  // Browser mode reads no paths: the files go up as another window would send them.
  const uploads = files.map((f) => ({ name: path.basename(f), dataBase64: fs.readFileSync(f).toString('base64') }));
  fs.rmSync(dir, { recursive: true, force: true });
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Load sample clippings' })).toBeVisible();
  await page.keyboard.press('Control+Backslash');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();

  await fromOutside(page, server, 'importUploads', { files: uploads });
  const bar = page.getByRole('region', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(/Importing [\d,]+ of [\d,]+/);
  await expect(page.locator('.floating-import')).toBeVisible();
  await page.waitForFunction(() => Number(document.querySelector('[role=progressbar][aria-label=Import]')?.getAttribute('aria-valuenow') ?? 0) > 0, undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  await shot(page, 'import-adopted-sidebar-hidden');
  await bar.getByRole('button', { name: 'Cancel' }).click();

  const summary = page.getByRole('dialog', { name: 'Import cancelled' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  const { added } = await summaryCounts(page);
  expect(added).toBeGreaterThanOrEqual(1);
  expect(added).toBeLessThan(files.length);
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', String(added));
});

test("the window's own import is counted once, and one started outside meanwhile joins it", async ({ page, server }) => {
  test.setTimeout(180_000);
  await page.goto(server.url);
  // Its own drop: import-started comes for it too, and must not count it twice.
  await dropFiles(page, [path.join(corpus, 'seed/guardian-ng-maduro-russia.txt')]);
  const finished = page.getByRole('dialog', { name: 'Import finished' });
  await expect(finished).toBeVisible({ timeout: 60_000 });
  expect(await summaryCounts(page)).toEqual({ added: 1, duplicates: 0, failed: 0 });
  await expect(finished.getByRole('list', { name: 'Added files' }).getByRole('listitem')).toHaveCount(1);
  await finished.getByRole('button', { name: 'Done' }).click();

  // A larger drop; while it runs, the samples are loaded from outside: one bar, one summary.
  const dir = path.join(server.libraryDir, '..', `${path.basename(server.libraryDir)}-drop`);
  const files = corpusPages(dir, 150, 'aeb');
  await dropFromDisk(page, files);
  await expect(page.getByRole('region', { name: 'Import progress' })).toBeVisible();
  await fromOutside(page, server, 'loadSamples', {});
  await expect(finished).toBeVisible({ timeout: 120_000 });
  const counts = await summaryCounts(page);
  expect(counts.added + counts.duplicates + counts.failed).toBe(files.length + 8);
  await expect(finished.getByRole('list', { name: 'Added files' })).toContainText('Century-old library reopens');
  await expect(page.getByRole('region', { name: 'Import progress' })).toHaveCount(0);
  fs.rmSync(dir, { recursive: true, force: true });
});
