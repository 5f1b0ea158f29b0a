// The CSL-JSON export: an array of CSL items (article-newspaper), the format Zotero, Pandoc
// and citeproc read directly. Written a batch at a time, as the other exports are.
import type Database from 'better-sqlite3';
import { clipBatches } from './clip-records.ts';
import { cslItem } from './csl-items.ts';

export async function* cslJsonChunks(db: Database.Database, ids: readonly number[]): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const batch of clipBatches(db, ids)) {
    for (const clip of batch) {
      // One item a line: a file of thousands stays easy to read and to diff.
      yield `${first ? '\n' : ',\n'}  ${JSON.stringify(cslItem(clip))}`;
      first = false;
    }
  }
  yield first ? ']\n' : '\n]\n';
}
