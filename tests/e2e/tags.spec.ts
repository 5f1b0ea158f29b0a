// Tags as a user manages them: tag several clips at once (Shift- and Ctrl-click), filter by
// more than one tag, then rename, recolour, merge and delete (and undo) from the sidebar.
import { expect, loadSamples, rowTitles, shot, test } from './fixtures.ts';

test('bulk-tag a selection, filter by two tags, rename, recolour, merge and delete with undo', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  const titles = await rowTitles(page);
  expect(titles.length).toBe(8);
  const row = (i: number) => page.locator(`#clip-row-${i}`);

  // Shift-click selects a range: three clips, one pane for all of them.
  await row(0).click();
  await row(2).click({ modifiers: ['Shift'] });
  const bulk = page.getByRole('heading', { name: '3 clips selected' });
  await expect(bulk).toBeVisible();
  for (const i of [0, 1, 2]) await expect(row(i)).toHaveAttribute('aria-selected', 'true');
  await expect(row(3)).toHaveAttribute('aria-selected', 'false');

  // T reaches the selection's tag field; the tag lands on all three.
  await page.keyboard.press('t');
  const tagInput = page.getByRole('group', { name: 'Tags for the selection' }).getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await tagInput.fill('transport');
  await tagInput.press('Enter');
  await expect(page.getByRole('status')).toContainText('Tagged 3 clips “transport”');
  await expect(sidebar.getByRole('button', { name: /^transport\s*3$/ })).toBeVisible();
  for (const i of [0, 1, 2]) await expect(row(i).locator('.row-tag')).toContainText('transport');
  await shot(page, 'bulk-selection');

  // Ctrl-click adds one clip and removes another: {1, 2, 4}.
  await row(4).click({ modifiers: ['Control'] });
  await row(0).click({ modifiers: ['Control'] });
  await expect(page.getByRole('heading', { name: '3 clips selected' })).toBeVisible();
  await expect(row(0)).toHaveAttribute('aria-selected', 'false');
  await expect(row(4)).toHaveAttribute('aria-selected', 'true');
  await tagInput.fill('local');
  await tagInput.press('Enter');
  await expect(sidebar.getByRole('button', { name: /^local\s*3$/ })).toBeVisible();

  // Several tags at once: a click filters by one, Ctrl-click adds the other (clips with both).
  await sidebar.getByRole('button', { name: /^transport\s*3$/ }).click();
  await expect(list).toHaveAttribute('data-total', '3');
  await sidebar.getByRole('button', { name: /^local\s*3$/ }).click({ modifiers: ['Control'] });
  await expect(list).toHaveAttribute('data-total', '2');
  const filters = page.getByRole('group', { name: 'Filters' });
  await expect(filters).toContainText('Tag: transport');
  await expect(filters).toContainText('Tag: local');
  expect(await rowTitles(page)).toEqual([titles[1], titles[2]]);
  await expect(sidebar.getByRole('button', { name: /^local\s*3$/ })).toHaveAttribute('aria-pressed', 'true');

  // Rename from the tag's menu: the sidebar, the filter chip and the rows follow.
  await sidebar.getByRole('button', { name: 'Tag actions for local' }).click();
  await page.getByRole('menu', { name: 'Tag local' }).getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = sidebar.getByRole('textbox', { name: 'New name for tag local' });
  await expect(rename).toBeFocused();
  await rename.fill('regional');
  await rename.press('Enter');
  await expect(sidebar.getByRole('button', { name: /^regional\s*3$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^local\s*3$/ })).toHaveCount(0);
  await expect(filters).toContainText('Tag: regional');
  await expect(list).toHaveAttribute('data-total', '2');
  await expect(row(0).locator('.row-tags')).toContainText('regional');

  // Recolour: the tag's dot turns green everywhere it shows.
  await sidebar.getByRole('button', { name: 'Tag actions for transport' }).click();
  const menu = page.getByRole('menu', { name: 'Tag transport' });
  await shot(page, 'tag-menu');
  await menu.getByRole('menuitemradio', { name: 'Colour #30a46c' }).click();
  await expect(menu).toBeHidden();
  const green = 'rgb(48, 164, 108)';
  await expect(sidebar.getByRole('button', { name: /^transport\s*3$/ }).locator('.dot')).toHaveCSS('background-color', green);
  await expect(row(0).locator('.row-tag', { hasText: 'transport' }).locator('.dot')).toHaveCSS('background-color', green);

  // Merge "regional" into "transport": one tag on the union of their clips.
  await sidebar.getByRole('button', { name: 'Tag actions for regional' }).click();
  await page.getByRole('menuitem', { name: 'Merge into…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “regional”' });
  await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'transport (3)' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText('Merged “regional” into “transport”');
  await expect(sidebar.getByRole('button', { name: /^transport\s*4$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^regional/ })).toHaveCount(0);
  await expect(filters).not.toContainText('regional');
  await expect(list).toHaveAttribute('data-total', '4');

  // Delete the tag: it leaves the sidebar, the filter and the clips; Undo brings it all back.
  await sidebar.getByRole('button', { name: 'Tag actions for transport' }).click();
  await page.getByRole('menuitem', { name: 'Delete tag' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted tag “transport” from 4 clips');
  await expect(sidebar.getByRole('button', { name: /^transport/ })).toHaveCount(0);
  await expect(list).toHaveAttribute('data-total', '8');
  await expect(list.locator('.row-tag')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  const restored = sidebar.getByRole('button', { name: /^transport\s*4$/ });
  await expect(restored).toBeVisible();
  await expect(restored.locator('.dot')).toHaveCSS('background-color', green);
  await expect(list.locator('.row-tag', { hasText: 'transport' })).toHaveCount(4);
});
