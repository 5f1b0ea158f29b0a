// The Electron shell: one window, a menu, dialogs, and IPC wired to the same handler table
// as browser mode and the CLI. Thin on purpose: everything else is in library/, search/,
// import/ and handlers/, which are tested without Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiEventName } from './api.ts';
import { dispatch, toApiError } from './handlers/dispatch.ts';
import { EventBus } from './handlers/event-bus.ts';
import { createHandlers, isSafeExternalUrl, type Handlers } from './handlers/handler-table.ts';
import { defaultLibraryDir } from './library/library-location.ts';
import { openLibrary, type Library } from './library/open-library.ts';
import { keepSearchWarm } from './handlers/warm-search.ts';
import { CONTENT_SECURITY_POLICY } from './server.ts';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/electron
const root = path.resolve(here, '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');
const nativeBinding = path.join(root, 'native', 'electron', 'better_sqlite3.node');
const APP_ORIGIN = 'app://cuttings';

app.setName('Cuttings');
// The renderer is served from a privileged custom scheme, so it gets a real origin and our CSP.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;
let library: Library | null = null;
let handlers: Handlers | null = null;
const events = new EventBus();

function fail(message: string): never {
  dialog.showErrorBox('Cuttings cannot start', message);
  app.exit(1);
  throw new Error(message);
}

function openTheLibrary(): Library {
  if (!fs.existsSync(nativeBinding)) {
    fail('The database engine has not been built for Electron yet. In the Cuttings folder run `npm run build:electron-native`, then start Cuttings again.');
  }
  try {
    return openLibrary(process.env.CUTTINGS_LIBRARY ?? defaultLibraryDir(), { nativeBinding });
  } catch (e) {
    return fail((e as Error).message);
  }
}

/** Only our own window's top frame may call the Api. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  return !!win && event.sender === win.webContents && !!event.senderFrame && event.senderFrame.url.startsWith(`${APP_ORIGIN}/`) && event.senderFrame === win.webContents.mainFrame;
}

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname);
    let file = path.resolve(rendererDir, '.' + path.posix.normalize(rel));
    if (!file.startsWith(rendererDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    const res = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDownSession(): void {
  // The app loads nothing from the network: an article's remote image would tell its site who reads what.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url === 'about:srcdoc' || details.url === 'about:blank';
    callback({ cancel: !ok });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'Cuttings',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win?.show());
  const contents = win.webContents;
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link clicked in an article opens in the system browser, and only if it is http(s).
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  win.on('closed', () => {
    win = null;
  });
}

async function chooseAndImport(): Promise<void> {
  if (!win || !handlers) return;
  const res = await dialog.showOpenDialog(win, {
    title: 'Import saved articles',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [
      { name: 'Saved articles', extensions: ['html', 'htm', 'mhtml', 'mht', 'txt', 'md', 'pdf', 'eml', 'docx', 'odt', 'webarchive', 'json', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (!res.canceled && res.filePaths.length) await handlers.api.importPaths({ paths: res.filePaths });
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndImport() },
        {
          label: 'Export Library…',
          accelerator: 'CmdOrCtrl+Shift+E',
          click: async () => {
            if (!win || !handlers) return;
            const res = await dialog.showSaveDialog(win, { title: 'Export clips', defaultPath: 'cuttings-export.json' });
            if (res.canceled || !res.filePath) return;
            fs.writeFileSync(res.filePath, JSON.stringify(await handlers.api.exportClips({}), null, 2));
          },
        },
        { label: 'Show Library Folder', click: () => library && void shell.openPath(library.dir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function wireIpc(): void {
  ipcMain.handle('cuttings:call', async (event, method: unknown, args: unknown) => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: 'Refused: the call did not come from the Cuttings window.' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad-request', message: 'The method name must be text.' } };
    try {
      return { ok: true, result: await dispatch(handlers!.api, method, args) };
    } catch (e) {
      const err = toApiError(e);
      return { ok: false, error: { code: err.code, message: err.message } };
    }
  });
  events.subscribe((event: ApiEventName, payload) => win?.webContents.send('cuttings:event', event, payload));
}

void app.whenReady().then(() => {
  library = openTheLibrary();
  handlers = createHandlers({
    library,
    events,
    shell: 'electron',
    samplesDir: path.join(root, 'resources', 'samples'),
    openPath: async (p) => (await shell.openPath(p)) === '',
    openExternalUrl: async (url) => {
      if (!isSafeExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
  });
  serveRenderer();
  lockDownSession();
  wireIpc();
  buildMenu();
  createWindow();
  keepSearchWarm(library, events);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('web-contents-created', (_e, contents) => {
  // Covers frames and any contents we did not create ourselves.
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void handlers?.dispose();
  library?.close();
});
