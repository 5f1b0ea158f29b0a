// Where the desktop app's own files are, found from the built main process's folder
// (out/electron/), the same in a checkout and inside a package's app.asar.
import path from 'node:path';
import { unpackedPath } from '../import/asar-unpacked.ts';

export interface AppPaths {
  root: string;
  rendererDir: string;
  preload: string;
  samplesDir: string;
  /** The recogniser's weights, outside the archive: the extraction workers read them. */
  entityModel: string;
  windowIcon: string;
  /** better-sqlite3 built for Electron's ABI (npm run build:electron-native), outside the archive. */
  electronNativeBinding: string;
}

export function appPaths(mainDir: string): AppPaths {
  const root = path.resolve(mainDir, '..', '..');
  return {
    root,
    rendererDir: path.join(root, 'dist', 'renderer'),
    preload: path.join(mainDir, 'preload.cjs'),
    samplesDir: path.join(root, 'resources', 'samples'),
    entityModel: unpackedPath(path.join(root, 'resources', 'entities', 'model.bin')),
    windowIcon: path.join(root, 'resources', 'icons', 'icon.png'),
    electronNativeBinding: unpackedPath(path.join(root, 'native', 'electron', 'better_sqlite3.node')),
  };
}

/**
 * The database engine for the runtime this process is: Electron needs the build made for its
 * ABI; plain Node (the shell's wiring check runs the built main under Node) uses the one in
 * node_modules. Undefined means "better-sqlite3's own".
 */
export function databaseBinding(paths: AppPaths, versions: NodeJS.ProcessVersions = process.versions): string | undefined {
  return versions.electron ? paths.electronNativeBinding : undefined;
}
