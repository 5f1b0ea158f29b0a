// The clip menu as browser mode draws it (the desktop app shows the same items natively):
// right-click on a clip, or the ContextMenu key / Shift+F10 on the active row. It acts on the
// clip, or on the selection when the clip is part of it.
import type { Page } from '@playwright/test';
import type { CitationStyle } from '../../electron/api.ts';
import { expect, loadSamples, rowTitles, shot, test, type Server } from './fixtures.ts';

/** The clips' citations as the library formats them, asked for outside the window. */
async function storedCitations(page: Page, server: Server, ids: number[], style: CitationStyle): Promise<string> {
  const token = new URL(server.url).searchParams.get('token');
  const res = await page.request.post(`${server.origin}/api/citeClips`, { data: { ids, style }, headers: { authorization: `Bearer ${token}` } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { text: string }).text;
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

test('right-click a clip: its menu, Star, Copy Citation, Delete and Undo', async ({ page, server }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const titles = await rowTitles(page);
  const row = page.locator('#clip-row-2');
  const title = titles[2];
  const id = Number(await row.getAttribute('data-clip-id'));

  await row.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Actions for ${title}` });
  await expect(menu).toBeVisible();
  // The clip right-clicked is the one selected and read.
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(menu.getByRole('menuitem')).toHaveText(['Open Original', 'Copy Citation…', 'Press Review…', /^Tag…/, 'Star', 'Re-extract', /^Delete/]);
  await expect(menu.getByRole('menuitem', { name: 'Open Original' })).toBeEnabled();
  // Show in Folder is the desktop app's: browser mode has no file manager to show.
  await expect(menu.getByRole('menuitem', { name: /Show in/ })).toHaveCount(0);
  await menu.getByRole('menuitem', { name: 'Copy Citation…' }).hover();
  await shot(page, 'clip-menu-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'clip-menu-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Star marks it in the list; the menu then offers Unstar.
  await menu.getByRole('menuitem', { name: 'Star' }).click();
  await expect(menu).toBeHidden();
  const clipRow = list.locator(`[data-clip-id="${id}"]`);
  await expect(clipRow.getByLabel('Starred')).toBeVisible();
  await clipRow.click({ button: 'right' });
  await expect(menu.getByRole('menuitem', { name: 'Unstar' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(list).toBeFocused();

  // Copy Citation… asks which style, then puts the clip's citation on the clipboard.
  await clipRow.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Copy Citation…' }).click();
  await page.getByRole('menu', { name: 'Cite this clip as' }).getByRole('menuitemradio', { name: /^APA/ }).click();
  await expect(page.getByRole('status')).toContainText('Citation copied (APA).');
  const expected = await storedCitations(page, server, [id], 'apa');
  expect(expected).toContain(title.split(' ')[0]);
  await expect.poll(() => clipboard(page)).toBe(expected);

  // Delete removes it; Undo in the toast brings it back.
  await clipRow.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(list).toHaveAttribute('data-total', '7');
  await expect(clipRow).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list).toHaveAttribute('data-total', '8');
  expect(await rowTitles(page)).toEqual(titles);
  await expect(list.locator(`[data-clip-id="${id}"]`).getByLabel('Starred')).toBeVisible();
});

test('on a selection the menu acts on every selected clip; on another clip, on that one alone', async ({ page, server }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const row = (i: number) => page.locator(`#clip-row-${i}`);
  await row(0).click();
  await row(2).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('heading', { name: '3 clips selected' })).toBeVisible();
  const ids = await Promise.all([0, 1, 2].map(async (i) => Number(await row(i).getAttribute('data-clip-id'))));

  await row(1).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for 3 clips' });
  await expect(menu).toBeVisible();
  await expect(list.locator('[aria-selected=true]')).toHaveCount(3);
  // One file cannot be opened for three clips.
  await expect(menu.getByRole('menuitem', { name: 'Open Original' })).toBeDisabled();
  await expect(menu.getByRole('menuitem')).toHaveText(['Open Original', 'Copy Citations…', 'Press Review of 3 Clips…', /^Tag…/, 'Star', 'Re-extract 3 Clips', /^Delete 3 Clips/]);

  // One citation a line, as a reference list orders them.
  await menu.getByRole('menuitem', { name: 'Copy Citations…' }).click();
  await page.getByRole('menu', { name: 'Cite 3 clips as' }).getByRole('menuitemradio', { name: /^Chicago/ }).click();
  await expect(page.getByRole('status')).toContainText('3 citations copied (Chicago).');
  const expected = await storedCitations(page, server, ids, 'chicago');
  expect(expected.split('\n')).toHaveLength(3);
  await expect.poll(() => clipboard(page)).toBe(expected);

  // Star stars all three.
  await row(0).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Star' }).click();
  for (const id of ids) await expect(list.locator(`[data-clip-id="${id}"]`).getByLabel('Starred')).toBeVisible();

  // Tag… goes to the tag field of the selection.
  await row(2).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Tag…' }).click();
  await expect(page.getByRole('group', { name: 'Tags for the selection' }).getByRole('combobox', { name: 'Add a tag' })).toBeFocused();

  // A clip outside the selection: it alone is selected, and the menu is its own.
  const outside = (await rowTitles(page))[5];
  await row(5).click({ button: 'right' });
  await expect(page.getByRole('menu', { name: `Actions for ${outside}` })).toBeVisible();
  await expect(list.locator('[aria-selected=true]')).toHaveCount(1);
  await expect(row(5)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('from the keyboard: the ContextMenu key and Shift+F10 on the active row, arrows, Enter and Escape', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const titles = await rowTitles(page);
  await page.locator('#clip-row-0').click();
  await page.keyboard.press('ArrowDown');
  await expect(list).toHaveAttribute('aria-activedescendant', 'clip-row-1');

  await page.keyboard.press('ContextMenu');
  const menu = page.getByRole('menu', { name: `Actions for ${titles[1]}` });
  await expect(menu).toBeVisible();
  const item = (name: string | RegExp) => menu.getByRole('menuitem', { name });
  // Opened from the keyboard, the first item has the focus; the arrows wrap round.
  await expect(item('Open Original')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Copy Citation')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Delete')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Open Original')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item('Delete')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item('Open Original')).toBeFocused();
  // Keys meant for the menu never reach the window: Escape closes the menu and nothing else.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(list).toBeFocused();
  await expect(list).toHaveAttribute('data-total', '8');

  // The menu sits at the active row.
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await expect(item('Open Original')).toBeFocused();
  const rowBox = (await page.locator('#clip-row-1').boundingBox())!;
  const menuBox = (await menu.boundingBox())!;
  expect(menuBox.y).toBeGreaterThanOrEqual(rowBox.y);
  expect(menuBox.y).toBeLessThan(rowBox.y + rowBox.height);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(item('Star')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.locator('#clip-row-1').getByLabel('Starred')).toBeVisible();
  await expect(list).toBeFocused();

  // Tag… from the keyboard lands in the reader's tag field. The menu opens once the clip's
  // record is read; arrows pressed before then belong to the list.
  await page.keyboard.press('ContextMenu');
  await expect(item('Open Original')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(item('Tag…')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Reader' }).getByRole('combobox', { name: 'Add a tag' })).toBeFocused();
});

test('the menu stays inside the window and closes on a click outside or a scroll', async ({ page, server }) => {
  await page.setViewportSize({ width: 1100, height: 600 });
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const box = (await list.boundingBox())!;

  // Right-clicked in the list's bottom corner, it opens upwards, within the window.
  await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4, { button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const m = (await menu.boundingBox())!;
  expect(m.x).toBeGreaterThanOrEqual(0);
  expect(m.y).toBeGreaterThanOrEqual(0);
  expect(m.x + m.width).toBeLessThanOrEqual(1100);
  expect(m.y + m.height).toBeLessThanOrEqual(600);
  expect(m.y + m.height).toBeLessThanOrEqual(box.y + box.height);

  // A click elsewhere closes it without acting.
  await page.getByRole('searchbox', { name: 'Search clips' }).click();
  await expect(menu).toBeHidden();
  await expect(list).toHaveAttribute('data-total', '8');

  // So does scrolling the list.
  await page.locator('#clip-row-1').click({ button: 'right' });
  await expect(menu).toBeVisible();
  await page.mouse.move(box.x + 40, box.y + box.height - 40);
  await page.mouse.wheel(0, 300);
  await expect(menu).toBeHidden();

  // From the keyboard, a row scrolled out of sight is brought back, and the menu opens at it.
  await page.locator('#clip-row-0').click();
  await page.mouse.wheel(0, 400);
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
  const row0 = (await page.locator('#clip-row-0').boundingBox())!;
  const opened = (await menu.boundingBox())!;
  expect(opened.y).toBeGreaterThanOrEqual(row0.y);
  expect(opened.y).toBeLessThan(row0.y + row0.height);
});
