// The `cuttings` command: the same library and the same Api handler table, from a terminal.
// Exit status: 0 all went well, 1 some input failed, 2 usage error.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiMethod, Clip, ImportOutcome, ImportProgress, SearchResult } from './api.ts';
import { ApiCallError, dispatch } from './handlers/dispatch.ts';
import { EventBus } from './handlers/event-bus.ts';
import { createHandlers, type Handlers } from './handlers/handler-table.ts';
import { extractFromBytes } from './import/extract-file.ts';
import { displayName, readSourceFile } from './import/read-source.ts';
import { ImportError } from './import/types.ts';
import { walkPaths } from './import/walk-paths.ts';
import { defaultLibraryDir } from './library/library-location.ts';
import { openLibrary, type Library } from './library/open-library.ts';
import { keepSearchWarm } from './handlers/warm-search.ts';
import { RENDERER_DIST, SAMPLES_DIR } from './project-paths.ts';
import { startServer } from './server.ts';

class UsageError extends Error {}

const HELP = `Cuttings — an offline library for news clippings.

Usage: cuttings <command> [options]

Commands:
  import PATH…          Import saved articles (files, folders, .zip); one result per file
  extract FILE…         Print what would be recorded for each file, without a library (use --json)
  search QUERY…         Search the library (typo-tolerant; tag:, source:, author:, year:, before:, after:, is:starred)
  list                  List clips, newest first (--sort newest|oldest|imported|title, --limit N, --tag TAG)
  show ID               Show one clip in full
  tag ID TAG…           Add tags to a clip
  untag ID TAG…         Remove tags from a clip
  tags                  List tags with their counts
  timeline              Clips per year (--by year|month|day, --from DATE, --to DATE)
  export                Export clips as JSON (--output FILE, otherwise standard output)
  serve                 Serve the app to a browser on 127.0.0.1 (--port N)
  api METHOD [JSON]     Call any Api method with JSON arguments (prints JSON)

Options:
  --library DIR         The library folder (default: $CUTTINGS_LIBRARY, or the desktop app's own)
  --json                Machine-readable output
  --help                This help
`;

interface Parsed {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string[]>;
}

const VALUE_FLAGS = new Set(['library', 'port', 'limit', 'sort', 'tag', 'by', 'from', 'to', 'output', 'max-file-mb', 'offset']);
const BOOL_FLAGS = new Set(['json', 'help', 'no-progress']);

export function parseArgs(argv: string[]): Parsed {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) {
        flags.set(name, ['true']);
      } else if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, [...(flags.get(name) ?? []), value]);
      } else throw new UsageError(`unknown option --${name}`);
      continue;
    }
    if (command === undefined && a === '-h') {
      flags.set('help', ['true']);
      continue;
    }
    if (command === undefined) command = a;
    else positional.push(a);
  }
  return { command, positional, flags };
}

/** Text from articles is shown in a terminal: never let it send escape sequences. */
export function terminalSafe(s: string | null | undefined): string {
  return (s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

interface Io {
  out(line: string): void;
  err(line: string): void;
  isTTY: boolean;
}

function idArg(v: string | undefined, what = 'ID'): number {
  if (!v || !/^\d+$/.test(v)) throw new UsageError(`${what} must be a clip number (see \`cuttings list\`)`);
  return Number(v);
}

function progressBar(p: ImportProgress): string {
  const width = 28;
  const share = p.total ? p.done / p.total : 0;
  const filled = Math.round(share * width);
  const eta = p.etaSeconds !== null ? ` ETA ${p.etaSeconds}s` : '';
  const file = p.currentFile ? ` ${terminalSafe(p.currentFile).slice(-40)}` : '';
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} ${p.filesPerSecond}/s${eta}${file}`.padEnd(110).slice(0, 110);
}

function outcomeLine(o: ImportOutcome): string {
  const title = terminalSafe(o.title);
  if (o.status === 'added') return `added      ${o.file}  →  #${o.clipId} ${title}`;
  if (o.status === 'duplicate') return `duplicate  ${o.file}  →  ${terminalSafe(o.reason)}`;
  return `failed     ${o.file}: ${terminalSafe(o.reason)}`;
}

async function runImport(handlers: Handlers, events: EventBus, paths: string[], json: boolean, io: Io, showProgress: boolean): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file or folder');
  const unsubscribe = events.subscribe((event, payload) => {
    if (event === 'import-progress' && showProgress) io.err(progressBar(payload as ImportProgress));
  });
  const { jobId } = await handlers.api.importPaths({ paths });
  const summary = await handlers.waitForImport(jobId);
  unsubscribe();
  if (showProgress) io.err('\r' + ' '.repeat(110) + '\r');
  for (const o of summary.outcomes) {
    if (json) io.out(JSON.stringify(o));
    else if (o.status === 'failed') io.err(outcomeLine(o));
    else io.out(outcomeLine(o));
  }
  if (!json) {
    io.err(`${summary.added} added, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}, ${summary.failed} failed (${(summary.elapsedMs / 1000).toFixed(1)} s)`);
  }
  return summary.failed > 0 ? 1 : 0;
}

function runExtract(files: string[], io: Io): number {
  if (files.length === 0) throw new UsageError('extract needs at least one file');
  let failed = 0;
  const found: { path: string; display: string }[] = [];
  walkPaths(files, {
    file: (f) => found.push(f),
    problem: (p) => {
      failed++;
      io.err(`${displayName(p.display)}: ${p.reason}`);
    },
    cancelled: () => false,
  });
  for (const f of found) {
    const read = readSourceFile(f.path);
    try {
      if (!read.ok) throw new ImportError(read.reason);
      const ex = extractFromBytes(read.bytes, path.basename(f.path), read.mtimeMs);
      io.out(
        JSON.stringify({
          file: f.display, format: ex.format, title: ex.title, author: ex.author, source: ex.source, site: ex.site,
          url: ex.url, publishedAt: ex.publishedAt, savedAt: ex.savedAt, language: ex.language,
          standfirst: ex.standfirst, captions: ex.captions, body: ex.bodyText, warnings: ex.warnings,
        }),
      );
    } catch (e) {
      failed++;
      const reason = e instanceof ImportError ? e.reason : `could not be read (${(e as Error).message})`;
      io.err(`${displayName(f.display)}: ${reason}`);
    }
  }
  return failed ? 1 : 0;
}

function printClip(c: Clip, io: Io): void {
  const line = (k: string, v: string | null | undefined) => v && io.out(`${k.padEnd(11)}${terminalSafe(v)}`);
  io.out(terminalSafe(c.title));
  io.out('');
  line('Source', c.source);
  line('Author', c.author);
  line('Published', c.publishedAt);
  line('Saved', c.savedAt);
  line('Imported', c.importedAt);
  line('URL', c.url);
  line('Tags', c.tags.map((t) => t.name).join(', '));
  line('Original', c.original.name);
  if (c.nearDuplicates.length) line('Also in', c.nearDuplicates.map((n) => `#${n.id} ${n.source ?? n.title}`).join('; '));
  io.out('');
  if (c.standfirst) io.out(terminalSafe(c.standfirst) + '\n');
  io.out(terminalSafe(c.bodyText));
}

function stripMarks(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

function printSearch(r: SearchResult, io: Io): void {
  if (r.showingResultsFor) io.err(`Showing results for: ${terminalSafe(r.showingResultsFor)}`);
  io.out(`${r.total} clip${r.total === 1 ? '' : 's'} (${r.tookMs.toFixed(1)} ms)`);
  for (const h of r.hits) {
    io.out(`#${h.id}  ${terminalSafe(h.title)}  —  ${terminalSafe(h.source) || 'unknown source'}${h.publishedAt ? `, ${h.publishedAt.slice(0, 10)}` : ''}`);
    if (h.snippet) io.out(`      ${terminalSafe(stripMarks(h.snippet)).replace(/\s+/g, ' ')}`);
  }
}

export async function runCli(argv: string[], io: Io = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + (l.startsWith('\r') ? '' : '\n')), isTTY: !!process.stderr.isTTY }): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    io.err(`cuttings: ${(e as Error).message}\nRun \`cuttings --help\` for usage.`);
    return 2;
  }
  const { command, positional, flags } = parsed;
  const flag = (n: string) => flags.get(n)?.at(-1);
  const json = flags.has('json');
  if (flags.has('help') || command === 'help' || command === undefined) {
    (command === undefined && !flags.has('help') ? io.err : io.out)(HELP);
    return command === undefined && !flags.has('help') ? 2 : 0;
  }
  const known = ['import', 'extract', 'search', 'list', 'show', 'tag', 'untag', 'tags', 'timeline', 'export', 'serve', 'api'];
  if (!known.includes(command)) {
    io.err(`cuttings: unknown command "${terminalSafe(command)}"\nRun \`cuttings --help\` for usage.`);
    return 2;
  }
  if (command === 'extract') {
    try {
      return runExtract(positional, io);
    } catch (e) {
      if (e instanceof UsageError) {
        io.err(`cuttings: ${e.message}`);
        return 2;
      }
      throw e;
    }
  }

  let library: Library;
  const dir = flag('library') ? path.resolve(flag('library')!) : defaultLibraryDir();
  try {
    library = openLibrary(dir);
  } catch (e) {
    io.err(`cuttings: ${(e as Error).message}`);
    return 1;
  }
  const events = new EventBus();
  const maxMb = flag('max-file-mb');
  // Browser mode's handlers know the session token, so they can hand out download URLs.
  const token = crypto.randomBytes(24).toString('base64url');
  const handlers = createHandlers({
    library, events, shell: command === 'serve' ? 'browser' : 'cli', samplesDir: SAMPLES_DIR,
    originalUrl: command === 'serve' ? (id) => `api/original/${id}?token=${encodeURIComponent(token)}` : undefined,
    maxFileBytes: maxMb && /^\d+$/.test(maxMb) ? Number(maxMb) * 1024 * 1024 : undefined,
  });
  const api = handlers.api;
  const print = (v: unknown) => io.out(JSON.stringify(v, null, 2));
  try {
    switch (command) {
      case 'import':
        return await runImport(handlers, events, positional, json, io, io.isTTY && !json && !flags.has('no-progress'));
      case 'search': {
        const q = positional.join(' ');
        if (!q.trim()) throw new UsageError('search needs a query');
        const r = await api.search({ q, limit: flag('limit') ? idArg(flag('limit'), '--limit') : 20, tags: flags.get('tag') });
        json ? print(r) : printSearch(r, io);
        return 0;
      }
      case 'list': {
        const raw = { limit: flag('limit') ?? 50, offset: flag('offset'), sort: flag('sort'), tags: flags.get('tag') };
        const page = (await dispatch(api, 'listClips', JSON.parse(JSON.stringify(raw)))) as Awaited<ReturnType<typeof api.listClips>>;
        if (json) print(page);
        else {
          io.out(`${page.total} clip${page.total === 1 ? '' : 's'}`);
          for (const c of page.clips) {
            const tags = c.tags.length ? `  [${c.tags.map((t) => terminalSafe(t.name)).join(', ')}]` : '';
            io.out(`#${String(c.id).padEnd(5)} ${(c.publishedAt ?? 'undated').slice(0, 10).padEnd(10)}  ${terminalSafe(c.title)}  —  ${terminalSafe(c.source) || '?'}${tags}`);
          }
        }
        return 0;
      }
      case 'show': {
        const clip = await api.getClip({ id: idArg(positional[0]) });
        json ? print(clip) : printClip(clip, io);
        return 0;
      }
      case 'tag':
      case 'untag': {
        const id = idArg(positional[0]);
        const tags = positional.slice(1);
        if (tags.length === 0) throw new UsageError(`${command} needs at least one tag name`);
        await api.getClip({ id }); // a missing clip is an error, not a silent no-op
        const r = command === 'tag' ? await api.tagClips({ ids: [id], tags }) : await api.untagClips({ ids: [id], tags });
        json ? print(r) : io.out(`${command === 'tag' ? 'Tagged' : 'Untagged'} #${id}: ${tags.map(terminalSafe).join(', ')}`);
        return 0;
      }
      case 'tags': {
        const tags = await api.listTags({});
        if (json) print(tags);
        else for (const t of tags) io.out(`${String(t.count).padStart(6)}  ${terminalSafe(t.name)}`);
        return 0;
      }
      case 'timeline': {
        const raw = { granularity: flag('by') ?? 'year', from: flag('from'), to: flag('to') };
        const t = (await dispatch(api, 'timeline', JSON.parse(JSON.stringify(raw)))) as Awaited<ReturnType<typeof api.timeline>>;
        if (json) print(t);
        else {
          const max = Math.max(1, ...t.buckets.map((b) => b.count));
          for (const b of t.buckets) io.out(`${b.period.padEnd(10)} ${String(b.count).padStart(6)}  ${'█'.repeat(Math.max(1, Math.round((b.count / max) * 40)))}`);
          io.out(`${'undated'.padEnd(10)} ${String(t.undated).padStart(6)}`);
        }
        return 0;
      }
      case 'export': {
        const doc = await api.exportClips({});
        const text = JSON.stringify(doc, null, 2);
        const output = flag('output');
        if (output) {
          fs.writeFileSync(output, text);
          io.err(`Exported ${doc.clips.length} clip${doc.clips.length === 1 ? '' : 's'} to ${output}`);
        } else io.out(text);
        return 0;
      }
      case 'serve': {
        const portFlag = flag('port');
        if (portFlag !== undefined && !/^\d+$/.test(portFlag)) throw new UsageError('--port must be a number');
        const server = await startServer({ handlers, events, library, staticDir: RENDERER_DIST, port: portFlag ? Number(portFlag) : 0, token });
        io.out(`Cuttings is serving at ${server.url}`);
        const stopWarming = keepSearchWarm(library, events);
        io.err(`Library: ${library.dir}\nPress Ctrl+C to stop.`);
        if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) io.err('Note: the interface is not built yet; run `npm run build:renderer`.');
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        stopWarming();
        await server.close();
        return 0;
      }
      case 'api': {
        const method = positional[0];
        if (!method) throw new UsageError('api needs a method name');
        let args: unknown = {};
        if (positional[1]) {
          try {
            args = JSON.parse(positional[1]);
          } catch {
            throw new UsageError('the arguments must be JSON, e.g. \'{"id": 3}\'');
          }
        }
        const result = await dispatch(api, method as ApiMethod, args);
        if (typeof result === 'object' && result && 'jobId' in result && Object.keys(result).length === 1) {
          print(await handlers.waitForImport((result as { jobId: string }).jobId));
        } else print(result);
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cuttings: ${e.message}\nRun \`cuttings --help\` for usage.`);
      return 2;
    }
    if (e instanceof ApiCallError && e.code === 'bad-request') {
      io.err(`cuttings: ${e.message}`);
      return 2;
    }
    io.err(`cuttings: ${(e as Error).message}`);
    return 1;
  } finally {
    await handlers.dispose();
    library.close();
  }
}
