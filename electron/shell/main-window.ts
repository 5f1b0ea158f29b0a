// The one window, locked down: no Node in the page, a sandboxed renderer with only the
// preload's bridge, no navigation away from the app, no new windows, no permissions but the
// one the app uses, nothing loaded from the network.
import { BrowserWindow, Menu, net, protocol, screen, session, shell, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.ts';
import { isSafeExternalUrl } from '../handlers/handler-table.ts';
import { MIN_SIZE, placeWindow, type WindowState } from './window-state.ts';

export const APP_ORIGIN = 'app://cuttings';
export const APP_SCHEME = 'app';
export const START_URL = `${APP_ORIGIN}/index.html`;

/** Registered before the app is ready: the renderer gets a real, secure origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** app://cuttings/… serves the built renderer, with its CSP, and nothing outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'cuttings') return new Response('Not found', { status: 404 });
    let file = path.resolve(rendererDir, '.' + path.posix.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    const res = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

/** Copy Citation writes to the clipboard; no other permission is ever granted. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);
const fromApp = (url: string | undefined) => !!url && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));

export function lockDownSession(): void {
  const s = session.defaultSession;
  // An article's remote image would tell its site who reads what.
  s.webRequest.onBeforeRequest((details, callback) => {
    const u = details.url;
    const ok = u.startsWith(`${APP_ORIGIN}/`) || u.startsWith('data:') || u.startsWith('blob:') || u === 'about:srcdoc' || u === 'about:blank' || u.startsWith('devtools:');
    callback({ cancel: !ok });
  });
  s.setPermissionRequestHandler((wc, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission) && fromApp(wc.getURL())));
  s.setPermissionCheckHandler((_wc, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && fromApp(requestingOrigin));
}

/** Every web contents, the reader's frames included: no navigation, no windows, no webviews. */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link clicked in an article opens in the system browser, and only if it is http(s).
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export interface WindowOptions {
  preload: string;
  icon: string;
  saved: WindowState | null;
  devTools: boolean;
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const placed = placeWindow(opts.saved, areas);
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Cuttings',
    show: false,
    ...(process.platform === 'linux' && fs.existsSync(opts.icon) ? { icon: opts.icon } : {}),
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Spell-checking dictionaries are downloaded from the network.
      spellcheck: false,
      devTools: opts.devTools,
    },
  });
  if (placed.maximized) win.maximize();
  if (placed.fullScreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());
  guardContents(win.webContents);
  // Text fields get the usual Cut / Copy / Paste menu; selected text, Copy.
  win.webContents.on('context-menu', (_e, params) => {
    if (params.isEditable) Menu.buildFromTemplate([{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }]).popup({ window: win });
    else if (params.selectionText.trim()) Menu.buildFromTemplate([{ role: 'copy' }]).popup({ window: win });
  });
  void win.loadURL(START_URL);
  return win;
}

/** What to remember of the window: its size and place when not maximised, and whether it was. */
export function windowState(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}

/** Only our own window's top frame, showing our own page, may call the Api. */
export function isTrustedSender(win: BrowserWindow | null, event: { sender?: unknown; senderFrame?: { url: string } | null }): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  return !!frame && frame === win.webContents.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}
