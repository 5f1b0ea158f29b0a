// Correcting what extraction got wrong: a clip's headline, outlet, author, date and link edited
// in the reader by keyboard, the list, search and timeline following, Undo, a date it cannot
// read; one outlet for a selection; and a correction remembered for a site, listed and deleted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { corpus, expect, importFiles, loadSamples, rowTitles, shot, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

const SOLAR = 'Villagers build their own solar farm — and sell the power back';

async function openClip(page: Page, title: string) {
  await page.locator('.clip-list [role=option]', { hasText: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Two saved bbc.com pages whose byline came out as the site's own name ("BBC News"). */
function bbcPages(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const src = path.join(corpus, 'extraction/dev/aeb/html');
  return ['70cb2d5bca75', 'c7e39ac49fa1'].map((prefix) => {
    const name = fs.readdirSync(src).find((f) => f.startsWith(prefix))!;
    const out = path.join(dir, `bbc-${prefix}.html`);
    fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(path.join(src, name))));
    return out;
  });
}

test('edit the record by keyboard; the list, search and timeline follow; undo; a date it cannot read', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await openClip(page, SOLAR);
  const reader = page.getByRole('article', { name: 'Reader' });

  // E opens the editor on the headline; Tab walks the fields; Enter saves.
  await page.keyboard.press('e');
  const editor = page.getByRole('form', { name: 'Edit the record' });
  const headline = editor.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Villagers open a solar cooperative in Brackenfield');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('combobox', { name: 'Outlet' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Meridian Times Weekend');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('textbox', { name: 'Author(s)' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Priya Hallam; Tom Reed');
  await page.keyboard.press('Tab');
  const date = editor.getByRole('textbox', { name: 'Published' });
  await expect(date).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Sept 2019');
  await expect(editor).toContainText('Reads as September 2019');
  await shot(page, 'edit-record-editor');
  await page.keyboard.press('Enter');

  // The reader, the list row, search and the timeline show the correction.
  await expect(editor).toBeHidden();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Villagers open a solar cooperative in Brackenfield');
  await expect(reader.locator('.reader-eyebrow')).toContainText('Meridian Times Weekend');
  await expect(reader.locator('.reader-eyebrow')).toContainText('September 2019');
  await expect(reader.locator('.reader-byline')).toContainText('By Priya Hallam; Tom Reed');
  await expect(reader.locator('.corrected-badge')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Saved your correction of the headline, outlet, byline and date of “Villagers open a solar cooperative in Brackenfield”.');
  const row = page.locator('.clip-list [role=option]', { hasText: 'Brackenfield' });
  await expect(row.locator('.row-meta')).toContainText('Meridian Times Weekend');
  await expect(row.locator('.row-date')).toHaveText('Sep 2019');
  // The keyboard is back on the Edit button.
  await expect(reader.getByRole('button', { name: 'Edit' })).toBeFocused();
  await shot(page, 'edit-record-saved');

  const searchBox = page.getByRole('searchbox');
  await searchBox.fill('brackenfeld cooperative');
  const results = page.getByRole('listbox', { name: 'Search results for brackenfeld cooperative' });
  await expect(results).toHaveAttribute('data-total', '1');
  expect(await rowTitles(page)).toEqual([expect.stringContaining('Brackenfield')]);
  await searchBox.fill('');
  await expect(list).toHaveAttribute('data-total', '8');

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: /^2019: 1 clip$/ }).click();
  await expect(list).toHaveAttribute('data-total', '1');
  await expect(timeline.getByRole('button', { name: /^September 2019: 1 clip$/ })).toBeVisible();
  await shot(page, 'edit-record-timeline');

  // Undo puts everything back.
  await page.getByRole('status').locator('.toast', { hasText: 'Saved your correction' }).getByRole('button', { name: 'Undo' }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SOLAR);
  await expect(page.getByRole('status')).toContainText('Your change was undone.');
  await expect(reader.locator('.corrected-badge')).toHaveCount(0);
  await expect(timeline.getByRole('button', { name: /^September 2019: 1 clip$/ })).toBeVisible();
  await timeline.getByRole('button', { name: 'All years' }).click();

  // A date it cannot read: a clear message, the editor stays, nothing is saved; Esc cancels.
  await reader.getByRole('button', { name: 'Edit' }).click();
  await expect(headline).toBeFocused();
  await date.fill('31 Feb 2019');
  await date.press('Enter');
  const problem = editor.getByRole('alert');
  await expect(problem).toHaveText('“31 Feb 2019” is not a day that exists. Write a day, a month or a year: 2019-09-20, 20 Sep 2019, 2019-09 or 2019.');
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await date.fill('the other day');
  await date.press('Enter');
  await expect(problem).toContainText('“the other day” is not a date I can read.');
  const link = editor.getByRole('textbox', { name: 'Link' });
  await date.fill('2019');
  await link.fill('javascript:alert(1)');
  await link.press('Enter');
  await expect(editor.getByRole('alert')).toHaveText('A link must be a web address starting with http:// or https://.');
  await shot(page, 'edit-record-bad-link');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(reader.locator('.reader-eyebrow')).toContainText('20 September 2019');

  // A year-only date: the row and the reader say just the year, and the record says it was corrected.
  await page.keyboard.press('e');
  await date.fill('2019');
  await date.press('Enter');
  await expect(reader.locator('.reader-eyebrow time')).toHaveText('2019');
  await expect(page.locator('.clip-list [role=option]', { hasText: SOLAR }).locator('.row-date')).toHaveText('2019');
  await page.keyboard.press('e');
  await expect(editor).toContainText('You corrected this. The import had “2019-09-20T15:17”.');
  await editor.getByRole('button', { name: 'Use the imported date' }).click();
  await expect(date).toHaveValue('2019-09-20T15:17');
  await date.press('Enter');
  await expect(reader.locator('.reader-eyebrow time')).toHaveText('20 September 2019');
  await expect(reader.locator('.corrected-badge')).toHaveCount(0);
});

test('one outlet for a selection, with undo', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const rows = page.locator('.clip-list [role=option]');
  const row = (i: number) => page.locator(`#clip-row-${i}`);
  const before = await Promise.all([0, 1, 2].map((i) => row(i).locator('.row-meta').textContent()));
  await row(0).click();
  await row(2).click({ modifiers: ['Shift'] });
  const pane = page.getByRole('group', { name: 'Record of the selected clips' });
  const outlet = pane.getByRole('combobox', { name: 'Outlet' });
  await outlet.fill('Coastal Press Agency');
  await outlet.press('Enter');
  await expect(page.getByRole('status')).toContainText('Set the outlet of 3 clips to “Coastal Press Agency”.');
  for (const i of [0, 1, 2]) await expect(row(i).locator('.row-meta')).toContainText('Coastal Press Agency');
  await expect(rows.locator('.row-meta', { hasText: 'Coastal Press Agency' })).toHaveCount(3);
  await shot(page, 'edit-record-bulk');

  // The date of all of them: a month.
  const date = pane.getByRole('textbox', { name: 'Published' });
  await date.fill('March 2020');
  await expect(pane).toContainText('Reads as March 2020');
  await date.press('Enter');
  await expect(page.getByRole('status')).toContainText('Set the date of 3 clips to March 2020.');
  await expect(rows.locator('.row-date', { hasText: 'Mar 2020' })).toHaveCount(3);

  // Undo the outlet (its toast is still there): the three rows get their own outlets back.
  await page.getByRole('status').locator('.toast', { hasText: 'Coastal Press Agency' }).getByRole('button', { name: 'Undo' }).click();
  await expect(rows.locator('.row-meta', { hasText: 'Coastal Press Agency' })).toHaveCount(0);
  const after = await Promise.all(
    [0, 1, 2].map((i) => page.locator('.clip-list [role=option]', { has: page.locator('.row-date', { hasText: 'Mar 2020' }) }).nth(i).locator('.row-meta').textContent()),
  );
  expect(after.sort()).toEqual(before.sort());
});

test('a correction made twice on one site is offered as a rule, remembered, listed and deleted', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await importFiles(page, bbcPages(path.join(`${server.libraryDir}-pages`)));
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list).toHaveAttribute('data-total', '2');
  const reader = page.getByRole('article', { name: 'Reader' });
  const editor = page.getByRole('form', { name: 'Edit the record' });
  for (const i of [0, 1]) {
    await page.locator(`#clip-row-${i}`).click();
    await expect(reader.locator('.reader-byline')).toContainText('By BBC News');
    await page.keyboard.press('e');
    const author = editor.getByRole('textbox', { name: 'Author(s)' });
    await author.fill('');
    await author.press('Enter');
    await expect(editor).toBeHidden();
    await expect(reader.locator('.reader-byline')).not.toContainText('By BBC News');
  }
  const offer = page.getByRole('status').locator('.toast', { hasText: 'Remember it for new imports from bbc.com' });
  await expect(offer).toContainText('You made the same correction on 2 clips from bbc.com. Remember it for new imports from bbc.com: drop the byline “BBC News”?');
  await shot(page, 'edit-record-rule-offer');
  await offer.getByRole('button', { name: 'Remember' }).click();
  await expect(page.getByRole('status')).toContainText('Remembered: new clips from bbc.com will drop the byline “BBC News”.');

  // The editor links to the rules of the clip's site.
  await page.keyboard.press('e');
  await editor.getByRole('button', { name: '1 rule for bbc.com…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Site rules' });
  await expect(dialog.getByRole('region', { name: 'Rules for bbc.com' })).toContainText('Drop the byline “BBC News”');
  await shot(page, 'edit-record-site-rules');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'edit-record-site-rules-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Delete the rule for bbc.com: drop the byline “BBC News”' }).click();
  await expect(dialog).toContainText('No site rules yet.');
  // Undo brings it back into the open dialog.
  await page.getByRole('status').locator('.toast', { hasText: 'Deleted the rule' }).getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('region', { name: 'Rules for bbc.com' })).toBeVisible();
  await dialog.getByRole('button', { name: /^Delete the rule/ }).click();
  await expect(dialog).toContainText('No site rules yet.');
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Site rules…' })).toBeVisible();
});
