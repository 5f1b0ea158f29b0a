// The timeline: drag across years to filter a range, the undated bucket, and how the year
// view looks with a real library of saved pages.
import path from 'node:path';
import { corpusPages, expect, importFiles, loadSamples, rowTitles, shot, test } from './fixtures.ts';

/** The clip count a bar announces ("2021: 2 clips"). */
async function barCount(bar: import('@playwright/test').Locator): Promise<number> {
  const label = (await bar.getAttribute('aria-label')) ?? '';
  return Number(/: ([\d,]+) clips?$/.exec(label)?.[1]?.replace(/,/g, '') ?? NaN);
}

test('drag across the timeline to filter a range of years; the undated bucket', async ({ page, server }) => {
  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const bars = timeline.getByRole('group', { name: 'Clips by publication date' }).getByRole('button');
  await expect(bars.first()).toBeVisible();
  const periods = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-period') ?? ''));
  expect(periods[0]).toBe('2019');
  expect(periods.at(-1)).toBe('2024');

  // Press on 2021, sweep to 2023, let go: the list holds exactly the clips of those years.
  const from = timeline.getByRole('button', { name: /^2021: / });
  const to = timeline.getByRole('button', { name: /^2023: / });
  let expected = 0;
  for (const y of ['2021', '2022', '2023']) expected += await barCount(timeline.getByRole('button', { name: new RegExp(`^${y}: `) }));
  expect(expected).toBeGreaterThan(1);
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width + 4, a.y + a.height / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await expect(timeline.locator('.bar.selecting')).toHaveCount(3);
  await page.mouse.up();
  await expect(page.getByRole('group', { name: 'Filters' })).toContainText('2021 – 2023');
  await expect(list).toHaveAttribute('data-total', String(expected));
  const inRange = await page.locator('.clip-list [role=option] .row-date').allTextContents();
  expect(inRange.length).toBe(expected);
  for (const d of inRange) expect(d).toMatch(/202[123]$/);
  // The range stays marked on the bars, and the zoom stays at years (a range is not a zoom).
  await expect(timeline.locator('.bar.in')).toHaveCount(3);
  await expect(timeline.getByRole('navigation', { name: 'Timeline zoom' })).toHaveText('All years');
  await shot(page, 'timeline-range');

  // The undated bucket: the clips without a publication date, and only those.
  const undated = timeline.getByRole('button', { name: /^Undated/ });
  await expect(undated).toHaveText('Undated 1');
  await undated.click();
  await expect(undated).toHaveAttribute('aria-pressed', 'true');
  await expect(list).toHaveAttribute('data-total', '1');
  await expect(page.getByRole('group', { name: 'Filters' })).toContainText('Undated');
  await expect(page.locator('#clip-row-0 .row-date')).toHaveText('Undated');
  expect((await rowTitles(page))[0]).toMatch(/saturday market/i);
  await undated.click();
  await expect(list).toHaveAttribute('data-total', '8');
});

test('the year view with a library of real saved pages', async ({ page, server }) => {
  test.setTimeout(150_000);
  await page.goto(server.url);
  const pages = corpusPages(path.join(server.libraryDir, '..', `${path.basename(server.libraryDir)}-pages`), 48);
  await importFiles(page, pages);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect.poll(async () => Number(await list.getAttribute('data-total'))).toBeGreaterThanOrEqual(40);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const bars = timeline.getByRole('group', { name: 'Clips by publication date' }).getByRole('button');
  await expect(bars.first()).toBeVisible();
  // Every dated clip is in a bar; the bars and the undated bucket add up to the library.
  const counts = await bars.evaluateAll((els) => els.map((e) => Number(/: ([\d,]+) clips?$/.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? 0)));
  const undated = Number(/\d+/.exec((await timeline.getByRole('button', { name: /^Undated/ }).textContent()) ?? '0')?.[0]);
  expect(counts.reduce((s, n) => s + n, 0) + undated).toBe(Number(await list.getAttribute('data-total')));
  await expect(timeline.locator('.timeline-total')).toHaveText(`${counts.reduce((s, n) => s + n, 0)} clips`);
  await shot(page, 'timeline-years');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'timeline-years-dark');
});
