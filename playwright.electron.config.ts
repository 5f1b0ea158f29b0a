// The Electron shell's own end-to-end test. It runs wherever an Electron binary and a display
// exist, and reports itself skipped (with the reason) everywhere else.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  timeout: 120_000,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
