import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/library/migrations/index.ts';
import { LibraryError, migrate, openLibrary } from '../../../electron/library/open-library.ts';
import { insertClip } from '../../../electron/library/clips.ts';
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
    expect(() => openLibrary(dir)).toThrow(/Cannot open the library/);
  });
});
