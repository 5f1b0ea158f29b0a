// Run as a process of its own (node bin/run-ts.mjs tests/helpers/read-only-probe.ts DIR), often
// as another user: opens the library at DIR as the app does, reads it through the Api (list,
// search, show, timeline, export), asks for writes, and prints what happened as one JSON line.
import { dispatch } from '../../electron/handlers/dispatch.ts';
import { EventBus } from '../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../electron/handlers/handler-table.ts';
import { openLibrary, type Library } from '../../electron/library/open-library.ts';

export interface ProbeResult {
  opened: boolean;
  error?: string;
  readOnly?: boolean;
  listed?: number;
  found?: number;
  shown?: string;
  years?: number;
  exported?: number;
  tags?: string[];
  writes?: { method: string; ok: boolean; code?: string; message?: string }[];
}

const dir = process.argv[2];
const out: ProbeResult = { opened: false };
let library: Library | null = null;
try {
  library = openLibrary(dir);
  out.opened = true;
  out.readOnly = library.readOnly;
  const handlers = createHandlers({ library, events: new EventBus(), shell: 'cli', samplesDir: dir });
  const call = (method: string, args: unknown) => dispatch(handlers.api, method, args) as Promise<never>;
  const page = (await call('listClips', {})) as { total: number; clips: { id: number }[] };
  out.listed = page.total;
  out.found = ((await call('search', { q: process.argv[3] ?? 'the' })) as { total: number }).total;
  out.shown = ((await call('getClip', { id: page.clips[0].id })) as { title: string }).title;
  out.years = ((await call('timeline', { granularity: 'year' })) as { buckets: unknown[] }).buckets.length;
  out.exported = ((await call('exportClips', {})) as { clips: unknown[] }).clips.length;
  out.tags = ((await call('listTags', {})) as { name: string }[]).map((t) => t.name);
  const id = page.clips[0].id;
  out.writes = [];
  for (const [method, args] of [
    ['tagClips', { ids: [id], tags: ['new'] }],
    ['updateClip', { id, patch: { starred: true } }],
    ['createTag', { name: 'another' }],
    ['deleteClips', { ids: [id] }],
    ['saveSearch', { name: 'saved', query: 'oil' }],
    ['importPaths', { paths: [dir] }],
  ] as const) {
    try {
      await call(method, args);
      out.writes.push({ method, ok: true });
    } catch (e) {
      out.writes.push({ method, ok: false, code: (e as { code?: string }).code, message: (e as Error).message });
    }
  }
  await handlers.dispose();
} catch (e) {
  out.error = (e as Error).message;
} finally {
  library?.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
