// Re-extraction from the window (browser mode): Re-extract in the clip menu for one clip and for
// a selection, and Re-extract Whole Library… from the list's More menu, on the sample clippings
// with their stored readings turned into what an older extractor might have said.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ClipRow } from '../../electron/library/clips.ts';
import { openLibrary } from '../../electron/library/open-library.ts';
import { writeTransaction } from '../../electron/library/write-transaction.ts';
import { expect, loadSamples, rowTitles, shot, test, type Server } from './fixtures.ts';

/** Changes the library from outside the window, as the CLI or an older Cuttings would. */
function inLibrary<T>(server: Server, fn: (db: ReturnType<typeof openLibrary>['db']) => T): T {
  const lib = openLibrary(server.libraryDir);
  try {
    return fn(lib.db);
  } finally {
    lib.close();
  }
}

const clipByTitle = (server: Server, title: string) =>
  inLibrary(server, (db) => db.prepare('SELECT * FROM clips WHERE title = ? AND deleted_at IS NULL').get(title) as ClipRow);

/** What an older extractor might have stored for a clip: a worse headline, a cut body. */
function olderReading(server: Server, id: number, title: string): void {
  inLibrary(server, (db) =>
    writeTransaction(db, () =>
      db.prepare("UPDATE clips SET title = ?, body_text = 'Share this article.', body_html = '<p>Share this article.</p>' WHERE id = ?").run(title, id),
    ),
  );
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '8');
}

test('Re-extract in the clip menu reads one clip again, and a selection, keeping what the person did', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const [first, second, third] = await rowTitles(page);
  const one = clipByTitle(server, first);
  const two = clipByTitle(server, second);
  olderReading(server, one.id, 'Older reading of the first clip');
  olderReading(server, two.id, 'Older reading of the second clip');
  // The person's own: a tag and a star on the first clip.
  await page.request.post(`${server.origin}/api/tagClips`, {
    data: { ids: [one.id], tags: ['kept-tag'] },
    headers: { authorization: `Bearer ${new URL(server.url).searchParams.get('token')}` },
  });
  await reload(page);

  // One clip: right-click, Re-extract; a note says what changed, the list and the reader show it.
  const row = list.locator(`[data-clip-id="${one.id}"]`);
  await expect(row).toContainText('Older reading of the first clip');
  await row.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for Older reading of the first clip' });
  await expect(menu.getByRole('menuitem', { name: 'Re-extract' })).toBeEnabled();
  await menu.getByRole('menuitem', { name: 'Re-extract' }).hover();
  await shot(page, 'reextract-menu');
  await menu.getByRole('menuitem', { name: 'Re-extract' }).click();
  await expect(page.getByRole('status')).toContainText(`Re-extracted “${first}”: headline and text updated.`);
  await expect(row).toContainText(first);
  await expect(page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(first);
  await expect(row).toContainText('kept-tag');
  await shot(page, 'reextract-one-done');

  // A selection: the menu offers it for every selected clip; the summary names what happened.
  await page.locator('#clip-row-0').click();
  await page.locator('#clip-row-2').click({ modifiers: ['Shift'] });
  await page.locator('#clip-row-1').click({ button: 'right' });
  const many = page.getByRole('menu', { name: 'Actions for 3 clips' });
  await many.getByRole('menuitem', { name: 'Re-extract 3 Clips' }).click();
  const sheet = page.getByRole('dialog', { name: 'Re-extraction finished' });
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByLabel('Summary')).toHaveText('1 clip updated, 2 unchanged, 0 failed');
  await expect(sheet.getByRole('list', { name: 'Updated clips' }).getByRole('button')).toHaveText([second]);
  await shot(page, 'reextract-selection-summary');
  await sheet.getByRole('button', { name: 'Done' }).click();
  await expect(sheet).toBeHidden();
  expect(await rowTitles(page)).toEqual(expect.arrayContaining([first, second, third]));
});

test('Re-extract Whole Library… asks first, shows its progress, and names a clip whose original is missing', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const titles = await rowTitles(page);
  const gone = clipByTitle(server, titles[3]);
  const older = clipByTitle(server, titles[5]);
  olderReading(server, older.id, 'An older reading');
  fs.rmSync(path.join(server.libraryDir, gone.original_path!));
  await reload(page);

  // The original is gone: the clip menu cannot offer to read it again.
  await page.locator(`[data-clip-id="${gone.id}"]`).click({ button: 'right' });
  await expect(page.getByRole('menu').getByRole('menuitem', { name: 'Re-extract' })).toBeDisabled();
  await page.keyboard.press('Escape');

  // From the keyboard: the More button, its menu, the confirmation.
  const more = page.getByRole('button', { name: 'More actions' });
  await more.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Re-extract Whole Library…' });
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Re-extract the whole library?' });
  await expect(confirm).toContainText('Tags, stars, notes and the fields you corrected stay as they are.');
  await shot(page, 'reextract-confirm');
  // Cancel leaves everything as it was.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator(`[data-clip-id="${older.id}"]`)).toContainText('An older reading');

  await more.click();
  await page.getByRole('menuitem', { name: 'Re-extract Whole Library…' }).click();
  await confirm.getByRole('button', { name: 'Re-extract 8 Clips' }).click();
  const bar = page.getByRole('region', { name: 'Re-extraction progress' });
  const sheet = page.getByRole('dialog', { name: 'Re-extraction finished' });
  // The bar shows while it runs (a small library may finish before it is seen twice).
  await expect(bar.or(sheet)).toBeVisible();
  if (await bar.isVisible()) await shot(page, 'reextract-progress');
  await expect(sheet).toBeVisible({ timeout: 60_000 });
  await expect(bar).toBeHidden();
  await expect(sheet.getByLabel('Summary')).toHaveText(
    `1 clip updated, 6 unchanged, 1 failed: ${gone.original_name}: its original file is missing from the library folder`,
  );
  const failed = sheet.getByRole('list', { name: 'Failed clips' }).getByRole('listitem');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(gone.original_name!);
  await expect(failed).toContainText('its original file is missing from the library folder');
  await shot(page, 'reextract-summary-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'reextract-summary-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // An updated clip opens from the summary.
  await sheet.getByRole('list', { name: 'Updated clips' }).getByRole('button', { name: titles[5] }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(titles[5]);
});
