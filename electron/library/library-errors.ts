// Why a library cannot be opened, or cannot be changed, in words a person can act on. The
// front doors show these messages as they are (dispatch.ts gives each its error code).

export class LibraryError extends Error {}

/** The library opened read-only (its file, folder or disk cannot be written): a write was asked for. */
export class ReadOnlyLibraryError extends LibraryError {
  constructor() {
    super('This library is read-only (its file, folder or disk cannot be written), so it can be searched and read but not changed.');
  }
}

/** Written by a newer Cuttings: refused before anything is written to it. */
export class NewerLibraryError extends LibraryError {
  constructor(found: number, known: number) {
    super(`This library was written by a newer version of Cuttings (schema ${found}, this version knows ${known}). Update Cuttings to open it.`);
  }
}

/** Not a database, or a database SQLite finds damaged: refused, and left exactly as it is. */
export class DamagedLibraryError extends LibraryError {
  constructor(file: string, what: string) {
    super(
      `The library at ${file} is damaged (${what}), so Cuttings will not open or change it. ` +
        'Restore it from a backup: File → Back Up Library makes them, and `cuttings restore BACKUP --library NEW-FOLDER` brings one back.',
    );
  }
}
