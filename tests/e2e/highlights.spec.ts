// Highlights in the reader, as a new user meets them (browser mode, real library, the seed):
// two passages highlighted (one with the bar over the selection, one by keyboard with a note),
// the panel, a re-extraction that keeps both, a search for a word of the note, and the export.
import path from 'node:path';
import { corpus, expect, importFiles, shot, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

const SEED = path.join(corpus, 'seed', 'guardian-ng-maduro-russia.txt');
const TITLE = 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’';

/**
 * Selects words in the article frame as a person's drag would, and lets the window know as the
 * mouse button coming up does. (Playwright's own mouse drag inside a sandboxed srcdoc frame
 * closes the page under this headless Chromium, so the selection is made through the DOM; what
 * the window does with it is the real code path.)
 */
async function selectInArticle(page: Page, words: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    ({ words, occurrence }) => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe.article-frame')!.contentDocument!;
      const walker = doc.createTreeWalker(doc.querySelector('article')!, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(words);
        if (at < 0 || seen++ < occurrence) continue;
        const range = doc.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + words.length);
        doc.getSelection()!.removeAllRanges();
        doc.getSelection()!.addRange(range);
        doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${words}" is not in the article`);
    },
    { words, occurrence },
  );
}

const marksIn = (page: Page) => page.frameLocator('iframe.article-frame').locator('mark.hl');

test('highlight two passages of the seed, add a note, re-extract: both are still there; the note is searchable', async ({ page, server }) => {
  await page.goto(server.url);
  await importFiles(page, [SEED]);
  await page.locator('.clip-list [role=option]', { hasText: TITLE }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  // The frame can run nothing: same-origin for the window's marks, never scripts.
  await expect(reader.locator('iframe.article-frame')).toHaveAttribute('sandbox', 'allow-same-origin');

  // 1. With the mouse: select, then a colour in the bar over the selection.
  await selectInArticle(page, 'Interfax news agency, quoting sources');
  const bar = page.getByRole('toolbar', { name: 'Highlight the selected words' });
  await expect(bar).toBeVisible();
  await shot(page, 'highlight-bar');
  await bar.getByRole('button', { name: 'Highlight in blue' }).click();
  const panel = page.getByRole('complementary', { name: 'Highlights' });
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(marksIn(page)).toHaveText(['Interfax news agency, quoting sources']);
  await expect(marksIn(page).first()).toHaveClass(/hl-blue/);

  // 2. By keyboard: Shift+H highlights the selection and opens its note.
  await selectInArticle(page, 'Dmitry Peskov told reporters');
  await page.keyboard.press('Shift+H');
  const note = panel.getByRole('textbox', { name: 'Note on this highlight' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Peskov speaks for Putin: check the zeppelin rumour');
  await page.keyboard.press('Control+Enter');
  await expect(panel.getByText('Peskov speaks for Putin: check the zeppelin rumour')).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(marksIn(page)).toHaveText(['Dmitry Peskov told reporters', 'Interfax news agency, quoting sources']);
  await shot(page, 'highlights-panel');

  // Clicking one in the panel brings it into view in the article.
  await panel.getByRole('button', { name: /Highlight: Interfax/ }).click();
  await expect(panel.locator('.highlight-item.active')).toContainText('Interfax');

  // 3. Re-extract the clip: both highlights are still there, in the panel and in the article.
  await page.locator('.clip-list [role=option]', { hasText: TITLE }).click({ button: 'right' });
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitem', { name: 'Re-extract' }).click();
  await expect(page.getByRole('status')).toContainText(/Re-extracted/);
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(marksIn(page)).toHaveText(['Dmitry Peskov told reporters', 'Interfax news agency, quoting sources']);
  await expect(panel.getByText('Detached')).toHaveCount(0);

  // 4. A word of the note finds the clip, and the hit says it is in the note.
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('zeppelin');
  const results = page.getByRole('listbox', { name: /Search results/ });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first().locator('.search-hit-highlight')).toContainText('Your note:');
  await expect(results.getByRole('option').first().locator('.search-hit-highlight mark')).toHaveText('zeppelin');
  // has:highlights narrows to clips with highlights.
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('has:highlights');
  await expect(results.getByRole('option')).toHaveCount(1);
  await shot(page, 'highlights-search');

  // 5. Deleting one offers Undo, which brings it back.
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
  await page.locator('.clip-list [role=option]', { hasText: TITLE }).click();
  await panel.locator('.highlight-item', { hasText: 'Interfax' }).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(marksIn(page)).toHaveCount(2);
});
