// A press review of 200 real clips builds with progress, in each format, and can be cancelled
// leaving no file behind. No times are asserted (bench/review.ts measures them).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { findChromium } from '../../../electron/export/review-chromium.ts';
import { PROJECT_ROOT, tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';
import { compileReview } from './review-compile.ts';

describe('a press review of 200 clips', () => {
  const lib = tempLibrary();
  const work = tempDir('cuttings-review-scale-');
  const events = new EventBus();
  let handlers: Handlers;
  let ids: number[];
  beforeAll(async () => {
    handlers = createHandlers({ library: lib, events, shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
    const pages = writeUniquePages(path.join(work, 'pages'), 230, 'review');
    await handlers.waitForImport((await handlers.api.importPaths({ paths: pages })).jobId);
    ids = (await handlers.api.listClips({ limit: 200 })).clips.map((c) => c.id);
    expect(ids).toHaveLength(200);
  }, 300_000);
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });

  for (const format of ['html', 'docx', 'pdf'] as const) {
    it.skipIf(format === 'pdf' && !findChromium())(`as ${format}, reporting progress as the clips are read`, async () => {
      const output = path.join(work, `review.${format}`);
      // The PDF of standfirsts: the full-text PDF of 200 clips is the bench's to measure.
      const { summary, progress } = await compileReview(handlers, events, { format, ids, content: format === 'pdf' ? 'standfirst' : 'full', group: 'outlet' }, output);
      expect(summary).toMatchObject({ status: 'done', clips: 200 });
      const reading = progress.filter((p) => p.stage === 'reading');
      expect(reading.length).toBeGreaterThanOrEqual(4);
      expect(reading.map((p) => p.done)).toEqual([...reading.map((p) => p.done)].sort((a, b) => a - b));
      expect(reading.at(-1)).toMatchObject({ done: 200, total: 200 });
      expect(progress.at(-1)).toMatchObject({ stage: 'saving', done: 1 });
      expect(fs.statSync(output).size).toBe(summary.bytes);
    }, 240_000);
  }

  it('stops when cancelled, and leaves no file', async () => {
    const output = path.join(work, 'cancelled.docx');
    const { jobId } = handlers.compileReviewTo({ format: 'docx', ids }, output);
    const off = events.subscribe((event, p) => {
      if (event === 'review-progress' && (p as { jobId: string }).jobId === jobId) void handlers.api.cancelReview({ jobId });
    });
    const summary = await handlers.waitForReview(jobId);
    off();
    expect(summary.status).toBe('cancelled');
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.readdirSync(work).filter((f) => f.includes('cancelled'))).toEqual([]);
  }, 120_000);
});
