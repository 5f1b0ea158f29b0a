// The desktop app's own settings (window placement, theme, libraries), a small JSON file in
// its per-user folder. A damaged file never stops the app: it starts from defaults.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseWindowState, type WindowState } from './window-state.ts';

export type ThemeSource = 'system' | 'light' | 'dark';

export interface Settings {
  window: WindowState | null;
  theme: ThemeSource;
  /** The library open when the app last quit. */
  library: string | null;
  recentLibraries: string[];
}

export const DEFAULT_SETTINGS: Settings = { window: null, theme: 'system', library: null, recentLibraries: [] };

export function parseSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    window: parseWindowState(o.window),
    theme: o.theme === 'light' || o.theme === 'dark' ? o.theme : 'system',
    library: typeof o.library === 'string' && o.library ? o.library : null,
    recentLibraries: Array.isArray(o.recentLibraries) ? o.recentLibraries.filter((d): d is string => typeof d === 'string' && !!d) : [],
  };
}

export function loadSettings(file: string): Settings {
  try {
    return parseSettings(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_SETTINGS, recentLibraries: [] };
  }
}

/** Written whole and renamed into place, so a crash mid-write leaves the old file. */
export function saveSettings(file: string, settings: Settings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2));
  fs.renameSync(tmp, file);
}
