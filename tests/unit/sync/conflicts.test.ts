// Two desktops, two hubs on one PostgreSQL database: conflicting offline edits to the seed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipHistory, restoreHistoryEntry } from '../../../electron/sync/clip-history.ts';
import { syncOnce } from '../../../electron/sync/sync-once.ts';
import { connectHub, teamLink } from '../../../electron/sync/team-link.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { type Desktop, seen, startTeam, tick, twoDesktops } from './team-fixture.ts';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.remove());


describe('two desktops sharing the seed through two hubs', () => {
  it('the second desktop gets the clip, its tags and its original', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['Venezuela'] });
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      const first = await syncOnce(a.lib);
      expect(first.pushed).toBeGreaterThan(0);
      expect(first.originalsUp).toBe(1);
      const b = team.desktop();
      await connectHub(b.lib, { hubUrl: team.hubs[1].url, token: await team.token('bob') });
      const pulled = await syncOnce(b.lib);
      expect(pulled.originalsDown).toBe(1);
      const list = await b.handlers.api.listClips({});
      expect(list.total).toBe(1);
      const clip = await b.handlers.api.getClip({ id: list.clips[0].id });
      const original = await a.handlers.api.getClip({ id: a.id });
      expect(clip.title).toBe(original.title);
      expect(clip.bodyText).toBe(original.bodyText);
      expect(clip.tags.map((t) => t.name)).toEqual(['Venezuela']);
      expect(clip.original.available).toBe(true);
      const hits = await b.handlers.api.search({ q: 'Madurro' });
      expect(hits.total).toBe(1);
      expect(teamLink(b.lib.db)).toMatchObject({ member: 'bob', role: 'editor', pending: 0 });
    } finally {
      await team.close();
    }
  });

  it('same field edited on both: the later edit wins, the loser is in the history and can be restored', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      await a.handlers.api.updateClip({ id: a.id, patch: { title: 'Alice’s headline' } });
      await tick();
      await b.handlers.api.updateClip({ id: bId, patch: { title: 'Bob’s headline' } });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      expect((await seen(a, a.id)).title).toBe('Bob’s headline');
      expect((await seen(b, bId)).title).toBe('Bob’s headline');
      const lost = clipHistory(a.lib.db, a.id).find((e) => e.field === 'title' && e.value === 'Alice’s headline');
      expect(lost).toMatchObject({ by: 'alice' });
      restoreHistoryEntry(a.lib.db, lost!.id);
      expect((await seen(a, a.id)).title).toBe('Alice’s headline');
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      expect((await seen(b, bId)).title).toBe('Alice’s headline');
      expect(clipHistory(a.lib.db, a.id).some((e) => e.field === 'title' && e.value === 'Bob’s headline')).toBe(true);
    } finally {
      await team.close();
    }
  });

  it('different fields edited on both both survive, and tags merge as sets', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      await a.handlers.api.updateClip({ id: a.id, patch: { title: 'Corrected by Alice', note: 'check the date' } });
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['Russia'] });
      await b.handlers.api.updateClip({ id: bId, patch: { author: 'Agence France-Presse', starred: true } });
      await b.handlers.api.tagClips({ ids: [bId], tags: ['Venezuela'] });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      const want = { title: 'Corrected by Alice', author: 'Agence France-Presse', note: 'check the date', starred: true, tags: ['Russia', 'Venezuela'] };
      expect(await seen(a, a.id)).toEqual(want);
      expect(await seen(b, bId)).toEqual(want);
      // A correction stays a correction: re-extraction would keep it.
      expect((await b.handlers.api.getClip({ id: bId })).corrections.map((c) => c.field).sort()).toEqual(['author', 'title']);
      // A tag removed on one desktop goes on the other.
      await b.handlers.api.untagClips({ ids: [bId], tags: ['Russia'] });
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      expect((await seen(a, a.id)).tags).toEqual(['Venezuela']);
    } finally {
      await team.close();
    }
  });

  it('the originals folder of the second desktop holds the same bytes', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      const rel = (d: Desktop, id: number) => d.lib.db.prepare('SELECT original_path FROM clips WHERE id = ?').pluck().get(id) as string;
      expect(fs.readFileSync(path.join(b.lib.dir, rel(b, bId)))).toEqual(fs.readFileSync(path.join(a.lib.dir, rel(a, a.id))));
    } finally {
      await team.close();
    }
  });

  it('a member who keeps notes private sees them on their other desktop; the team does not', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      const alice = await team.token('alice');
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: alice, privateNotes: true });
      await a.handlers.api.updateClip({ id: a.id, patch: { note: 'source is my cousin' } });
      await syncOnce(a.lib);
      const laptop = team.desktop();
      await connectHub(laptop.lib, { hubUrl: team.hubs[1].url, token: alice });
      await syncOnce(laptop.lib);
      const b = team.desktop();
      await connectHub(b.lib, { hubUrl: team.hubs[1].url, token: await team.token('bob') });
      await syncOnce(b.lib);
      const only = async (d: Desktop) => (await d.handlers.api.listClips({})).clips[0].id;
      expect((await seen(laptop, await only(laptop))).note).toBe('source is my cousin');
      expect((await seen(b, await only(b))).note).toBe('');
      expect(teamLink(a.lib.db)!.privateNotes).toBe(true);

      // Bob's shared note does not take the place of Alice's private one: it waits in the history.
      await b.handlers.api.updateClip({ id: await only(b), patch: { note: 'check the Interfax wording' } });
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      expect((await seen(a, a.id)).note).toBe('source is my cousin');
      expect(clipHistory(a.lib.db, a.id)).toEqual([expect.objectContaining({ field: 'note', value: 'check the Interfax wording', by: 'bob' })]);
      expect((await seen(b, await only(b))).note).toBe('check the Interfax wording');
    } finally {
      await team.close();
    }
  });

  it('a highlight made private reaches the member’s other desktop, never the team; shared again, it reaches them', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      const alice = await team.token('alice');
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: alice });
      const mine = await a.handlers.api.addHighlight({ clipId: a.id, exact: 'Peskov', note: 'ask him again', private: true });
      expect(mine.private).toBe(true);
      await a.handlers.api.addHighlight({ clipId: a.id, exact: 'Maduro', note: 'for the team' });
      await syncOnce(a.lib);
      const laptop = team.desktop();
      await connectHub(laptop.lib, { hubUrl: team.hubs[1].url, token: alice });
      await syncOnce(laptop.lib);
      const b = team.desktop();
      await connectHub(b.lib, { hubUrl: team.hubs[1].url, token: await team.token('bob') });
      await syncOnce(b.lib);
      const only = async (d: Desktop) => (await d.handlers.api.listClips({})).clips[0].id;
      const notes = async (d: Desktop) => (await d.handlers.api.listHighlights({ clipId: await only(d) })).map((h) => [h.note, h.private]).sort();
      expect(await notes(laptop)).toEqual([['ask him again', true], ['for the team', false]]);
      expect(await notes(b)).toEqual([['for the team', false]]);
      // Bob cannot find Alice's private note by searching either.
      expect((await b.handlers.api.search({ q: 'ask him again' })).total).toBe(0);

      await a.handlers.api.updateHighlight({ id: mine.id, private: false });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      expect(await notes(b)).toEqual([['ask him again', false], ['for the team', false]]);
    } finally {
      await team.close();
    }
  });

  it('highlights travel with their notes and colours, and a deleted one goes on both', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      const h = await a.handlers.api.addHighlight({ clipId: a.id, exact: 'Maduro', colour: 'blue', note: 'the quote we need' });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      const there = await b.handlers.api.listHighlights({ clipId: bId });
      expect(there).toMatchObject([{ uid: h.uid, colour: 'blue', note: 'the quote we need', quote: { exact: 'Maduro' } }]);
      expect(there[0].position).not.toBeNull();
      expect((await b.handlers.api.search({ q: 'quote we need' })).total).toBe(1);
      await b.handlers.api.updateHighlight({ id: there[0].id, colour: 'green' });
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      expect((await a.handlers.api.listHighlights({ clipId: a.id }))[0].colour).toBe('green');
      await a.handlers.api.deleteHighlight({ id: h.id });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      expect(await b.handlers.api.listHighlights({ clipId: bId })).toEqual([]);
    } finally {
      await team.close();
    }
  });
});
