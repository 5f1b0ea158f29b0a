// The JSON export re-imports losslessly: export → a new library (imported through the handler
// table's importPaths, as `cuttings import` does) → export again gives the same bytes, apart
// from `exportedAt`, which is the time of each export and is left real.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/api.ts';
import { exportForDownload, writeExport } from '../../../electron/export/index.ts';
import { tempLibrary } from '../../helpers/temp-library.ts';
import { exportFixture, handlersFor, type ExportFixture } from './export-library.ts';

const withoutExportedAt = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');

describe('JSON export round trip', () => {
  let fx: ExportFixture;
  beforeAll(async () => {
    fx = await exportFixture();
  });
  afterAll(async () => fx.cleanup());

  it('export → new library → export gives an identical document (modulo exportedAt)', async () => {
    const first = path.join(fx.work, 'first.json');
    const written = await writeExport(fx.lib, { format: 'json' }, first);
    const total = (await fx.handlers.api.libraryInfo({})).clipCount;
    expect(written).toEqual({ output: first, clips: total });
    expect(total).toBeGreaterThanOrEqual(14);

    const other = tempLibrary();
    const otherHandlers = handlersFor(other);
    try {
      const summary = await otherHandlers.waitForImport((await otherHandlers.api.importPaths({ paths: [first] })).jobId);
      expect(summary.failed).toBe(0);
      expect(summary.added).toBe(total);
      const second = path.join(fx.work, 'second.json');
      await writeExport(other, { format: 'json' }, second);
      const a = fs.readFileSync(first, 'utf8');
      const b = fs.readFileSync(second, 'utf8');
      expect(withoutExportedAt(b)).toBe(withoutExportedAt(a));
      // What the comparison covers: the person's own additions travelled too.
      const doc = JSON.parse(b) as ExportDocument;
      const seed = doc.clips.find((c) => /Maduro/.test(c.title))!;
      expect(seed).toMatchObject({ starred: true, note: 'Check the Peskov quote.\n\nSee also "Interfax", 2 Oct.', tags: ['Russia, Kremlin', 'Venezuela'] });
      expect(doc.tags).toContainEqual({ name: 'Venezuela', colour: '#123456' });
    } finally {
      await otherHandlers.dispose();
      other.cleanup();
    }
  });

  it('exports only the chosen clips, or those a query matches, and downloads the same document', async () => {
    const picked = path.join(fx.work, 'picked.json');
    expect((await writeExport(fx.lib, { format: 'json', ids: [fx.seedId, 999_999] }, picked)).clips).toBe(1);
    expect((JSON.parse(fs.readFileSync(picked, 'utf8')) as ExportDocument).clips.map((c) => c.title)).toEqual([expect.stringMatching(/Maduro/)]);

    const queried = path.join(fx.work, 'queried.json');
    const search = await fx.handlers.api.search({ q: 'library restoration', limit: 100 });
    expect(search.total).toBeGreaterThan(0);
    const r = await writeExport(fx.lib, { format: 'json', query: 'library restoration' }, queried);
    expect(r.clips).toBe(search.total);

    const download = await exportForDownload(fx.lib, { format: 'json' });
    expect(download.fileName).toMatch(/^Cuttings export \d{4}-\d{2}-\d{2}\.json$/);
    expect(download.mimeType).toBe('application/json; charset=utf-8');
    const whole = path.join(fx.work, 'whole.json');
    await writeExport(fx.lib, { format: 'json' }, whole);
    expect(withoutExportedAt(new TextDecoder().decode(download.bytes))).toBe(withoutExportedAt(fs.readFileSync(whole, 'utf8')));
  });
});
