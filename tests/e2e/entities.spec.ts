// People, Places and Organisations in the sidebar: the seed and another article imported by
// dropping them; the sidebar lists the library's entities with clip counts; a click on a place
// filters the list by it (place:"…" in the search), the facets then count that result, and a
// second click takes the filter off; an entity's page (its timeline: entity-timeline.spec.ts);
// a merge from the sidebar, undone.
import path from 'node:path';
import { corpus, expect, importFiles, shot, test } from './fixtures.ts';

test('entity facets with counts, and a click filters by a place', async ({ page, server }) => {
  await page.goto(server.url);
  const seed = path.join(corpus, 'seed', 'guardian-ng-maduro-russia.txt');
  await importFiles(page, [seed]);
  const list = page.getByRole('listbox', { name: /^(Clips|Search results)/ });
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  const people = sidebar.getByRole('group', { name: 'People' });
  const places = sidebar.getByRole('group', { name: 'Places' });

  // Maduro once, counted in his one clip; Caracas among the places.
  await expect(people.getByRole('button', { name: /^Nicolas Maduro\s*1$/ })).toBeVisible();
  await expect(people.getByRole('button', { name: /Maduro\s*\d+$/ })).toHaveCount(1);
  await expect(places.getByRole('button', { name: /^Caracas\s*1$/ })).toBeVisible();
  await shot(page, 'entities-sidebar');

  // A click filters: the search holds the filter, the list its clip, the facets that result's counts.
  const searchBox = page.getByRole('searchbox', { name: /search/i });
  await places.getByRole('button', { name: /^Caracas/ }).click();
  await expect(searchBox).toHaveValue('place:"Caracas"');
  await expect(list).toHaveAttribute('data-total', '1');
  await expect(places.getByRole('button', { name: /^Caracas\s*1$/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(people.getByRole('button', { name: /^Vladimir Putin\s*1$/ })).toBeVisible();

  // A typo in the filter still finds him; a place that is not named finds nothing.
  await searchBox.fill('person:madurro');
  await expect(list).toHaveAttribute('data-total', '1');
  await searchBox.fill('place:atlantis');
  await expect(list).toHaveAttribute('data-total', '0');

  // The second click on a pressed entity takes its filter off.
  await searchBox.fill('place:"Caracas"');
  await expect(places.getByRole('button', { name: /^Caracas/ })).toHaveAttribute('aria-pressed', 'true');
  await places.getByRole('button', { name: /^Caracas/ }).click();
  await expect(searchBox).toHaveValue('');

  // Its page: clips by month, its outlets, who is named with it; "Show its clips" filters.
  await places.getByRole('button', { name: 'Actions for Caracas' }).click();
  await page.getByRole('menuitem', { name: 'Open page…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Caracas' });
  // Its timeline: named in one year only, it opens on that year's months.
  const timeline = dialog.getByRole('region', { name: 'Timeline of Caracas' });
  await expect(timeline.getByRole('navigation', { name: 'Timeline zoom' })).toHaveText(/All years›2019/);
  await expect(timeline.getByRole('button', { name: 'September 2019: 1 clip' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Outlets naming it most' })).toContainText('guardian.ng');
  await expect(dialog.getByRole('button', { name: 'Nicolas Maduro' })).toBeVisible();
  await shot(page, 'entities-page');
  await dialog.getByRole('button', { name: 'Show its clips' }).click();
  await expect(searchBox).toHaveValue('place:"Caracas"');
  await searchBox.fill('');

  // Merge one person into another from the sidebar, and undo it.
  await people.getByRole('button', { name: 'Actions for Hugo Chavez' }).click();
  await page.getByRole('menuitem', { name: 'Merge into…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Hugo Chavez”' });
  await merge.getByRole('combobox').selectOption({ label: 'Nicolas Maduro (1)' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(people.getByRole('button', { name: /^Hugo Chavez/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(people.getByRole('button', { name: /^Hugo Chavez\s*1$/ })).toBeVisible();
});
