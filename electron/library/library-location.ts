// Where a library lives by default: the same per-user folder for the desktop app, browser
// mode and the CLI (Electron's userData folder for an app named "Cuttings", + "library").
import os from 'node:os';
import path from 'node:path';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cuttings');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cuttings');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Cuttings');
}

/** `CUTTINGS_LIBRARY` wins; otherwise the per-user folder. */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CUTTINGS_LIBRARY ? path.resolve(env.CUTTINGS_LIBRARY) : path.join(userDataDir(env), 'library');
}
