// Which clips an export holds (selectClipIds) and how it is written: refused with a sentence
// when there is nothing to write or nowhere to write it, an existing file replaced whole, and
// nothing half-written left behind when the export fails midway.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportError, selectClipIds, writeExport } from '../../../electron/export/index.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { exportFixture, handlersFor, type ExportFixture } from './export-library.ts';

describe('selectClipIds', () => {
  let fx: ExportFixture;
  beforeAll(async () => {
    fx = await exportFixture();
  });
  afterAll(async () => fx.cleanup());

  const newest = async () => (await fx.handlers.api.listClips({ sort: 'newest', limit: 1000 })).clips.map((c) => c.id);

  it('takes every clip, newest first, when nothing narrows it', async () => {
    const all = await newest();
    expect(all.length).toBe((await fx.handlers.api.libraryInfo({})).clipCount);
    expect(selectClipIds(fx.lib, { format: 'csv' })).toEqual(all);
  });

  it('takes the given ids in the library order, without unknown or deleted ones', async () => {
    const all = await newest();
    const [a, b, c, d] = [all[5], all[0], all[3], all[7]];
    const { undoToken } = await fx.handlers.api.deleteClips({ ids: [d] });
    try {
      expect(selectClipIds(fx.lib, { format: 'csv', ids: [a, 999_999, b, d, c] })).toEqual([b, c, a]);
    } finally {
      await fx.handlers.api.undoDelete({ undoToken });
    }
  });

  it('takes every clip the search matches, typo correction and filters included', async () => {
    const all = await newest();
    for (const q of ['madurro', 'tag:venezuela', 'library -restoration', 'year:2019', 'is:starred', 'source:"Meridian Times"', 'russia OR library', 'zzzznotaword']) {
      const hits = (await fx.handlers.api.search({ q, limit: 1000 })).hits.map((h) => h.id);
      const selected = selectClipIds(fx.lib, { format: 'csv', query: q });
      expect(new Set(selected), q).toEqual(new Set(hits));
      // …in newest-first order, as the list shows them.
      expect(selected, q).toEqual(all.filter((id) => selected.includes(id)));
    }
    expect(selectClipIds(fx.lib, { format: 'csv', query: 'madurro' })).toEqual([fx.seedId]);
    expect(selectClipIds(fx.lib, { format: 'csv', query: 'library', ids: [fx.seedId] })).toEqual([]);
  });
});

describe('writeExport', () => {
  const lib = tempLibrary();
  const handlers = handlersFor(lib);
  const work = tempDir('cuttings-export-write-');
  beforeAll(async () => {
    await handlers.waitForImport((await handlers.api.loadSamples({})).jobId);
  });
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('refuses, in a sentence, what it cannot do', async () => {
    const out = path.join(work, 'x.csv');
    await expect(writeExport(lib, { format: 'pdf' as never }, out)).rejects.toThrow('Unknown export format "pdf": use json, markdown, html, csv, csl-json, ris, bibtex, highlights.');
    await expect(writeExport(lib, { format: 'csv', query: 'zzzznotaword' }, out)).rejects.toThrow('No clips match "zzzznotaword": nothing was exported.');
    await expect(writeExport(lib, { format: 'csv', ids: [424242] }, out)).rejects.toThrow('None of the chosen clips is in the library any more: nothing was exported.');
    await expect(writeExport(lib, { format: 'csv' }, path.join(work, 'missing', 'x.csv'))).rejects.toThrow(`The folder ${path.join(work, 'missing')} does not exist.`);
    fs.mkdirSync(path.join(work, 'a-folder'));
    await expect(writeExport(lib, { format: 'html' }, path.join(work, 'a-folder'))).rejects.toThrow(/is a folder/);
    await expect(writeExport(lib, { format: 'csv', query: 'zzzznotaword' }, out)).rejects.toBeInstanceOf(ExportError);
    expect(fs.existsSync(out)).toBe(false);
    const empty = tempLibrary();
    try {
      await expect(writeExport(empty, { format: 'json' }, out)).rejects.toThrow('The library has no clips yet: nothing was exported.');
    } finally {
      empty.cleanup();
    }
  });

  it('leaves the previous file whole, and no partial file, when an export fails midway', async () => {
    const other = tempLibrary();
    const otherHandlers = handlersFor(other);
    await otherHandlers.waitForImport((await otherHandlers.api.loadSamples({})).jobId);
    await otherHandlers.dispose();
    const html = path.join(work, 'keep.html');
    const notes = path.join(work, 'notes');
    fs.writeFileSync(html, 'the export of last week');
    // The export has chosen its clips and opened its partial file when the library goes away.
    const pending = [writeExport(other, { format: 'html' }, html), writeExport(other, { format: 'markdown' }, notes)];
    other.close();
    const results = await Promise.allSettled(pending);
    for (const r of results) expect(r.status === 'rejected' && String(r.reason)).toMatch(/database connection is not open/);
    expect(fs.readFileSync(html, 'utf8')).toBe('the export of last week');
    expect(fs.existsSync(notes)).toBe(false);
    expect(fs.readdirSync(work).filter((f) => f.includes('.partial'))).toEqual([]);
    other.cleanup();
  });
});
