// Bundles the Electron shell: main (ESM), preload (CommonJS, as a sandboxed preload must be)
// and the import worker, into out/electron/. Node built-ins, electron and native modules stay external.
import fs from 'node:fs';
import { build } from 'esbuild';

// electron/import/worker-bundle.ts bundles the worker the same way when running from source.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'pdfjs-dist', 'canvas'],
  define: { __CUTTINGS_BUNDLED__: 'true' },
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'out/electron/main.mjs', format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await build({ ...common, entryPoints: ['electron/import/extract-worker.ts'], outfile: 'out/electron/extract-worker.mjs', format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'out/electron/preload.cjs', format: 'cjs' });
// The PDF reader's own thread is plain JavaScript loaded beside the module that starts it.
fs.copyFileSync('electron/import/formats/pdf-worker.mjs', 'out/electron/pdf-worker.mjs');
console.log('Built the Electron shell into out/electron/.');
