import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, type Migration } from '../../../electron/library/migrations/index.ts';
import { originalExtensions } from '../../../electron/library/migrations/005-original-extensions.ts';
import { LibraryError, migrate, openLibrary } from '../../../electron/library/open-library.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { sha256 } from '../../../electron/library/originals.ts';
import { tempDir } from '../../helpers/temp-library.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('opening a library', () => {
  it('creates the folder, the SQLite file in WAL mode with foreign keys, and originals/', () => {
    const dir = path.join(fresh(), 'My Library');
    const lib = openLibrary(dir);
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'originals')).isDirectory()).toBe(true);
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    lib.close();
  });

  it('re-opens an existing library without losing or re-migrating anything', () => {
    const dir = fresh();
    const a = openLibrary(dir);
    const id = insertClip(a.db, { title: 'Kept', bodyText: 'A body that must survive.', bodyHtml: '<p>x</p>', contentHash: 'h1' });
    a.close();
    const b = openLibrary(dir);
    expect((b.db.prepare('SELECT title FROM clips WHERE id = ?').get(id) as { title: string }).title).toBe('Kept');
    expect(b.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    b.close();
  });

  it('applies each migration in order, step by step, from any earlier version', () => {
    const dir = fresh();
    const first = openLibrary(dir, { targetVersion: 1 });
    expect(first.db.pragma('user_version', { simple: true })).toBe(1);
    insertClip(first.db, { title: 'Old clip', bodyText: 'written at schema one', bodyHtml: '', contentHash: 'old' });
    first.close();
    const latest = openLibrary(dir);
    expect(latest.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect((latest.db.prepare('SELECT count(*) AS n FROM clips').get() as { n: number }).n).toBe(1);
    latest.close();
  });

  it('migration 3: the list reads its first page from an index, with the clips kept', () => {
    const dir = fresh();
    const v2 = openLibrary(dir, { targetVersion: 2 });
    insertClip(v2.db, { title: 'Dated', bodyText: 'a', bodyHtml: '', contentHash: 'a', publishedAt: '2019-09-20' });
    insertClip(v2.db, { title: 'Undated', bodyText: 'b', bodyHtml: '', contentHash: 'b' });
    v2.close();
    const v3 = openLibrary(dir, { targetVersion: 3 });
    expect(v3.db.pragma('user_version', { simple: true })).toBe(3);
    const plan = (v3.db.prepare("EXPLAIN QUERY PLAN SELECT c.id FROM clips c WHERE c.deleted_at IS NULL ORDER BY c.published_at DESC, c.id DESC LIMIT 50").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX clips_newest/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect((v3.db.prepare('SELECT title FROM clips c WHERE c.deleted_at IS NULL ORDER BY c.published_at DESC, c.id DESC').all() as { title: string }[]).map((r) => r.title)).toEqual(['Dated', 'Undated']);
    v3.close();
  });

  it('migration 4: search filters read a covering index, with the clips kept', () => {
    const dir = fresh();
    const v3 = openLibrary(dir, { targetVersion: 3 });
    insertClip(v3.db, { title: 'Kept', bodyText: 'government budget', bodyHtml: '', contentHash: 'k', source: 'Reuters' });
    v3.close();
    const v4 = openLibrary(dir, { targetVersion: 4 });
    expect(v4.db.pragma('user_version', { simple: true })).toBe(4);
    const plan = (v4.db.prepare("EXPLAIN QUERY PLAN SELECT +c.id FROM clips_fts f CROSS JOIN clips c INDEXED BY clips_filter_cover ON c.id = f.rowid WHERE clips_fts MATCH 'government' AND c.source = 'Reuters' AND c.deleted_at IS NULL").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX clips_filter_cover/);
    expect(v4.db.prepare("SELECT title FROM clips WHERE source = 'Reuters'").pluck().all()).toEqual(['Kept']);
    v4.close();
  });

  it('migration 5: stored originals are renamed to their sniffed format, never left under a program extension', () => {
    const dir = fresh();
    const v4 = openLibrary(dir, { targetVersion: 4 });
    /** Writes `bytes` as originals/ab/<sha-256><ext> (or only names it, for a missing copy); answers the relative path. */
    const stored = (bytes: Uint8Array | string, ext: string, write = true): string => {
      const hash = sha256(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
      const rel = path.join('originals', hash.slice(0, 2), hash + ext);
      if (write) {
        fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), bytes);
      }
      return rel;
    };
    let n = 0;
    const clip = (originalPath: string, originalFormat: string, originalName: string) =>
      insertClip(v4.db, { title: `Clip ${++n}`, bodyText: `body ${n}`, bodyHtml: '', contentHash: `h${n}`, originalPath, originalFormat, originalName });
    const exportDoc = JSON.stringify({ cuttings: { format: 'cuttings-export', version: 1 }, tags: [], clips: [{ title: 'x', bodyHtml: '<script>alert(1)</script>' }] });

    const text = clip(stored('A plain-text article.', '.bat'), 'txt', 'news.bat');
    // A clip restored from an export: its copy is the export document, its format what the document claimed.
    const restoredA = clip(stored(exportDoc, '.hta'), 'html', 'article.hta');
    const restoredB = clip(stored(exportDoc, '.hta'), 'txt', 'other.hta');
    const missing = clip(stored('gone', '.hta', false), 'pdf', 'report.hta');
    // Interrupted after the rename, before the rows: the copy is already under its new name.
    const halfDone = stored('Renamed before the crash.', '.txt');
    const interrupted = clip(halfDone.replace(/\.txt$/, '.bat'), 'txt', 'crash.bat');
    const safe = clip(stored('%PDF-1.4 already fine', '.pdf'), 'pdf', 'fine.pdf');
    const gzipped = clip(stored(zlib.gzipSync('compressed text'), '.gz'), 'txt', 'notes.txt.gz');
    const unknown = clip(stored('what is this', '.exe'), 'hta', 'tool.exe');
    // The same bytes under two names: the program-named one goes, the rows move to the other.
    const twinText = 'Twin copies.';
    const twinSafe = clip(stored(twinText, '.txt'), 'txt', 'twin.txt');
    const twinBat = clip(stored(twinText, '.bat'), 'txt', 'twin.bat');
    const deleted = clip(stored('Deleted but kept for undo.', '.cmd'), 'txt', 'old.cmd');
    v4.db.prepare("UPDATE clips SET deleted_at = '2024-01-01T00:00:00Z#undo' WHERE id = ?").run(deleted);
    const before = new Map((v4.db.prepare('SELECT id, original_path FROM clips').all() as { id: number; original_path: string }[]).map((r) => [r.id, r.original_path]));
    // A first attempt stopped by a power cut: the copies were renamed, the rows rolled back.
    const up = originalExtensions.up as Exclude<Migration['up'], string>;
    expect(() => v4.db.transaction(() => {
      up(v4.db, { libraryDir: dir });
      throw new Error('power cut');
    })()).toThrow('power cut');
    expect(v4.db.prepare('SELECT original_path FROM clips WHERE id = ?').pluck().get(text)).toBe(before.get(text));
    expect(fs.existsSync(path.join(dir, before.get(text)!))).toBe(false);
    v4.close();

    const v5 = openLibrary(dir, { targetVersion: 5 });
    expect(v5.db.pragma('user_version', { simple: true })).toBe(5);
    const pathOf = (id: number) => (v5.db.prepare('SELECT original_path FROM clips WHERE id = ?').pluck().get(id) as string);
    const swapped = (id: number, ext: string) => before.get(id)!.replace(/(\.[a-z0-9]+)?$/, ext);
    const expected: [number, string][] = [
      [text, '.txt'], [restoredA, '.json'], [restoredB, '.json'], [missing, '.pdf'], [interrupted, '.txt'], [safe, '.pdf'],
      [gzipped, '.bin'], [unknown, '.bin'], [twinSafe, '.txt'], [twinBat, '.txt'], [deleted, '.txt'],
    ];
    for (const [id, ext] of expected) expect(pathOf(id), `clip ${id}`).toBe(swapped(id, ext));
    // Every row names a copy that is there (except the one that was already missing), with its bytes.
    for (const [id] of expected.filter(([id]) => id !== missing)) expect(fs.existsSync(path.join(dir, pathOf(id))), `clip ${id}`).toBe(true);
    expect(fs.readFileSync(path.join(dir, pathOf(text)), 'utf8')).toBe('A plain-text article.');
    expect(pathOf(restoredA)).toBe(pathOf(restoredB));
    // Nothing under a program extension is left in originals/.
    const files = (fs.readdirSync(path.join(dir, 'originals'), { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, 'originals', f)).isFile());
    expect(files.filter((f) => !/\.(?:txt|json|pdf|bin)$/.test(f))).toEqual([]);
    expect(files).toHaveLength(8); // text, export, interrupted, safe, gzipped, unknown, twin, deleted

    // Run once more: nothing moves.
    const after = v5.db.prepare('SELECT id, original_path FROM clips ORDER BY id').all();
    up(v5.db, { libraryDir: dir });
    expect(v5.db.prepare('SELECT id, original_path FROM clips ORDER BY id').all()).toEqual(after);
    v5.close();
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'ok', up: 'CREATE TABLE a (x)' },
      { version: 2, name: 'fails half way', up: 'CREATE TABLE b (y); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a library written by a newer Cuttings instead of damaging it', () => {
    const dir = fresh();
    const db = new Database(path.join(dir, 'library.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    expect(() => openLibrary(dir)).toThrow(LibraryError);
    expect(() => openLibrary(dir)).toThrow(/newer version of Cuttings/);
  });

  it('says plainly when the file is not a database', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'library.sqlite'), 'this is not sqlite at all, just text '.repeat(200));
    expect(() => openLibrary(dir)).toThrow(/is damaged \(it is not a SQLite database\).*Restore it from a backup/);
  });
});
