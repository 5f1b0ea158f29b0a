// Migration 10 and its triggers, on real SQLite libraries without a hub: what a local edit puts
// in the outbox, when nothing is captured, and the conflict rules of applying a pulled page.
import { afterEach, describe, expect, it } from 'vitest';
import { insertClip, softDeleteClips, restoreClips } from '../../../electron/library/clips.ts';
import { correctClips } from '../../../electron/library/corrections.ts';
import { addHighlight, updateHighlight } from '../../../electron/library/highlights.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { entityRules, restoreEntityRules } from '../../../electron/library/entities.ts';
import { renameOutlet, resolveOutlet } from '../../../electron/library/outlets.ts';
import { setPrivateNotes } from '../../../electron/sync/team-link.ts';
import { deleteSavedSearch, saveSearch } from '../../../electron/library/saved-searches.ts';
import { ensureTag, recolourTag, tagClips, untagClips } from '../../../electron/library/tags.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { applyPage } from '../../../electron/sync/apply-changes.ts';
import { assignClipKeys } from '../../../electron/sync/clip-keys.ts';
import { clipHistory } from '../../../electron/sync/clip-history.ts';
import { formatHlc, isHlc } from '../../../electron/sync/hlc.ts';
import { readLink, writeLink } from '../../../electron/sync/link-row.ts';
import { changesOf, readOutbox } from '../../../electron/sync/outbox.ts';
import type { StoredChange } from '../../../electron/sync/protocol.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';

const libs: ReturnType<typeof tempLibrary>[] = [];
afterEach(() => libs.splice(0).forEach((l) => l.cleanup()));

function library(node: string, member: string, linked = true) {
  const lib = tempLibrary();
  libs.push(lib);
  if (linked) {
    writeTransaction(lib.db, () => {
      writeLink(lib.db, {
        hubUrl: 'http://127.0.0.1:9/', token: 't', member, role: 'editor', hubId: 'hub', privateNotes: false,
        node, lastSeq: 0, lastSyncAt: null, clock: formatHlc({ physical: 0, counter: 0, node }),
      });
      assignClipKeys(lib.db);
    });
  }
  return lib;
}

const outbox = (db: import('better-sqlite3').Database) =>
  db.prepare('SELECT kind, key, field, hlc FROM sync_outbox ORDER BY id').all() as { kind: string; key: string; field: string; hlc: string }[];
const fields = (db: import('better-sqlite3').Database) => outbox(db).map((r) => `${r.kind}/${r.field}`);

const clip = (db: import('better-sqlite3').Database, hash = 'hash-1') =>
  writeTransaction(db, () => insertClip(db, { title: 'Harbour council meets', bodyText: 'The harbour council met on Tuesday to vote.', bodyHtml: '', contentHash: hash, site: 'example.org' }));

describe('migration 10', () => {
  it('upgrades a library of version 9, keeping its clips, with nothing in the outbox', () => {
    const dir = tempDir();
    const v9 = openLibrary(dir, { targetVersion: 9 });
    insertClip(v9.db, { title: 'Old', bodyText: 'old body', bodyHtml: '', contentHash: 'old' });
    v9.close();
    const lib = openLibrary(dir);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(10);
    expect(lib.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(1);
    expect(lib.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    expect(lib.db.prepare('SELECT private FROM highlights').all()).toEqual([]);
    lib.close();
  });
});

describe('the outbox', () => {
  it('captures nothing while the library is not connected', () => {
    const lib = library('n1', 'alice', false);
    const id = clip(lib.db);
    writeTransaction(lib.db, () => tagClips(lib.db, [id], ['Ports']));
    expect(outbox(lib.db)).toEqual([]);
  });

  it('captures each kind of local edit, stamped by a clock that only moves forward', () => {
    const lib = library('n1', 'alice');
    const db = lib.db;
    const id = clip(db);
    writeTransaction(db, () => {
      correctClips(db, [id], { title: 'Harbour council votes' }, 'now');
      tagClips(db, [id], ['Ports']);
      db.prepare('UPDATE clips SET starred = 1, note = ? WHERE id = ?').run('call the clerk', id);
      recolourTag(db, ensureTag(db, 'Ports').id, '#123456');
      addHighlight(db, { clipId: id, exact: 'harbour council met' });
      saveSearch(db, 'Harbour', 'harbour council');
    });
    expect(fields(db).sort()).toEqual([
      'clip/record', 'clip/title', 'tag/name', 'tag/colour', 'clip/tag:ports', 'clip/starred', 'clip/note',
      'highlight/clip', 'highlight/anchor', 'highlight/colour', 'saved_search/name', 'saved_search/query', 'saved_search/deleted',
    ].sort());
    const stamps = outbox(db).map((r) => r.hlc);
    expect(stamps.every((h) => isHlc(h) && h.endsWith('-n1'))).toBe(true);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('keeps one row per field however often it is edited, with the latest clock', () => {
    const lib = library('n1', 'alice');
    const id = clip(lib.db);
    const before = outbox(lib.db).length;
    for (const note of ['a', 'b', 'c']) lib.db.prepare('UPDATE clips SET note = ? WHERE id = ?').run(note, id);
    const rows = outbox(lib.db).filter((r) => r.field === 'note');
    expect(rows).toHaveLength(1);
    expect(outbox(lib.db)).toHaveLength(before + 1);
    const latest = lib.db.prepare('SELECT clock FROM sync_link').pluck().get();
    expect(rows[0].hlc).toBe(latest);
  });

  it('captures deletion, undo, tag removal and highlight edits; nothing while pulled changes are applied', () => {
    const lib = library('n1', 'alice');
    const db = lib.db;
    const id = clip(db);
    writeTransaction(db, () => tagClips(db, [id], ['Ports']));
    db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(db, () => {
      untagClips(db, [id], ['Ports']);
      softDeleteClips(db, [id], 'undo-1');
      restoreClips(db, 'undo-1');
    });
    expect(fields(db)).toEqual(['clip/tag:ports', 'clip/deleted']);
    db.prepare('DELETE FROM sync_outbox').run();
    const h = writeTransaction(db, () => addHighlight(db, { clipId: id, exact: 'harbour council' }));
    db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(db, () => updateHighlight(db, h.id, { colour: 'green', note: 'key line' }));
    expect(fields(db).sort()).toEqual(['highlight/colour', 'highlight/note']);
    db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(db, () => {
      db.prepare('INSERT INTO sync_applying (one) VALUES (1)').run();
      db.prepare('UPDATE clips SET starred = 1 WHERE id = ?').run(id);
      deleteSavedSearch(db, saveSearch(db, 'X', 'x').id);
      db.prepare('DELETE FROM sync_applying').run();
    });
    expect(outbox(db)).toEqual([]);
  });
});

describe('applying a pulled page', () => {
  /** A's outbox as the hub would hand it out. */
  const asPulled = (db: import('better-sqlite3').Database, member: string, seq0 = 0): StoredChange[] => {
    return changesOf(db, readLink(db)!, readOutbox(db, 1000)).changes.map((c, i) => ({ ...c, seq: seq0 + i + 1, member }));
  };

  it('makes the clip with its tags, and a later local edit of the same field wins with the pulled value kept in the history', () => {
    const a = library('aaa', 'alice');
    const id = clip(a.db);
    writeTransaction(a.db, () => tagClips(a.db, [id], ['Ports']));
    const b = library('bbb', 'bob');
    applyPage(b, asPulled(a.db, 'alice'), 10);
    const bId = b.db.prepare('SELECT id FROM clips').pluck().get() as number;
    expect(b.db.prepare('SELECT t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id').pluck().all()).toEqual(['Ports']);
    expect(b.db.prepare('SELECT last_seq FROM sync_link').pluck().get()).toBe(10);
    expect(outbox(b.db)).toEqual([]);

    a.db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(a.db, () => correctClips(a.db, [id], { title: 'Alice headline' }, 'now'));
    const pulled = asPulled(a.db, 'alice', 10);
    // Bob's edit of the same field comes later (his clock has seen Alice's).
    writeTransaction(b.db, () => correctClips(b.db, [bId], { title: 'Bob headline' }, 'now'));
    expect(outbox(b.db)[0].hlc > pulled[0].hlc).toBe(true);
    const applied = applyPage(b, pulled, 11);
    expect(applied.superseded).toBe(1);
    expect(b.db.prepare('SELECT title FROM clips').pluck().get()).toBe('Bob headline');
    expect(clipHistory(b.db, bId)).toMatchObject([{ field: 'title', value: 'Alice headline', by: 'alice' }]);
    expect(fields(b.db)).toEqual(['clip/title']);
  });

  it('an earlier local edit loses: the pulled value is applied and the local one goes to the history', () => {
    const a = library('aaa', 'alice');
    const b = library('bbb', 'bob');
    const bId = clip(b.db, 'same');
    const id = clip(a.db, 'same');
    applyPage(b, asPulled(a.db, 'alice'), 1);
    writeTransaction(b.db, () => b.db.prepare('UPDATE clips SET note = ? WHERE id = ?').run('bob first', bId));
    a.db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(a.db, () => a.db.prepare('UPDATE clips SET note = ? WHERE id = ?').run('alice later', id));
    // Alice's clock is later: force it past Bob's.
    const later = asPulled(a.db, 'alice', 1).map((c) => ({ ...c, hlc: formatHlc({ physical: Date.now() + 60_000, counter: 0, node: 'aaa' }) }));
    applyPage(b, later, 2);
    expect(b.db.prepare('SELECT note FROM clips').pluck().get()).toBe('alice later');
    expect(clipHistory(b.db, bId)).toMatchObject([{ field: 'note', value: 'bob first', by: 'bob' }]);
    expect(outbox(b.db).filter((r) => r.field === 'note')).toEqual([]);
    // The clock has seen Alice's: Bob's next edit is later still.
    writeTransaction(b.db, () => b.db.prepare('UPDATE clips SET note = ? WHERE id = ?').run('bob again', bId));
    expect(outbox(b.db).find((r) => r.field === 'note')!.hlc > later[0].hlc).toBe(true);
  });
});

describe('the other shared things', () => {
  const asPulled = (db: import('better-sqlite3').Database, member: string, seq0 = 0): StoredChange[] => {
    return changesOf(db, readLink(db)!, readOutbox(db, 1000)).changes.map((c, i) => ({ ...c, seq: seq0 + i + 1, member }));
  };
  const outletClip = (lib: ReturnType<typeof library>, hash: string) =>
    writeTransaction(lib.db, () =>
      insertClip(lib.db, { title: 'Port story', bodyText: 'x', bodyHtml: '', contentHash: hash, site: 'latimes.com', source: resolveOutlet(lib.db, { name: 'latimes', site: 'latimes.com' }) }),
    );

  it('an outlet renamed, a saved search, and a merge of entities reach the other library', () => {
    const a = library('aaa', 'alice');
    const b = library('bbb', 'bob');
    outletClip(a, 'p1');
    outletClip(b, 'p1');
    a.db.prepare('DELETE FROM sync_outbox').run();
    b.db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(a.db, () => {
      renameOutlet(a.db, 'latimes.com', 'Los Angeles Times');
      saveSearch(a.db, 'Ports', 'harbour OR port');
      restoreEntityRules(a.db, [{ kind: 'person', name: 'Maduro', into: 'Nicolás Maduro' }]);
    });
    expect(fields(a.db).sort()).toEqual(['entity_rule/rule', 'outlet/name', 'saved_search/deleted', 'saved_search/name', 'saved_search/query']);
    applyPage(b, asPulled(a.db, 'alice'), 5);
    expect(b.db.prepare('SELECT source FROM clips').pluck().get()).toBe('Los Angeles Times');
    expect(b.db.prepare('SELECT name, query FROM saved_searches').all()).toEqual([{ name: 'Ports', query: 'harbour OR port' }]);
    expect(entityRules(b.db)).toEqual([{ kind: 'person', name: 'Maduro', into: 'Nicolás Maduro' }]);
    expect(outbox(b.db)).toEqual([]);
    // A saved search deleted on one side goes on the other.
    a.db.prepare('DELETE FROM sync_outbox').run();
    writeTransaction(a.db, () => deleteSavedSearch(a.db, a.db.prepare('SELECT id FROM saved_searches').pluck().get() as number));
    applyPage(b, asPulled(a.db, 'alice', 5), 6);
    expect(b.db.prepare('SELECT count(*) FROM saved_searches').pluck().get()).toBe(0);
  });

  it('a note is sent as private while the member keeps notes private', () => {
    const a = library('aaa', 'alice');
    const id = clip(a.db);
    setPrivateNotes(a.db, true);
    a.db.prepare('DELETE FROM sync_outbox').run();
    a.db.prepare('UPDATE clips SET note = ? WHERE id = ?').run('my own reading', id);
    expect(asPulled(a.db, 'alice')).toMatchObject([{ field: 'note', value: 'my own reading', private: true }]);
  });
});

describe('a record re-extracted elsewhere', () => {
  it('replaces the extracted text here and keeps a person’s correction and highlight', () => {
    const a = library('aaa', 'alice');
    const b = library('bbb', 'bob');
    const id = clip(a.db, 'r1');
    const pulled = changesOf(a.db, readLink(a.db)!, readOutbox(a.db, 100)).changes.map((c, i) => ({ ...c, seq: i + 1, member: 'alice' }));
    applyPage(b, pulled, pulled.length);
    const bId = b.db.prepare('SELECT id FROM clips').pluck().get() as number;
    writeTransaction(b.db, () => {
      correctClips(b.db, [bId], { title: 'Bob’s own headline' }, 'now');
      addHighlight(b.db, { clipId: bId, exact: 'met on Tuesday' });
    });
    b.db.prepare('DELETE FROM sync_outbox').run();
    const record = changesOf(a.db, readLink(a.db)!, readOutbox(a.db, 100)).changes.find((c) => c.field === 'record')!;
    const fresh = {
      ...(record.value as Record<string, unknown>),
      title: 'Harbour council meets again',
      bodyText: 'Before the vote, the harbour council met on Tuesday to vote on the dredging plan.',
    };
    applyPage(b, [{ ...record, value: fresh as never, hlc: formatHlc({ physical: Date.now() + 1000, counter: 0, node: 'aaa' }), seq: 50, member: 'alice' }], 50);
    const row = b.db.prepare('SELECT title, body_text FROM clips WHERE id = ?').get(bId) as { title: string; body_text: string };
    expect(row.title).toBe('Bob’s own headline');
    expect(row.body_text).toContain('dredging plan');
    expect(b.db.prepare('SELECT extracted FROM clip_corrections WHERE clip_id = ?').pluck().get(bId)).toBe('Harbour council meets again');
    const hl = b.db.prepare('SELECT start, exact FROM highlights').get() as { start: number; exact: string };
    expect(row.body_text.slice(hl.start, hl.start + hl.exact.length)).toBe('met on Tuesday');
    expect(id).toBeGreaterThan(0);
  });
});
