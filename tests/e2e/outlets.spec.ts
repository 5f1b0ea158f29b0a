// Outlets named once: one Los Angeles Times article dropped as its saved page, an MHTML
// snapshot, a PDF, a Word file, an e-mail and a web clipping lists one outlet in Sources, with
// every clip that names an outlet counted there; then it is renamed from the keyboard, and
// another outlet is merged into it and the merge undone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { corpus, expect, importFiles, shot, test } from './fixtures.ts';

const ARTICLE = '098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2';

function files(): string[] {
  const truth = JSON.parse(fs.readFileSync(path.join(corpus, 'formats', 'ground-truth.json'), 'utf8')) as Record<string, { domain: string; files: Record<string, string>; source: string }>;
  const entry = truth[`aeb-${ARTICLE}`];
  expect(entry.domain).toBe('latimes.com');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-outlets-'));
  const page = path.join(dir, 'disney-plus-kevin-mayer.html');
  fs.writeFileSync(page, zlib.gunzipSync(fs.readFileSync(path.resolve(corpus, 'formats', entry.source))));
  const formats = ['mhtml', 'pdf', 'docx', 'eml', 'md'].map((f) => path.join(corpus, 'formats', entry.files[f]));
  return [page, ...formats, path.join(corpus, 'seed', 'guardian-ng-maduro-russia.txt')];
}

test('one outlet in Sources for an article saved five ways; rename from the keyboard, merge and undo', async ({ page, server }) => {
  await page.goto(server.url);
  await importFiles(page, files());
  // Named "Clips", or "Search results…" while a query is typed.
  const list = page.getByRole('listbox', { name: /^(Clips|Search results)/ });
  const sidebar = page.getByRole('navigation', { name: 'Library' });

  // What was stored, asked of the library itself: the clips of the article that name an outlet.
  const token = new URL(server.url).searchParams.get('token')!;
  const stored = await (await page.request.post(`${server.origin}/api/listClips`, {
    headers: { authorization: `Bearer ${token}` },
    data: { limit: 100 },
  })).json() as { clips: { title: string; source: string | null }[] };
  const article = stored.clips.filter((c) => /Disney|issues/.test(c.title));
  expect(article.length).toBeGreaterThanOrEqual(3);
  const named = article.filter((c) => c.source !== null);
  expect(named.length).toBeGreaterThanOrEqual(3);
  expect(new Set(named.map((c) => c.source))).toEqual(new Set(['Los Angeles Times']));
  const n = named.length;

  // Sources: one row for the paper, none for "latimes" or "latimes.com".
  const sources = sidebar.locator('.side-section', { has: page.getByRole('heading', { name: 'Sources' }) });
  const la = sidebar.getByRole('button', { name: new RegExp(`^Los Angeles Times\\s*${n}$`) });
  await expect(la).toBeVisible();
  await expect(sources.getByRole('button', { name: /^latimes/i })).toHaveCount(0);
  await expect(sources.getByRole('button', { name: /^Los Angeles Times/ })).toHaveCount(1);
  await expect(la).toHaveAttribute('title', /latimes\.com/);
  await expect(sources.getByRole('button', { name: /^guardian\.ng\s*1$/ })).toBeVisible();
  await shot(page, 'outlets-sources');

  // Any of its names finds it in a search.
  const searchBox = page.getByRole('searchbox', { name: /search/i });
  await searchBox.fill('source:latimes');
  await expect(list).toHaveAttribute('data-total', String(n));
  await searchBox.fill('');

  // Filter by the outlet, then rename it from the keyboard: the filter follows the new name.
  await la.click();
  await expect(list).toHaveAttribute('data-total', String(n));
  const actions = sidebar.getByRole('button', { name: 'Outlet actions for Los Angeles Times' });
  await actions.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Outlet Los Angeles Times' });
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await shot(page, 'outlets-menu');
  await page.keyboard.press('Enter');
  const rename = sidebar.getByRole('textbox', { name: 'New name for outlet Los Angeles Times' });
  await expect(rename).toBeFocused();
  await page.keyboard.type('L.A. Times');
  await page.keyboard.press('Enter');
  const renamed = sidebar.getByRole('button', { name: new RegExp(`^L\\.A\\. Times\\s*${n}$`) });
  await expect(renamed).toBeVisible();
  await expect(renamed).toHaveAttribute('aria-pressed', 'true');
  await expect(sidebar.getByRole('button', { name: /^Los Angeles Times/ })).toHaveCount(0);
  await expect(list).toHaveAttribute('data-total', String(n));
  await expect(list.getByRole('option').first()).toContainText('L.A. Times');
  await renamed.click(); // filter off
  await expect(list).toHaveAttribute('data-total', String(stored.clips.length));

  // Merge guardian.ng into it, from the keyboard: menu, dialog, choice, Merge.
  await sidebar.getByRole('button', { name: 'Outlet actions for guardian.ng' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Merge into…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Merge “guardian.ng”' });
  await expect(dialog.getByRole('combobox', { name: 'Merge into' })).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'Merge into' })).toHaveValue('L.A. Times');
  await shot(page, 'outlets-merge-dialog');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Merged “guardian.ng” into “L.A. Times”.')).toBeVisible();
  await expect(sidebar.getByRole('button', { name: new RegExp(`^L\\.A\\. Times\\s*${n + 1}$`) })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^guardian\.ng/ })).toHaveCount(0);
  await shot(page, 'outlets-merged');

  // Undo: guardian.ng is its own outlet again, with its clip.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('“guardian.ng” is its own outlet again.')).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^guardian\.ng\s*1$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: new RegExp(`^L\\.A\\. Times\\s*${n}$`) })).toBeVisible();

  // A rename to another outlet's name is refused, with what to do instead.
  await sidebar.getByRole('button', { name: 'Outlet actions for guardian.ng' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await sidebar.getByRole('textbox', { name: 'New name for outlet guardian.ng' }).fill('l.a. times');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('An outlet named “L.A. Times” already exists. Merge the two outlets instead.');
  await expect(sidebar.getByRole('button', { name: /^guardian\.ng\s*1$/ })).toBeVisible();
});
