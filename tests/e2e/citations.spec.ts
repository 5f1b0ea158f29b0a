// Copying citations as a person does: the reader's "Copy citation" asks APA, Chicago or MLA and
// puts the citation on the clipboard (plain text and HTML); the clip menu's "Copy Citation…"
// asks the same, with the style chosen last offered first.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { corpus, expect, importFiles, shot, test } from './fixtures.ts';

const seed = path.join(corpus, 'seed/guardian-ng-maduro-russia.txt');
const APA = 'AFP. (2019, September 20). Kremlin says Venezuela’s Maduro to visit Russia ‘soon.’ guardian.ng.';
const MLA = 'AFP. “Kremlin Says Venezuela’s Maduro to Visit Russia ‘Soon.’” guardian.ng, 20 Sept. 2019. Accessed 24 Apr. 2024.';

/** What the clipboard holds, as text and as HTML. */
async function clipboard(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
    return { text: await read('text/plain'), html: await read('text/html') };
  });
}

test('copy the seed’s citation from the reader (APA) and from the clip menu (MLA)', async ({ page, server }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(server.url);
  await importFiles(page, [seed]);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await list.getByRole('option').first().click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Kremlin says Venezuela’s Maduro to visit Russia ‘soon’');

  // The reader's button opens the picker; APA is offered first on a first use, and focused.
  const button = reader.getByRole('button', { name: 'Copy citation' });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const picker = page.getByRole('menu', { name: 'Cite this clip as' });
  await expect(picker.getByRole('menuitemradio')).toHaveText([/APA 7th edition$/, /Chicago notes and bibliography$/, /MLA 9th edition$/]);
  await expect(picker.getByRole('menuitemradio', { name: /^APA/ })).toBeFocused();
  await expect(picker.getByRole('menuitemradio', { name: /^APA/ })).toHaveAttribute('aria-checked', 'true');
  await shot(page, 'citation-picker-reader');
  // From the keyboard: Enter on the focused style.
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Citation copied (APA).');
  await expect.poll(async () => (await clipboard(page)).text).toBe(APA);
  // The HTML keeps the outlet in italics, for a word processor.
  expect((await clipboard(page)).html).toContain('<i>guardian.ng</i>');

  // The clip menu: Copy Citation… asks again; arrow down to MLA and choose it.
  await list.getByRole('option').first().click({ button: 'right' });
  await page.getByRole('menu', { name: /^Actions for/ }).getByRole('menuitem', { name: 'Copy Citation…' }).click();
  const menuPicker = page.getByRole('menu', { name: 'Cite this clip as' });
  await expect(menuPicker).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menuPicker.getByRole('menuitemradio', { name: /^MLA/ })).toBeFocused();
  await shot(page, 'citation-picker-menu');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Citation copied (MLA).');
  await expect.poll(async () => (await clipboard(page)).text).toBe(MLA);

  // The style chosen last is remembered: the reader's picker now offers MLA first, after a reload too.
  await page.reload();
  await list.getByRole('option').first().click();
  await reader.getByRole('button', { name: 'Copy citation' }).click();
  await expect(picker.getByRole('menuitemradio', { name: /^MLA/ })).toBeFocused();
  await expect(picker.getByRole('menuitemradio', { name: /^MLA/ })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
});
