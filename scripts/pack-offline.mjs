// @ts-check
// The offline packaging run behind tests/unit/packaging/packaged-app.test.ts (and
// `npm run pack:offline`, which keeps its output for a look): electron-builder's real
// configuration, run as `electron-builder --dir --linux` on a machine that has neither
// Electron's binary nor its headers nor a network.
//
//   node scripts/pack-offline.mjs [--out DIR]     (DIR new or empty; default: a new temp dir, kept)
//
// It packs a staged copy of this project (DIR/project) with electron-builder.config.mjs as it
// is, and changes only what no machine without Electron has, on electron-builder's command
// line: Electron is a stand-in folder (DIR/electron-dist, passed as electronDist): an
// "electron" file that is not Electron but carries Electron's fuse sentinel and fuse wire, so
// that electron-builder's fuse flipping really runs and can be read back; and the staged
// native/electron/better_sqlite3.node is a clearly labelled PLACEHOLDER, because the
// Electron-ABI build cannot be compiled here: the check verifies where that file is packed,
// never its ABI. Nothing is written into this work tree (not native/, not release/): the
// output goes to DIR/release.
// Every network connection electron-builder or its helpers try is recorded and refused
// (scripts/offline-network-guard.cjs). DIR/result.json says what happened.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-status.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The sentinel @electron/fuses looks for, followed by the wire: schema version, length, one byte a fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * The stand-in's fuse wire: fuse schema 1 with Electron's documented defaults, in
 * @electron/fuses' FuseV1Options order (the version electron-builder flips with):
 * runAsNode 1, cookieEncryption 0, nodeOptions 1, nodeCliInspect 1,
 * embeddedAsarIntegrityValidation 0, onlyLoadAppFromAsar 0,
 * loadBrowserProcessSpecificV8Snapshot 0, grantFileProtocolExtraPrivileges 1.
 * Newer Electrons append a ninth (wasmTrapHandlers); electron-builder leaves fuses it does
 * not configure as they are, so the check is the same either way.
 */
const STAND_IN_FUSE_WIRE = '10110001';
const PLACEHOLDER_NATIVE_TEXT =
  'PLACEHOLDER written by scripts/pack-offline.mjs: NOT a native module. It stands in for native/electron/better_sqlite3.node '
  + "(better-sqlite3 built for Electron's ABI), which cannot be compiled on a machine without Electron's headers. "
  + 'The offline packaging check verifies only where this file is packed, never its ABI.\n';

/**
 * @param {string} sentence
 * @returns {never}
 */
function stop(sentence) {
  console.error(`pack-offline: ${sentence}`);
  process.exit(2);
}

function parseOut() {
  const i = process.argv.indexOf('--out');
  if (i < 0) return fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-pack-'));
  const dir = process.argv[i + 1];
  if (!dir) stop('--out needs a folder.');
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) stop(`${dir} exists and is not empty.`);
  fs.mkdirSync(dir, { recursive: true });
  return path.resolve(dir);
}

// ── What must exist before packaging ─────────────────────────────────────────────────────────
for (const dir of ['out/electron', 'dist/renderer']) {
  if (!fs.existsSync(path.join(root, dir))) stop(`${dir}/ does not exist: run \`npm run build\` first.`);
}
const version = electronVersion();
if (!version) stop('the electron package is not installed (run `npm run setup`).');

const work = parseOut();
const electronDist = path.join(work, 'electron-dist');
const project = path.join(work, 'project');
const release = path.join(work, 'release');
const netLog = path.join(work, 'network-attempts.jsonl');

// ── The staged project ───────────────────────────────────────────────────────────────────────
// A copy of everything at the project's top level that packaging could pick up: the config
// as it is, package.json, the build output, resources/, and the sources, tests and benchmarks
// that the configuration must leave out. node_modules is a tree of hard links to this one's
// files (a second or so; electron-builder only reads it, with npmRebuild off), or a copy where
// links cannot be made, so that npm lists the dependencies just as it does for `npm run dist`.
// native/electron/ holds the placeholder.
const STAGED = ['package.json', 'package-lock.json', 'electron-builder.config.mjs', 'installer', 'out', 'dist', 'resources', 'electron', 'renderer', 'tests', 'bench', 'bin', 'scripts', 'tsconfig.json', 'README.md'];
fs.mkdirSync(project, { recursive: true });
for (const name of STAGED) {
  const from = path.join(root, name);
  if (!fs.existsSync(from)) continue;
  // bench/.data holds generated benchmark libraries (up to gigabytes).
  fs.cpSync(from, path.join(project, name), { recursive: true, filter: (src) => !src.startsWith(path.join(root, 'bench', '.data')) });
}
const linked = spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(project, 'node_modules')], { stdio: 'ignore' });
if (linked.status !== 0) {
  fs.rmSync(path.join(project, 'node_modules'), { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), { recursive: true, verbatimSymlinks: true });
}
fs.mkdirSync(path.join(project, 'native', 'electron'), { recursive: true });
fs.writeFileSync(path.join(project, 'native', 'electron', 'better_sqlite3.node'), PLACEHOLDER_NATIVE_TEXT);

// ── The stand-in Electron ────────────────────────────────────────────────────────────────────
// An unpacked Electron for Linux is the `electron` executable, resources/, locales/, the .pak
// and .so files beside it, LICENSE, LICENSES.chromium.html and a `version` file. electron-builder
// renames the executable, puts app.asar into resources/, moves LICENSE to
// LICENSE.electron.txt and flips the fuses in the executable; it reads nothing else.
fs.mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
fs.mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
const standIn = Buffer.concat([
  Buffer.from('#!/bin/sh\necho "This is the offline packaging check\'s stand-in for Electron, not Electron." >&2\nexit 1\n# '),
  Buffer.from(FUSE_SENTINEL, 'latin1'),
  Buffer.from([1, STAND_IN_FUSE_WIRE.length]),
  Buffer.from(STAND_IN_FUSE_WIRE, 'latin1'),
  Buffer.from('\n'),
]);
fs.writeFileSync(path.join(electronDist, 'electron'), standIn, { mode: 0o755 });
fs.writeFileSync(path.join(electronDist, 'version'), `${version}\n`);
fs.writeFileSync(path.join(electronDist, 'LICENSE'), 'Stand-in for Electron\'s LICENSE (offline packaging check).\n');
fs.writeFileSync(path.join(electronDist, 'locales', 'en-US.pak'), 'stand-in\n');

// ── electron-builder, offline ────────────────────────────────────────────────────────────────
const guard = path.join(root, 'scripts', 'offline-network-guard.cjs');
/** @type {NodeJS.ProcessEnv} */
const env = {};
for (const [k, v] of Object.entries(process.env)) {
  // No credentials reach this run: it must neither sign nor publish anything.
  if (/^(CSC_|WIN_CSC_|APPLE_|GH_TOKEN|GITHUB_TOKEN|EP_|AZURE_)/.test(k)) continue;
  env[k] = v;
}
Object.assign(env, {
  // The guard goes into electron-builder and every Node process it starts (npm, for one).
  NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(guard)}`.trim(),
  CUTTINGS_NET_LOG: netLog,
  // Anything electron-builder downloads or caches goes here, not into ~/.cache.
  ELECTRON_BUILDER_CACHE: path.join(work, 'cache'),
  electron_config_cache: path.join(work, 'cache', 'electron'),
  CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  // electron-builder's own temp files, and no config-loader cache in /tmp/jiti.
  TMPDIR: path.join(work, 'tmp'),
  JITI_FS_CACHE: 'false',
});
fs.mkdirSync(path.join(work, 'tmp'), { recursive: true });
const builderCli = path.join(project, 'node_modules', 'electron-builder', 'cli.js');
const builderArgs = [
  builderCli,
  '--projectDir', project,
  '--config', 'electron-builder.config.mjs',
  '--dir', '--linux', `--${process.arch === 'arm64' ? 'arm64' : 'x64'}`,
  '--publish', 'never',
  `-c.electronDist=${electronDist}`,
  `-c.electronVersion=${version}`,
  `-c.directories.output=${release}`,
];
const started = Date.now();
const run = spawnSync(process.execPath, builderArgs, { cwd: project, env, encoding: 'utf8', timeout: 150_000, maxBuffer: 64 * 1024 * 1024 });
const seconds = (Date.now() - started) / 1000;
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;

/** @type {unknown[]} */
const networkAttempts = fs.existsSync(netLog)
  ? fs.readFileSync(netLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  : [];
const appDir = fs.existsSync(release) ? fs.readdirSync(release).map((d) => path.join(release, d)).find((d) => d.endsWith('-unpacked')) ?? null : null;
const result = {
  ok: run.status === 0,
  exitCode: run.status,
  signal: run.signal,
  error: run.error ? String(run.error) : null,
  seconds,
  electronVersion: version,
  standInFuseWire: STAND_IN_FUSE_WIRE,
  placeholderNativeText: PLACEHOLDER_NATIVE_TEXT,
  work,
  project,
  electronDist,
  appDir,
  asar: appDir ? path.join(appDir, 'resources', 'app.asar') : null,
  executable: appDir ? path.join(appDir, 'cuttings') : null,
  networkAttempts,
  output,
};
fs.writeFileSync(path.join(work, 'result.json'), JSON.stringify(result, null, 2));
console.log(output);
console.log(`pack-offline: electron-builder ${result.ok ? 'packed' : 'FAILED'} in ${seconds.toFixed(1)} s; ${networkAttempts.length} network attempt(s); result in ${path.join(work, 'result.json')}`);
process.exit(result.ok ? 0 : 1);
