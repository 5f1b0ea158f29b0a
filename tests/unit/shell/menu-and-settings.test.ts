import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShellCommand } from '../../../electron/api.ts';
import { applicationMenuTemplate, contextMenuTemplate, type MenuActions, type MenuState } from '../../../electron/shell/menu-template.ts';
import { loadSettings, saveSettings } from '../../../electron/shell/settings.ts';

const calls: string[] = [];
const actions: MenuActions = {
  importFiles: () => calls.push('importFiles'),
  importFolder: () => calls.push('importFolder'),
  exportLibrary: () => calls.push('export'),
  backUpLibrary: () => calls.push('backup'),
  toggleAutoBackup: () => calls.push('auto-backup'),
  openLibraryFolder: () => calls.push('openFolder'),
  switchLibrary: () => calls.push('switch'),
  openLibrary: (dir) => calls.push(`open ${dir}`),
  clearRecentLibraries: () => calls.push('clear'),
  setTheme: (t) => calls.push(`theme ${t}`),
  command: (c: ShellCommand) => calls.push(`command ${c.command}`),
};
const state: MenuState = { platform: 'linux', packaged: true, theme: 'dark', autoBackup: true, currentLibrary: '/libs/a', recentLibraries: ['/libs/a', '/libs/b'] };

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu as MenuItemConstructorOptions[]) : [])]);
const find = (items: MenuItemConstructorOptions[], label: string) => flat(items).find((i) => i.label === label);

describe('the application menu', () => {
  it('has no developer tools in a packaged build, and has them when developing', () => {
    expect(flat(applicationMenuTemplate(state, actions)).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flat(applicationMenuTemplate({ ...state, packaged: false }, actions)).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('lists other recent libraries, not the open one, and opens the one clicked', () => {
    const menu = applicationMenuTemplate(state, actions);
    const recent = find(menu, 'Recent Libraries')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label).filter(Boolean)).toEqual(['/libs/b', 'Clear Recent Libraries']);
    (recent[0].click as () => void)();
    expect(calls.at(-1)).toBe('open /libs/b');
  });

  it('shows whether daily backups are on, and turns them off and on', () => {
    const menu = applicationMenuTemplate(state, actions);
    expect(find(menu, 'Back Up Every Day')!.checked).toBe(true);
    expect(find(applicationMenuTemplate({ ...state, autoBackup: false }, actions), 'Back Up Every Day')!.checked).toBe(false);
    (find(menu, 'Back Up Every Day')!.click as () => void)();
    expect(calls.at(-1)).toBe('auto-backup');
  });

  it('shows the theme chosen, and sends window commands from View and Help', () => {
    const menu = applicationMenuTemplate(state, actions);
    expect(find(menu, 'Dark')!.checked).toBe(true);
    expect(find(menu, 'Light')!.checked).toBe(false);
    (find(menu, 'Toggle Sidebar')!.click as () => void)();
    (find(menu, 'Keyboard Shortcuts')!.click as () => void)();
    expect(calls.slice(-2)).toEqual(['command toggle-sidebar', 'command show-shortcuts']);
    expect(find(menu, 'Import Files…')!.accelerator).toBe('CmdOrCtrl+O');
  });

  it('opens the site rules from File ▸ Site Rules…', () => {
    (find(applicationMenuTemplate(state, actions), 'Site Rules…')!.click as () => void)();
    expect(calls.at(-1)).toBe('command site-rules');
  });

  it('opens the Team library dialog from File ▸ Team Library…', () => {
    (find(applicationMenuTemplate(state, actions), 'Team Library…')!.click as () => void)();
    expect(calls.at(-1)).toBe('command team-library');
  });

  it('asks the window to re-extract the whole library (it confirms first and shows the progress)', () => {
    (find(applicationMenuTemplate(state, actions), 'Re-extract Whole Library…')!.click as () => void)();
    expect(calls.at(-1)).toBe('command reextract-library');
  });

  it('puts the app menu first on macOS', () => {
    expect(applicationMenuTemplate({ ...state, platform: 'darwin' }, actions)[0].role).toBe('appMenu');
  });
});

describe('context menus', () => {
  it('keeps the window’s items in order with their separators, and reports the choice', () => {
    let chosen = '';
    const t = contextMenuTemplate(
      [{ id: 'open', label: 'Open Original', enabled: false }, { id: 'star', label: 'Star' }, { id: 'delete', label: 'Delete', separatorBefore: true }],
      (id) => (chosen = id),
    );
    expect(t.map((i) => i.type ?? i.label)).toEqual(['Open Original', 'Star', 'separator', 'Delete']);
    expect(t[0].enabled).toBe(false);
    (t[3].click as () => void)();
    expect(chosen).toBe('delete');
  });
});

describe('settings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-settings-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('survive a restart, and a damaged file starts from defaults', () => {
    const file = path.join(dir, 'settings.json');
    saveSettings(file, { window: { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true, fullScreen: false }, autoBackup: { enabled: false, keep: 3 }, theme: 'light', library: '/l', recentLibraries: ['/l'] });
    expect(loadSettings(file)).toMatchObject({ theme: 'light', library: '/l', autoBackup: { enabled: false, keep: 3 }, window: { maximized: true, bounds: { x: 5 } } });
    fs.writeFileSync(file, '{"theme": "dark", "window": {"bounds": {"x": "oops"}}');
    expect(loadSettings(file)).toEqual({ window: null, autoBackup: { enabled: true, keep: 7 }, theme: 'system', library: null, recentLibraries: [] });
    fs.writeFileSync(file, '{"autoBackup": {"enabled": "no", "keep": 0}}');
    expect(loadSettings(file).autoBackup).toEqual({ enabled: true, keep: 7 });
    fs.writeFileSync(file, '{"theme": "purple", "window": {"bounds": {"x": 1, "y": 1, "width": -5, "height": 5}}}');
    expect(loadSettings(file)).toMatchObject({ theme: 'system', window: null });
  });
});
