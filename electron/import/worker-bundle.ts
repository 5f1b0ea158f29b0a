// The import worker as one JavaScript file when Cuttings runs from source (browser mode,
// tests, benchmarks). Loading the TypeScript sources through tsx costs each worker about
// 250 ms and 25 MB (a loader thread of its own, every module transformed); the desktop build
// bundles the worker with esbuild instead (scripts/build-electron.mjs). Here the same bundle
// is made on first use into node_modules/.cache/, and made again whenever one of its inputs
// (our sources, or a dependency patched at install) is newer than it. If esbuild is missing
// or the build fails, the pool falls back to the tsx loader: slower to start, same results.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'cuttings-worker');
const bundlePath = path.join(cacheDir, 'extract-worker.mjs');
const inputsPath = path.join(cacheDir, 'inputs.json');
/** The PDF reader's own thread, loaded from beside the module that starts it. */
const pdfWorkerSource = path.join(root, 'electron', 'import', 'formats', 'pdf-worker.mjs');

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { metafile?: { inputs: Record<string, unknown> } };
}

function fresh(): boolean {
  try {
    const built = fs.statSync(bundlePath).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8')) as string[];
    if (!inputs.length || !fs.existsSync(path.join(cacheDir, 'pdf-worker.mjs'))) return false;
    return [...inputs, pdfWorkerSource].every((f) => fs.statSync(path.resolve(root, f)).mtimeMs <= built);
  } catch {
    return false;
  }
}

/** Written beside its final name and renamed into place: a concurrent reader sees all or nothing. */
function writeAtomically(file: string, write: (tmp: string) => void): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  write(tmp);
  fs.renameSync(tmp, file);
}

function build(): void {
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
  fs.mkdirSync(cacheDir, { recursive: true });
  writeAtomically(path.join(cacheDir, 'pdf-worker.mjs'), (tmp) => fs.copyFileSync(pdfWorkerSource, tmp));
  let inputs: string[] = [];
  writeAtomically(bundlePath, (tmp) => {
    // The desktop build's options for the worker (scripts/build-electron.mjs), kept in step by hand.
    const result = esbuild.buildSync({
      absWorkingDir: root,
      entryPoints: ['electron/import/extract-worker.ts'],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
      external: ['electron', 'better-sqlite3', 'pdfjs-dist', 'canvas'],
      define: { __CUTTINGS_BUNDLED__: 'true' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    inputs = Object.keys(result.metafile?.inputs ?? {});
  });
  writeAtomically(inputsPath, (tmp) => fs.writeFileSync(tmp, JSON.stringify(inputs)));
}

/** The bundle's URL, building it first if any input is newer (throws when it cannot be built). */
export function ensureWorkerBundle(): URL {
  if (!fresh()) build();
  return pathToFileURL(bundlePath);
}

let cached: URL | null | undefined;

/** The bundled worker's URL (checked once a process), or null to load the sources via tsx. */
export function sourceWorkerUrl(): URL | null {
  if (cached !== undefined) return cached;
  try {
    cached = ensureWorkerBundle();
  } catch {
    cached = null;
  }
  return cached;
}
