// The offline packaging check. electron-builder packs the app for Linux into a folder
// (scripts/pack-offline.mjs: the real electron-builder.config.mjs on a staged copy of the
// project, a stand-in for Electron's binary, a placeholder for the Electron-ABI database
// engine, no network), then this test opens the app.asar it produced and checks what a
// user's installer would carry: an entry point that resolves, the preload, both workers,
// pdf.js's worker and the renderer; the database engine unpacked beside the archive and
// better-sqlite3's Node build nowhere; no second copy of anything the build already bundled;
// no source maps, sources, tests or benchmarks; and the fuses flipped as configured.
//
// What it cannot check here: that the packaged app starts (no Electron binary), that
// native/electron/better_sqlite3.node really is built for Electron's ABI (it is a placeholder
// here), installers other than the unpacked Linux folder (AppImage, deb, NSIS and dmg need
// tools electron-builder downloads), signing, and asar integrity enforcement (Electron does
// that at start-up, on macOS and Windows).
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

interface PackResult {
  ok: boolean;
  exitCode: number | null;
  error: string | null;
  seconds: number;
  electronVersion: string;
  standInFuseWire: string;
  placeholderNativeText: string;
  work: string;
  project: string;
  appDir: string | null;
  asar: string | null;
  executable: string | null;
  networkAttempts: Array<{ kind: string; url?: string; host?: string; port?: string }>;
  output: string;
}

interface FileEntry {
  size: number;
  unpacked?: boolean;
  integrity?: { algorithm: string; hash: string; blockSize: number; blocks: string[] };
}

/** The only packages the app loads from node_modules at run time (everything else is bundled). */
const RUNTIME_PACKAGES = ['better-sqlite3', 'bindings', 'file-uri-to-path', 'pdfjs-dist'];
/** Libraries esbuild and vite bundle into out/electron/ and dist/renderer/: never a second copy. */
const BUNDLED_LIBRARIES = [
  'react', 'react-dom', 'scheduler', 'dompurify', 'linkedom', '@mozilla/readability', 'fuse.js', 'marked', 'yaml',
  'fflate', 'iconv-lite', 'franc-min', 'trigram-utils',
];
/** Packages the app never loads: better-sqlite3's install-time helper, pdf.js's optional renderer, the CLI's TS loader. */
const UNUSED_PACKAGES = ['prebuild-install', '@napi-rs/canvas', 'tsx'];

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
const nodeBuildFile = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

let work = '';
let result: PackResult;
let archive = '';
let unpackedDir = '';
let entries: string[] = [];
let nodeBuildBefore = '';

function entry(p: string): FileEntry | null {
  try {
    return asar.statFile(archive, p) as unknown as FileEntry;
  } catch {
    return null;
  }
}

/** Every file the package carries, in the archive or unpacked beside it, as "path" relative to the app. */
function allFiles(): string[] {
  const out = new Set(entries);
  const walk = (dir: string, rel: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(path.join(dir, d.name), r);
      else out.add(r);
    }
  };
  if (fs.existsSync(unpackedDir)) walk(unpackedDir, '');
  return [...out].sort();
}

/** A file the app needs: in the archive, or marked unpacked and really there on disk. */
function expectPresent(p: string, where: 'packed' | 'unpacked') {
  const e = entry(p);
  expect(e, `${p} is not in app.asar`).not.toBeNull();
  expect(typeof e!.size, `${p} is a folder, not a file`).toBe('number');
  if (where === 'unpacked') {
    expect(e!.unpacked, `${p} must be unpacked (a worker thread or the OS loads it from disk)`).toBe(true);
    const onDisk = path.join(unpackedDir, p);
    expect(fs.existsSync(onDisk), `${p} is marked unpacked but missing from app.asar.unpacked`).toBe(true);
    expect(fs.statSync(onDisk).size).toBe(e!.size);
  } else {
    expect(e!.unpacked ?? false, `${p} should be inside the archive`).toBe(false);
  }
}

beforeAll(() => {
  for (const dir of ['out/electron', 'dist/renderer']) {
    if (!fs.existsSync(path.join(root, dir))) {
      throw new Error(`${dir}/ does not exist: the packaging check packs the built app, so run \`npm run build\` first.`);
    }
  }
  nodeBuildBefore = fs.existsSync(nodeBuildFile) ? sha256(fs.readFileSync(nodeBuildFile)) : '';
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-packaging-check-'));
  const out = path.join(work, 'pack');
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'pack-offline.mjs'), '--out', out], { cwd: root, encoding: 'utf8', timeout: 170_000 });
  const resultFile = path.join(out, 'result.json');
  if (!fs.existsSync(resultFile)) throw new Error(`scripts/pack-offline.mjs wrote no result:\n${run.stdout}\n${run.stderr}`);
  result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as PackResult;
  if (!result.ok || !result.asar) {
    throw new Error(`electron-builder --dir --linux failed offline (exit ${result.exitCode}${result.error ? `, ${result.error}` : ''}):\n${result.output.split('\n').slice(-40).join('\n')}`);
  }
  archive = result.asar;
  unpackedDir = `${archive}.unpacked`;
  // Files only: listPackage names folders too.
  entries = asar.listPackage(archive, { isPack: false })
    .map((p) => p.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((p) => typeof entry(p)?.size === 'number');
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (electron-builder --dir --linux, offline, stand-in Electron)', () => {
  it('is packed without downloading anything', () => {
    const asarBytes = fs.statSync(archive).size;
    let unpackedBytes = 0;
    for (const f of allFiles()) if (entry(f)?.unpacked) unpackedBytes += entry(f)!.size;
    console.log(
      `packaging check: electron-builder packed Electron ${result.electronVersion}'s app in ${result.seconds.toFixed(1)} s; `
      + `app.asar is ${(asarBytes / 1024 / 1024).toFixed(2)} MB (${asarBytes} bytes), plus ${(unpackedBytes / 1024 / 1024).toFixed(2)} MB unpacked beside it.`,
    );
    const attempts = result.networkAttempts.map((a) => a.url ?? `${a.host}:${a.port}`);
    expect(attempts, `electron-builder tried to download: ${attempts.join(', ')}`).toEqual([]);
  });

  it("has package.json's main inside the archive", () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main?: string; name?: string };
    expect(pkg.main, 'the packaged package.json names no main').toBeTruthy();
    const main = path.posix.normalize(pkg.main!);
    expect(main.startsWith('..'), `main (${pkg.main}) points outside the app`).toBe(false);
    expectPresent(main, 'packed');
    // The work tree's package.json is what was packed (electron-builder only adds metadata).
    const source = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe(source.main);
  });

  it('carries the preload, both workers, pdf.js and its worker, and the renderer', () => {
    expectPresent('out/electron/preload.cjs', 'packed');
    expectPresent('out/electron/extract-worker.mjs', 'unpacked');
    expectPresent('out/electron/pdf-worker.mjs', 'unpacked');
    expectPresent('node_modules/pdfjs-dist/legacy/build/pdf.mjs', 'unpacked');
    expectPresent('node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', 'unpacked');
    // pdf.ts hands pdf.js these folders as cMapUrl and standardFontDataUrl.
    for (const dir of ['cmaps', 'standard_fonts']) {
      const files = allFiles().filter((f) => f.startsWith(`node_modules/pdfjs-dist/${dir}/`));
      expect(files.length, `pdfjs-dist/${dir} is missing`).toBeGreaterThan(0);
      for (const f of files) expect(entry(f)?.unpacked, `${f} must be unpacked beside pdf.mjs`).toBe(true);
    }
    expectPresent('node_modules/better-sqlite3/lib/index.js', 'packed');
    expectPresent('node_modules/better-sqlite3/package.json', 'packed');

    expectPresent('dist/renderer/index.html', 'packed');
    // Every file of the renderer build that was packed (the staged copy: a rebuild in the
    // work tree meanwhile would rename its hashed assets), source maps aside.
    const rendererDir = path.join(result.project, 'dist', 'renderer');
    for (const f of fs.readdirSync(rendererDir, { recursive: true, withFileTypes: true })) {
      if (!f.isFile() || f.name.endsWith('.map')) continue;
      expectPresent(path.relative(result.project, path.join(f.parentPath, f.name)).split(path.sep).join('/'), 'packed');
    }
    const html = asar.extractFile(archive, 'dist/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
    expect(assets.some((a) => a.endsWith('.js')), 'index.html loads no script').toBe(true);
    for (const a of assets) expectPresent(path.posix.join('dist/renderer', a.replace(/^\.?\//, '')), 'packed');

    for (const sample of fs.readdirSync(path.join(root, 'resources', 'samples'))) expectPresent(`resources/samples/${sample}`, 'packed');
    expectPresent('resources/icons/icon.png', 'packed');
    // The recogniser's weights: read by the extraction workers, which cannot read inside app.asar.
    expectPresent('resources/entities/model.bin', 'unpacked');
  });

  it("has the Electron-ABI database engine unpacked, and better-sqlite3's Node build nowhere", () => {
    const native = 'native/electron/better_sqlite3.node';
    expectPresent(native, 'unpacked');
    // Here that file is scripts/pack-offline.mjs's placeholder: only its place is verified.
    expect(fs.readFileSync(path.join(unpackedDir, native), 'utf8')).toBe(result.placeholderNativeText);
    console.log(
      `packaging check: ${native} sits unpacked in app.asar.unpacked/native/electron/. It is a PLACEHOLDER here: `
      + "its Electron ABI is NOT verified on this machine (no Electron headers); `npm run dist` builds and checks the real one.",
    );
    const files = allFiles();
    expect(files.filter((f) => f.endsWith('.node')), 'only the Electron build may be a native module').toEqual([native]);
    expect(files.filter((f) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('binding.gyp'))).toEqual([]);
  });

  it('does not copy a second time what the build bundles', () => {
    const files = allFiles();
    const packages = new Set(
      files.filter((f) => f.startsWith('node_modules/')).map((f) => {
        const [, a, b] = f.split('/');
        return a.startsWith('@') ? `${a}/${b}` : a;
      }),
    );
    for (const lib of BUNDLED_LIBRARIES) expect(packages.has(lib), `${lib} is bundled by the build but was copied into node_modules too`).toBe(false);
    for (const lib of UNUSED_PACKAGES) expect(packages.has(lib), `${lib} is never loaded by the app but was packed`).toBe(false);
    expect([...packages].sort()).toEqual(RUNTIME_PACKAGES);
  });

  it('carries no source maps, sources, tests or benchmarks', () => {
    const files = allFiles();
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(tests|bench|electron|renderer|scripts|bin|corpus|release|node_modules\/\.bin)\//.test(f))).toEqual([]);
    // Top level: exactly the app's own folders and its package.json.
    expect([...new Set(files.map((f) => f.split('/')[0]))].sort()).toEqual(['dist', 'native', 'node_modules', 'out', 'package.json', 'resources']);
    const samples = fs.readdirSync(path.join(result.project, 'resources', 'samples')).map((f) => `resources/samples/${f}`);
    expect(files.filter((f) => f.startsWith('resources/')).sort()).toEqual(['resources/icons/icon.png', 'resources/entities/model.bin', 'resources/entities/NOTICE.md', ...samples].sort());
    expect(files.filter((f) => f.startsWith('out/')).sort()).toEqual([
      'out/electron/extract-worker.mjs', 'out/electron/main.cjs', 'out/electron/pdf-worker.mjs', 'out/electron/preload.cjs',
    ]);
  });

  it('records integrity hashes that match the packed files', () => {
    let checked = 0;
    for (const f of allFiles()) {
      const e = entry(f);
      if (!e) continue;
      expect(e.integrity?.algorithm, `${f} has no integrity record`).toBe('SHA256');
      // Electron hashes every file (whole and per block) and checks them as it reads the archive.
      const data = e.unpacked ? fs.readFileSync(path.join(unpackedDir, f)) : asar.extractFile(archive, f);
      expect(e.integrity!.hash, `${f}'s integrity hash does not match its content`).toBe(sha256(data));
      checked++;
    }
    // What electron-builder embeds in the signed executable (macOS Info.plist, Windows resources)
    // is the hash of the archive's header; on Linux Electron has no such check.
    const header = asar.getRawHeader(archive).headerString;
    console.log(`packaging check: ${checked} files carry matching SHA256 integrity records; asar header hash ${sha256(header)}.`);
    expect(checked).toBeGreaterThan(10);
  });

  it('flips the fuses as configured', async () => {
    const wire = await getCurrentFuseWire(result.executable!);
    const state = (fuse: FuseV1Options) => String.fromCharCode(Number(wire[fuse]));
    expect(state(FuseV1Options.RunAsNode), 'RunAsNode must be off').toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable), 'NODE_OPTIONS must be off').toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments), '--inspect must be off').toBe('0');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar), 'OnlyLoadAppFromAsar must be on').toBe('1');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation), 'asar integrity validation must be on').toBe('1');
    // Fuses the configuration does not name keep Electron's defaults.
    for (const fuse of [FuseV1Options.EnableCookieEncryption, FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, FuseV1Options.GrantFileProtocolExtraPrivileges]) {
      expect(state(fuse)).toBe(result.standInFuseWire[fuse]);
    }
  });

  it("leaves this work tree's node_modules/better-sqlite3 Node build as it was", () => {
    expect(fs.existsSync(nodeBuildFile) ? sha256(fs.readFileSync(nodeBuildFile)) : '').toBe(nodeBuildBefore);
    expect(fs.existsSync(path.join(root, 'native', 'electron', 'better_sqlite3.node')) && fs.readFileSync(path.join(root, 'native', 'electron', 'better_sqlite3.node')).includes('PLACEHOLDER')).toBe(false);
  });
});
