// A team library as two members meet it: a real PostgreSQL, a hub (`cuttings hub`), two
// members' libraries each served to its own window. Ana shares her library from the Team
// library dialog, Ben joins with his token and receives her clips; Ana corrects a headline and
// Ben's window shows it; Ben finds the headline it replaced in the clip's History and restores
// it, and Ana's window follows.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { expect, loadSamples, projectRoot, shot, startServer, test, type Server } from './fixtures.ts';

const CLI = path.join(projectRoot, 'bin/cuttings.mjs');
const SOLAR = 'Villagers build their own solar farm — and sell the power back';
const CORRECTED = 'Villagers open a solar cooperative in Brackenfield';

let pg: TestPostgres;
let hub: ChildProcess;
let hubUrl = '';
let database = '';

test.beforeAll(async () => {
  pg = await startPostgres();
  database = pg.createDatabase('team_e2e');
  hub = spawn(process.execPath, [CLI, 'hub', '--database', database, '--port', '0'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  hub.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  hubUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the hub printed no address.\n${err}`)), 30_000);
    hub.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Cuttings hub at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
});

test.afterAll(async () => {
  hub?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  pg?.remove();
});

function addMember(name: string): string {
  const out = execFileSync(process.execPath, [CLI, 'hub', 'add-member', name, '--database', database], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.trim().split('\n').pop()!.trim();
}

async function connect(page: Page, token: string) {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Team Library…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Team library' });
  await dialog.getByRole('textbox', { name: 'Hub address' }).fill(hubUrl);
  await dialog.getByLabel('Member token').fill(token);
  return dialog;
}

test('two members share a library through a hub, an edit travels, and the value it replaced can be restored', async ({ page, server, browser }) => {
  const anaToken = addMember('Ana Ruiz');
  const benToken = addMember('Ben Okafor');
  let ben: Server | null = null;
  try {
    // Ana shares her library.
    await loadSamples(page, server.url);
    const dialog = await connect(page, anaToken);
    await shot(page, 'team-connect');
    await dialog.getByRole('button', { name: 'Connect and Share' }).click();
    await expect(dialog.getByText('Ana Ruiz · can edit')).toBeVisible();
    await expect(dialog.locator('.team-state')).toContainText('Synced', { timeout: 60_000 });
    await shot(page, 'team-connected');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const anaStatus = page.getByRole('button', { name: /^Team library: Synced/ });
    await expect(anaStatus).toBeVisible();

    // Ben joins with an empty library and receives the eight clips.
    ben = await startServer();
    const benPage = await browser.newPage();
    await benPage.goto(ben.url);
    // An empty library offers to join a team where it offers the samples.
    await benPage.getByRole('button', { name: 'Join a team library…' }).click();
    const benDialog = benPage.getByRole('dialog', { name: 'Team library' });
    await benDialog.getByRole('textbox', { name: 'Hub address' }).fill(hubUrl);
    await benDialog.getByLabel('Member token').fill(benToken);
    await benDialog.getByRole('button', { name: 'Connect and Share' }).click();
    await expect(benDialog.getByText('Ben Okafor · can edit')).toBeVisible();
    await benDialog.getByRole('button', { name: 'Done' }).click();
    const benList = benPage.getByRole('listbox', { name: 'Clips' });
    await expect(benList).toHaveAttribute('data-total', '8', { timeout: 30_000 });
    await expect(benPage.getByRole('button', { name: /^Team library: / })).toBeVisible();

    // Ana corrects a headline; Ben's window shows it without anyone pressing anything.
    await page.locator('.clip-list [role=option]', { hasText: SOLAR }).click();
    await page.keyboard.press('e');
    const headline = page.getByRole('form', { name: 'Edit the record' }).getByRole('textbox', { name: 'Headline' });
    await expect(headline).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(CORRECTED);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(CORRECTED);
    await expect(benPage.locator('.clip-list [role=option]', { hasText: CORRECTED })).toBeVisible({ timeout: 30_000 });

    // Ben opens it: the History holds the headline Ana's edit replaced, and restoring it is a
    // new edit that reaches Ana too.
    await benPage.locator('.clip-list [role=option]', { hasText: CORRECTED }).click();
    const history = benPage.locator('.clip-history');
    await expect(history).toBeVisible();
    await history.locator('summary').click();
    const entry = history.getByRole('listitem').filter({ hasText: SOLAR });
    await expect(entry).toContainText('Headline');
    await shot(benPage, 'team-history');
    await entry.getByRole('button', { name: 'Restore' }).click();
    await expect(benPage.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(SOLAR);
    await expect(page.locator('.clip-list [role=option]', { hasText: SOLAR })).toBeVisible({ timeout: 30_000 });
    await shot(page, 'team-sidebar');
    await benPage.close();
  } finally {
    await ben?.stop();
  }
});
