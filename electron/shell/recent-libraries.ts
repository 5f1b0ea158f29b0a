// File → Switch Library's list of libraries opened before, newest first.
import fs from 'node:fs';
import path from 'node:path';

export const MAX_RECENT_LIBRARIES = 8;

export function rememberLibrary(recent: readonly string[], dir: string): string[] {
  const full = path.resolve(dir);
  return [full, ...recent.filter((d) => path.resolve(d) !== full)].slice(0, MAX_RECENT_LIBRARIES);
}

/** The ones still there (a library on a removed drive is not offered). */
export function existingLibraries(recent: readonly string[], exists: (file: string) => boolean = fs.existsSync): string[] {
  return recent.filter((d) => exists(path.join(d, 'library.sqlite')));
}
