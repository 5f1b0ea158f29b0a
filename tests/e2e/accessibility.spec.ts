// Every control a person can reach has a role and a name a screen reader can say, in each
// state of the window; and the window at a large and a small size, light and dark.
import type { Page } from '@playwright/test';
import { expect, loadSamples, shot, test } from './fixtures.ts';

const ROLES = [
  'button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'menuitem', 'menuitemradio',
  'option', 'listbox', 'progressbar', 'slider', 'tab', 'switch', 'dialog', 'menu', 'region', 'navigation', 'main',
] as const;

/** Every element with an interactive (or landmark) role must have a non-empty accessible name. */
async function audit(page: Page, state: string): Promise<void> {
  const nameless: string[] = [];
  for (const role of ROLES) {
    for (const el of await page.getByRole(role).all()) {
      // A control may go away during the audit (a toast's close button when the toast times
      // out): without a timeout the locator would wait for it until the test times out.
      const name = await el.evaluate((e) => e.getAttribute('aria-label') ?? '', undefined, { timeout: 1_000 }).catch(() => null);
      if (name === null || name.trim()) continue;
      try {
        await expect(el).toHaveAccessibleName(/\S/, { timeout: 200 });
      } catch {
        const html = await el.evaluate((e) => e.outerHTML.slice(0, 160), undefined, { timeout: 1_000 }).catch(() => null);
        if (html !== null) nameless.push(`${role}: ${html}`);
      }
    }
  }
  // Focusable things with no role at all are invisible to assistive technology.
  const roleless = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[tabindex]:not([tabindex="-1"]), [onclick]')]
      .filter((e) => !e.getAttribute('role') && !['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME'].includes(e.tagName))
      .map((e) => e.outerHTML.slice(0, 160)),
  );
  expect([...nameless, ...roleless], `controls without a name or role (${state})`).toEqual([]);
}

test('every control has a role and an accessible name', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Load sample clippings' })).toBeVisible();
  await audit(page, 'empty library');

  await loadSamples(page, server.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await list.getByRole('option').first().click();
  await expect(page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('button').first()).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('combobox', { name: 'Add a tag' })).toBeFocused();
  await page.keyboard.type('ports');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^ports/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('library');
  await expect(page.getByRole('listbox', { name: /Search results/ }).getByRole('option').first()).toBeVisible();
  await audit(page, 'reader, timeline, search');

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tag actions for ports' }).click();
  await expect(page.getByRole('menu', { name: 'Tag ports' })).toBeVisible();
  await audit(page, 'tag menu');
  await page.keyboard.press('Escape');

  await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
  // Wait until the whole library is listed again (the search results stay until it answers).
  await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '8');
  await page.locator('#clip-row-0').click();
  await page.locator('#clip-row-2').click({ modifiers: ['Shift'] });
  await expect(page.getByRole('heading', { name: '3 clips selected' })).toBeVisible();
  await audit(page, 'bulk selection');

  await page.getByRole('searchbox', { name: 'Search clips' }).fill('library');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Save search' })).toBeVisible();
  await audit(page, 'save dialog');
});

for (const size of [{ width: 1360, height: 860 }, { width: 1024, height: 640 }]) {
  test(`the window at ${size.width}×${size.height}, light and dark`, async ({ page, server }) => {
    await page.setViewportSize(size);
    await loadSamples(page, server.url);
    const tag = `${size.width}x${size.height}`;
    const list = page.getByRole('listbox', { name: 'Clips' });
    await list.getByRole('option', { name: /solar farm/ }).click();
    const reader = page.getByRole('article', { name: 'Reader' });
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('solar farm');
    await page.keyboard.press('t');
    await expect(reader.getByRole('combobox', { name: 'Add a tag' })).toBeFocused();
    for (const t of ['energy', 'co-operatives', 'follow-up']) {
      await page.keyboard.type(t);
      await page.keyboard.press('Enter');
    }
    await expect(reader.getByRole('group', { name: 'Tags' })).toContainText('follow-up');
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Timeline' }).click();
    await page.getByRole('searchbox', { name: 'Search clips' }).fill('library');
    await expect(page.getByRole('listbox', { name: /Search results/ }).getByRole('option').first()).toBeVisible();
    // Nothing may spill out of the window sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The reader's toolbar keeps every action on screen, none drawn over another.
    const boxes: { x: number; y: number; width: number; height: number; label: string }[] = [];
    for (const b of await reader.getByRole('toolbar', { name: 'Clip actions' }).getByRole('button').all()) {
      const box = (await b.boundingBox())!;
      const label = (await b.textContent()) ?? '';
      expect(box.x + box.width, `${label} fits`).toBeLessThanOrEqual(size.width);
      for (const o of boxes) {
        const apart = box.x >= o.x + o.width || o.x >= box.x + box.width || box.y >= o.y + o.height || o.y >= box.y + box.height;
        expect(apart, `${label} overlaps ${o.label}`).toBe(true);
      }
      boxes.push({ ...box, label });
    }
    await shot(page, `window-${tag}-light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, `window-${tag}-dark`);
    await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
    // Wait until the whole library is listed again (the search results stay until it answers).
    await expect(page.getByRole('listbox', { name: 'Clips' })).toHaveAttribute('data-total', '8');
    await page.locator('#clip-row-0').click();
    await page.locator('#clip-row-3').click({ modifiers: ['Shift'] });
    await expect(page.getByRole('heading', { name: '4 clips selected' })).toBeVisible();
    await shot(page, `window-${tag}-bulk-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
    await shot(page, `window-${tag}-bulk-light`);
  });
}
