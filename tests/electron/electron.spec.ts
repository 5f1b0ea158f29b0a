// The desktop app as a user meets it: the real Electron binary, the real window, the real
// preload and IPC. Skipped, saying why, where Electron cannot run (no binary, no display, or
// no better-sqlite3 build for Electron's ABI).
import { _electron as electron, expect, test } from '@playwright/test';
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

test.describe('the Electron window', () => {
  test.skip(!!why, `Electron cannot run here: ${why}`);

  test('is locked down, speaks the Api over IPC, and imports the seed', async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    const library = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-electron-'));
    const app = await electron.launch({ args: [root], env: { ...process.env, CUTTINGS_LIBRARY: library } });
    try {
      const win = await app.firstWindow();
      // No Node in the page: contextIsolation + sandbox + no nodeIntegration leave only the bridge.
      expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');

      const info = await win.evaluate(() => (window as unknown as { cuttings: { api: { libraryInfo(a: object): Promise<{ shell: string }> } } }).cuttings.api.libraryInfo({}));
      expect(info.shell).toBe('electron');

      await win.evaluate(async (file) => {
        const api = (window as unknown as { cuttings: { api: { importPaths(a: object): Promise<{ jobId: string }> } } }).cuttings.api;
        await api.importPaths({ paths: [file] });
      }, seed);
      await expect(win.getByRole('option', { name: /Kremlin says Venezuela’s Maduro to visit Russia/ })).toBeVisible({ timeout: 30_000 });

      // Navigation away from the app is refused.
      const before = win.url();
      await win.evaluate(() => {
        location.href = 'https://example.com/';
      });
      await win.waitForTimeout(500);
      expect(win.url()).toBe(before);
    } finally {
      await app.close();
      fs.rmSync(library, { recursive: true, force: true });
    }
  });
});
