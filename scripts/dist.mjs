// @ts-check
// `npm run dist [-- electron-builder options]`: the desktop installers, into release/.
//   npm run dist                 installers for this system (Linux: AppImage + deb, Windows: NSIS, macOS: dmg)
//   npm run dist -- --linux deb  one target; any electron-builder option passes through (--dir, --x64 …)
//
// 1. builds the renderer and the shell (npm run build);
// 2. builds better-sqlite3 for the Electron version that will be packaged, into
//    native/electron/ (scripts/build-electron-native.mjs: a private copy, compiled against
//    Electron's headers; where those cannot be downloaded it stops, and so does this);
// 3. runs electron-builder with electron-builder.config.mjs (no npm rebuild: step 2 is it).
// Throughout, node_modules/better-sqlite3 keeps its Node build, which the CLI, browser mode
// and the tests use: its module file is fingerprinted first and checked, and loaded under
// Node, at the end of every run, successful or not.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-status.mjs';
import { nativeFormatOfFile } from './native-module-format.mjs';
import { signingFromEnv } from '../electron-builder.config.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronNative = path.join(root, 'native', 'electron', 'better_sqlite3.node');
const args = process.argv.slice(2);

/**
 * @param {string} sentence
 * @returns {never}
 */
function stop(sentence) {
  console.error(`npm run dist stopped: ${sentence}`);
  checkNodeBuild();
  process.exit(1);
}

// ── The Node build of better-sqlite3, which nothing here may touch ──────────────────────────
const nodeBuildFile = (() => {
  try {
    return path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
  } catch {
    return null;
  }
})();
/** @param {string} file */
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const nodeBuildBefore = nodeBuildFile && fs.existsSync(nodeBuildFile) ? sha256(nodeBuildFile) : null;

/** Loads better-sqlite3 in a fresh Node process: the CLI's and the tests' way. */
function nodeBuildLoads() {
  try {
    execFileSync(process.execPath, ['-e', "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();"], { cwd: root, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

let nodeBuildChecked = false;
function checkNodeBuild() {
  if (nodeBuildChecked) return;
  nodeBuildChecked = true;
  const after = nodeBuildFile && fs.existsSync(nodeBuildFile) ? sha256(nodeBuildFile) : null;
  if (nodeBuildBefore && after !== nodeBuildBefore) {
    console.error(`npm run dist: node_modules/better-sqlite3's Node build changed during this run (${nodeBuildFile}). Run \`npm rebuild better-sqlite3\` to restore it.`);
    process.exitCode = 1;
  } else if (!nodeBuildLoads()) {
    console.error('npm run dist: better-sqlite3 does not load under Node after this run. Run `npm rebuild better-sqlite3` to restore it.');
    process.exitCode = 1;
  } else {
    console.log('Checked: node_modules/better-sqlite3 still has its Node build, and it loads under Node.');
  }
}

if (!nodeBuildBefore || !nodeBuildLoads()) {
  console.error('npm run dist: better-sqlite3 does not load under Node before packaging; run `npm run setup` (or `npm rebuild better-sqlite3`) first.');
  process.exit(1);
}

// ── Which systems and processors the installers are for ──────────────────────────────────────
// better-sqlite3 is compiled on the machine that packages, for that machine: an installer for
// another system or processor would carry a database engine it cannot load.
/** @type {Record<string, NodeJS.Platform>} */
const PLATFORM_FLAGS = { '--linux': 'linux', '--win': 'win32', '--windows': 'win32', '--mac': 'darwin', '--macos': 'darwin' };
/** @type {Record<string, NodeJS.Platform>} */
const PLATFORM_LETTERS = { l: 'linux', w: 'win32', m: 'darwin', o: 'darwin' };
const ARCH_FLAGS = ['--x64', '--ia32', '--armv7l', '--arm64', '--universal'];
/** @type {Set<NodeJS.Platform>} */
const platforms = new Set();
/** @type {Set<string>} */
const arches = new Set();
for (const a of args) {
  if (PLATFORM_FLAGS[a]) platforms.add(PLATFORM_FLAGS[a]);
  else if (/^-[lwmo]+$/.test(a)) for (const c of a.slice(1)) platforms.add(PLATFORM_LETTERS[c]);
  else if (ARCH_FLAGS.includes(a)) arches.add(a.slice(2));
  else if (/^--(arch|platform)(=|$)/.test(a)) stop(`use --linux/--win/--mac and --x64/--arm64 rather than ${a}, so that the database engine can be checked against them.`);
}
if (platforms.size === 0) platforms.add(process.platform);
if (arches.size === 0) arches.add(process.arch);
const NAMES = /** @type {Record<string, string>} */ ({ linux: 'Linux', win32: 'Windows', darwin: 'macOS' });
for (const p of platforms) {
  if (p !== process.platform) stop(`installers for ${NAMES[p] ?? p} must be made on ${NAMES[p] ?? p}: better-sqlite3 is compiled for the system it is built on, and this is ${NAMES[process.platform] ?? process.platform}.`);
}
for (const a of arches) {
  if (a !== process.arch) stop(`installers for ${a} must be made on an ${a} machine: better-sqlite3 is compiled for this machine's processor (${process.arch}).`);
}

const version = electronVersion();
if (!version) stop('the electron package is not installed (run `npm run setup`).');

/**
 * @param {string} what
 * @param {string} command
 * @param {string[]} commandArgs
 */
function step(what, command, commandArgs) {
  console.log(`\n── ${what}`);
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && !path.isAbsolute(command) });
  return r.status === 0;
}
const npm = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)
  ? { command: process.execPath, prefix: [process.env.npm_execpath] }
  : { command: 'npm', prefix: [] };

// 1. The renderer and the shell.
if (!step('Building the renderer and the Electron shell (npm run build)', npm.command, [...npm.prefix, 'run', 'build'])) stop('the build failed (see above).');

// 2. The database engine for Electron's ABI.
if (!step(`Building better-sqlite3 for Electron ${version}`, process.execPath, [path.join(root, 'scripts', 'build-electron-native.mjs')])) {
  stop(`better-sqlite3 could not be built for Electron ${version} (see above), and an installer without it could not open a library. This needs Electron's headers from electronjs.org and a C++ toolchain.`);
}
const format = fs.existsSync(electronNative) ? nativeFormatOfFile(electronNative) : null;
if (!format) stop(`${path.relative(root, electronNative)} is missing or is not a native module.`);
if (format.platform !== process.platform || format.arch !== process.arch) {
  stop(`${path.relative(root, electronNative)} was built for ${format.platform} ${format.arch}, not for this ${process.platform} ${process.arch}.`);
}

// 3. Signing: one line for what will not be signed, and why.
const signing = signingFromEnv();
if (platforms.has('darwin') && !signing.macIdentity) {
  console.log('\nmacOS signing skipped: no CSC_LINK (+ CSC_KEY_PASSWORD) or CSC_NAME is set, so the app is signed ad hoc and not notarized; Gatekeeper will warn whoever opens it on another Mac.');
} else if (platforms.has('darwin') && !signing.notarize) {
  console.log('\nmacOS notarization skipped: set APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, to notarize.');
}
if (platforms.has('win32') && !signing.winCertificate) {
  console.log('\nWindows signing skipped: no WIN_CSC_LINK (+ WIN_CSC_KEY_PASSWORD) or CSC_LINK is set, so SmartScreen will warn whoever installs it.');
}

// 4. electron-builder. The Electron version is passed explicitly so that it is, provably, the
// one better-sqlite3 was just built for.
const builderCli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
const ok = step(
  `Packaging with electron-builder (Electron ${version}) into release/`,
  process.execPath,
  [builderCli, '--config', 'electron-builder.config.mjs', '--publish', 'never', `-c.electronVersion=${version}`, ...args],
);
checkNodeBuild();
if (!ok) stop('electron-builder failed (see above).');
if (process.exitCode) process.exit(process.exitCode);
console.log(`\nInstallers are in ${path.join(root, 'release')}.`);
