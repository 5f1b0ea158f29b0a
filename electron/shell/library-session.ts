// The library the desktop app has open, with its handler table. Switching library opens the
// new one first (a folder that cannot be opened leaves the current one in place), then stops
// the old one's imports and closes it.
import type { EventBus } from '../handlers/event-bus.ts';
import { createHandlers, type HandlerContext, type Handlers } from '../handlers/handler-table.ts';
import { keepSearchWarm } from '../handlers/warm-search.ts';
import { openLibrary, type Library } from '../library/open-library.ts';

export interface LibrarySession {
  library: Library;
  handlers: Handlers;
  /** Stops its imports, then closes the library. */
  close(): Promise<void>;
}

export type SystemHooks = Pick<HandlerContext, 'openPath' | 'openExternalUrl' | 'revealPath' | 'samplesDir' | 'printPdf'>;

export function openLibrarySession(dir: string, events: EventBus, hooks: SystemHooks, nativeBinding: string | undefined): LibrarySession {
  const library = openLibrary(dir, { nativeBinding });
  const handlers = createHandlers({ library, events, shell: 'electron', backgroundSync: true, ...hooks });
  const stopWarming = keepSearchWarm(library, events);
  let closing: Promise<void> | null = null;
  return {
    library,
    handlers,
    close() {
      closing ??= (async () => {
        stopWarming();
        await handlers.stopImports();
        await handlers.dispose();
        library.close();
      })();
      return closing;
    },
  };
}
