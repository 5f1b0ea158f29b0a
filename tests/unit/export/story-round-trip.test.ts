// Stories travel in the JSON export: a wire story imported from three outlets, exported and
// restored into an empty library, is the same story there, with the same three versions (by
// uid); restoring it again into a library that holds some of its versions links the rest.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/api.ts';
import { buildExportDocument } from '../../../electron/import/export-document.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { listClips } from '../../../electron/library/clips.ts';
import { listStories, storyOfClip } from '../../../electron/library/stories.ts';
import { writeWirePages } from '../../helpers/story-pages.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';

let libs: ReturnType<typeof tempLibrary>[];
let work: string;
beforeEach(() => {
  libs = [];
  work = tempDir('cuttings-story-export-');
});
afterEach(() => {
  for (const l of libs) l.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

function library() {
  const lib = tempLibrary();
  libs.push(lib);
  return lib;
}

/** The library's stories as sets of uids, each sorted, with their kind and outlets. */
function storiesByUid(lib: ReturnType<typeof tempLibrary>) {
  const uidOf = (id: number) => lib.db.prepare('SELECT uid FROM clips WHERE id = ?').pluck().get(id) as string;
  return listStories(lib.db, {}).stories.map((s) => ({ kind: s.kind, outlets: s.outlets, title: s.title, versions: s.versions.map((v) => uidOf(v.id)).sort() }));
}

async function restore(into: ReturnType<typeof tempLibrary>, doc: ExportDocument, name: string) {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return new ImportJob(into).runPaths([file]);
}

describe('stories in the JSON export', () => {
  it('export → empty library: the same story, with the same three versions', async () => {
    const source = library();
    const files = writeWirePages(work);
    const imported = await new ImportJob(source).runPaths(files);
    expect(imported.added).toBe(3);
    const before = storiesByUid(source);
    expect(before).toHaveLength(1);
    expect(before[0].versions).toHaveLength(3);

    const doc = buildExportDocument(source.db);
    // Every clip carries its links, by uid, to versions the export holds.
    const uids = new Set(doc.clips.map((c) => c.uid));
    for (const c of doc.clips) {
      expect(c.storyLinks?.length).toBeGreaterThan(0);
      for (const l of c.storyLinks!) expect(uids.has(l.uid)).toBe(true);
    }

    const target = library();
    const summary = await restore(target, doc, 'export.json');
    expect(summary.failed).toBe(0);
    expect(summary.added).toBe(3);
    expect(storiesByUid(target)).toEqual(before);
    // The list groups it as the source library did.
    const collapsed = listClips(target.db, { collapseStories: true });
    expect(collapsed.total).toBe(1);
    expect(collapsed.clips[0].story).toMatchObject({ versions: 3, outlets: 3, kind: 'outlets' });
    // And the restored library exports the same links again.
    const again = buildExportDocument(target.db);
    expect(again.clips.map((c) => [c.uid, c.storyLinks])).toEqual(doc.clips.map((c) => [c.uid, c.storyLinks]));
  });

  it('a restore into a library holding one version links the others to it', async () => {
    const source = library();
    await new ImportJob(source).runPaths(writeWirePages(work));
    const doc = buildExportDocument(source.db);
    const target = library();
    // First only one clip (the others' links point at uids not there yet: nothing to link).
    await restore(target, { ...doc, clips: doc.clips.slice(0, 1) }, 'one.json');
    expect(listStories(target.db, {}).total).toBe(0);
    const id = target.db.prepare('SELECT id FROM clips').pluck().get() as number;
    expect(storyOfClip(target.db, id)).toBeNull();
    // Then the whole export: the first is a duplicate, and still ends up in the story.
    const summary = await restore(target, doc, 'all.json');
    expect(summary.added).toBe(2);
    expect(summary.duplicates).toBe(1);
    expect(storyOfClip(target.db, id)?.versions).toHaveLength(3);
    expect(storiesByUid(target)).toEqual(storiesByUid(source));
  });

  it('ignores links to clips that are not there, and damaged links', async () => {
    const source = library();
    await new ImportJob(source).runPaths(writeWirePages(work));
    const doc = buildExportDocument(source.db);
    const damaged: ExportDocument = {
      ...doc,
      clips: doc.clips.map((c, i) => ({
        ...c,
        storyLinks: i === 0 ? [{ uid: 'no-such-clip', similarity: 0.9 }, { uid: c.uid, similarity: 1 }, { similarity: 2 } as never] : c.storyLinks,
      })),
    };
    const target = library();
    const summary = await restore(target, damaged, 'damaged.json');
    expect(summary.failed).toBe(0);
    // The other two still link to the first, both ways: one story of three.
    expect(storiesByUid(target)[0]?.versions).toHaveLength(3);
    const self = target.db.prepare('SELECT count(*) FROM near_duplicates WHERE clip_id = other_id').pluck().get();
    expect(self).toBe(0);
  });
});
