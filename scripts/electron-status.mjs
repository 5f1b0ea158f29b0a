// Whether Electron can run here: its binary must be installed (the npm package downloads it
// on install) and, on Linux, there must be a display.
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);

export function electronBinary() {
  try {
    const p = require('electron'); // the package's main export is the binary's path
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    return null;
  }
}

export function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** One plain sentence when Electron cannot start here, or null when it can. */
export function whyNoElectron() {
  if (!electronBinary()) return "Electron's binary is not installed on this machine (its download did not happen or was blocked)";
  if (!hasDisplay()) return 'there is no display to open a window on';
  return null;
}
