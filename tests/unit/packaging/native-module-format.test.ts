// scripts/native-module-format.mjs tells which system and processor a .node file was built
// for; `npm run dist` refuses to package a database engine built for another one.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type NativeFormat = { platform: 'linux' | 'darwin' | 'win32'; arch: string } | null;
let nativeFormat: (b: Buffer) => NativeFormat;
let nativeFormatOfFile: (file: string) => NativeFormat;

const root = path.resolve(import.meta.dirname, '..', '..', '..');

beforeAll(async () => {
  // A plain-JavaScript script (it runs before any build), loaded by URL so TypeScript does not resolve it.
  const mod = (await import(pathToFileURL(path.join(root, 'scripts', 'native-module-format.mjs')).href)) as {
    nativeFormat: typeof nativeFormat;
    nativeFormatOfFile: typeof nativeFormatOfFile;
  };
  ({ nativeFormat, nativeFormatOfFile } = mod);
});

function elf(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2; // 64-bit
  b[5] = 1; // little-endian
  b.writeUInt16LE(machine, 18);
  return b;
}

function machO(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}

function pe(machine: number): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  return b;
}

describe('native module format', () => {
  it('reads Linux, macOS and Windows headers', () => {
    expect(nativeFormat(elf(0x3e))).toEqual({ platform: 'linux', arch: 'x64' });
    expect(nativeFormat(elf(0xb7))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(nativeFormat(machO(0x0100000c))).toEqual({ platform: 'darwin', arch: 'arm64' });
    expect(nativeFormat(machO(0x01000007))).toEqual({ platform: 'darwin', arch: 'x64' });
    const fat = Buffer.alloc(8);
    fat.writeUInt32BE(0xcafebabe, 0);
    expect(nativeFormat(fat)).toEqual({ platform: 'darwin', arch: 'universal' });
    expect(nativeFormat(pe(0x8664))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(nativeFormat(pe(0xaa64))).toEqual({ platform: 'win32', arch: 'arm64' });
  });

  it('says null for anything that is not a native module', () => {
    expect(nativeFormat(Buffer.from('PLACEHOLDER: not a native module\n'))).toBeNull();
    expect(nativeFormat(Buffer.alloc(0))).toBeNull();
    expect(nativeFormat(Buffer.from('MZ but no PE header at all, just text padding it out to length......'))).toBeNull();
  });

  it("recognises this machine's own better-sqlite3 build", () => {
    const file = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(file)) return; // not built: nothing to read
    expect(nativeFormatOfFile(file)).toEqual({ platform: process.platform, arch: process.arch });
  });
});
