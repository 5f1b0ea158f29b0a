// Builds the renderer into dist/renderer with relative asset paths, so the same build works
// from Electron's file:// page and from `cuttings serve` on 127.0.0.1.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One script, no inline code: the page's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
  },
});
