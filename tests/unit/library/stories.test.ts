// Stories through the real pipeline: a wire story imported from three outlets' pages is one
// story of three versions; one page saved twice as it changed is a page with two versions; the
// list and search collapse a story to one row when asked, and the word diff marks what changed.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { listClips } from '../../../electron/library/clips.ts';
import { listStories, storyOfClip } from '../../../electron/library/stories.ts';
import { searchClips } from '../../../electron/search/search-clips.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { CHANGED_PAGE_URL, WIRE_OUTLETS, writeChangedPage, writeWirePages } from '../../helpers/story-pages.ts';

let lib: ReturnType<typeof tempLibrary>;
let work: string;
beforeEach(() => {
  lib = tempLibrary();
  work = tempDir('cuttings-stories-');
});
afterEach(() => {
  lib.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

async function importWire(): Promise<number[]> {
  const files = writeWirePages(work);
  const summary = await new ImportJob(lib).runPaths(files);
  expect(summary.outcomes.map((o) => o.status)).toEqual(['added', 'added', 'added']);
  return files.map((f) => summary.outcomes.find((o) => o.file.endsWith(f.split('/').pop()!))!.clipId!);
}

describe('a wire story from three outlets', () => {
  it('is one story of three versions, one per outlet', async () => {
    const ids = await importWire();
    const story = storyOfClip(lib.db, ids[2])!;
    expect(story).not.toBeNull();
    expect(story.kind).toBe('outlets');
    expect(story.id).toBe(Math.min(...ids));
    expect(story.outlets).toBe(3);
    expect(story.versions.map((v) => v.id).sort()).toEqual([...ids].sort());
    expect(story.versions.map((v) => v.source).sort()).toEqual(WIRE_OUTLETS.map((o) => o.name).sort());
    expect(listStories(lib.db, {}).stories.map((s) => s.id)).toEqual([story.id]);
  });

  it('shows once in a collapsed list and search, with "3 outlets", and every version otherwise', async () => {
    const ids = await importWire();
    // An unrelated clip beside it, which every view keeps.
    fs.writeFileSync(`${work}/other.txt`, 'Harbour cranes arrive in Rotterdam\n\nBy Jan de Vries\n\n' + 'Three new ship-to-shore cranes arrived in the port of Rotterdam on Tuesday, the Kremlin watchers said nothing, and Peskov neither. '.repeat(4));
    await new ImportJob(lib).runPaths([`${work}/other.txt`]);
    const all = listClips(lib.db, {});
    const collapsed = listClips(lib.db, { collapseStories: true });
    expect(collapsed.total).toBe(all.total - 2);
    const row = collapsed.clips.find((c) => ids.includes(c.id))!;
    expect(row.id).toBe(Math.min(...ids));
    expect(row.story).toMatchObject({ versions: 3, outlets: 3, kind: 'outlets' });
    expect(collapsed.clips.filter((c) => ids.includes(c.id))).toHaveLength(1);
    // A filter that leaves out the first version: the story still shows once, by a version the filter keeps.
    const bySource = listClips(lib.db, { collapseStories: true, source: WIRE_OUTLETS[2].name });
    expect(bySource.clips.map((c) => c.id)).toEqual([ids[2]]);

    const found = searchClips(lib.db, { q: 'kremlin peskov', collapseStories: true });
    expect(found.hits.filter((h) => ids.includes(h.id))).toHaveLength(1);
    expect(found.hits.find((h) => ids.includes(h.id))!.story?.versions).toBe(3);
    const every = searchClips(lib.db, { q: 'kremlin peskov' });
    expect(every.hits.filter((h) => ids.includes(h.id))).toHaveLength(3);
    expect(every.hits.every((h) => h.story === undefined)).toBe(true);
    expect(found.total).toBe(every.total - 2);
  });

  it('leaves a deleted version out of its story', async () => {
    const ids = await importWire();
    const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: work });
    try {
      const first = Math.min(...ids);
      const kept = ids.filter((id) => id !== first).sort((a, b) => a - b);
      await handlers.api.deleteClips({ ids: [first] });
      const story = (await handlers.api.storyOf({ id: kept[1] }))!;
      expect(story.versions.map((v) => v.id).sort((a, b) => a - b)).toEqual(kept);
      // The story shows by its first version left.
      const rows = (await handlers.api.listClips({ collapseStories: true })).clips;
      expect(rows.map((r) => r.id)).toEqual([kept[0]]);
      expect(rows[0].story?.versions).toBe(2);
    } finally {
      await handlers.dispose();
    }
  });
});

describe('one page saved twice as it changed', () => {
  it('keeps both saves as versions of one page', async () => {
    const { first, second } = writeChangedPage(work);
    const a = await new ImportJob(lib).runPaths([first]);
    const b = await new ImportJob(lib).runPaths([second]);
    expect(a.outcomes[0].status).toBe('added');
    expect(b.outcomes[0].status).toBe('added');
    const story = storyOfClip(lib.db, b.outcomes[0].clipId!)!;
    expect(story.kind).toBe('page');
    expect(story.versions.map((v) => v.id)).toEqual([a.outcomes[0].clipId, b.outcomes[0].clipId]);
    expect(story.versions.every((v) => v.url === CHANGED_PAGE_URL)).toBe(true);
    expect(story.versions.map((v) => v.savedAt?.slice(0, 10))).toEqual(['2019-09-20', '2019-09-22']);
    expect(listClips(lib.db, { collapseStories: true }).clips[0].story).toMatchObject({ kind: 'page', versions: 2 });
  });

  it('but a save whose text is the same is still a duplicate', async () => {
    const { first } = writeChangedPage(work);
    await new ImportJob(lib).runPaths([first]);
    const again = `${work}/again.html`;
    fs.writeFileSync(again, fs.readFileSync(first, 'utf8').replace('All rights reserved.', 'All rights reserved. Cookies.'));
    const r = await new ImportJob(lib).runPaths([again]);
    expect(r.outcomes[0].status).toBe('duplicate');
  });
});

describe('the word diff of two versions', () => {
  let handlers: Handlers;
  afterEach(async () => handlers?.dispose());

  it('marks the changed words, and nothing else', async () => {
    const { first, second } = writeChangedPage(work);
    const a = (await new ImportJob(lib).runPaths([first])).outcomes[0].clipId!;
    const b = (await new ImportJob(lib).runPaths([second])).outcomes[0].clipId!;
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: work });
    const d = await handlers.api.diffClips({ from: a, to: b });
    expect(d.truncated).toBe(false);
    const dels = d.parts.filter((p) => p.op === 'del').map((p) => p.text.trim());
    const adds = d.parts.filter((p) => p.op === 'add').map((p) => p.text.trim());
    // "on the Maasvlakte next month" → "on the Maasvlakte on October 14"; "2.7" → "2.4"; a new paragraph.
    expect(dels).toEqual(['next month', '7']);
    expect(adds[0]).toBe('on October 14');
    expect(adds[1]).toBe('4');
    expect(adds[2]).toMatch(/The shipping line was later named as Maersk, whose Madrid Maersk is due on the opening day/);
    expect(adds).toHaveLength(3);
    // The parts without deletions are the new text.
    const after = d.parts.filter((p) => p.op !== 'del').map((p) => p.text).join('');
    expect(after).toContain('on the Maasvlakte on October 14, the port authority said');
    expect(d.removed).toBe(3);
    expect(d.added).toBe(3 + 1 + 'The shipping line was later named as Maersk whose Madrid Maersk is due on the opening day'.split(' ').length);
  });

  it('between two outlets, marks their rewordings', async () => {
    const ids = await importWire();
    handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: work });
    const d = await handlers.api.diffClips({ from: ids[0], to: ids[1] });
    const dels = d.parts.filter((p) => p.op === 'del').map((p) => p.text).join(' | ');
    const adds = d.parts.filter((p) => p.op === 'add').map((p) => p.text).join(' | ');
    expect(dels).toMatch(/declining to provide/);
    expect(adds).toMatch(/without giving/);
    expect(d.added + d.removed).toBeLessThan(60);
  });
});
