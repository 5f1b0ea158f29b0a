// From source, the import workers run a bundle of the worker made on first use. It must
// never run stale code: the bundle is at least as new as every file it was made from, and
// when one of them is newer than the bundle, the bundle is made again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureWorkerBundle, sourceWorkerUrl } from '../../../electron/import/worker-bundle.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function inputsOf(bundle: string): string[] {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(bundle), 'inputs.json'), 'utf8')) as string[];
}

describe('the import worker bundle (running from source)', () => {
  it('is built from the worker and everything it imports, and is newer than all of it', () => {
    const url = sourceWorkerUrl();
    expect(url).not.toBeNull();
    const bundle = fileURLToPath(url!);
    const inputs = inputsOf(bundle);
    expect(inputs).toContain('electron/import/extract-worker.ts');
    expect(inputs).toContain('electron/import/extract/html-article.ts');
    expect(inputs.some((f) => f.startsWith('node_modules/linkedom/'))).toBe(true);
    const built = fs.statSync(bundle).mtimeMs;
    for (const f of inputs) expect(fs.statSync(path.resolve(root, f)).mtimeMs, f).toBeLessThanOrEqual(built);
    // The PDF reader's thread sits beside it, as in the desktop build.
    expect(fs.existsSync(path.join(path.dirname(bundle), 'pdf-worker.mjs'))).toBe(true);
  });

  it('is made again when a source is newer than it', () => {
    const bundle = fileURLToPath(ensureWorkerBundle());
    // As if every source had been edited after the bundle was made.
    fs.utimesSync(bundle, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const again = fileURLToPath(ensureWorkerBundle());
    expect(again).toBe(bundle);
    expect(fs.statSync(again).mtimeMs).toBeGreaterThan(new Date(2001, 0, 2).getTime());
    for (const f of inputsOf(again)) expect(fs.statSync(path.resolve(root, f)).mtimeMs, f).toBeLessThanOrEqual(fs.statSync(again).mtimeMs);
  });
});
