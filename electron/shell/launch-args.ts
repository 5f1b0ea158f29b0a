// Files handed to the app when it starts: "Open With Cuttings", a file dropped on its icon,
// `cuttings-desktop file.html`, or a second launch forwarding its own arguments.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The paths among a command line's arguments. argv[0] is the executable; an unpackaged app is
 * started as `electron APP_DIR …`, so its first plain argument is the app, not a file. Switches
 * (Chromium's, macOS's -psn_…) are never files, and a path that does not exist is dropped.
 */
export function pathsFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string[] {
  const plain = argv.slice(1).filter((a) => a && !a.startsWith('-'));
  const files = packaged ? plain : plain.slice(1);
  const out: string[] = [];
  for (const arg of files) {
    const full = path.resolve(cwd, arg.startsWith('file://') ? decodeURIComponent(new URL(arg).pathname) : arg);
    if (!out.includes(full) && fs.existsSync(full)) out.push(full);
  }
  return out;
}
