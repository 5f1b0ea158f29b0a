// The Electron shell: one window, the application menu, native dialogs, and the one IPC channel
// wired to the same handler table as browser mode and the CLI. Wiring only: the parts live in
// shell/ (plain functions, tested without Electron), library/, import/ and handlers/.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, Notification, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CHANNEL, IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL, type ExportFormat, type ExportRequest, type ImportProgress, type ImportSummary, type ReextractProgress, type ReextractSummary, type ReviewRequest, type ShellCommand } from './api.ts';
import { EventBus } from './handlers/event-bus.ts';
import { isSafeExternalUrl } from './handlers/handler-table.ts';
import { writeExport } from './export/index.ts';
import { reviewFileName, reviewSettings } from './export/review-request.ts';
import { autoBackupFolder, backUpIfDue } from './library/auto-backup.ts';
import { backUpLibrary } from './library/backup.ts';
import { appPaths, databaseBinding } from './shell/app-paths.ts';
import { importFinishedNotice, NO_PROGRESS, reextractFinishedNotice, taskbarProgress } from './shell/import-progress.ts';
import { createIpcCall, type ShellHandlers } from './shell/ipc-calls.ts';
import { pathsFromArgv } from './shell/launch-args.ts';
import { openLibrarySession, type LibrarySession } from './shell/library-session.ts';
import { createMainWindow, guardContents, isTrustedSender, lockDownSession, registerAppScheme, serveRenderer, windowState } from './shell/main-window.ts';
import { applicationMenuTemplate, contextMenuTemplate, type MenuActions } from './shell/menu-template.ts';
import { QuitGuard } from './shell/quit-guard.ts';
import { electronPrinter } from './shell/review-pdf.ts';
import { existingLibraries, rememberLibrary } from './shell/recent-libraries.ts';
import { loadSettings, saveSettings, type Settings } from './shell/settings.ts';

const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)));
// The extraction workers find the recogniser's model by this (electron/import/entity-model-env.ts).
process.env.CUTTINGS_ENTITY_MODEL ??= paths.entityModel;
const IMPORT_FILTERS = [
  { name: 'Saved articles', extensions: ['html', 'htm', 'mhtml', 'mht', 'txt', 'md', 'pdf', 'eml', 'docx', 'odt', 'webarchive', 'epub', 'json', 'zip'] },
  { name: 'All files', extensions: ['*'] },
];

app.setName('Cuttings');
// A second profile (a portable install, the desktop test) keeps its own settings and lock.
if (process.env.CUTTINGS_USER_DATA) app.setPath('userData', path.resolve(process.env.CUTTINGS_USER_DATA));
registerAppScheme();

const events = new EventBus();
let win: BrowserWindow | null = null;
let current: LibrarySession | null = null;
let settings: Settings;
/** Files handed over before the window could show their import ("Open With" at launch). */
const pending: string[] = [];
let windowLoaded = false;

const settingsFile = () => path.join(app.getPath('userData'), 'settings.json');
const persist = () => {
  try {
    saveSettings(settingsFile(), settings);
  } catch {
    // Settings are a convenience: failing to write them must not stop the app.
  }
};
const send = (command: ShellCommand) => win?.webContents.send(IPC_COMMAND_CHANNEL, command);
const notify = (message: string, error = false) => send({ command: 'notify', message, error });

function openSession(dir: string): LibrarySession {
  const binding = databaseBinding(paths);
  if (binding && !fs.existsSync(binding)) {
    throw new Error('The database engine has not been built for Electron yet. In the Cuttings folder run `npm run build:electron-native`, then start Cuttings again.');
  }
  const session = openLibrarySession(dir, events, {
    samplesDir: paths.samplesDir,
    openPath: async (p) => (await shell.openPath(p)) === '',
    openExternalUrl: async (url) => {
      if (!isSafeExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    revealPath: async (p) => {
      shell.showItemInFolder(p);
      return true;
    },
    printPdf: electronPrinter(),
  }, binding);
  settings.library = session.library.dir;
  settings.recentLibraries = rememberLibrary(settings.recentLibraries, session.library.dir);
  persist();
  return session;
}

async function importFromShell(files: string[]): Promise<{ jobId: string } | null> {
  const existing = files.filter((f) => fs.existsSync(f));
  if (!existing.length) return null;
  if (!current || !windowLoaded) {
    pending.push(...existing);
    return null;
  }
  return current.handlers.api.importPaths({ paths: existing });
}

async function chooseAndImport(kind: 'files' | 'folder'): Promise<{ jobId: string } | null> {
  const options: Electron.OpenDialogOptions = kind === 'folder'
    ? { title: 'Import a folder of saved articles', properties: ['openDirectory'] }
    : { title: 'Import saved articles', properties: ['openFile', 'multiSelections'], filters: IMPORT_FILTERS };
  const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return res.canceled ? null : importFromShell(res.filePaths);
}

async function askStopImport(question: string, action: string): Promise<boolean> {
  const options = { type: 'question' as const, message: question, detail: 'The files imported so far stay in the library.', buttons: [action, 'Keep Importing'], defaultId: 1, cancelId: 1 };
  const res = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return res.response === 0;
}

async function switchLibrary(dir: string): Promise<void> {
  if (!current || path.resolve(dir) === path.resolve(current.library.dir)) return;
  if (current.handlers.activeImports().length && !(await askStopImport('An import is running: stop it and switch library?', 'Stop and Switch'))) return;
  let next: LibrarySession;
  try {
    next = openSession(dir);
  } catch (e) {
    dialog.showErrorBox('Cannot open that library', (e as Error).message);
    return;
  }
  const previous = current;
  current = next;
  await previous.close();
  buildMenu();
  win?.webContents.reload();
}

const actions: MenuActions = {
  importFiles: () => void chooseAndImport('files'),
  importFolder: () => void chooseAndImport('folder'),
  // The window asks which clips and which format (its Export dialog), then calls exportTo.
  exportLibrary: () => send({ command: 'export' }),
  backUpLibrary: async () => {
    if (!current || !win) return;
    const res = await dialog.showOpenDialog(win, { title: 'Choose where to put the backup', buttonLabel: 'Back Up Here', properties: ['openDirectory', 'createDirectory'] });
    if (res.canceled || !res.filePaths[0]) return;
    try {
      const done = await backUpLibrary(current.library, res.filePaths[0]);
      notify(`Backed up ${done.clips.toLocaleString('en')} clips to “${path.basename(done.folder)}”.`);
    } catch (e) {
      notify(`The backup could not be made: ${(e as Error).message}`, true);
    }
  },
  toggleAutoBackup: () => {
    settings.autoBackup = { ...settings.autoBackup, enabled: !settings.autoBackup.enabled };
    persist();
    buildMenu();
    if (settings.autoBackup.enabled) void autoBackUp();
  },
  openLibraryFolder: () => current && void shell.openPath(current.library.dir),
  switchLibrary: async () => {
    if (!win) return;
    const res = await dialog.showOpenDialog(win, { title: 'Open or create a library', message: 'Choose a library folder, or an empty folder for a new library.', buttonLabel: 'Open Library', properties: ['openDirectory', 'createDirectory'] });
    if (!res.canceled && res.filePaths[0]) await switchLibrary(res.filePaths[0]);
  },
  openLibrary: (dir) => void switchLibrary(dir),
  clearRecentLibraries: () => {
    settings.recentLibraries = current ? [current.library.dir] : [];
    persist();
    buildMenu();
  },
  setTheme: (theme) => {
    nativeTheme.themeSource = theme;
    settings.theme = theme;
    persist();
    buildMenu();
  },
  command: send,
};

function buildMenu(): void {
  const state = { platform: process.platform, packaged: app.isPackaged, theme: settings.theme, autoBackup: settings.autoBackup.enabled, currentLibrary: current?.library.dir ?? '', recentLibraries: existingLibraries(settings.recentLibraries) };
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(state, actions)));
}

/** Where an export goes: a file for json, html and csv; a new folder for the Markdown files. */
async function exportTo(request: ExportRequest): Promise<{ output: string; clips: number } | null> {
  if (!current || !win) return null;
  const stem = `Cuttings export ${new Date().toISOString().slice(0, 10)}`;
  let output: string;
  if (request.format === 'markdown') {
    const res = await dialog.showOpenDialog(win, { title: 'Choose where to put the Markdown folder', buttonLabel: 'Export Here', properties: ['openDirectory', 'createDirectory'] });
    if (res.canceled || !res.filePaths[0]) return null;
    output = path.join(res.filePaths[0], stem);
    for (let i = 2; fs.existsSync(output); i++) output = path.join(res.filePaths[0], `${stem} (${i})`);
  } else {
    const kinds = {
      json: { name: 'Cuttings export (re-importable)', ext: 'json' },
      html: { name: 'Web page', ext: 'html' },
      csv: { name: 'Spreadsheet (CSV)', ext: 'csv' },
      'csl-json': { name: 'CSL-JSON', ext: 'json' },
      ris: { name: 'RIS', ext: 'ris' },
      bibtex: { name: 'BibTeX', ext: 'bib' },
      highlights: { name: 'Highlights (Markdown)', ext: 'md' },
    } as const satisfies Record<Exclude<ExportFormat, 'markdown'>, { name: string; ext: string }>;
    const { name, ext } = kinds[request.format];
    const res = await dialog.showSaveDialog(win, { title: 'Export clips', defaultPath: `${stem}.${ext}`, filters: [{ name, extensions: [ext] }] });
    if (res.canceled || !res.filePath) return null;
    output = res.filePath;
  }
  return writeExport(current.library, request, output);
}

/** Asks where to save a press review, then compiles it there as a job (its progress reaches the window as events). */
async function compileReviewTo(request: ReviewRequest): Promise<{ jobId: string; clips: number; output: string } | null> {
  if (!current || !win) return null;
  const kinds = { pdf: 'PDF document', html: 'Web page', docx: 'Word document' } as const;
  const res = await dialog.showSaveDialog(win, {
    title: 'Save the press review',
    defaultPath: reviewFileName(reviewSettings(request), new Date()),
    filters: [{ name: kinds[request.format], extensions: [request.format] }],
  });
  if (res.canceled || !res.filePath) return null;
  return { ...current.handlers.compileReviewTo(request, res.filePath), output: res.filePath };
}

/** The day's backup beside the library, when daily backups are on and none was made today. */
async function autoBackUp(): Promise<void> {
  if (!current || !settings.autoBackup.enabled) return;
  try {
    await backUpIfDue(current.library, { enabled: true, keep: settings.autoBackup.keep });
  } catch (e) {
    notify(`Today's automatic backup could not be made in ${autoBackupFolder(current.library.dir)}: ${(e as Error).message}`, true);
  }
}

const shellHandlers: ShellHandlers = {
  exportTo,
  compileReviewTo,
  importDropped: ({ paths: dropped }) => importFromShell(dropped),
  chooseAndImport: ({ kind }) => chooseAndImport(kind),
  popupMenu: ({ items }) =>
    new Promise((resolve) => {
      let chosen: string | null = null;
      const menu = Menu.buildFromTemplate(contextMenuTemplate(items, (id) => {
        chosen = id;
        resolve({ chosen: id });
      }));
      // The menu closes before its click is delivered on some systems: wait a moment for it.
      menu.popup({ ...(win ? { window: win } : {}), callback: () => setTimeout(() => resolve({ chosen }), 150) });
    }),
};

/** Progress on the dock or taskbar for every import, and a notification if one ends unseen. */
function showImportsOutsideTheWindow(): void {
  // Imports and a re-extraction share the one bar: it shows all the work under way.
  const running = new Map<string, Pick<ImportProgress, 'done' | 'total' | 'scanning'>>();
  const showProgress = () => {
    const all = [...running.values()];
    const sum = { done: all.reduce((n, x) => n + x.done, 0), total: all.reduce((n, x) => n + x.total, 0), scanning: all.some((x) => x.scanning) };
    win?.setProgressBar(running.size ? taskbarProgress(sum) : NO_PROGRESS);
  };
  const tell = (notice: { title: string; body: string }) => {
    const unseen = !win || !win.isVisible() || win.isMinimized() || !win.isFocused();
    if (unseen && Notification.isSupported()) new Notification({ ...notice, silent: false }).show();
  };
  events.subscribe((event, payload) => {
    win?.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    if (event === 'import-progress' || event === 'reextract-progress') {
      const p = payload as ImportProgress | ReextractProgress;
      running.set(p.jobId, { done: p.done, total: p.total, scanning: 'scanning' in p && p.scanning });
      showProgress();
    } else if (event === 'import-finished') {
      const summary = payload as ImportSummary;
      running.delete(summary.jobId);
      showProgress();
      tell(importFinishedNotice(summary));
    } else if (event === 'reextract-finished') {
      const summary = payload as ReextractSummary;
      running.delete(summary.jobId);
      showProgress();
      tell(reextractFinishedNotice(summary));
    }
  });
}

function openWindow(): void {
  windowLoaded = false;
  win = createMainWindow({ preload: paths.preload, icon: paths.windowIcon, saved: settings.window, devTools: !app.isPackaged });
  const w = win;
  w.webContents.on('did-finish-load', () => {
    windowLoaded = true;
    const files = pending.splice(0);
    if (files.length) void importFromShell(files);
  });
  const remember = () => {
    if (!w.isDestroyed()) settings.window = windowState(w);
  };
  w.on('resize', remember);
  w.on('move', remember);
  w.on('close', (e) => {
    remember();
    persist();
    // Closing the last window quits (except on macOS): ask first if an import is running.
    if (process.platform !== 'darwin' && !guard.closed) {
      e.preventDefault();
      app.quit();
    }
  });
  w.on('closed', () => {
    if (win === w) win = null;
  });
}

const guard = new QuitGuard({
  activeImports: () => current?.handlers.activeImports() ?? [],
  confirmStop: () => askStopImport('An import is running: stop it and quit?', 'Stop and Quit'),
  stopImports: async () => current?.handlers.stopImports(),
  close: async () => {
    if (win && !win.isDestroyed()) settings.window = windowState(win);
    persist();
    await current?.close();
    current = null;
  },
  quit: () => app.quit(),
});

function start(): void {
  settings = loadSettings(settingsFile());
  nativeTheme.themeSource = settings.theme;
  pending.push(...pathsFromArgv(process.argv, process.cwd(), app.isPackaged));

  // A second launch ("Open With" while running) hands its files to this one and exits.
  app.on('second-instance', (_e, argv, workingDirectory) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    void importFromShell(pathsFromArgv(argv, workingDirectory, app.isPackaged));
  });
  // macOS delivers "Open With" and files dropped on the Dock icon as events, before and after ready.
  app.on('open-file', (e, file) => {
    e.preventDefault();
    void importFromShell([file]);
  });
  app.on('web-contents-created', (_e, contents) => guardContents(contents));
  app.on('before-quit', (e) => guard.onBeforeQuit(e));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    try {
      current = openSession(process.env.CUTTINGS_LIBRARY ?? settings.library ?? path.join(app.getPath('userData'), 'library'));
    } catch (e) {
      dialog.showErrorBox('Cuttings cannot start', (e as Error).message);
      app.exit(1);
      return;
    }
    app.setAboutPanelOptions({ applicationName: 'Cuttings', applicationVersion: app.getVersion(), copyright: 'MIT licence', iconPath: paths.windowIcon });
    serveRenderer(paths.rendererDir);
    lockDownSession();
    ipcMain.handle(IPC_CHANNEL, createIpcCall({ api: () => current!.handlers.api, shell: shellHandlers, trusted: (event) => isTrustedSender(win, event as Electron.IpcMainInvokeEvent) }));
    showImportsOutsideTheWindow();
    buildMenu();
    openWindow();
    // Not while the app is starting: a backup reads the whole library.
    setTimeout(() => void autoBackUp(), 60_000).unref();
    setInterval(() => void autoBackUp(), 3 * 60 * 60_000).unref();
    app.on('activate', () => {
      if (!win && current) openWindow();
    });
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
