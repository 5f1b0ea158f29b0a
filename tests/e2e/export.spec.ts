// The Export dialog in browser mode: reached from the sidebar, from a selection and by
// Ctrl+Shift+E; it offers the selection, the list's results or everything, and the four
// formats; the browser downloads the file from `cuttings serve` (GET api/export), and the
// file holds what was asked for.
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, loadSamples, rowTitles, shot, test } from './fixtures.ts';

/** RFC 4180 rows (the tests' own reader; the export writes CRLF rows and quotes fields with , " or line breaks). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

async function downloaded(download: Download): Promise<{ name: string; bytes: Buffer }> {
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

async function exportVia(page: Page, format: RegExp, scope?: RegExp): Promise<Download> {
  const dialog = page.getByRole('dialog', { name: 'Export clips' });
  if (scope) await dialog.getByRole('radio', { name: scope }).check();
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  await expect(dialog).toBeHidden();
  return download;
}

test('exports the samples as CSV from the sidebar, and a selection as JSON from the selection pane', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const titles = await rowTitles(page);
  expect(titles).toHaveLength(8);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export clips' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'All 8 clips' })).toBeChecked();
  for (const f of ['JSON — re-importable backup', 'Markdown folder', 'HTML document', 'CSV spreadsheet']) await expect(dialog.getByRole('radio', { name: new RegExp(f) })).toBeVisible();
  await shot(page, 'export-dialog-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'export-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const csv = await downloaded(await exportVia(page, /CSV spreadsheet/));
  expect(csv.name).toMatch(/^Cuttings export \d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
  const rows = readCsv(csv.bytes.toString('utf8').slice(1));
  expect(rows[0]).toEqual(['id', 'title', 'source', 'author', 'published', 'url', 'tags', 'word count', 'starred', 'note', 'imported']);
  // Newest first, as the list shows them.
  expect(rows.slice(1).map((r) => r[1])).toEqual(titles);
  await expect(page.getByRole('status')).toContainText('Exporting 8 clips as CSV');

  // Two clips selected: the selection pane exports them.
  await page.locator('#clip-row-1').click();
  await page.locator('#clip-row-3').click({ modifiers: ['Control'] });
  await page.getByRole('region', { name: 'Reading pane' }).getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('radio', { name: 'The 2 selected clips' })).toBeChecked();
  const json = await downloaded(await exportVia(page, /^JSON/));
  expect(json.name).toMatch(/\.json$/);
  const doc = JSON.parse(json.bytes.toString('utf8')) as { cuttings: { format: string }; clips: { title: string }[] };
  expect(doc.cuttings.format).toBe('cuttings-export');
  expect(doc.clips.map((c) => c.title).sort()).toEqual([titles[1], titles[3]].sort());
});

test('exports the results of a search as an HTML document, by keyboard; Escape closes the dialog', async ({ page, server, context }) => {
  await loadSamples(page, server.url);
  const box = page.getByRole('searchbox', { name: 'Search clips' });
  await box.fill('library');
  await box.press('Enter');
  const list = page.getByRole('listbox', { name: /Search results/ });
  await expect(list).toHaveAttribute('data-total', '2');
  const titles = await rowTitles(page);

  await page.locator('#clip-row-0').click();
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export clips' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Escape was the dialog's: the search it was opened over is still there.
  await expect(box).toHaveValue('library');

  await page.keyboard.press('Control+Shift+E');
  const results = dialog.getByRole('radio', { name: /The 2 clips in the list/ });
  await expect(results).toBeChecked();
  await expect(results).toBeFocused();
  await expect(dialog.getByText('“library”')).toBeVisible();
  // The formats by keyboard: Tab to the group, arrows through it, Enter to export.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: /^JSON/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /HTML document/ })).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const { name, bytes } = await downloaded(download);
  expect(name).toMatch(/\.html$/);
  const html = bytes.toString('utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html.match(/<article /g)).toHaveLength(2);
  for (const t of titles) expect(html).toContain(t.replace(/&/g, '&amp;'));

  // Opened in the browser, the document loads nothing and runs nothing.
  const file = `${server.libraryDir}-export.html`;
  fs.writeFileSync(file, bytes);
  const reader = await context.newPage();
  const requests: string[] = [];
  reader.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await reader.goto(`file://${file}`);
  await expect(reader.getByRole('heading', { name: 'Clippings matching “library”' })).toBeVisible();
  await reader.getByRole('link', { name: new RegExp(titles[1].slice(0, 20)) }).first().click();
  expect(requests).toEqual([]);
  await shot(reader, 'export-html-document');
  await reader.close();
  fs.rmSync(file, { force: true });
});

test('exports the clips a sidebar filter shows as a Markdown folder, zipped', async ({ page, server }) => {
  await loadSamples(page, server.url);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Meridian Times/ }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '1');
  const [title] = await rowTitles(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export clips' });
  await expect(dialog.getByRole('radio', { name: /The 1 clip in the list/ })).toBeChecked();
  await expect(dialog.getByText('Source: Meridian Times')).toBeVisible();
  await expect(dialog.getByText('Downloads as a .zip of the folder.')).toBeVisible();
  const { name, bytes } = await downloaded(await exportVia(page, /Markdown folder/));
  expect(name).toMatch(/^Cuttings export \d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(bytes));
  const notes = Object.keys(files).filter((f) => f.endsWith('.md'));
  expect(notes).toEqual([`${name.replace(/\.zip$/, '')}/${title}.md`]);
  const note = new TextDecoder().decode(files[notes[0]]);
  expect(note).toContain(`title: "${title}"`);
  expect(note).toContain('source: "Meridian Times"');
  expect(note).toContain(`# ${title}`);
});
