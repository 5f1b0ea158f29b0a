// The desktop app as a user meets it: the real Electron binary, the real window, the real
// preload and IPC. It opens the app with the seed article on its command line, as "Open With
// Cuttings" does, finds it with a misspelt search, reads it, and quits. Skipped, saying why,
// where Electron cannot run (no binary, no display, or no better-sqlite3 build for Electron's ABI).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript helper shared with `npm start`
import { whyNoElectron } from '../../scripts/electron-status.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = path.resolve(root, '..', 'shared', 'corpus', 'seed', 'guardian-ng-maduro-russia.txt');
const nativeBuild = path.join(root, 'native', 'electron', 'better_sqlite3.node');

const why: string | null = (whyNoElectron() as string | null) ?? (fs.existsSync(nativeBuild) ? null : 'better-sqlite3 has not been built for Electron (npm run build:electron-native)');

if (why) console.log(`The Electron test is skipped: Electron cannot run here (${why}).`);

test.describe('the desktop app', () => {
  test.skip(!!why, `Electron cannot run here: ${why}`);

  let app: ElectronApplication;
  let tmp: string;

  test.beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  });

  test.beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-electron-'));
    // Its own library and its own settings: a Cuttings the developer has open is left alone
    // (and does not take the files over as the single instance).
    app = await electron.launch({
      args: [root, seed],
      env: { ...process.env, CUTTINGS_LIBRARY: path.join(tmp, 'library'), CUTTINGS_USER_DATA: path.join(tmp, 'user-data') },
    });
  });

  test.afterEach(async () => {
    await app?.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('opens a file it was started with, finds it by a misspelt word, reads it, and quits cleanly', async () => {
    const win = await app.firstWindow();
    await expect(win).toHaveURL(/^app:\/\/cuttings\//);

    // No Node in the page: contextIsolation + sandbox + no nodeIntegration leave only the bridge.
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((window as unknown as { cuttings: object }).cuttings).sort())).toEqual(['api', 'desktop', 'on']);
    // A path the page makes up is refused: only dropped, chosen or opened files are imported.
    const refused = await win.evaluate(() =>
      (window as unknown as { cuttings: { api: { importPaths(a: object): Promise<unknown> } } }).cuttings.api
        .importPaths({ paths: ['/etc/hostname'] })
        .then(() => 'imported', (e: Error) => e.message),
    );
    expect(refused).toMatch(/drop|choose/i);

    // The seed, handed over on the command line, is imported into the library.
    await expect(win.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: /Maduro/ })).toBeVisible({ timeout: 60_000 });
    // The window shows the summary when it was up in time to see the import start.
    const summary = win.getByRole('dialog', { name: /Import finished/i });
    if (await summary.isVisible()) {
      await expect(summary).toContainText(/1\s*added/);
      await summary.getByRole('button', { name: 'Done' }).click();
    }

    const box = win.getByRole('searchbox', { name: 'Search clips' });
    await box.click();
    await box.pressSequentially('madurro', { delay: 30 });
    await box.press('Enter');
    const hit = win.getByRole('listbox', { name: /Search results for madurro/i }).getByRole('option', { name: /Maduro/ });
    await expect(hit).toBeVisible();
    await expect(win.getByRole('status').filter({ hasText: 'Showing results for' })).toContainText(/maduro/i);

    await hit.click();
    const reader = win.getByRole('article', { name: 'Reader' });
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('Kremlin says Venezuela’s Maduro to visit Russia');
    await expect(reader).toContainText('20 September 2019');
    await expect(win.frameLocator('iframe.article-frame').locator('body')).toContainText('Kremlin');

    // Navigation away from the app is refused.
    const before = win.url();
    await win.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toBe(before);

    // Quit as the menu does; the app closes its library and exits on its own.
    const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
    // The process may be gone before the evaluation answers.
    await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
    expect(await exited).toBe(0);
    // The library was closed whole: its write-ahead log was folded back into the file.
    expect(fs.existsSync(path.join(tmp, 'library', 'library.sqlite-wal'))).toBe(false);
    const settings = JSON.parse(fs.readFileSync(path.join(tmp, 'user-data', 'settings.json'), 'utf8')) as { window: { bounds: { width: number } } | null };
    expect(settings.window?.bounds.width).toBeGreaterThan(0);
  });
});
