// The JSON export: Cuttings' own lossless document (electron/import/export-document.ts),
// which `cuttings import` and the window's Import read back into the same clips, tags, notes
// and stars. Its clips are in library (id) order, not newest first: that is the order an
// import recreates, so exporting the re-imported library gives the same document again.
import type Database from 'better-sqlite3';
import { buildExportDocument } from '../import/export-document.ts';

/** The document as written to a file: two-space indented, newline-terminated. */
export function jsonExport(db: Database.Database, ids: readonly number[] | undefined): { text: string; clips: number } {
  const doc = buildExportDocument(db, ids ? [...ids] : undefined);
  return { text: `${JSON.stringify(doc, null, 2)}\n`, clips: doc.clips.length };
}
