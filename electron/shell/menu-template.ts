// The application menu, as a template built from plain data and callbacks, so it is checked
// without Electron. main.ts turns it into the real menu and rebuilds it when what it shows
// (theme, recent libraries) changes.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../api.ts';
import type { ThemeSource } from './settings.ts';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  exportLibrary(): void;
  backUpLibrary(): void;
  toggleAutoBackup(): void;
  openLibraryFolder(): void;
  switchLibrary(): void;
  openLibrary(dir: string): void;
  clearRecentLibraries(): void;
  setTheme(theme: ThemeSource): void;
  /** Commands the window carries out (it owns the sidebar, the search box, the shortcuts list). */
  command(command: ShellCommand): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  /** A packaged build has no developer tools in its menu. */
  packaged: boolean;
  theme: ThemeSource;
  /** Daily backups beside the library are on. */
  autoBackup: boolean;
  currentLibrary: string;
  recentLibraries: readonly string[];
}

export function applicationMenuTemplate(state: MenuState, act: MenuActions): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const others = state.recentLibraries.filter((d) => path.resolve(d) !== path.resolve(state.currentLibrary));
  const recent: MenuItemConstructorOptions[] = others.length
    ? [
        ...others.map((dir): MenuItemConstructorOptions => ({ label: dir, click: () => act.openLibrary(dir) })),
        { type: 'separator' },
        { label: 'Clear Recent Libraries', click: () => act.clearRecentLibraries() },
      ]
    : [{ label: 'No Other Libraries Yet', enabled: false }];
  const theme = (label: string, value: ThemeSource): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: state.theme === value,
    click: () => act.setTheme(value),
  });

  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => act.importFiles() },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => act.importFolder() },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => act.exportLibrary() },
        { label: 'Press Review…', accelerator: 'CmdOrCtrl+Shift+P', click: () => act.command({ command: 'press-review' }) },
        { label: 'Re-extract Whole Library…', click: () => act.command({ command: 'reextract-library' }) },
        { label: 'Back Up Library…', click: () => act.backUpLibrary() },
        { label: 'Back Up Every Day', type: 'checkbox', checked: state.autoBackup, click: () => act.toggleAutoBackup() },
        { type: 'separator' },
        { label: 'Site Rules…', click: () => act.command({ command: 'site-rules' }) },
        { label: 'Team Library…', click: () => act.command({ command: 'team-library' }) },
        { type: 'separator' },
        { label: 'Open Library Folder', click: () => act.openLibraryFolder() },
        { label: 'Switch Library…', click: () => act.switchLibrary() },
        { label: 'Recent Libraries', submenu: recent },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => act.command({ command: 'focus-search' }) },
        { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+\\', click: () => act.command({ command: 'toggle-sidebar' }) },
        { type: 'separator' },
        { label: 'Theme', submenu: [theme('Match System', 'system'), theme('Light', 'light'), theme('Dark', 'dark')] },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(state.packaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { label: '&Window', role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => act.command({ command: 'show-shortcuts' }) },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const, label: 'About Cuttings' }]),
      ],
    },
  ];
}

export interface ContextChoice {
  id: string;
  label: string;
  enabled?: boolean;
  separatorBefore?: boolean;
}

/** A native context menu of the window's choices; `choose` gets the clicked item's id. */
export function contextMenuTemplate(items: readonly ContextChoice[], choose: (id: string) => void): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const item of items) {
    if (item.separatorBefore && out.length) out.push({ type: 'separator' });
    out.push({ label: item.label, enabled: item.enabled !== false, click: () => choose(item.id) });
  }
  return out;
}
