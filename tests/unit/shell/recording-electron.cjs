// A recording stand-in for the `electron` module, for the shell's wiring check only: it lets
// the built main process and preload run under plain Node, records what they ask of Electron
// (windows, schemes, IPC channels, menus, dialogs, progress) and lets the test play the user
// (ready, a menu click, a dialog answer, quit). It implements no behaviour of Cuttings itself.
'use strict';
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const record = {
  /** Each registerSchemesAsPrivileged call, with whether the app was ready at the time. */
  schemes: [],
  windows: [],
  /** ipcMain.handle channels → handler. */
  ipcHandlers: new Map(),
  /** ipcMain.on channels (the shell should use none). */
  ipcListeners: new Map(),
  protocolHandlers: new Map(),
  applicationMenus: [],
  popups: [],
  dialogs: [],
  /** Answers the next dialogs give, in order (default: cancelled / first button). */
  dialogAnswers: [],
  errorBoxes: [],
  opened: [],
  notifications: [],
  session: { beforeRequest: null, permissionRequest: null, permissionCheck: null },
  exposed: {},
  aboutPanel: null,
  quits: 0,
  exitCode: null,
  /** Index of the item a context menu's user picks (null: dismissed). */
  popupPick: null,
};

function preventable() {
  const e = { defaultPrevented: false, preventDefault() { e.defaultPrevented = true; } };
  return e;
}

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this._ready = false;
    this._paths = { userData: path.join(os.tmpdir(), 'cuttings-stand-in-userdata') };
    this.name = 'electron';
    this._readyPromise = new Promise((resolve) => (this._resolveReady = resolve));
    this.commandLine = { appendSwitch() {}, hasSwitch: () => false };
  }
  isReady() { return this._ready; }
  whenReady() { return this._readyPromise; }
  /** The test: Electron has finished starting. */
  becomeReady() {
    this._ready = true;
    this.emit('ready');
    this._resolveReady();
  }
  setName(n) { this.name = n; }
  getName() { return this.name; }
  getVersion() { return '0.0.0-stand-in'; }
  getPath(name) { return this._paths[name] ?? path.join(os.tmpdir(), `stand-in-${name}`); }
  setPath(name, value) { this._paths[name] = value; }
  requestSingleInstanceLock() { return true; }
  setAboutPanelOptions(o) { record.aboutPanel = o; }
  quit() {
    const e = preventable();
    this.emit('before-quit', e);
    if (e.defaultPrevented) return;
    record.quits++;
    this.emit('will-quit', preventable());
    this.emit('quit');
  }
  exit(code) { record.exitCode = code ?? 0; }
  focus() {}
}
const app = new App();

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.sent = [];
    this.mainFrame = { url: '' };
    this.windowOpenHandler = null;
  }
  send(channel, ...args) { this.sent.push([channel, ...args]); }
  setWindowOpenHandler(h) { this.windowOpenHandler = h; }
  getURL() { return this.mainFrame.url; }
  reload() { this.reloaded = (this.reloaded ?? 0) + 1; }
  isDestroyed() { return false; }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents(this);
    this.progress = [];
    this.destroyed = false;
    this.maximized = false;
    record.windows.push(this);
  }
  static getAllWindows() { return record.windows.filter((w) => !w.destroyed); }
  loadURL(url) {
    this.webContents.mainFrame.url = url;
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  show() { this.shown = true; }
  focus() {}
  restore() {}
  maximize() { this.maximized = true; }
  setFullScreen() {}
  isMinimized() { return false; }
  isVisible() { return !!this.shown; }
  isFocused() { return !!this.shown; }
  isMaximized() { return this.maximized; }
  isFullScreen() { return false; }
  isDestroyed() { return this.destroyed; }
  getNormalBounds() { const o = this.options; return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height }; }
  setProgressBar(v) { this.progress.push(v); }
  close() {
    const e = preventable();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

const ipcMain = {
  handle(channel, fn) { record.ipcHandlers.set(channel, fn); },
  removeHandler(channel) { record.ipcHandlers.delete(channel); },
  on(channel, fn) { record.ipcListeners.set(channel, fn); },
};

function clickable(template) {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? clickable(item.submenu) : [])]);
}
const Menu = {
  buildFromTemplate(template) {
    return {
      template,
      items: clickable(template),
      popup(options) {
        record.popups.push({ template, options });
        const pick = record.popupPick;
        setImmediate(() => {
          if (pick !== null && template[pick]?.click) template[pick].click();
          options?.callback?.();
        });
      },
    };
  },
  setApplicationMenu(menu) { record.applicationMenus.push(menu); },
};

const protocol = {
  registerSchemesAsPrivileged(schemes) { record.schemes.push({ schemes, beforeReady: !app._ready }); },
  handle(scheme, fn) { record.protocolHandlers.set(scheme, fn); },
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const net = {
  async fetch(url) {
    const file = fileURLToPath(url);
    return new Response(fs.readFileSync(file), { status: 200, headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' } });
  },
};

const session = {
  defaultSession: {
    webRequest: { onBeforeRequest(fn) { record.session.beforeRequest = fn; } },
    setPermissionRequestHandler(fn) { record.session.permissionRequest = fn; },
    setPermissionCheckHandler(fn) { record.session.permissionCheck = fn; },
  },
};

const nextAnswer = (fallback) => (record.dialogAnswers.length ? record.dialogAnswers.shift() : fallback);
const dialog = {
  async showOpenDialog(...args) { record.dialogs.push({ kind: 'open', args }); return nextAnswer({ canceled: true, filePaths: [] }); },
  async showSaveDialog(...args) { record.dialogs.push({ kind: 'save', args }); return nextAnswer({ canceled: true }); },
  async showMessageBox(...args) { record.dialogs.push({ kind: 'message', args }); return nextAnswer({ response: 0 }); },
  showErrorBox(title, content) { record.errorBoxes.push({ title, content }); },
};

const shell = {
  async openPath(p) { record.opened.push({ openPath: p }); return ''; },
  async openExternal(url) { record.opened.push({ openExternal: url }); },
  showItemInFolder(p) { record.opened.push({ showItemInFolder: p }); },
};

class Notification {
  constructor(options) { this.options = options; }
  static isSupported() { return true; }
  show() { record.notifications.push(this.options); }
}

const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};

const nativeTheme = { themeSource: 'system' };

// Preload side: the renderer's half of the same IPC, delivered to the main process's handler
// as if from the window's top frame.
const ipcRenderer = {
  listeners: new Map(),
  async invoke(channel, ...args) {
    const handler = record.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const win = record.windows[0];
    return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, ...args);
  },
  on(channel, fn) { ipcRenderer.listeners.set(channel, fn); },
  removeListener(channel) { ipcRenderer.listeners.delete(channel); },
};
const contextBridge = { exposeInMainWorld(name, value) { record.exposed[name] = value; } };
/** A stand-in File from a user's drop carries its path; one a page script made has none. */
const webUtils = { getPathForFile: (file) => (file && typeof file.standInPath === 'string' ? file.standInPath : '') };

module.exports = {
  record, app, BrowserWindow, ipcMain, Menu, protocol, net, session, dialog, shell, Notification, screen, nativeTheme,
  ipcRenderer, contextBridge, webUtils,
};
