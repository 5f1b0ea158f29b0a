// `npm run setup`: everything a fresh clone needs, in one step — dependencies (npm ci),
// Electron's binary where it can be downloaded, the browser the tests drive, the renderer build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status === 0;
const step = (s) => console.log(`\n▸ ${s}`);

step('Installing dependencies (npm ci)');
if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
  console.error('npm ci failed: see the messages above.');
  process.exit(1);
}

step("Fetching Electron's binary");
// electron's own install script is not run by npm here (package.json allowScripts), so a
// blocked download cannot fail the whole install; we run it and report plainly instead.
if (run(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { stdio: ['ignore', 'ignore', 'ignore'] })) {
  console.log('Electron is installed.');
} else {
  console.log("Electron's binary could not be downloaded on this machine: the desktop window will not open here, but the CLI and browser mode work (`npm start` falls back to browser mode).");
}

step('Checking for Chromium (used by the browser tests)');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (fs.existsSync(chromium)) console.log(`Found ${chromium}.`);
else if (process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
  run('apt-get', ['update', '-qq']);
  if (!run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })) {
    console.error('Installing chromium with apt-get failed; the browser tests need it.');
    process.exit(1);
  }
} else {
  console.log('Chromium is not installed: the browser tests need it (Debian/Ubuntu: `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary).');
}

step('Building the interface');
if (!run('npm', ['run', '--silent', 'build:renderer'])) process.exit(1);
console.log('\nCuttings is set up. `npm start` opens the app; `npx cuttings --help` shows the command line.');
