// Starts `cuttings serve` on a fresh temporary library and hands the test its URL; helpers
// to drop real files on the window the way a user's drag does (a DataTransfer of Files).
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpus = path.resolve(projectRoot, '../shared/corpus');
export const screenshotDir = path.join(projectRoot, 'test-results', 'screenshots');

export interface Server {
  url: string;
  origin: string;
  libraryDir: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'bin/cuttings.mjs'), 'serve', '--library', libraryDir, '--port', '0'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cuttings serve printed no URL.\n${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Cuttings is serving at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cuttings serve exited (${code}).\n${stderr}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    libraryDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(libraryDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ server: Server }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
});
export { expect };

/** Drops files on the window as a user's drag would: dragenter, dragover, drop with a DataTransfer of Files. */
export async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f).toString('base64') }));
  await page.evaluate(async (items) => {
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const dt = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], it.name));
    }
    // Like a hand: events go to whatever is under the pointer at that moment — once the
    // overlay shows, that is the overlay (the element below may have been re-rendered away).
    const under = () => document.querySelector('.drop-overlay') ?? document.querySelector('.list-column, .empty-main') ?? document.body;
    const fire = (type: string) => under().dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    fire('dragenter');
    fire('dragover');
    for (let i = 0; i < 40 && !document.querySelector('.drop-overlay'); i++) await wait(25);
    fire('dragover');
    await wait(30);
    fire('drop');
  }, payload);
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}
