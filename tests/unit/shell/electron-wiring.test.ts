// Wiring check of the desktop shell: loads the BUILT main process (the file package.json's
// `main` names) and the built preload under Node, with a recording stand-in for the `electron`
// module (recording-electron.cjs), on a real temporary library. It catches a wrong entry point,
// a missing preload or renderer, an Api method that IPC does not reach, a window that is not
// locked down. It does not replace the real desktop test (tests/electron/), which needs an
// Electron binary and a display. `npm test` builds the shell before it runs.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, IPC_CHANNEL, type CuttingsBridge } from '../../../electron/api.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const standIn = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recording-electron.cjs');
const seed = path.resolve(root, '..', 'shared', 'corpus', 'seed', 'guardian-ng-maduro-russia.txt');
const require = createRequire(import.meta.url);

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
type IpcHandler = (event: unknown, method: unknown, args: unknown) => Promise<Reply>;
interface StandInWindow {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  webContents: { mainFrame: { url: string }; sent: unknown[][]; windowOpenHandler: ((d: { url: string }) => { action: string }) | null; emit(e: string, ...a: unknown[]): boolean };
  progress: number[];
  close(): void;
}
interface MenuItem { label?: string; role?: string; submenu?: MenuItem[]; click?: () => void; accelerator?: string }
interface Recording {
  schemes: { schemes: { scheme: string; privileges: Record<string, boolean> }[]; beforeReady: boolean }[];
  windows: StandInWindow[];
  ipcHandlers: Map<string, IpcHandler>;
  ipcListeners: Map<string, unknown>;
  protocolHandlers: Map<string, (req: Request) => Promise<Response>>;
  applicationMenus: { template: MenuItem[]; items: MenuItem[] }[];
  popups: unknown[];
  dialogs: { kind: string; args: unknown[] }[];
  dialogAnswers: unknown[];
  errorBoxes: { title: string; content: string }[];
  session: { beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null; permissionRequest: unknown; permissionCheck: ((wc: unknown, permission: string, origin: string) => boolean) | null };
  exposed: { cuttings?: CuttingsBridge };
  quits: number;
  exitCode: number | null;
  popupPick: number | null;
}
interface StandIn {
  record: Recording;
  app: { becomeReady(): void; quit(): void; emit(e: string, ...a: unknown[]): boolean };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-wiring-'));
const libraryDir = path.join(tmp, 'library');
let electron: StandIn;
let rec: Recording;
let mainPath: string;
let win: StandInWindow;
let call: (method: string, args: unknown, event?: unknown) => Promise<Reply>;
const saved = { argv: process.argv, env: { ...process.env } };
const originalResolve = (Module as unknown as { _resolveFilename: (...a: unknown[]) => string })._resolveFilename;

async function until<T>(what: string, get: () => T | undefined | null | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main?: string };
  mainPath = path.resolve(root, pkg.main ?? 'index.js');
  // Every `require('electron')` of the built files gets the recording stand-in.
  (Module as unknown as { _resolveFilename: (...a: unknown[]) => string })._resolveFilename = function (request: unknown, ...rest: unknown[]) {
    if (request === 'electron') return standIn;
    return originalResolve.call(this, request, ...rest);
  };
  electron = require(standIn) as StandIn;
  rec = electron.record;
  process.env.CUTTINGS_USER_DATA = path.join(tmp, 'user-data');
  process.env.CUTTINGS_LIBRARY = libraryDir;
  // As `electron APP_DIR FILE` starts it when a file is opened with Cuttings.
  process.argv = [process.execPath, root, seed];
  if (fs.existsSync(mainPath)) require(mainPath);
});

afterAll(async () => {
  (Module as unknown as { _resolveFilename: unknown })._resolveFilename = originalResolve;
  process.argv = saved.argv;
  process.env = saved.env;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the built main process, under a recording stand-in for electron', () => {
  it("package.json's main names the built main process", () => {
    expect(fs.existsSync(mainPath), `package.json "main" is ${path.relative(root, mainPath)}, which does not exist (npm run build:electron makes out/electron/main.cjs)`).toBe(true);
    expect(path.relative(root, mainPath)).toBe(path.join('out', 'electron', 'main.cjs'));
  });

  it('registers the app:// scheme as privileged before the app is ready', () => {
    const app = rec.schemes.flatMap((r) => r.schemes.map((s) => ({ ...s, beforeReady: r.beforeReady }))).find((s) => s.scheme === 'app');
    expect(app).toBeDefined();
    expect(app!.beforeReady).toBe(true);
    expect(app!.privileges).toMatchObject({ standard: true, secure: true });
  });

  it('opens exactly one window, locked down, once ready', async () => {
    expect(rec.windows).toHaveLength(0);
    electron.app.becomeReady();
    win = await until('the window', () => rec.windows[0]);
    await until('the IPC handler', () => rec.ipcHandlers.size > 0);
    expect(rec.errorBoxes).toEqual([]);
    expect(rec.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(win.webContents.mainFrame.url).toBe('app://cuttings/index.html');
  });

  it("loads a preload that exists in the build, and the renderer's index.html through app://", async () => {
    const preload = String(win.options.webPreferences.preload);
    expect(fs.existsSync(preload), `preload ${preload}`).toBe(true);
    const handler = rec.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler!(new Request('app://cuttings/index.html'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<div id="root">/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    // Its script is there too, and nothing outside the renderer's folder is served.
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await handler!(new Request(`app://cuttings/${script}`))).status).toBe(200);
    const escape = await (await handler!(new Request('app://cuttings/..%2f..%2fpackage.json'))).text();
    expect(escape).not.toMatch(/"name": "cuttings"/);
  });

  it('registers one IPC channel, and through it every Api method reaches the handler table', async () => {
    expect([...rec.ipcHandlers.keys()]).toEqual([IPC_CHANNEL]);
    expect(rec.ipcListeners.size).toBe(0);
    const handler = rec.ipcHandlers.get(IPC_CHANNEL)!;
    const fromWindow = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    call = (method, args, event = fromWindow) => handler(event, method, args);
    for (const method of API_METHODS) {
      const reply = await call(method, { notAnArgument: 1 });
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect((reply as { error: { message: string } }).error.message, method).toMatch(/notAnArgument is not a known argument/);
    }
    expect(await call('noSuchMethod', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no Api method/i) } });
    const info = await call('libraryInfo', {});
    expect(info).toMatchObject({ ok: true, result: { shell: 'electron', path: libraryDir } });
  });

  it('refuses calls from anything but the window, and paths handed over by the page', async () => {
    const stranger = { sender: {}, senderFrame: { url: 'app://cuttings/index.html' } };
    expect(await call('libraryInfo', {}, stranger)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const subFrame = { sender: win.webContents, senderFrame: { url: 'app://cuttings/index.html' } };
    expect(await call('libraryInfo', {}, subFrame)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const stolen = await call('importPaths', { paths: [path.join(os.homedir(), '.ssh', 'id_rsa')] });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/drop|choose/) } });
    expect(await call('importDropped', { paths: ['relative/file.html'] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('imports a file it was opened with ("Open With"), and search finds it with a typo', async () => {
    const found = await until('the seed in the library', () => {
      void call('search', { q: 'madurro', limit: 5 }).then((r) => (lastSearch = r));
      return lastSearch?.ok && (lastSearch.result as { total: number }).total > 0 ? lastSearch : null;
    });
    const hits = (found as { result: { hits: { title: string }[] } }).result.hits;
    expect(hits[0].title).toMatch(/Maduro/);
    // The window was told, so it shows the import as it runs.
    expect(win.webContents.sent.some((m) => m[0] === 'cuttings:event' && m[1] === 'import-started')).toBe(true);
  });

  it('exposes only the Api, its events and the desktop calls through the preload, wired to the same channel', async () => {
    require(String(win.options.webPreferences.preload));
    const bridge = rec.exposed.cuttings!;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'desktop', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
    expect((await bridge.api.libraryInfo({})).shell).toBe('electron');
    // A path typed by a script in the page is refused; a File from a user's drop is imported.
    await expect(bridge.api.importPaths({ paths: ['/etc/passwd'] })).rejects.toThrow(/drop|choose/);
    await expect(bridge.desktop!.importFiles([{ name: 'made-by-a-script.html' } as unknown as File])).rejects.toThrow(/Nothing to import/);
    const sample = path.join(root, 'resources', 'samples', 'northern-ledger-rail-fares.html');
    const job = await bridge.desktop!.importFiles([{ name: 'northern-ledger-rail-fares.html', standInPath: sample } as unknown as File]);
    expect(job?.jobId).toBeTruthy();
    const done = await until('the import result', () => {
      void bridge.api.importResult({ jobId: job!.jobId }).then((r) => (lastResult = r));
      return lastResult;
    });
    expect(done.added).toBe(1);
  });

  it('shows a native context menu for the window and answers the choice', async () => {
    rec.popupPick = 1;
    const chosen = await rec.exposed.cuttings!.desktop!.popupMenu([
      { id: 'open', label: 'Open Original' },
      { id: 'star', label: 'Star' },
    ]);
    expect(chosen).toBe('star');
  });

  it('exports where the user chooses in a native save dialog, and nothing when cancelled', async () => {
    const out = path.join(tmp, 'clips.csv');
    rec.dialogAnswers.push({ canceled: false, filePath: out });
    const done = await rec.exposed.cuttings!.desktop!.exportTo({ format: 'csv' });
    expect(done).toMatchObject({ output: out });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/Kremlin says Venezuela/);
    rec.dialogAnswers.push({ canceled: true });
    expect(await rec.exposed.cuttings!.desktop!.exportTo({ format: 'json' })).toBeNull();
  });

  it('builds the application menu with the File, Edit, View, Window and Help menus', () => {
    const menu = rec.applicationMenus.at(-1)!;
    const labels = menu.template.map((m) => (m.label ?? m.role ?? '').replace('&', ''));
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    const file = menu.template.find((m) => m.label === '&File')!.submenu!.map((i) => i.label).filter(Boolean);
    expect(file).toEqual(expect.arrayContaining(['Import Files…', 'Import Folder…', 'Export…', 'Back Up Library…', 'Open Library Folder', 'Switch Library…', 'Recent Libraries']));
    // Import Files… opens the native dialog; what the user picks is imported.
    rec.dialogAnswers.push({ canceled: false, filePaths: [path.join(root, 'resources', 'samples', 'meridian-times-solar-cooperative.html')] });
    menu.items.find((i) => i.label === 'Import Files…')!.click!();
    expect(rec.dialogs.at(-1)?.kind).toBe('open');
  });

  it('keeps the network and permissions shut', () => {
    const cancelled = (url: string) => {
      let out: boolean | undefined;
      rec.session.beforeRequest!({ url }, (r) => (out = r.cancel));
      return out;
    };
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
    expect(cancelled('app://cuttings/assets/index.js')).toBe(false);
    expect(rec.session.permissionCheck!(null, 'geolocation', 'app://cuttings')).toBe(false);
    expect(rec.session.permissionCheck!(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('shows a re-extraction of the library on the taskbar, and takes the bar away when it ends', async () => {
    const sentBefore = win.webContents.sent.length;
    const progressBefore = win.progress.length;
    const { jobId } = await rec.exposed.cuttings!.api.reextractClips({ all: true });
    const finished = () => win.webContents.sent.slice(sentBefore).find((m) => m[1] === 'reextract-finished' && (m[2] as { jobId: string }).jobId === jobId)?.[2] as { failed: number } | undefined;
    await until('the re-extraction to end', () => finished() !== undefined);
    expect(finished()!.failed).toBe(0);
    const shown = win.progress.slice(progressBefore);
    expect(shown.some((v) => v >= 0 && v <= 1)).toBe(true);
    expect(shown.at(-1)).toBe(-1);
  });

  it('shows import progress on the taskbar; quitting mid-import asks, stops it, then closes the library', async () => {
    // A drop of 150 real saved pages, through the preload as a user's drop arrives.
    const folder = path.join(tmp, 'drop');
    const src = path.resolve(root, '..', 'shared', 'corpus', 'extraction', 'dev', 'aeb', 'html');
    fs.mkdirSync(folder);
    for (const f of fs.readdirSync(src).filter((n) => n.endsWith('.html.gz')).sort().slice(0, 150)) {
      fs.writeFileSync(path.join(folder, f.replace(/\.gz$/, '')), zlib.gunzipSync(fs.readFileSync(path.join(src, f))));
    }
    const sentBefore = win.webContents.sent.length;
    const job = await rec.exposed.cuttings!.desktop!.importFiles([{ name: 'drop', standInPath: folder } as unknown as File]);
    const progressOf = () => win.webContents.sent.slice(sentBefore).filter((m) => m[1] === 'import-progress' && (m[2] as { jobId: string }).jobId === job!.jobId);
    const finished = () => win.webContents.sent.slice(sentBefore).find((m) => m[1] === 'import-finished' && (m[2] as { jobId: string }).jobId === job!.jobId)?.[2] as { cancelled: boolean; added: number } | undefined;
    await until('progress of the drop', () => progressOf().some((m) => (m[2] as { done: number }).done > 0) || finished());
    if (finished()) throw new Error('The 150-page import finished before the test could quit in the middle of it.');
    expect(win.progress.some((v) => v > 0 && v < 1)).toBe(true);

    // "Keep Importing": nothing closes.
    const dialogsBefore = rec.dialogs.length;
    rec.dialogAnswers.push({ response: 1 });
    electron.app.quit();
    await until('the question', () => rec.dialogs.length > dialogsBefore);
    const question = rec.dialogs.at(-1)!;
    expect(question.kind).toBe('message');
    expect((question.args.at(-1) as { message: string }).message).toMatch(/An import is running: stop it and quit\?/);
    await new Promise((r) => setTimeout(r, 100));
    expect(rec.quits).toBe(0);

    // "Stop and Quit": the import stops first, then the library closes, then the app quits.
    rec.dialogAnswers.push({ response: 0 });
    electron.app.quit();
    await until('the app to quit', () => rec.quits > 0);
    const summary = finished();
    expect(summary?.cancelled).toBe(true);
    expect(summary!.added).toBeLessThan(150);
    expect(rec.exitCode).toBeNull();
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(path.join(libraryDir, 'library.sqlite'));
    expect(db.prepare('PRAGMA integrity_check').pluck().get() as string).toBe('ok');
    // Every clip stored is whole: it has its text and its original.
    const clips = db.prepare("SELECT body_text, original_path FROM clips").all() as { body_text: string; original_path: string }[];
    expect(clips.length).toBeGreaterThanOrEqual(2);
    for (const c of clips) {
      expect(c.body_text.length).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(libraryDir, c.original_path))).toBe(true);
    }
    db.close();
  });
});

let lastSearch: Reply | undefined;
let lastResult: { added: number } | null | undefined;
