// Real temporary libraries for tests: a folder on disk with a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, type Library, type OpenOptions } from '../../electron/library/open-library.ts';

export function tempDir(prefix = 'cuttings-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempLibrary(options: OpenOptions = {}): Library & { cleanup(): void } {
  const dir = tempDir();
  const lib = openLibrary(dir, options);
  return {
    ...lib,
    cleanup() {
      try {
        lib.close();
      } catch {
        /* already closed */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const SEED = path.join(CORPUS, 'seed', 'guardian-ng-maduro-russia.txt');
