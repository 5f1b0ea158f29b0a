// Starts `cuttings serve` on a fresh temporary library and hands the test its URL; helpers
// to drop real files on the window the way a user's drag does (a DataTransfer of Files).
import { test as base, expect, type JSHandle, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpus = path.resolve(projectRoot, '../shared/corpus');
export const screenshotDir = path.join(projectRoot, 'test-results', 'screenshots');

export interface Server {
  url: string;
  origin: string;
  libraryDir: string;
  /** What the server printed on stderr, and how it ended if it has: shown when a test fails. */
  log(): string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'bin/cuttings.mjs'), 'serve', '--library', libraryDir, '--port', '0'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let ended = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.once('exit', (code, signal) => (ended = `cuttings serve exited (${signal ?? `code ${code}`})`));
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
    log: () => [stderr.trimEnd(), ended].filter(Boolean).join('\n'),
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
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a fixture needs from this destructuring; this one needs none
  server: async ({}, use, testInfo) => {
    const server = await startServer();
    await use(server);
    // A failure's cause may be on the server's side (a crash, an error it logged): keep it.
    if (testInfo.status !== testInfo.expectedStatus && server.log()) {
      await testInfo.attach('server log', { body: server.log(), contentType: 'text/plain' });
      console.error(`--- server log (${testInfo.title}) ---\n${server.log()}`);
    }
    await server.stop();
  },
});
export { expect };

/** Drops files on the window as a user's drag would: dragenter, dragover, drop with a DataTransfer of Files. */
export async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f).toString('base64') }));
  const dt = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      transfer.items.add(new File([bytes], it.name));
    }
    return transfer;
  }, payload);
  await dragAndDrop(page, dt);
}

/**
 * The drag events a hand makes, carrying `dt`: events go to whatever is under the pointer at
 * that moment — once the overlay shows, that is the overlay (the element below may have been
 * re-rendered away); the pointer moves a little, then lets go.
 */
async function dragAndDrop(page: Page, dt: JSHandle<DataTransfer>): Promise<void> {
  await page.evaluate(async (transfer) => {
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const under = () => document.querySelector('.drop-overlay') ?? document.querySelector('.list-column, .empty-main') ?? document.body;
    const fire = (type: string) => under().dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    fire('dragenter');
    fire('dragover');
    for (let i = 0; i < 40 && !document.querySelector('.drop-overlay'); i++) await wait(25);
    fire('dragover');
    await wait(30);
    fire('drop');
  }, dt);
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/**
 * Drops files from disk on the window. For large drops: the bytes reach the page through a
 * file input (Playwright hands the browser the files themselves, not megabytes of base64
 * through the protocol), then the same drag events a hand makes carry them to the window.
 */
export async function dropFromDisk(page: Page, files: string[]): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'e2e-drop-source';
    input.hidden = true;
    document.body.appendChild(input);
  });
  await page.locator('#e2e-drop-source').setInputFiles(files);
  const dt = await page.evaluateHandle(() => {
    const input = document.getElementById('e2e-drop-source') as HTMLInputElement;
    const transfer = new DataTransfer();
    for (const f of Array.from(input.files ?? [])) transfer.items.add(f);
    input.remove();
    return transfer;
  });
  await dragAndDrop(page, dt);
}

/** Drops files and waits for the import summary, then closes it. */
export async function importFiles(page: Page, files: string[]): Promise<void> {
  await dropFromDisk(page, files);
  const summary = page.getByRole('dialog', { name: /import finished/i });
  await expect(summary).toBeVisible({ timeout: 80_000 });
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(summary).toBeHidden();
}

/** Starts on an empty library and loads the bundled sample clippings (8, one of them undated). */
export async function loadSamples(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Load sample clippings' }).click();
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list).toHaveAttribute('data-total', '8', { timeout: 60_000 });
  // The import is over (no progress bar) and the list has taken its last refresh.
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
  await page.waitForTimeout(400);
}

/** Real saved web pages from the extraction corpus, gunzipped into `dir` (the first `n`, in name order). */
export function corpusPages(dir: string, n: number, dataset = 'aeb'): string[] {
  const src = path.join(corpus, 'extraction/dev', dataset, 'html');
  fs.mkdirSync(dir, { recursive: true });
  return fs
    .readdirSync(src)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .slice(0, n)
    .map((f, i) => {
      // Numbered: some names share their first characters (several pages of one site).
      const out = path.join(dir, `${dataset}-${String(i).padStart(3, '0')}-${f.slice(0, 12).replace(/[^\w.-]+/g, '_')}.html`);
      fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(path.join(src, f))));
      return out;
    });
}

/** The list's rows as the user reads them (accessible names), in order. */
export async function rowTitles(page: Page): Promise<string[]> {
  const names = await page.locator('.clip-list [role=option]').evaluateAll((els) =>
    els
      .map((e) => ({ y: Number(/translateY\((\d+)/.exec((e as HTMLElement).style.transform)?.[1] ?? 0), name: e.getAttribute('aria-label') ?? '' }))
      .sort((a, b) => a.y - b.y)
      .map((e) => e.name),
  );
  return names;
}
