// Builds better-sqlite3 for Electron's ABI into native/electron/, beside (not over) the
// Node build that the CLI and the tests use; the app passes it as `nativeBinding`.
// It compiles a private copy of the package against Electron's headers, then checks the
// result really is not a Node build (a build that loads in Node was made for Node's ABI).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { electronVersion } from './electron-status.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'native', 'electron', 'better_sqlite3.node');

let work = null;
function stop(sentence) {
  if (work) fs.rmSync(work, { recursive: true, force: true });
  console.error(`Cannot build the database engine for Electron: ${sentence}`);
  process.exit(1);
}

const version = electronVersion();
if (!version) stop('the electron package is not installed (run `npm run setup`).');

function nodeGyp() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {}
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => fs.existsSync(c)) ?? stop('node-gyp was not found (it comes with npm).');
}

work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-sqlite-electron-'));
const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
fs.cpSync(pkgDir, path.join(work, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });

// The machine's own npm settings (such as a nodedir pointing at Node's headers) must not
// leak into an Electron build: they would silently make a Node build.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
console.log(`Building better-sqlite3 for Electron ${version} (this downloads Electron's headers)…`);
try {
  execFileSync(process.execPath, [nodeGyp(), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--devdir=${path.join(os.homedir(), '.cache', 'cuttings-electron-gyp')}`], {
    cwd: path.join(work, 'better-sqlite3'),
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
} catch {
  stop("the compile failed; usually this machine cannot download Electron's headers from electronjs.org. The CLI and browser mode (`npx cuttings serve`) keep working.");
}
const built = path.join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(built)) stop('the compiler produced no module.');
try {
  require(built);
  stop('the module that was built loads in Node, so it was built for Node, not for Electron. Nothing was installed.');
} catch (e) {
  if (!/NODE_MODULE_VERSION/.test(String(e))) stop(`the module that was built cannot be checked (${String(e).split('\n')[0]}).`);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Installed ${path.relative(root, target)} for Electron ${version}.`);
