// Called by the import pipeline and by delete/undo inside the transaction that adds or
// removes clips, so that search's own structures (the typo vocabulary) stay in step with
// the library. The full-text index itself is kept by triggers (migration 001).
//
// onClipsRemoved must run while the clips' text is still readable (a soft delete keeps the
// row, so before or after the UPDATE both work; before a hard DELETE).
import type Database from 'better-sqlite3';
import { addClipWords, addWordLists, removeClipWords } from './vocabulary.ts';

export function onClipsAdded(db: Database.Database, ids: number[]): void {
  if (ids.length) addClipWords(db, ids);
}

export function onClipsRemoved(db: Database.Database, ids: number[]): void {
  if (ids.length) removeClipWords(db, ids);
}

/**
 * Runs a change to clips' indexed text that leaves them in the library (a note, a highlight's
 * note): their words are counted out before and in again after.
 */
export function recountingWords<T>(db: Database.Database, ids: number[], change: () => T): T {
  onClipsRemoved(db, ids);
  const result = change();
  onClipsAdded(db, ids);
  return result;
}

/** The import's variant: the words of each new clip were listed off the main thread. */
export function onClipsImported(db: Database.Database, wordLists: string[][]): void {
  if (wordLists.length) addWordLists(db, wordLists);
}
