import Database from 'better-sqlite3';
import fs from 'node:fs';
import { deletionHashes, deletionsOf } from './electron/search/vocabulary.ts';
const src = new Database('/tmp/prof/rsslib/library.sqlite', { readonly: true });
const words = src.prepare('SELECT id, word FROM search_vocab ORDER BY id').all() as { id: number; word: string }[];
const batches: typeof words[] = []; for (let i = 0; i < words.length; i += 7000) batches.push(words.slice(i, i + 7000));
function fresh(path: string) { for (const s of ['', '-wal', '-shm']) fs.rmSync(path + s, { force: true }); const db = new Database(path); db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); return db; }
// (a) B-tree table
{
  const db = fresh('/tmp/prof/fxa.db');
  db.exec('CREATE TABLE d (h INTEGER NOT NULL, word_id INTEGER NOT NULL, PRIMARY KEY (h, word_id)) WITHOUT ROWID');
  const t = performance.now();
  for (const b of batches) db.transaction(() => {
    const packed: number[] = []; for (const { id, word } of b) for (const h of deletionHashes(word)) packed.push(h * 2 ** 21 + id);
    const sorted = Float64Array.from(packed).sort();
    db.prepare(`INSERT OR IGNORE INTO d (h, word_id) SELECT value / 2097152, value % 2097152 FROM json_each(?)`).run(`[${sorted.join(',')}]`);
  })();
  console.log('btree insert', (performance.now() - t).toFixed(0), 'ms');
  db.close();
}
// (b) FTS5 rows of keys
{
  const db = fresh('/tmp/prof/fxb.db');
  db.exec(`CREATE VIRTUAL TABLE d USING fts5(keys, detail=none, columnsize=0)`);
  const t = performance.now();
  for (const b of batches) db.transaction(() => {
    const rows = b.map(({ id, word }) => [id, deletionHashes(word).map((h) => 'k' + h.toString(36)).join(' ')]);
    db.prepare(`INSERT INTO d (rowid, keys) SELECT value ->> 0, value ->> 1 FROM json_each(?)`).run(JSON.stringify(rows));
  })();
  console.log('fts5 insert', (performance.now() - t).toFixed(0), 'ms');
  db.close();
}
