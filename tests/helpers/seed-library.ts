// A real temporary library holding the seed article, imported by the real pipeline, with the
// Api handlers over it as the window and the CLI call them.
import { EventBus } from '../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../electron/handlers/handler-table.ts';
import { SEED, tempLibrary } from './temp-library.ts';

export interface SeedLibrary {
  lib: ReturnType<typeof tempLibrary>;
  handlers: Handlers;
  /** The seed clip's id. */
  id: number;
}

export async function seedLibrary(): Promise<SeedLibrary> {
  const lib = tempLibrary();
  const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
  const summary = await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId);
  return { lib, handlers, id: summary.outcomes[0].clipId! };
}

export async function closeSeedLibrary(seed: SeedLibrary | undefined): Promise<void> {
  await seed?.handlers.dispose();
  seed?.lib.cleanup();
}
