// The first 100 bytes of a library file, read with plain file reads: what openLibrary must know
// before it lets SQLite near the file, so that a library it will refuse (damaged, or written by
// a newer Cuttings) is refused without a single byte of it, or of its folder, being written.
// Layout: https://www.sqlite.org/fileformat2.html#the_database_header
import fs from 'node:fs';

export interface DatabaseHeader {
  pageSize: number;
  /** Write version 2: the file is in WAL mode. */
  wal: boolean;
  /** PRAGMA user_version as of the last checkpoint (a WAL file may hold a newer page 1). */
  userVersion: number;
  /** Why the file is not a whole SQLite database, or null when its header looks sound. */
  damage: string | null;
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** null when there is no file, or an empty one (SQLite makes a new database of it). */
export function readDatabaseHeader(file: string): DatabaseHeader | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return null;
    const head = Buffer.alloc(100);
    const read = fs.readSync(fd, head, 0, 100, 0);
    const damaged = (damage: string): DatabaseHeader => ({ pageSize: 0, wal: false, userVersion: 0, damage });
    if (read < 100 || !head.subarray(0, 16).equals(MAGIC)) return damaged('it is not a SQLite database');
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return damaged('its header is damaged');
    const writeVersion = head[18];
    const readVersion = head[19];
    if (writeVersion < 1 || writeVersion > 2 || readVersion < 1 || readVersion > 2) return damaged('its header is damaged');
    const header: DatabaseHeader = { pageSize, wal: writeVersion === 2, userVersion: head.readInt32BE(60), damage: null };
    // The page count in the header is trusted only when its change counter matches (every
    // SQLite since 3.7.0 keeps them so). A file shorter than that was cut off: a copy that
    // stopped half way, a full disk. Not checked while a WAL file has frames, which the next
    // checkpoint writes into the file, nor beside a rollback journal, which undoes a write that
    // was cut off.
    const pages = head.readUInt32BE(28);
    const counterValid = head.readUInt32BE(24) === head.readUInt32BE(92);
    if (counterValid && pages > 0 && size < pages * pageSize && !walHasFrames(file) && !fs.existsSync(`${file}-journal`)) {
      header.damage = `it is cut short: ${size} of ${pages * pageSize} bytes`;
    }
    return header;
  } finally {
    fs.closeSync(fd);
  }
}

/** The WAL file exists and holds more than its 32-byte header: committed pages not yet in the database file. */
export function walHasFrames(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 32;
  } catch {
    return false;
  }
}
