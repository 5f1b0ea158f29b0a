// The desktop app's own settings (window placement, theme, libraries), a small JSON file in
// its per-user folder. A damaged file never stops the app: it starts from defaults.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseWindowState, type WindowState } from './window-state.ts';

export type ThemeSource = 'system' | 'light' | 'dark';

/** Daily backups beside the library (electron/library/auto-backup.ts). */
export interface AutoBackupSettings {
  enabled: boolean;
  /** How many daily backups are kept. */
  keep: number;
}

export interface Settings {
  window: WindowState | null;
  autoBackup: AutoBackupSettings;
  theme: ThemeSource;
  /** The library open when the app last quit. */
  library: string | null;
  recentLibraries: string[];
}

export const DEFAULT_SETTINGS: Settings = { window: null, autoBackup: { enabled: true, keep: 7 }, theme: 'system', library: null, recentLibraries: [] };

function parseAutoBackup(raw: unknown): AutoBackupSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const keep = typeof o.keep === 'number' && Number.isInteger(o.keep) && o.keep >= 1 && o.keep <= 365 ? o.keep : DEFAULT_SETTINGS.autoBackup.keep;
  return { enabled: o.enabled !== false, keep };
}

export function parseSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    window: parseWindowState(o.window),
    autoBackup: parseAutoBackup(o.autoBackup),
    theme: o.theme === 'light' || o.theme === 'dark' ? o.theme : 'system',
    library: typeof o.library === 'string' && o.library ? o.library : null,
    recentLibraries: Array.isArray(o.recentLibraries) ? o.recentLibraries.filter((d): d is string => typeof d === 'string' && !!d) : [],
  };
}

export function loadSettings(file: string): Settings {
  try {
    return parseSettings(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return parseSettings({});
  }
}

/** Written whole and renamed into place, so a crash mid-write leaves the old file. */
export function saveSettings(file: string, settings: Settings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2));
  fs.renameSync(tmp, file);
}
