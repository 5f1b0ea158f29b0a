// Zip bombs and oversized archives, each refused for its own reason: a ZIP64 single-entry bomb
// for its size (not as "entries overlap"), a small .zip of many big entries for the archive's
// total inflated budget, before any of it is imported, whether its entries declare their sizes
// honestly or lie. And entries with no text fail alone, leaving no clip and no original.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { listZipArticles, readBytes } from '../../../electron/import/formats/index.ts';
import { DEFAULT_LIMITS, resolveLimits } from '../../../electron/import/formats/limits.ts';
import { ZipArchive } from '../../../electron/import/formats/zip.ts';
import { SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { importErrorReason as reasonOf } from './corpus.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

interface Member {
  name: string;
  /** The stored bytes: deflated (method 8) unless `stored`. */
  data: Uint8Array;
  /** The inflated size the headers declare (the truth, or a lie). */
  declared: number;
  crc?: number;
  stored?: boolean;
  /** Write the sizes as ZIP64 does: 0xFFFFFFFF in the headers, the real values in an extra field. */
  zip64?: boolean;
}

/** A zip written byte by byte, so a test controls every size field (fflate's zipSync would
 * compress each entry again, and tell no lies). */
function buildZip(members: Member[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = strToU8(m.name);
    const extra = new Uint8Array(m.zip64 ? 20 : 0);
    if (m.zip64) {
      const x = new DataView(extra.buffer);
      x.setUint16(0, 0x0001, true);
      x.setUint16(2, 16, true);
      x.setBigUint64(4, BigInt(m.declared), true);
      x.setBigUint64(12, BigInt(m.data.length), true);
    }
    const size32 = m.zip64 ? 0xffffffff : m.declared;
    const comp32 = m.zip64 ? 0xffffffff : m.data.length;
    const local = new Uint8Array(30 + name.length + extra.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, m.zip64 ? 45 : 20, true);
    l.setUint16(6, 0x800, true);
    l.setUint16(8, m.stored ? 0 : 8, true);
    l.setUint32(14, m.crc ?? 0, true);
    l.setUint32(18, comp32, true);
    l.setUint32(22, size32, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    const entry = new Uint8Array(46 + name.length + extra.length);
    const c = new DataView(entry.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 45, true);
    c.setUint16(6, m.zip64 ? 45 : 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, m.stored ? 0 : 8, true);
    c.setUint32(16, m.crc ?? 0, true);
    c.setUint32(20, comp32, true);
    c.setUint32(24, size32, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, extra.length, true);
    c.setUint32(42, offset, true);
    entry.set(name, 46);
    entry.set(extra, 46 + name.length);
    parts.push(local, m.data);
    central.push(entry);
    offset += local.length + m.data.length;
  }
  const cdSize = central.reduce((n, e) => n + e.length, 0);
  const eocd = new Uint8Array(22);
  const e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, members.length, true);
  e.setUint16(10, members.length, true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An entry as a zip tool would write it: deflated, declaring its true size. */
function member(name: string, bytes: Uint8Array, declared = bytes.length): Member {
  return { name, data: deflateSync(bytes), declared, crc: zlib.crc32(bytes) };
}

/** The "3 MB zip of 300 × 10 MB entries": one 10 MB run of spaces deflated once
 * (10 KB), then written as 300 entries, each with its own copy (no overlap). */
function manyBigEntries(declared?: number): Uint8Array {
  const ten = new Uint8Array(10 * MiB).fill(0x20);
  const data = deflateSync(ten);
  const crc = zlib.crc32(ten);
  return buildZip(Array.from({ length: 300 }, (_, i) => ({ name: `clip-${i}.txt`, data, declared: declared ?? ten.length, crc })));
}

/** A ZIP64 single-entry bomb: the size its ZIP64 field gives is 4.5 GiB, as a real one's is.
 * Its stream holds 70 MiB of zeros rather than 4.5 GiB (making that takes a minute), which
 * is still past the 64 MiB an entry may inflate to, so nothing here relies on the header. */
function zip64Bomb(name: string, declared = 4.5 * GiB): Member {
  return { name, data: deflateSync(new Uint8Array(70 * MiB)), declared, zip64: true };
}

const ARTICLE = 'Harbour cranes stand idle\n\nThe dockers of the northern harbour stopped work on Monday, the union said, and ships queued outside the breakwater.\n\nThe strike is the first in a decade.';

describe('a ZIP64 single-entry bomb', () => {
  let bomb: Member;
  beforeAll(() => {
    bomb = zip64Bomb('bomb.txt');
  });

  it('is refused for its size before a byte is inflated, not as overlapping entries', () => {
    const zip = ZipArchive.open(buildZip([bomb]), resolveLimits());
    expect(zip.entries[0].declaredSize).toBe(4.5 * GiB);
    expect(zip.entries[0].compressedSize).toBe(bomb.data.length);
    const reason = reasonOf(() => zip.read(zip.entries[0]));
    expect(reason).toMatch(/"bomb\.txt" inflates to more than 64 MB/);
    expect(reason).not.toMatch(/overlap/);
    expect(zip.inflatedBytes).toBe(0);
  });

  it('fails alone inside a .zip of clippings, with the same reason', () => {
    const [entry] = listZipArticles(buildZip([bomb]));
    expect(entry.error).toMatch(/inflates to more than 64 MB \(a zip bomb\?\)/);
    expect(entry.bytes.length).toBe(0);
  });

  it('is refused the same way as the text of a Word document', () => {
    const docx = buildZip([member('[Content_Types].xml', strToU8('<Types/>')), { ...bomb, name: 'word/document.xml' }]);
    const reason = reasonOf(() => readBytes(docx, 'bomb.docx'));
    expect(reason).toMatch(/"word\/document\.xml" inflates to more than 64 MB/);
    expect(reason).not.toMatch(/overlap/);
  });

  it('is stopped at the per-entry cap when its ZIP64 field lies about the size', () => {
    const zip = ZipArchive.open(buildZip([{ ...bomb, declared: 1024 }]), resolveLimits());
    expect(reasonOf(() => zip.read(zip.entries[0]))).toMatch(/inflates to more than 64 MB/);
    // Inflating stopped at the cap (one step of output past it at most), not at 70 MiB.
    expect(zip.inflatedBytes).toBeLessThan(DEFAULT_LIMITS.maxEntryBytes + MiB);
  });
});

describe('a 3 MB zip of 300 × 10 MB entries (3 GB inflated)', () => {
  const budget = `the zip inflates to more than ${DEFAULT_LIMITS.maxTotalInflatedBytes / MiB} MB in all`;

  it('is about 3 MB, and refused whole for the budget from the sizes it declares', () => {
    const zip = manyBigEntries();
    expect(zip.length).toBeGreaterThan(2.5 * MiB);
    expect(zip.length).toBeLessThan(3.5 * MiB);
    expect(reasonOf(() => listZipArticles(zip))).toContain(budget);
  });

  it('is refused whole for the budget when its entries lie about their sizes', () => {
    // Each claims 1 KB: nothing is refused up front, and inflating stops at the budget.
    expect(reasonOf(() => listZipArticles(manyBigEntries(1024)))).toContain(budget);
  });

  it('the budget counts the bytes of entries that failed too, so the work is bounded', () => {
    // Entries that each pass the per-entry cap while declaring 1 KB: each fails alone, and the
    // archive is refused once their inflated bytes add up to the budget.
    const big = new Uint8Array(3 * MiB).fill(0x20);
    const entries = Array.from({ length: 20 }, (_, i) => member(`e${i}.txt`, big, 1024));
    const reason = reasonOf(() => listZipArticles(buildZip(entries), { maxEntryBytes: 2 * MiB, maxTotalInflatedBytes: 16 * MiB }));
    expect(reason).toContain('the zip inflates to more than 16 MB in all');
  });
});

describe('archives imported into a library', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let work: string;
  beforeEach(() => {
    lib = tempLibrary();
    work = tempDir('cuttings-zip-');
  });
  afterEach(() => {
    lib.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });
  const clips = () => lib.db.prepare('SELECT count(*) FROM clips').pluck().get() as number;
  const originals = () => {
    const dir = path.join(lib.dir, 'originals');
    return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).length : 0;
  };
  const importZip = (name: string, bytes: Uint8Array) => {
    fs.writeFileSync(path.join(work, name), bytes);
    return new ImportJob(lib).runPaths([path.join(work, name)]);
  };

  for (const [what, declared] of [['declaring their sizes', undefined], ['lying about their sizes', 1024]] as const) {
    it(`the 300 × 10 MB zip, ${what}: one failure for the archive, no clip, no original`, async () => {
      const summary = await importZip('clippings.zip', manyBigEntries(declared));
      expect(summary.outcomes).toHaveLength(1);
      expect(summary.outcomes[0]).toMatchObject({ status: 'failed' });
      expect(summary.outcomes[0].file).toMatch(/clippings\.zip$/);
      expect(summary.outcomes[0].reason).toMatch(/the zip inflates to more than 256 MB in all \(a zip bomb\?\); if the archive is genuine, unzip it and import the folder/);
      expect(clips()).toBe(0);
      expect(originals()).toBe(0);
    }, 60_000);
  }

  it('an archive within the budget: the article is added; empty, blank and bomb entries fail alone and keep nothing', async () => {
    const zip = buildZip([
      member('strike.txt', strToU8(ARTICLE)),
      member('seed.txt', new Uint8Array(fs.readFileSync(SEED))),
      member('blank-page.html', strToU8('<!doctype html><html><head><title>Loading…</title></head><body><div id="app"></div></body></html>')),
      member('spaces.txt', new Uint8Array(2 * MiB).fill(0x20)),
      zip64Bomb('bomb.txt'),
    ]);
    const summary = await importZip('mixed.zip', zip);
    const by = (name: string) => summary.outcomes.find((o) => o.file.endsWith(`› ${name}`))!;
    expect(by('strike.txt').status).toBe('added');
    expect(by('seed.txt').status).toBe('added');
    expect(by('blank-page.html')).toMatchObject({ status: 'failed', reason: 'has no text to keep (an empty page, or an image-only PDF)' });
    // The text reader refuses a text file of spaces itself, before extraction.
    expect(by('spaces.txt')).toMatchObject({ status: 'failed', reason: 'no article text found' });
    expect(by('bomb.txt').reason).toMatch(/inflates to more than 64 MB/);
    expect(clips()).toBe(2);
    expect(originals()).toBe(2);
  }, 60_000);
});

describe('what a zip refusal says', () => {
  it('too many entries: says how many, not "inconsistent"', () => {
    const zip = buildZip(Array.from({ length: 12 }, (_, i) => member(`n${i}.txt`, strToU8('x'))));
    expect(reasonOf(() => listZipArticles(zip, { maxZipEntries: 10 }))).toMatch(/lists 12 entries \(at most 10 are read\)/);
  });

  it('data that runs past the end of the zip: damaged, not overlapping', () => {
    const m = member('a.txt', strToU8(ARTICLE));
    const zip = buildZip([m]);
    // The central directory claims more compressed bytes than the entry has room for.
    const view = new DataView(zip.buffer);
    const cd = zip.length - 22 - (46 + 'a.txt'.length);
    view.setUint32(cd + 20, m.data.length + 500, true);
    const reason = reasonOf(() => listZipArticles(zip));
    expect(reason).toMatch(/^damaged file: the data of "a\.txt" runs past the end of the zip/);
  });

  it('a ZIP64 entry without its ZIP64 field: damaged, with that reason', () => {
    const zip = buildZip([{ ...member('a.txt', strToU8(ARTICLE)), zip64: true }]);
    // Drop the extra field's id so the sizes cannot be found.
    const view = new DataView(zip.buffer);
    const cd = zip.length - 22 - (46 + 'a.txt'.length + 20);
    view.setUint16(cd + 46 + 'a.txt'.length, 0x9999, true);
    expect(reasonOf(() => listZipArticles(zip))).toBe('damaged file: a ZIP64 zip entry does not give its sizes');
  });
});

