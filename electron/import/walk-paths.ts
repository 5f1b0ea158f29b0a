// Turning what the user dropped (files and folders) into the list of files to import:
// folders recursively, hidden entries skipped, each real folder visited once (so symlink
// loops end), a saved page's "_files" folder left to its page, problems reported per path.
import fs from 'node:fs';
import path from 'node:path';

export interface FoundFile {
  path: string;
  /** What to call the file in messages: the path as the user gave it, below the dropped folder. */
  display: string;
}

export interface WalkProblem {
  display: string;
  reason: string;
}

export interface WalkCallbacks {
  file(f: FoundFile): void;
  problem(p: WalkProblem): void;
  cancelled(): boolean;
}

/** How a folder of a "Webpage, complete" save is named: "Page_files" (Chrome, Firefox) or "Page-Dateien" etc. */
export const SAVED_PAGE_SUFFIXES = ['_files', '-Dateien', '_fichiers', '_archivos', '_arquivos', '_file', '.files'];
export const SAVED_PAGE_FOLDER = new RegExp(`(${SAVED_PAGE_SUFFIXES.map((s) => s.replace('.', '\\.')).join('|')})$`, 'i');

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'the file no longer exists (ENOENT)';
    case 'EACCES': case 'EPERM': return 'permission denied: Cuttings may not read this file (EACCES)';
    case 'ELOOP': return 'a symbolic link that points to itself in a loop (ELOOP)';
    case 'ENAMETOOLONG': return 'the file name is too long (ENAMETOOLONG)';
    case 'EISDIR': return 'this is a folder, not a file';
    case 'EMFILE': case 'ENFILE': return 'too many files open at once; try again';
    case 'EIO': return 'the disk reported a read error (EIO)';
    default: return err.code ? `cannot read the file (${err.code})` : `cannot read the file (${err.message})`;
  }
}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX' || name === 'Thumbs.db' || name === 'desktop.ini';
}

export function walkPaths(inputs: string[], cb: WalkCallbacks): void {
  const seenDirs = new Set<string>();

  const visit = (full: string, display: string, explicit: boolean): void => {
    if (cb.cancelled()) return;
    let st: fs.Stats;
    try {
      st = fs.statSync(full); // follows links: a link to a folder is walked, a loop fails with ELOOP
    } catch (e) {
      // Node reads names as UTF-8; a name in another encoding comes back with U+FFFD and
      // cannot be opened under that spelling.
      const badName = (e as NodeJS.ErrnoException).code === 'ENOENT' && display.includes('\uFFFD');
      cb.problem({ display, reason: badName ? 'the file name is not valid UTF-8 and cannot be opened; rename the file' : describeFsError(e) });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = fs.realpathSync(full);
      } catch (e) {
        cb.problem({ display, reason: describeFsError(e) });
        return;
      }
      if (seenDirs.has(real)) return; // a link back into a folder already walked
      seenDirs.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(full, { withFileTypes: true });
      } catch (e) {
        cb.problem({ display, reason: describeFsError(e) });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const names = new Set(entries.map((e) => e.name));
      for (const entry of entries) {
        if (isHidden(entry.name)) continue;
        // "Page_files" next to "Page.html" belongs to the page: its images become the clip's.
        if (SAVED_PAGE_FOLDER.test(entry.name)) {
          const stem = entry.name.replace(SAVED_PAGE_FOLDER, '');
          if (names.has(`${stem}.html`) || names.has(`${stem}.htm`)) continue;
        }
        visit(path.join(full, entry.name), path.join(display, entry.name), false);
      }
      return;
    }
    if (st.isFile()) {
      cb.file({ path: full, display });
      return;
    }
    // FIFOs, sockets and devices are never opened: reading them may never end.
    if (explicit || !st.isSymbolicLink()) {
      cb.problem({ display, reason: 'not a regular file (a device, pipe or socket): not imported' });
    }
  };

  for (const input of inputs) visit(path.resolve(input), input, true);
}
