// An entity's own timeline, on its page: Nicolas Maduro named in 2017, 2019 (a wire story in
// three outlets) and 2021. It zooms as the library's timeline does (years → months → days) by
// mouse and by keyboard, and a click on a period shows his clips of that period in the list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWirePages } from '../helpers/story-pages.ts';
import { expect, importFiles, shot, test } from './fixtures.ts';

/** Three Caracas reports of other years, each with text of its own (same text would be one clip). */
function writeOtherYears(dir: string): string[] {
  const pages: [string, string, string, string, string][] = [
    ['caracas-2017.txt', 'Venezuela opposition rallies in Caracas', 'By Ana Ruiz', '12 April 2017 | 9:05 am',
      'Tens of thousands marched through Caracas on Wednesday against the government, the largest protest in months.'],
    ['caracas-2021-march.txt', 'Maduro offers talks with the opposition', 'By Luis Pérez', '3 March 2021 | 6:40 pm',
      'The government offered on Wednesday to reopen talks with its opponents, mediated by Norway, after months of silence.'],
    ['caracas-2021-may.txt', 'Caracas power cuts return as rains fail', 'By Ana Ruiz', '18 May 2021 | 11:12 am',
      'Blackouts returned to the capital this week as the Guri reservoir, which supplies most of the country’s power, fell to a record low.'],
  ];
  return pages.map(([name, title, by, date, lead]) => {
    const body = [
      lead,
      'President Nicolas Maduro spoke in Caracas on Tuesday, telling supporters that Venezuela would not bow to pressure from Washington.',
      'The opposition leader Juan Guaido said the government had failed the country, and called for new elections under international observers.',
      'Maduro has governed Venezuela since 2013, and his government has relied on support from Russia and China.',
    ];
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${title}\n\n${by}\n\n${date}\n\n${body.join('\n\n')}\n`);
    return file;
  });
}

test('an entity’s timeline zooms by mouse and keyboard, and a period filters the list', async ({ page, server }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-entity-timeline-'));
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(server.url);
  await importFiles(page, [...writeWirePages(dir), ...writeOtherYears(dir)]);
  const list = page.getByRole('listbox', { name: /^(Clips|Search results)/ });
  await expect(list).toHaveAttribute('data-total', '6');
  const people = page.getByRole('navigation', { name: 'Library' }).getByRole('group', { name: 'People' });
  await people.getByRole('button', { name: 'Actions for Nicolas Maduro' }).click();
  await page.getByRole('menuitem', { name: 'Open page…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Nicolas Maduro' });
  const timeline = dialog.getByRole('region', { name: 'Timeline of Nicolas Maduro' });
  const bars = timeline.getByRole('group', { name: 'Clips naming Nicolas Maduro by publication date' }).getByRole('button');
  const crumbs = timeline.getByRole('navigation', { name: 'Timeline zoom' });
  const periods = () => bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-period')));

  // All years: the years between have their (empty) bars.
  await expect(bars).toHaveCount(5);
  expect(await periods()).toEqual(['2017', '2018', '2019', '2020', '2021']);
  await expect(timeline.getByRole('button', { name: '2019: 3 clips' })).toBeVisible();
  await expect(timeline.getByRole('button', { name: '2021: 2 clips' })).toBeVisible();
  await expect(timeline.getByRole('button', { name: '2018: 0 clips' })).toBeVisible();
  await shot(page, 'entity-timeline-years');

  // A click on 2019 zooms to its months and shows his clips of 2019 in the list.
  await timeline.getByRole('button', { name: '2019: 3 clips' }).click();
  await expect(crumbs).toHaveText(/All years›2019/);
  await expect(bars).toHaveCount(12);
  await expect(timeline.getByRole('button', { name: 'September 2019: 3 clips' })).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('The list shows its clips of 2019.');
  await expect(page.getByRole('searchbox', { name: /search/i })).toHaveValue('person:"Nicolas Maduro"');
  await expect(page.getByRole('group', { name: 'Filters' })).toContainText('2019');
  await expect(list).toHaveAttribute('data-total', '3');

  // The keyboard: → moves along the bars, Enter zooms in (days), Backspace and − zoom out.
  await timeline.getByRole('button', { name: 'August 2019: 0 clips' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(timeline.getByRole('button', { name: 'September 2019: 3 clips' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(crumbs).toHaveText(/All years›2019›September/);
  await expect(bars).toHaveCount(30);
  // Focus lands on the first bar with clips, so the keys go on working.
  await expect(timeline.getByRole('button', { name: '20 September 2019: 3 clips' })).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText('The list shows its clips of September 2019.');
  await expect(list).toHaveAttribute('data-total', '3');
  await shot(page, 'entity-timeline-days');
  await page.keyboard.press('Backspace');
  await expect(crumbs).toHaveText(/All years›2019$/);
  await expect(bars).toHaveCount(12);
  await expect(timeline.locator('.bar:focus')).toHaveCount(1);
  // The dialog's keys stay in it: the list behind did not lose a clip to Backspace.
  await expect(list).toHaveAttribute('data-total', '3');
  await page.keyboard.press('-');
  await expect(crumbs).toHaveText('All years');
  await expect(bars).toHaveCount(5);
  await expect(dialog.getByRole('status')).toHaveText(/^Click a period/);
  await expect(list).toHaveAttribute('data-total', '6');

  // A drag across 2019–2021 is a range: his clips of those years, and no zoom.
  const from = (await timeline.getByRole('button', { name: /^2019: / }).boundingBox())!;
  const to = (await timeline.getByRole('button', { name: /^2021: / }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(dialog.getByRole('status')).toHaveText('The list shows its clips from 2019 to 2021.');
  await expect(crumbs).toHaveText('All years');
  await expect(list).toHaveAttribute('data-total', '5');
  await expect(timeline.locator('.bar.in')).toHaveCount(3);
  await shot(page, 'entity-timeline-range');

  // "Show these clips" takes the person to the list, which already shows them.
  await dialog.getByRole('button', { name: 'Show these clips' }).click();
  await expect(dialog).toBeHidden();
  await expect(list).toHaveAttribute('data-total', '5');
  fs.rmSync(dir, { recursive: true, force: true });
});
