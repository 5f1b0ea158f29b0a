// The library-wide counts of people, places and organisations (the sidebar with no search, an
// entity's own totals, its page's outlets and the names beside it) come from the search's
// in-memory facet table: they must be what SQL over the live clips says, deleted clips left
// out and back with Undo. Clips are given entities directly, so the recogniser is not involved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertClip, restoreClips, softDeleteClips } from '../../../electron/library/clips.ts';
import { getEntity, listEntities, writeClipEntities } from '../../../electron/library/entities.ts';
import { entityPage } from '../../../electron/library/entity-page.ts';
import type { ClipMention } from '../../../electron/library/entity-names.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { rng } from '../../../bench/deterministic-random.ts';
import { tempLibrary } from '../../helpers/temp-library.ts';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

const PEOPLE = ['Nicolas Maduro', 'Vladimir Putin', 'Dmitry Peskov', 'Juan Guaido', 'Hugo Chavez', 'Xi Jinping'];
const PLACES = ['Caracas', 'Moscow', 'Venezuela', 'Russia', 'China'];
const ORGS = ['Kremlin', 'Interfax', 'Rosneft'];
const OUTLETS = ['Reuters', 'AFP', 'The Guardian', 'reuters'];

/** 60 clips, each naming a few of them (the first of each list most often). */
function fill(): number[] {
  const random = rng(16);
  const pick = (list: string[]) => list[Math.floor(random() * random() * list.length)];
  const key = (s: string) => s.toLowerCase();
  const ids: number[] = [];
  writeTransaction(lib.db, () => {
    for (let i = 0; i < 60; i++) {
      const id = insertClip(lib.db, {
        title: `Clip ${i}`, bodyText: `Text ${i}`, bodyHtml: '', contentHash: `h${i}`,
        source: OUTLETS[i % OUTLETS.length], publishedAt: `20${10 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`,
      });
      const named = new Map<string, ClipMention>();
      for (const [type, list] of [['PER', PEOPLE], ['LOC', PLACES], ['ORG', ORGS]] as const) {
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
          const name = pick(list);
          named.set(`${type}${name}`, { type, key: key(name), name, mentions: 1 + Math.floor(random() * 5), firstOffset: 0 });
        }
      }
      writeClipEntities(lib.db, id, [...named.values()]);
      ids.push(id);
    }
  });
  return ids;
}

/** What SQL says over the live clips: clips and mentions per entity. */
function fromSql(): Map<number, { clips: number; mentions: number }> {
  const rows = lib.db
    .prepare(
      `SELECT ce.entity_id AS id, count(*) AS clips, sum(ce.mentions) AS mentions FROM clip_entities ce
       JOIN clips c ON c.id = ce.clip_id AND c.deleted_at IS NULL GROUP BY ce.entity_id`,
    )
    .all() as { id: number; clips: number; mentions: number }[];
  return new Map(rows.map((r) => [r.id, { clips: r.clips, mentions: r.mentions }]));
}

function expectListsMatchSql() {
  const sql = fromSql();
  for (const kind of ['person', 'place', 'org'] as const) {
    const listed = listEntities(lib.db, { kind });
    expect(listed.length).toBeGreaterThan(0);
    for (const e of listed) {
      expect({ name: e.name, clips: e.clips, mentions: e.mentions }).toEqual({ name: e.name, ...sql.get(e.id) });
      expect(getEntity(lib.db, e.id)).toMatchObject({ clips: e.clips, mentions: e.mentions });
    }
    // Most clips first, then most mentions, then by name.
    for (let i = 1; i < listed.length; i++) {
      const [a, b] = [listed[i - 1], listed[i]];
      expect(a.clips > b.clips || (a.clips === b.clips && (a.mentions > b.mentions || (a.mentions === b.mentions && a.name <= b.name)))).toBe(true);
    }
    expect(listEntities(lib.db, { kind, limit: 2 })).toEqual(listed.slice(0, 2));
  }
  expect(listEntities(lib.db, {}).length).toBe(sql.size);
}

describe('library-wide entity counts', () => {
  it('are the live clips’ counts, and follow a deletion and its undo', () => {
    const ids = fill();
    expectListsMatchSql();
    const top = listEntities(lib.db, { kind: 'person', limit: 1 })[0];
    const gone = lib.db.prepare('SELECT clip_id FROM clip_entities WHERE entity_id = ? LIMIT 3').pluck().all(top.id) as number[];
    writeTransaction(lib.db, () => softDeleteClips(lib.db, gone, 'stamp-1'));
    expect(getEntity(lib.db, top.id).clips).toBe(top.clips - 3);
    expectListsMatchSql();
    writeTransaction(lib.db, () => restoreClips(lib.db, 'stamp-1'));
    expect(getEntity(lib.db, top.id).clips).toBe(top.clips);
    expectListsMatchSql();
    expect(ids).toHaveLength(60);
  });

  it('an entity’s page: its outlets and the names beside it, as SQL counts them', () => {
    fill();
    const maduro = listEntities(lib.db, { kind: 'person' }).find((e) => e.name === 'Nicolas Maduro')!;
    const page = entityPage(lib.db, maduro.id);
    const outlets = lib.db
      .prepare(
        `SELECT lower(c.source) AS value, count(*) AS count FROM clip_entities ce JOIN clips c ON c.id = ce.clip_id AND c.deleted_at IS NULL
         WHERE ce.entity_id = ? GROUP BY lower(c.source) ORDER BY count DESC, value`,
      )
      .all(maduro.id) as { value: string; count: number }[];
    // One outlet whatever its case ("Reuters", "reuters").
    expect(page.outlets.map((o) => ({ value: o.value.toLowerCase(), count: o.count }))).toEqual(outlets);
    const beside = lib.db
      .prepare(
        `SELECT o.entity_id AS id, count(*) AS count FROM clip_entities ce JOIN clip_entities o ON o.clip_id = ce.clip_id AND o.entity_id <> ce.entity_id
         WHERE ce.entity_id = ? GROUP BY o.entity_id`,
      )
      .all(maduro.id) as { id: number; count: number }[];
    const count = new Map(beside.map((b) => [b.id, b.count]));
    expect(page.related.length).toBe(Math.min(10, beside.length));
    for (const r of page.related) expect(r.count).toBe(count.get(r.id));
    expect(page.related.map((r) => r.id)).not.toContain(maduro.id);
    const kinds = new Map(listEntities(lib.db, {}).map((e) => [e.id, e.kind]));
    for (const r of page.related) expect(r.kind).toBe(kinds.get(r.id));
    expect(page.entity).toMatchObject({ clips: maduro.clips, mentions: maduro.mentions });
    expect(page.clips.length).toBe(maduro.clips);
    // Newest first.
    const dates = page.clips.map((c) => c.publishedAt ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});
