// Bundles the Electron shell into out/electron/: main (CommonJS, the file package.json's
// `main` names), the preload (CommonJS, as a sandboxed preload must be), and the import
// worker (ESM). Node built-ins, electron and native modules stay external.
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
const esmRequire = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

// Main is CommonJS: every Electron version and every launcher (Playwright's included) starts a
// CommonJS main the same way. Modules that locate files from import.meta.url get the bundle's
// own URL, which is what they mean once bundled beside the workers.
await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'out/electron/main.cjs',
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__cuttings_main_url' },
  banner: { js: "const __cuttings_main_url = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: ['electron/import/extract-worker.ts'], outfile: 'out/electron/extract-worker.mjs', format: 'esm', banner: { js: esmRequire } });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'out/electron/preload.cjs', format: 'cjs' });
// The PDF reader's own thread is plain JavaScript loaded beside the module that starts it.
fs.copyFileSync('electron/import/formats/pdf-worker.mjs', 'out/electron/pdf-worker.mjs');
// A main.mjs from an older build would sit in a package beside the real entry point.
fs.rmSync('out/electron/main.mjs', { force: true });
fs.rmSync('out/electron/main.mjs.map', { force: true });
console.log('Built the Electron shell into out/electron/.');
