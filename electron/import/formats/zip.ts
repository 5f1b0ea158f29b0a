// Reading zip containers (docx, odt, epub, .zip of clippings) without trusting them:
// the central directory is required (a truncated zip is "damaged"), entries that overlap
// (the overlapping-entry bomb) are refused, declared sizes are never used to allocate,
// and inflation streams in small steps and stops at a per-entry and a per-archive cap.
// Sizes a ZIP64 extra field gives are read, so a ZIP64 bomb is refused for its size, not
// mistaken for overlapping entries. Entry names are only ever compared with strings, never
// used as paths.
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
/** A 32-bit size or offset field holding this says "see the ZIP64 extra field". */
const ZIP64_MARK = 0xffffffff;
const EXTRA_ZIP64 = 0x0001;

/**
 * The archive as a whole would inflate past its budget. Not an entry's problem: the whole
 * archive is refused (see listZipEntries), so nothing of it is imported.
 */
export class ArchiveBudgetError extends ImportError {}

/** An entry that would inflate past `cap`: the reason every such refusal gives. */
function entryTooLarge(entry: ZipEntry, cap: number): ImportError {
  return new ImportError(`damaged or hostile file: "${printable(entry.name)}" inflates to more than ${formatMiB(cap)} (a zip bomb?)`);
}

function archiveTooLarge(budget: number, hint = ''): ArchiveBudgetError {
  return new ArchiveBudgetError(`damaged or hostile file: the zip inflates to more than ${formatMiB(budget)} in all (a zip bomb?)${hint}`);
}

/** What a person whose .zip of clippings is real but large can do instead. */
const UNZIP_HINT = '; if the archive is genuine, unzip it and import the folder';

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
    if (cdOffset + cdSize > eocd) throw new ImportError('damaged file: the zip central directory is inconsistent');
    if (count > this.limits.maxZipEntries) {
      throw new ImportError(`damaged or hostile file: the zip lists ${count} entries (at most ${this.limits.maxZipEntries} are read)`);
    }
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) {
        throw new ImportError('damaged file: the zip central directory is cut short');
      }
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let declaredSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      if (declaredSize === ZIP64_MARK || compressedSize === ZIP64_MARK || localOffset === ZIP64_MARK) {
        // The real values are in the ZIP64 extra field, in this order, each present only when
        // its 32-bit field holds the mark. Without that field the entry cannot be located.
        const zip64 = zip64Fields(view, p + 46 + nameLen, Math.min(p + 46 + nameLen + extraLen, eocd));
        const next = (): number => {
          const v = zip64.shift();
          if (v === undefined) throw new ImportError('damaged file: a ZIP64 zip entry does not give its sizes');
          return v;
        };
        if (declaredSize === ZIP64_MARK) declaredSize = next();
        if (compressedSize === ZIP64_MARK) compressedSize = next();
        if (localOffset === ZIP64_MARK) localOffset = next();
      }
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
      // Two different failures, told apart: data reaching into the next entry (several
      // entries sharing one kernel is the overlapping-entry bomb) and data running past the
      // last entry's room (a size that is wrong, or an archive cut and patched).
      if (i + 1 < sorted.length && end > sorted[i + 1].localOffset) {
        throw new ImportError('damaged file: its zip entries overlap (a zip bomb or a corrupt archive)');
      }
      if (end > cdOffset) throw new ImportError(`damaged file: the data of "${printable(e.name)}" runs past the end of the zip`);
    }
  }

  get(name: string): ZipEntry | undefined {
    const exact = this.byName.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === lower);
  }

  /** Bytes inflated from this archive so far, those of entries that then failed included. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /**
   * Inflates one entry, never past the per-entry cap (`maxBytes`) or the archive's total
   * budget. An entry that declares more than its cap is refused before a byte is inflated;
   * one that lies is stopped as soon as it passes either. Every byte inflated counts against
   * the budget, a failed entry's too, so the work an archive can cause is bounded as well as
   * the memory it can fill. Past the budget the error is an ArchiveBudgetError.
   */
  read(entry: ZipEntry, maxBytes = this.limits.maxEntryBytes): Uint8Array {
    if (entry.flags & 0x1) throw new ImportError('encrypted (password-protected) document: not supported');
    if (entry.method !== 0 && entry.method !== 8) throw new ImportError(`unsupported file: zip compression method ${entry.method}`);
    if (entry.declaredSize > maxBytes) throw entryTooLarge(entry, maxBytes);
    const budget = this.limits.maxTotalInflatedBytes;
    const left = budget - this.inflated;
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    // Which limit comes first decides the reason: the entry's own, or the archive's.
    const tooLarge = () => (maxBytes <= left ? entryTooLarge(entry, maxBytes) : archiveTooLarge(budget));
    const cap = Math.min(maxBytes, left);
    if (entry.method === 0) {
      if (data.length > cap) throw tooLarge();
      this.inflated += data.length;
      return data;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      this.inflated += chunk.length;
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
    return concatChunks(chunks, total);
  }

  readText(entry: ZipEntry, maxBytes?: number): string {
    const bytes = this.read(entry, maxBytes);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The 64-bit values of the ZIP64 extended-information field among an entry's extra fields. */
function zip64Fields(view: DataView, start: number, end: number): number[] {
  for (let p = start; p + 4 <= end; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === EXTRA_ZIP64) {
      const out: number[] = [];
      // A value past 2^53 loses precision as a number; it is past every limit either way.
      for (let q = p + 4; q + 8 <= Math.min(p + 4 + size, end); q += 8) out.push(Number(view.getBigUint64(q, true)));
      return out;
    }
    p += 4 + size;
  }
  return [];
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
 *
 * The archive is taken whole or not at all. Its entries are all inflated here, before any
 * is imported (the import holds them in memory together), so `maxTotalInflatedBytes` is
 * the archive's budget: when the sizes its entries declare add up to more, it is refused
 * before anything is inflated, and when they lied and inflating passes it, it is refused
 * then (ArchiveBudgetError). Either way no clip and no original of it is kept. An entry
 * alone past the per-entry cap fails alone, with its own reason, and the rest go on.
 */
export function listZipEntries(bytes: Uint8Array, limits: Limits): ZipArticle[] {
  const zip = ZipArchive.open(bytes, limits);
  const picked: { entry: ZipEntry; name: string; path: string }[] = [];
  for (const e of zip.entries) {
    if (picked.length >= limits.maxZipArticles) break;
    if (e.isDirectory) continue;
    const segments = e.name.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..');
    if (!segments.length) continue;
    if (segments.some((s) => s.startsWith('.') || s === '__MACOSX' || s === 'Thumbs.db' || s === 'desktop.ini')) continue;
    const name = printable(segments[segments.length - 1]);
    if (/\.(zip|gz|tgz|7z|rar)$/i.test(name)) continue;
    picked.push({ entry: e, name, path: segments.map(printable).join('/') });
  }
  // Entries over the per-entry cap are refused without inflating, so they take no budget.
  const declared = picked.reduce((sum, p) => sum + (p.entry.declaredSize > limits.maxEntryBytes ? 0 : p.entry.declaredSize), 0);
  if (declared > limits.maxTotalInflatedBytes) throw archiveTooLarge(limits.maxTotalInflatedBytes, UNZIP_HINT);
  const out: ZipArticle[] = [];
  for (const { entry, name, path } of picked) {
    try {
      out.push({ name, path, bytes: zip.read(entry) });
    } catch (err) {
      if (err instanceof ArchiveBudgetError) throw archiveTooLarge(limits.maxTotalInflatedBytes, UNZIP_HINT);
      out.push({ name, path, bytes: new Uint8Array(0), error: err instanceof ImportError ? err.reason : 'cannot be decompressed' });
    }
  }
  return out;
}
