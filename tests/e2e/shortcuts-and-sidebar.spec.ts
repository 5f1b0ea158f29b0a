// What the desktop app's menu offers, reachable from the keyboard in any window: ? lists the
// keyboard shortcuts, Ctrl+\ hides and shows the sidebar (remembered across reloads).
import { expect, loadSamples, shot, test } from './fixtures.ts';

test('? shows every keyboard shortcut, grouped; Escape closes the list', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await page.locator('#clip-row-0').click();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const group of ['Window', 'Clip list', 'Search box', 'Tags and notes', 'Timeline', 'Menus and dialogs'])
    await expect(dialog.getByRole('heading', { name: group })).toBeVisible();
  // The application menu's accelerators are the desktop app's alone.
  await expect(dialog.getByRole('heading', { name: 'Application menu' })).toHaveCount(0);
  // Each shortcut says what it does and which keys do it.
  const sidebarRow = dialog.locator('.shortcut', { hasText: 'Show or hide the sidebar' });
  await expect(sidebarRow.locator('kbd')).toHaveText(['Ctrl', '\\']);
  await expect(dialog.locator('.shortcut', { hasText: 'Menu of the clip' }).locator('kbd')).toHaveText(['Shift', 'F10', 'Menu']);
  await expect(dialog.locator('.shortcut', { hasText: 'Tag the selected clips' }).locator('kbd')).toHaveText(['T']);
  expect(await dialog.locator('kbd').count()).toBeGreaterThan(30);
  // The window's own keys wait while it is open.
  await page.keyboard.press('Delete');
  await expect(list).toHaveAttribute('data-total', '8');
  await shot(page, 'shortcuts-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'shortcuts-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list).toBeFocused();
  // Ctrl+/ (the desktop app's Help ▸ Keyboard Shortcuts) opens it as well.
  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A ? typed in the search box is text.
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  await box.click();
  await page.keyboard.type('who?');
  await expect(box).toHaveValue('who?');
  await expect(dialog).toHaveCount(0);
});

test('Ctrl+\\ and the toggle hide and show the sidebar, and a reload keeps the choice', async ({ page, server }) => {
  await page.goto(server.url);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  // On an empty library too, the toggle is there.
  await expect(page.getByRole('button', { name: 'Hide sidebar' })).toBeVisible();
  await loadSamples(page, server.url);
  await expect(sidebar).toBeVisible();

  await page.locator('#clip-row-0').click();
  await page.keyboard.press('Control+Backslash');
  await expect(sidebar).toBeHidden();
  const show = page.getByRole('button', { name: 'Show sidebar' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  // The list and the reader take the room.
  const listBox = (await page.getByRole('main', { name: 'Clip list' }).boundingBox())!;
  expect(listBox.x).toBeLessThan(2);
  await shot(page, 'sidebar-hidden');

  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '8');
  await expect(show).toBeVisible();
  await expect(sidebar).toBeHidden();

  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'sidebar-hidden-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await show.click();
  await expect(sidebar).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide sidebar' })).toHaveAttribute('aria-expanded', 'true');
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '8');
  await expect(sidebar).toBeVisible();

  // The key works from the search box as well.
  await page.getByRole('searchbox', { name: 'Search clips' }).click();
  await page.keyboard.press('Control+Backslash');
  await expect(sidebar).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search clips' })).toHaveValue('');
  await page.keyboard.press('Control+Backslash');
  await expect(sidebar).toBeVisible();
});
