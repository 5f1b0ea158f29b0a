// Stories in the window: the AFP story as three outlets ran it shows as one row, "3 outlets",
// which opens to its versions with → (and the disclosure) and closes with ←; a page saved twice
// as it changed shows as "Page changed · 2 versions"; the reader compares two versions word by
// word; and "Group stories" off lists every version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANGED_PAGE_TITLE, WIRE_OUTLETS, writeChangedPage, writeWirePages } from '../helpers/story-pages.ts';
import { corpusPages, expect, importFiles, shot, test } from './fixtures.ts';

test('a wire story in three outlets is one row that opens to its versions; a changed page; the word diff', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Blocked script execution in 'about:srcdoc'/.test(m.text())) errors.push(m.text());
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-stories-'));
  const wire = writeWirePages(dir);
  const { first, second } = writeChangedPage(dir);
  const others = corpusPages(path.join(dir, 'others'), 4);
  await page.goto(server.url);
  await importFiles(page, [...wire, first, second, ...others]);

  const list = page.getByRole('listbox', { name: 'Clips' });
  // Every clip its own row until stories are grouped.
  await expect(list).toHaveAttribute('data-total', '9');
  await expect(list.locator('.story-toggle')).toHaveCount(0);
  const group = page.getByRole('button', { name: 'Group stories' });
  await expect(group).toHaveAttribute('aria-pressed', 'false');
  await group.click();
  await expect(group).toHaveAttribute('aria-pressed', 'true');
  // 9 clips, shown as 6 rows: the story once, the page once, four others.
  await expect(list).toHaveAttribute('data-total', '6');
  await expect(page.locator('.list-count')).toHaveText('9 clips · 3 grouped');
  const story = list.getByRole('option', { name: /3 outlets, closed$/ });
  await expect(story).toHaveCount(1);
  await expect(story.locator('.story-toggle')).toHaveText(/3 outlets/);
  const changed = list.getByRole('option', { name: new RegExp(`^${CHANGED_PAGE_TITLE}, Page changed · 2 versions`) });
  await expect(changed).toHaveCount(1);
  await shot(page, 'stories-list');

  // → on the story's row opens it: its two other outlets, indented under it.
  await story.click();
  await page.keyboard.press('ArrowRight');
  await expect(list.getByRole('option', { name: /3 outlets, open$/ })).toHaveCount(1);
  const versions = list.locator('.clip-row.story-version');
  await expect(versions).toHaveCount(2);
  await expect(list).toHaveAttribute('data-total', '8');
  const storyRow = list.getByRole('option', { name: /3 outlets, open$/ });
  const storyOutlet = await storyRow.locator('.row-meta').innerText();
  const versionOutlets = await versions.locator('.row-meta').allInnerTexts();
  expect([storyOutlet, ...versionOutlets].map((t) => t.split(' · ')[0]).sort()).toEqual(WIRE_OUTLETS.map((o) => o.name).sort());
  await shot(page, 'stories-open');

  // ↓ moves into the versions; ← from one closes the story and comes back to its row.
  await page.keyboard.press('ArrowDown');
  await expect(versions.first()).toHaveClass(/active/);
  await page.keyboard.press('ArrowLeft');
  await expect(versions).toHaveCount(0);
  await expect(list.getByRole('option', { name: /3 outlets, closed$/ })).toHaveClass(/active/);
  // The disclosure opens it with the mouse too.
  await list.locator('.story-toggle').first().click();
  await expect(versions).toHaveCount(2);

  // The reader of one version: the story's other versions, and a comparison with one.
  await versions.first().click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await reader.getByRole('button', { name: /3 outlets/ }).click();
  const others2 = reader.locator('.story-version-list li');
  await expect(others2).toHaveCount(2);
  await others2.first().getByRole('button', { name: 'Compare' }).click();
  const diff = reader.getByRole('region', { name: 'What changed between the two versions' });
  await expect(diff).toBeVisible();
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff.locator('del').first()).toBeVisible();
  await expect(reader.locator('.article-frame')).toBeHidden();
  await shot(page, 'stories-diff-outlets');
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();
  await expect(reader.locator('.article-frame')).toBeVisible();

  // The page that changed: its two saves, and what changed between them.
  await changed.click();
  await reader.getByRole('button', { name: /Page changed · 2 versions/ }).click();
  await expect(reader.locator('.story-version-list li')).toHaveCount(1);
  await reader.locator('.story-version-list').getByRole('button', { name: 'Compare' }).click();
  await expect(diff.locator('del', { hasText: 'next month' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'on October 14' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'The shipping line was later named as Maersk' })).toBeVisible();
  await expect(diff.locator('.count-del')).toHaveText('−3 words');
  await shot(page, 'stories-diff-page');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'stories-diff-page-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await diff.getByRole('button', { name: 'Done' }).click();

  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '6');
  await expect(page.getByRole('button', { name: 'Group stories' })).toHaveAttribute('aria-pressed', 'true');

  // A search collapses too when they are grouped.
  await page.getByRole('searchbox').fill('peskov kremlin');
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: /^Search results/ });
  await expect(results).toHaveAttribute('data-total', '1');
  await expect(results.getByRole('option', { name: /3 outlets/ })).toHaveCount(1);
  await shot(page, 'stories-search');
  // And every version, when they are not.
  await page.getByRole('button', { name: 'Group stories' }).click();
  await expect(results).toHaveAttribute('data-total', '3');
  await expect(results.locator('.story-toggle')).toHaveCount(0);
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
