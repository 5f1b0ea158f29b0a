// `cuttings entities [--type person|place|org] [--top N] [--json]`: the library's people,
// places and organisations with their clip counts, most clips first. The branch of the
// `entities` command (entities.ts) that reads a library: that command needs none for its
// --recognise branch, so this one opens the library itself, and calls the Api through
// dispatch as every command does (arguments checked as the window's are).
import { SAMPLES_DIR } from '../../project-paths.ts';
import type { EntityKind, EntitySummary } from '../../api.ts';
import { dispatch } from '../../handlers/dispatch.ts';
import { EventBus } from '../../handlers/event-bus.ts';
import { createHandlers } from '../../handlers/handler-table.ts';
import { openLibrary } from '../../library/open-library.ts';
import { type CommandContext, type FlagSpec } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'org'];

export const ENTITY_LIST_FLAGS: FlagSpec[] = [
  { name: 'type', kind: 'value', value: 'KIND', choices: ENTITY_KINDS, help: 'Only people, places or organisations (person, place, org)' },
  { name: 'top', kind: 'value', value: 'N', whole: true, help: 'The N named in most clips' },
];

const HEADING: Record<EntityKind, string> = { person: 'person', place: 'place', org: 'org' };

export async function listLibraryEntities({ io, input, libraryDir }: CommandContext): Promise<number> {
  let library: ReturnType<typeof openLibrary>;
  try {
    library = openLibrary(libraryDir);
  } catch (e) {
    io.err(`cuttings: ${(e as Error).message}`);
    return 1;
  }
  const handlers = createHandlers({ library, events: new EventBus(), shell: 'cli', samplesDir: SAMPLES_DIR });
  try {
    const top = input.value('top');
    const args = { kind: input.value('type'), limit: top === undefined ? undefined : Number(top) };
    const entities = (await dispatch(handlers.api, 'listEntities', args)) as EntitySummary[];
    if (input.json) printJson(io, entities);
    else {
      for (const e of entities) {
        const aka = e.names.map(terminalSafe);
        io.out(`${String(e.clips).padStart(6)}  ${HEADING[e.kind].padEnd(6)}  ${terminalSafe(e.name)}${aka.length ? `  (${aka.join(', ')})` : ''}`);
      }
      if (!entities.length) io.err(`No ${input.value('type') ?? 'entities'} found: clips imported before entities were recognised need re-extracting (cuttings reextract --all).`);
    }
    return 0;
  } finally {
    await handlers.dispose();
    library.close();
  }
}
