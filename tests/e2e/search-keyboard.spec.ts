// Finding things again: a saved search whose count follows the library, the keyboard a
// heavy user drives the window with, and the list's sort orders.
import fs from 'node:fs';
import path from 'node:path';
import { corpus, dropFiles, expect, importFiles, loadSamples, rowTitles, shot, test } from './fixtures.ts';

test('a saved search shows its count in the sidebar and keeps it live as clips arrive', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  await box.fill('library');
  const results = page.getByRole('listbox', { name: 'Search results for library' });
  await expect(results.getByRole('option').first()).toBeVisible();
  const before = Number(await results.getAttribute('data-total'));
  expect(before).toBeGreaterThanOrEqual(2);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save search' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue('library');
  await name.fill('Libraries');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await expect(sidebar.getByRole('heading', { name: 'Saved searches' })).toBeVisible();
  const saved = sidebar.getByRole('button', { name: new RegExp(`^Libraries\\s*${before}$`) });
  await expect(saved).toBeVisible();
  await shot(page, 'saved-search');

  // Another clipping about a library arrives: the saved search counts it without a reload.
  const file = path.join(server.libraryDir, '..', `new-library-${Date.now()}.txt`);
  fs.writeFileSync(
    file,
    'The Dunmore Chronicle\n\nVillage library wins national award\n\nBy Ada Quill\n\n4 May 2024\n\n' +
      'The volunteer-run library in Dunmore has been named library of the year, two years after it was saved from closure.\n\n' +
      'Volunteers said the award belonged to the readers who kept borrowing books while the building was repaired.\n',
  );
  await box.fill('');
  await dropFiles(page, [file]);
  fs.rmSync(file, { force: true });
  const summary = page.getByRole('dialog', { name: /import finished/i });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(sidebar.getByRole('button', { name: new RegExp(`^Libraries\\s*${before + 1}$`) })).toBeVisible();

  // Clicking it runs it again.
  await sidebar.getByRole('button', { name: /^Libraries/ }).click();
  await expect(box).toHaveValue('library');
  await expect(results).toHaveAttribute('data-total', String(before + 1));
  await expect(results.getByRole('option', { name: 'Village library wins national award' })).toBeVisible();

  // And it can be removed.
  await sidebar.getByRole('button', { name: 'Delete saved search Libraries' }).click();
  await expect(sidebar.getByRole('heading', { name: 'Saved searches' })).toHaveCount(0);
});

test('the keyboard: arrows, Enter, T, Delete, Esc, / and Ctrl+F', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const reader = page.getByRole('article', { name: 'Reader' });
  const heading = reader.getByRole('heading', { level: 1 });
  const titles = await rowTitles(page);
  const row = (i: number) => page.locator(`#clip-row-${i}`);

  await row(0).click();
  await expect(heading).toHaveText(titles[0]);
  await page.keyboard.press('ArrowDown');
  await expect(row(1)).toHaveAttribute('aria-selected', 'true');
  await expect(row(0)).toHaveAttribute('aria-selected', 'false');
  await expect(heading).toHaveText(titles[1]);
  await page.keyboard.press('ArrowDown');
  await expect(heading).toHaveText(titles[2]);
  await page.keyboard.press('ArrowUp');
  await expect(heading).toHaveText(titles[1]);
  await expect(list).toHaveAttribute('aria-activedescendant', 'clip-row-1');

  // Enter reads the clip full-window; Esc comes back.
  await page.keyboard.press('Enter');
  await expect(reader.getByRole('button', { name: 'Exit focus' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  await shot(page, 'focus-mode');
  await page.keyboard.press('Escape');
  await expect(reader.getByRole('button', { name: 'Focus' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();

  // T goes to the tag field; Esc leaves it and the arrows work again.
  await page.keyboard.press('t');
  const tagInput = reader.getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tagInput).not.toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(heading).toHaveText(titles[2]);

  // Delete removes the clip and moves on to the next; Undo puts it back.
  await page.keyboard.press('Delete');
  await expect(list).toHaveAttribute('data-total', '7');
  await expect(page.getByRole('status')).toContainText('Deleted 1 clip');
  expect(await rowTitles(page)).not.toContain(titles[2]);
  await expect(heading).toHaveText(titles[3]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list).toHaveAttribute('data-total', '8');
  expect(await rowTitles(page)).toEqual(titles);

  // "/" and Ctrl+F put the cursor in the search box from anywhere; Esc clears, then leaves.
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  await list.focus();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.type('squirrels');
  await expect(page.getByRole('listbox', { name: 'Search results for squirrels' })).toHaveAttribute('data-total', '1');
  // Enter hands the keyboard to the results.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Search results for squirrels' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(heading).toContainText(/squirrels/i);
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(list).toHaveAttribute('data-total', '8');
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
});

test('sort by date and by title', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sort).toHaveValue('newest');
  // The dates as the rows show them ("20 Sep 2019"), top to bottom, undated rows left out.
  const datedOrder = async () =>
    (
      await page.locator('.clip-list [role=option]').evaluateAll((els) =>
        els
          .map((e) => ({ y: Number(/translateY\((\d+)/.exec((e as HTMLElement).style.transform)?.[1] ?? 0), date: e.querySelector('.row-date')?.textContent ?? '' }))
          .sort((a, b) => a.y - b.y)
          .map((r) => r.date),
      )
    )
      .filter((d) => d !== 'Undated')
      .map((d) => new Date(`${d} UTC`).toISOString().slice(0, 10));

  const newest = await datedOrder();
  expect(newest.length).toBe(7);
  expect(newest).toEqual([...newest].sort().reverse());

  await sort.selectOption({ label: 'Oldest first' });
  await expect.poll(async () => (await datedOrder())[0]).toBe([...newest].sort()[0]);
  const oldest = await datedOrder();
  expect(oldest).toEqual([...newest].sort());

  await sort.selectOption({ label: 'Title' });
  await expect.poll(async () => {
    const t = await rowTitles(page);
    return t.join('\n') === [...t].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).join('\n');
  }).toBe(true);
  const byTitle = await rowTitles(page);
  expect(byTitle.length).toBe(8);
  // The choice is kept while browsing.
  await page.locator('#clip-row-3').click();
  await expect(sort).toHaveValue('title');
  expect(await rowTitles(page)).toEqual(byTitle);
});

test('Enter after a fragment keeps what typing found, says so, and offers the word alone', async ({ page, server }) => {
  await loadSamples(page, server.url);
  await importFiles(page, [path.join(corpus, 'seed/guardian-ng-maduro-russia.txt')]);
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  await box.fill('madu');
  const results = page.getByRole('listbox', { name: /Search results for madu/ });
  await expect(results.getByRole('option', { name: /Maduro/ })).toBeVisible();
  const note = page.getByRole('status').filter({ hasText: 'Showing words starting with' });

  await box.press('Enter');
  await expect(results).toHaveAttribute('data-total', '1');
  await expect(results.getByRole('option', { name: /Maduro/ })).toBeVisible();
  await expect(note).toContainText('Showing words starting with “madu”');
  await expect(page.getByText('No clips match')).toHaveCount(0);
  await shot(page, 'search-settled-fragment');

  // A fragment with a filter, settled: still found, and the filter still holds.
  await box.fill('madu source:guardian.ng');
  await box.press('Enter');
  await expect(page.getByRole('listbox', { name: /Search results for madu source/ }).getByRole('option', { name: /Maduro/ })).toBeVisible();
  await box.fill('madu source:"Highland Post"');
  await box.press('Enter');
  await expect(page.getByText('No clips match “madu source:"Highland Post"”.')).toBeVisible();

  // The word alone, quoted, is asked for in one click.
  await box.fill('madu');
  await box.press('Enter');
  await note.getByRole('button', { name: 'Search for “madu” alone' }).click();
  await expect(box).toHaveValue('"madu"');
  await expect(page.getByText('No clips match “"madu"”.')).toBeVisible();
  await expect(note).toHaveCount(0);
});

