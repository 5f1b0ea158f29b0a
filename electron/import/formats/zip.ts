// Reading zip containers (docx, odt, epub, .zip of clippings) without trusting them:
// the central directory is required (a truncated zip is "damaged"), entries that overlap
// (the overlapping-entry bomb) are refused, declared sizes are never used to allocate,
// and inflation streams in small steps and stops at a per-entry and a per-archive cap.
// Entry names are only ever compared with strings, never used as paths.
import { Inflate } from 'fflate';
import { ImportError } from '../types.ts';
import { concatChunks } from './bytes.ts';
import { decodeWindows1252 } from './charset.ts';
import type { Limits } from './limits.ts';
import { formatMiB } from './result.ts';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
  isDirectory: boolean;
  /** Offset of the compressed data, known after the local header was checked. */
  dataStart: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const STEP = 4096; // compressed bytes per inflate step: deflate expands at most ~1032×

export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  private inflated = 0;
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(private readonly bytes: Uint8Array, private readonly limits: Limits) {}

  static open(bytes: Uint8Array, limits: Limits): ZipArchive {
    const zip = new ZipArchive(bytes, limits);
    zip.readCentralDirectory();
    return zip;
  }

  private readCentralDirectory(): void {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (view.getUint32(i, true) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ImportError('damaged file: the zip container is incomplete (no central directory)');
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new ImportError('unsupported file: ZIP64 containers are not read');
    if (cdOffset + cdSize > eocd || count > this.limits.maxZipEntries) {
      throw new ImportError('damaged file: the zip central directory is inconsistent');
    }
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) {
        throw new ImportError('damaged file: the zip central directory is cut short');
      }
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const compressedSize = view.getUint32(p + 20, true);
      const declaredSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const localOffset = view.getUint32(p + 42, true);
      const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
      const name = flags & 0x800 ? new TextDecoder('utf-8').decode(nameBytes) : decodeWindows1252(nameBytes);
      const entry: ZipEntry = {
        name, method, flags, compressedSize, declaredSize, localOffset,
        isDirectory: name.endsWith('/') || name.endsWith('\\'), dataStart: -1,
      };
      this.entries.push(entry);
      if (!this.byName.has(name)) this.byName.set(name, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
    this.checkLocalHeaders(cdOffset);
  }

  /** Every entry's data must lie inside the file and apart from every other entry's. */
  private checkLocalHeaders(cdOffset: number): void {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const sorted = [...this.entries].sort((x, y) => x.localOffset - y.localOffset);
    for (let i = 0; i < sorted.length; i++) {
      const e = sorted[i];
      if (e.localOffset + 30 > cdOffset || view.getUint32(e.localOffset, true) !== SIG_LOCAL) {
        throw new ImportError('damaged file: a zip entry is missing');
      }
      e.dataStart = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
      const end = e.dataStart + e.compressedSize;
      const nextStart = i + 1 < sorted.length ? sorted[i + 1].localOffset : cdOffset;
      if (end > nextStart) {
        throw new ImportError('damaged file: its zip entries overlap (a zip bomb or a corrupt archive)');
      }
    }
  }

  get(name: string): ZipEntry | undefined {
    const exact = this.byName.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === lower);
  }

  /** Inflates one entry, never past the per-entry cap or the archive's total budget. */
  read(entry: ZipEntry, maxBytes = this.limits.maxEntryBytes): Uint8Array {
    if (entry.flags & 0x1) throw new ImportError('encrypted (password-protected) document: not supported');
    const cap = Math.min(maxBytes, this.limits.maxTotalInflatedBytes - this.inflated);
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const tooLarge = () => new ImportError(`damaged or hostile file: "${printable(entry.name)}" inflates to more than ${formatMiB(cap)} (a zip bomb?)`);
    if (entry.method === 0) {
      if (data.length > cap) throw tooLarge();
      this.inflated += data.length;
      return data;
    }
    if (entry.method !== 8) throw new ImportError(`unsupported file: zip compression method ${entry.method}`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > cap) {
        over = true;
        throw tooLarge();
      }
      chunks.push(chunk);
    });
    try {
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
      for (let off = 0; off < data.length; off += STEP) {
        inflate.push(data.subarray(off, Math.min(off + STEP, data.length)), off + STEP >= data.length);
      }
    } catch (err) {
      if (over || err instanceof ImportError) throw err;
      throw new ImportError(`damaged file: "${printable(entry.name)}" cannot be decompressed`);
    }
    this.inflated += total;
    return concatChunks(chunks, total);
  }

  readText(entry: ZipEntry, maxBytes?: number): string {
    const bytes = this.read(entry, maxBytes);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function printable(name: string): string {
  return name.replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '?').slice(0, 120);
}

export interface ZipArticle {
  /** The entry's own file name (last path segment), for sniffing and messages. */
  name: string;
  /** The entry's path inside the archive, for display only: never a file-system path. */
  path: string;
  bytes: Uint8Array;
  /** Set when this entry could not be taken out (bytes is then empty). */
  error?: string;
}

/**
 * The files inside a .zip of clippings, to import one by one: directories, hidden files,
 * macOS resource forks (__MACOSX) and nested archives are skipped; sizes are bounded.
 */
export function listZipEntries(bytes: Uint8Array, limits: Limits): ZipArticle[] {
  const zip = ZipArchive.open(bytes, limits);
  const out: ZipArticle[] = [];
  for (const e of zip.entries) {
    if (out.length >= limits.maxZipArticles) break;
    if (e.isDirectory) continue;
    const segments = e.name.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..');
    if (!segments.length) continue;
    if (segments.some((s) => s.startsWith('.') || s === '__MACOSX' || s === 'Thumbs.db' || s === 'desktop.ini')) continue;
    const name = printable(segments[segments.length - 1]);
    if (/\.(zip|gz|tgz|7z|rar)$/i.test(name)) continue;
    const path = segments.map(printable).join('/');
    try {
      out.push({ name, path, bytes: zip.read(e) });
    } catch (err) {
      out.push({ name, path, bytes: new Uint8Array(0), error: err instanceof ImportError ? err.reason : 'cannot be decompressed' });
    }
  }
  return out;
}
