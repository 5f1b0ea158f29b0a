// The Press review dialog in browser mode: the sample clippings and the seed, compiled from a
// selection (the selection's pane) and from the keyboard shortcut, as PDF, HTML and DOCX; the
// browser downloads each file from `cuttings serve` (GET api/review/<jobId>), and each holds the
// review asked for. "Compiled by" is remembered for the next review.
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { corpus, expect, importFiles, loadSamples, shot, test } from './fixtures.ts';

const SEED = path.join(corpus, 'seed', 'guardian-ng-maduro-russia.txt');

async function compile(page: Page, choices: { format: RegExp; content?: RegExp; group?: RegExp; title?: string; by?: string }): Promise<Download> {
  const dialog = page.getByRole('dialog', { name: 'Press review' });
  await expect(dialog).toBeVisible();
  if (choices.title) await dialog.getByLabel('Title').fill(choices.title);
  if (choices.by) await dialog.getByLabel('Compiled by').fill(choices.by);
  if (choices.group) await dialog.getByRole('radio', { name: choices.group }).check();
  if (choices.content) await dialog.getByRole('radio', { name: choices.content }).check();
  await dialog.getByRole('radio', { name: choices.format }).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Compile and Download' }).click()]);
  await expect(dialog).toBeHidden();
  return download;
}

const bytesOf = async (d: Download) => fs.readFileSync(await d.path());

test('compiles a press review of the samples and the seed as PDF, HTML and DOCX, and downloads it', async ({ page, server }) => {
  await loadSamples(page, server.url);
  await importFiles(page, [SEED]);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list).toHaveAttribute('data-total', '9');

  // All nine selected: the selection's pane offers the review.
  await page.locator('#clip-row-0').click();
  await page.locator('#clip-row-8').click({ modifiers: ['Shift'] });
  await page.getByRole('region', { name: 'Reading pane' }).getByRole('button', { name: 'Press review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Press review' });
  await expect(dialog.getByRole('radio', { name: 'The 9 selected clips' })).toBeChecked();
  await shot(page, 'press-review-dialog');
  const pdf = await compile(page, { format: /PDF/, title: 'Weekly press review', by: 'Press Office', group: /By outlet/, content: /Full text/ });
  expect(pdf.suggestedFilename()).toMatch(/^Weekly press review \d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfBytes = await bytesOf(pdf);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByText(/Press review of 9 clips compiled/)).toBeVisible();

  // The keyboard shortcut opens it again, with who compiled it remembered.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await expect(dialog.getByLabel('Compiled by')).toHaveValue('Press Office');
  await dialog.getByRole('radio', { name: /All 9 clips/ }).check();
  const html = await compile(page, { format: /HTML/, content: /Standfirsts/, group: /By day/ });
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const text = (await bytesOf(html)).toString('utf8');
  expect(text).toContain('<h1>Press review</h1>');
  expect(text).toContain('Press Office');
  expect(text).toContain('Kremlin says Venezuela’s Maduro to visit Russia ‘soon’');
  expect(text).toContain('Friday 20 September 2019');
  expect(text).not.toContain('class="clip-body"');
  expect(text).not.toMatch(/<script/i);

  await page.keyboard.press('Control+Shift+P');
  await dialog.getByRole('radio', { name: /All 9 clips/ }).check();
  const docx = await compile(page, { format: /Word/, content: /Full text/, group: /By tag/ });
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await bytesOf(docx)))['word/document.xml']);
  expect(xml).toContain('Kremlin says Venezuela’s Maduro to visit Russia ‘soon’');
});

test('says why when there is nothing to review', async ({ page, server }) => {
  await loadSamples(page, server.url);
  await page.getByRole('searchbox').first().fill('zzqxnomatchword');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+P');
  const dialog = page.getByRole('dialog', { name: 'Press review' });
  await expect(dialog).toBeVisible();
  // The list is empty, so the choices are everything; a query that matches nothing is refused by the server.
  const refused = await page.evaluate(async () => {
    const token = sessionStorage.getItem('cuttings.token');
    const res = await fetch('api/compileReview', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ format: 'pdf', query: 'zzqxnomatchword' }) });
    return { status: res.status, body: await res.json() };
  });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/No clips match “zzqxnomatchword”: there is nothing to put in a press review/);
});
