// A real library to export: the seed article, the bundled samples and real saved pages from
// the extraction corpus, imported by the handler table, with tags, a note and a star.
import fs from 'node:fs';
import path from 'node:path';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { firstCorpusPages } from '../../helpers/corpus-pages.ts';
import { PROJECT_ROOT, SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

export type TempLibrary = ReturnType<typeof tempLibrary>;

export interface ExportFixture {
  lib: TempLibrary;
  handlers: Handlers;
  /** A scratch folder for outputs, removed by cleanup(). */
  work: string;
  /** The seed clip's id. */
  seedId: number;
  cleanup(): Promise<void>;
}

export function handlersFor(lib: TempLibrary): Handlers {
  return createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
}

export async function exportFixture(options: { pages?: number } = {}): Promise<ExportFixture> {
  const lib = tempLibrary();
  const handlers = handlersFor(lib);
  const work = tempDir('cuttings-export-');
  const seed = await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId);
  const seedId = seed.outcomes[0].clipId!;
  await handlers.waitForImport((await handlers.api.loadSamples({})).jobId);
  const pages = firstCorpusPages(path.join(work, 'pages'), options.pages ?? 6);
  await handlers.waitForImport((await handlers.api.importPaths({ paths: pages })).jobId);
  await handlers.api.tagClips({ ids: [seedId], tags: ['Venezuela', 'Russia, Kremlin'] });
  const tags = await handlers.api.listTags({});
  await handlers.api.recolourTag({ id: tags.find((t) => t.name === 'Venezuela')!.id, colour: '#123456' });
  await handlers.api.updateClip({ id: seedId, patch: { note: 'Check the Peskov quote.\n\nSee also "Interfax", 2 Oct.', starred: true } });
  return {
    lib,
    handlers,
    work,
    seedId,
    async cleanup() {
      await handlers.dispose();
      lib.cleanup();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
