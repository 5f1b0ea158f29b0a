import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getClipRow, insertClip, listClips, restoreClips, softDeleteClips, updateClip, NotFoundError,
} from '../../../electron/library/clips.ts';
import {
  deleteTag, ensureTag, listTags, mergeTags, recolourTag, renameTag, tagClips, untagClips, TagError,
} from '../../../electron/library/tags.ts';
import { timeline } from '../../../electron/library/timeline.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { tempLibrary } from '../../helpers/temp-library.ts';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

/** What the full-text index says matches: the ground truth for "search finds it". */
function ftsIds(match: string): number[] {
  return (lib.db.prepare('SELECT rowid FROM clips_fts WHERE clips_fts MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map((r) => r.rowid);
}

function add(title: string, body: string, extra: Partial<Parameters<typeof insertClip>[1]> = {}): number {
  return insertClip(lib.db, { title, bodyText: body, bodyHtml: `<p>${body}</p>`, contentHash: `${title}-${body}`, ...extra });
}

describe('clips', () => {
  it('stores every field and reads it back', () => {
    const id = add('Kremlin says Maduro to visit Russia', 'Venezuelan President Nicolas Maduro will visit Russia soon.', {
      author: 'AFP', source: 'guardian.ng', publishedAt: '2019-09-20T15:17', savedAt: '2024-04-24', captions: ['A caption'], language: 'en',
    });
    const row = getClipRow(lib.db, id);
    expect(row).toMatchObject({ title: 'Kremlin says Maduro to visit Russia', author: 'AFP', source: 'guardian.ng', published_at: '2019-09-20T15:17', saved_at: '2024-04-24', language: 'en' });
    expect(JSON.parse(row.captions)).toEqual(['A caption']);
    expect(row.word_count).toBe(8);
    expect(row.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('indexes a new clip at once, and re-indexes it after an edit', () => {
    const id = add('Harbour strike ends', 'Dockworkers returned on Monday.');
    expect(ftsIds('dockworkers')).toEqual([id]);
    updateClip(lib.db, id, { title: 'Port walkout over' });
    expect(ftsIds('harbour')).toEqual([]);
    expect(ftsIds('walkout')).toEqual([id]);
    expect(ftsIds('dockworkers')).toEqual([id]);
  });

  it('takes a deleted clip out of every view and the index, and undo brings it back', () => {
    const keep = add('Keep me', 'alpha text');
    const gone = add('Delete me', 'alpha beta text');
    expect(softDeleteClips(lib.db, [gone], 'stamp-1')).toBe(1);
    expect(ftsIds('alpha')).toEqual([keep]);
    expect(listClips(lib.db, {}).clips.map((c) => c.id)).toEqual([keep]);
    expect(() => getClipRow(lib.db, gone)).toThrow(NotFoundError);
    expect(restoreClips(lib.db, 'stamp-1')).toBe(1);
    expect(ftsIds('beta')).toEqual([gone]);
  });

  it('really removes deleted clips when the library is next opened, with their originals', () => {
    const id = add('Temporary', 'soon gone', { originalPath: 'originals/ab/abc.txt' });
    const keep = add('Kept', 'stays here', { originalPath: 'originals/cd/cde.txt' });
    fs.mkdirSync(path.join(lib.dir, 'originals', 'ab'), { recursive: true });
    fs.mkdirSync(path.join(lib.dir, 'originals', 'cd'), { recursive: true });
    fs.writeFileSync(path.join(lib.dir, 'originals', 'ab', 'abc.txt'), 'x');
    fs.writeFileSync(path.join(lib.dir, 'originals', 'cd', 'cde.txt'), 'y');
    softDeleteClips(lib.db, [id], 'stamp');
    lib.close();
    const again = openLibrary(lib.dir);
    expect(again.db.prepare('SELECT id FROM clips').all()).toEqual([{ id: keep }]);
    expect(fs.existsSync(path.join(lib.dir, 'originals', 'ab', 'abc.txt'))).toBe(false);
    expect(fs.existsSync(path.join(lib.dir, 'originals', 'cd', 'cde.txt'))).toBe(true);
    expect(again.db.prepare("SELECT count(*) AS n FROM clips_fts WHERE clips_fts MATCH 'soon'").get()).toEqual({ n: 0 });
    again.close();
  });

  it('lists newest publication first by default, undated last, and filters by period and tag', () => {
    const a = add('Old', 'x one', { publishedAt: '2001-05-01' });
    const b = add('New', 'x two', { publishedAt: '2019-09-20T15:17' });
    const c = add('Undated', 'x three');
    expect(listClips(lib.db, {}).clips.map((x) => x.id)).toEqual([b, a, c]);
    expect(listClips(lib.db, { sort: 'oldest' }).clips.map((x) => x.id)).toEqual([a, b, c]);
    expect(listClips(lib.db, { from: '2019-09', to: '2019-09' }).clips.map((x) => x.id)).toEqual([b]);
    expect(listClips(lib.db, { from: '2019-09-20', to: '2019-09-20' }).clips.map((x) => x.id)).toEqual([b]);
    expect(listClips(lib.db, { undated: true }).clips.map((x) => x.id)).toEqual([c]);
    tagClips(lib.db, [a, c], ['Archive']);
    expect(listClips(lib.db, { tags: ['archive'] }).clips.map((x) => x.id)).toEqual([a, c]);
    expect(listClips(lib.db, { limit: 1, offset: 1 })).toMatchObject({ total: 3, clips: [{ id: a }] });
  });
});

describe('tags', () => {
  it('treats names case-insensitively: one tag, whatever the capitals', () => {
    const t = ensureTag(lib.db, 'Venezuela');
    expect(ensureTag(lib.db, 'VENEZUELA').id).toBe(t.id);
    expect(listTags(lib.db)).toHaveLength(1);
  });

  it('indexes tags with the clip: tagging, untagging and renaming are searchable at once', () => {
    const id = add('Story', 'body words');
    tagClips(lib.db, [id], ['oilpolitics']);
    expect(ftsIds('tags:oilpolitics')).toEqual([id]);
    const tag = listTags(lib.db)[0];
    renameTag(lib.db, tag.id, 'energy');
    expect(ftsIds('tags:oilpolitics')).toEqual([]);
    expect(ftsIds('tags:energy')).toEqual([id]);
    untagClips(lib.db, [id], ['ENERGY']);
    expect(ftsIds('tags:energy')).toEqual([]);
  });

  it('counts clips per tag, without deleted clips', () => {
    const a = add('A', 'a');
    const b = add('B', 'b');
    tagClips(lib.db, [a, b], ['news']);
    expect(listTags(lib.db)[0].count).toBe(2);
    softDeleteClips(lib.db, [b], 's');
    expect(listTags(lib.db)[0].count).toBe(1);
  });

  it('refuses to rename onto an existing name, and merges instead', () => {
    const a = add('A', 'a');
    const b = add('B', 'b');
    tagClips(lib.db, [a], ['climate']);
    tagClips(lib.db, [b], ['Climate change']);
    const [climate, change] = [listTags(lib.db).find((t) => t.name === 'climate')!, listTags(lib.db).find((t) => t.name === 'Climate change')!];
    expect(() => renameTag(lib.db, change.id, 'CLIMATE')).toThrow(TagError);
    const merged = mergeTags(lib.db, [change.id], climate.id);
    expect(merged.count).toBe(2);
    expect(listTags(lib.db).map((t) => t.name)).toEqual(['climate']);
    expect(ftsIds('tags:climate')).toEqual([a, b]);
    expect(ftsIds('tags:change')).toEqual([]);
  });

  it('deletes a tag from every clip and the index, and reports what it had for undo', () => {
    const a = add('A', 'a');
    tagClips(lib.db, [a], ['temporary']);
    const tag = listTags(lib.db)[0];
    const res = deleteTag(lib.db, tag.id);
    expect(res).toMatchObject({ clipIds: [a], name: 'temporary' });
    expect(listTags(lib.db)).toEqual([]);
    expect(ftsIds('tags:temporary')).toEqual([]);
    expect((lib.db.prepare('SELECT tags_text FROM clips WHERE id = ?').get(a) as { tags_text: string }).tags_text).toBe('');
  });

  it('recolours with a valid colour only', () => {
    const t = ensureTag(lib.db, 'x');
    expect(recolourTag(lib.db, t.id, '#FF0000').colour).toBe('#ff0000');
    expect(() => recolourTag(lib.db, t.id, 'red; background:url(x)')).toThrow(TagError);
  });

  it('rejects empty names and strips control characters', () => {
    expect(() => ensureTag(lib.db, '   ')).toThrow(TagError);
    expect(ensureTag(lib.db, 'a\u0007b\u202e c').name).toBe('ab c');
  });
});

describe('timeline', () => {
  it('counts by publication date per year, month and day, and undated apart', () => {
    add('a', '1', { publishedAt: '2019-09-20T15:17', importedAt: '2026-01-01T00:00:00Z' });
    add('b', '2', { publishedAt: '2019-09-21' });
    add('c', '3', { publishedAt: '2019-10-01' });
    add('d', '4', { publishedAt: '2020-01-01' });
    add('e', '5');
    expect(timeline(lib.db, { granularity: 'year' })).toEqual({
      granularity: 'year', undated: 1, buckets: [{ period: '2019', count: 3 }, { period: '2020', count: 1 }],
    });
    expect(timeline(lib.db, { granularity: 'month', from: '2019', to: '2019' }).buckets).toEqual([
      { period: '2019-09', count: 2 }, { period: '2019-10', count: 1 },
    ]);
    expect(timeline(lib.db, { granularity: 'day', from: '2019-09', to: '2019-09' }).buckets).toEqual([
      { period: '2019-09-20', count: 1 }, { period: '2019-09-21', count: 1 },
    ]);
  });

  it('follows tag filters', () => {
    const a = add('a', '1', { publishedAt: '2019-09-20' });
    add('b', '2', { publishedAt: '2020-09-20' });
    tagClips(lib.db, [a], ['t']);
    expect(timeline(lib.db, { tags: ['t'] }).buckets).toEqual([{ period: '2019', count: 1 }]);
  });
});
