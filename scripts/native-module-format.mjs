// @ts-check
// Which system and processor a native module (.node file) was compiled for, read from its
// header: ELF (Linux), Mach-O (macOS) or PE (Windows). `npm run dist` uses it so that an
// installer never ships a database engine built for another system than the one it installs
// on (node-gyp cannot cross-compile better-sqlite3, and a wrong one fails only when a user
// starts the app). It cannot tell Electron's ABI from Node's: build-electron-native.mjs checks
// that by trying to load the module in Node.
import fs from 'node:fs';

/** @typedef {{ platform: 'linux' | 'darwin' | 'win32', arch: string }} NativeFormat */

const ELF_MACHINES = /** @type {Record<number, string>} */ ({ 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' });
const MACHO_CPUS = /** @type {Record<number, string>} */ ({ 0x01000007: 'x64', 0x0100000c: 'arm64' });
const PE_MACHINES = /** @type {Record<number, string>} */ ({ 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' });

/**
 * @param {Buffer} b the first bytes of the file (4 KiB is plenty)
 * @returns {NativeFormat | null} null when the bytes are none of the three formats
 */
export function nativeFormat(b) {
  if (b.length >= 20 && b[0] === 0x7f && b.toString('latin1', 1, 4) === 'ELF') {
    const machine = b[5] === 2 ? b.readUInt16BE(18) : b.readUInt16LE(18);
    return { platform: 'linux', arch: ELF_MACHINES[machine] ?? `unknown ELF machine 0x${machine.toString(16)}` };
  }
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) return { platform: 'darwin', arch: 'universal' };
  if (b.length >= 8 && (b.readUInt32LE(0) === 0xfeedfacf || b.readUInt32LE(0) === 0xfeedface)) {
    const cpu = b.readUInt32LE(4);
    return { platform: 'darwin', arch: MACHO_CPUS[cpu] ?? `unknown Mach-O CPU 0x${cpu.toString(16)}` };
  }
  if (b.length >= 0x40 && b.toString('latin1', 0, 2) === 'MZ') {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 <= b.length && b.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = b.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: PE_MACHINES[machine] ?? `unknown PE machine 0x${machine.toString(16)}` };
    }
  }
  return null;
}

/** @param {string} file */
export function nativeFormatOfFile(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return nativeFormat(head.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}
