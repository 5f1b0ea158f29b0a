// The `cuttings` command end to end: a real process, a real temporary library, the seed file.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SEED, tempDir } from '../../helpers/temp-library.ts';

const BIN = path.join(PROJECT_ROOT, 'bin', 'cuttings.mjs');
let libDir: string;
let work: string;

function cuttings(...args: string[]) {
  return cuttingsIn(libDir, ...args);
}

function cuttingsIn(library: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--library', library, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CUTTINGS_LIBRARY: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => e.name) : [];
}

beforeAll(() => {
  work = tempDir('cuttings-cli-');
  libDir = path.join(work, 'library');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('cuttings CLI on the seed article', () => {
  it('imports the seed and reports it added', () => {
    const r = cuttings('import', SEED);
    expect(r.err).toMatch(/1 added, 0 duplicates, 0 failed/);
    expect(r.out).toMatch(/added\s+.*guardian-ng-maduro-russia\.txt\s+→\s+#1 /);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(libDir, 'originals'))).toHaveLength(1);
  });

  it('finds it with `search maduro`', () => {
    const r = cuttings('search', 'maduro');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 clip /m);
    expect(r.out).toMatch(/#1 .*Maduro/);
  });

  it('`search madu` finds what the window found while it was typed, and says the word was read as a start', () => {
    const r = cuttings('search', 'madu');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 clip /m);
    expect(r.out).toMatch(/#1 .*Maduro/);
    expect(r.err).toMatch(/Showing words starting with "madu"/);
    // Quoted, the word stands alone.
    expect(cuttings('search', '"madu"').out).toMatch(/^0 clips /m);
  });

  it('answers --json with total, tookMs and hits', () => {
    const r = cuttings('search', 'maduro', '--json');
    const json = JSON.parse(r.out);
    expect(json.total).toBe(1);
    expect(typeof json.tookMs).toBe('number');
    expect(json.hits[0]).toMatchObject({ id: 1 });
    expect(json.hits[0].snippet).toMatch(/<mark>Maduro<\/mark>/i);
  });

  it('tags it, and the tag is listed and searchable', () => {
    expect(cuttings('tag', '1', 'Venezuela', 'russia-ties').code).toBe(0);
    const tags = JSON.parse(cuttings('tags', '--json').out);
    expect(tags.map((t: { name: string; count: number }) => [t.name, t.count])).toEqual([['russia-ties', 1], ['Venezuela', 1]]);
    expect(cuttings('list').out).toMatch(/\[russia-ties, Venezuela\]/);
    expect(cuttings('untag', '1', 'russia-ties').code).toBe(0);
  });

  it('exports JSON that contains the clip with its tag', () => {
    const r = cuttings('export');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.cuttings.format).toBe('cuttings-export');
    expect(doc.clips).toHaveLength(1);
    expect(doc.clips[0].tags).toEqual(['Venezuela']);
    expect(doc.clips[0].bodyText).toContain('Venezuelan President Nicolas Maduro will visit Russia');
  });

  it('reports the same file imported again as a duplicate, and stores nothing twice', () => {
    const r = cuttings('import', SEED, '--json');
    expect(r.code).toBe(0);
    const outcome = JSON.parse(r.out.trim().split('\n')[0]);
    expect(outcome).toMatchObject({ status: 'duplicate', duplicateOf: 1 });
    expect(JSON.parse(cuttings('list', '--json').out).total).toBe(1);
    expect(fs.readdirSync(path.join(libDir, 'originals'))).toHaveLength(1);
  });

  it('shows the clip in full', () => {
    const r = cuttings('show', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Kremlin says Venezuela’s Maduro to visit Russia/);
    expect(r.out).toMatch(/Tags\s+Venezuela/);
  });

  it('counts the timeline by publication date', () => {
    const t = JSON.parse(cuttings('timeline', '--json').out);
    expect(t.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0) + t.undated).toBe(1);
  });

  it('exits 1 and names the file and the reason when an input fails, importing the rest', () => {
    const empty = path.join(work, 'empty.html');
    fs.writeFileSync(empty, '');
    const good = path.join(work, 'note.txt');
    fs.writeFileSync(good, 'A short headline\n\nA paragraph of a pasted article about harbour cranes and the port strike of the winter.\n');
    const r = cuttings('import', empty, good, path.join(work, 'missing.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/empty\.html: file is empty/);
    expect(r.err).toMatch(/missing\.txt: the file no longer exists/);
    expect(r.out).toMatch(/added\s+.*note\.txt/);
  });

  it('exits 2 on usage errors', () => {
    expect(cuttings('frobnicate').code).toBe(2);
    expect(cuttings('show', 'abc').code).toBe(2);
    expect(cuttings('import').code).toBe(2);
    expect(cuttings('list', '--bogus').code).toBe(2);
    const help = cuttings('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: cuttings <command>/);
  });

  it('exits 1 for a clip that does not exist', () => {
    const r = cuttings('show', '999');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no clip 999/);
  });

  it('serve prints the URL line with a token, on 127.0.0.1', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--library', libDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d) => {
          buf += d;
          const m = /^Cuttings is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(buf);
          if (m) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${buf}`)));
      });
      const url = new URL(line);
      // Api calls carry the token in the Authorization header (browser mode takes ?token= only
      // on the routes a browser opens without one).
      const ok = await fetch(`${url.origin}/api/search?q=maduro&limit=5`, { headers: { authorization: `Bearer ${url.searchParams.get('token')}` } });
      expect(ok.status).toBe(200);
      expect((await ok.json()).total).toBe(1);
      expect((await fetch(`${url.origin}/api/search?q=maduro`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('still imports by path through `api importPaths` (browser mode refuses it; the terminal does not)', () => {
    const file = path.join(work, 'grain.txt');
    fs.writeFileSync(file, 'Grain corridor reopens\n\nShips left Odesa on Monday, port officials said, the first in a month.\n\nMore are expected this week.');
    const r = cuttings('api', 'importPaths', JSON.stringify({ paths: [file] }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ added: 1 });
  });

  it('checks every command\'s arguments with the Api\'s validation: `search --limit 50000` is a usage error', () => {
    const search = cuttings('search', 'maduro', '--limit', '50000');
    expect(search.code).toBe(2);
    expect(search.err).toMatch(/limit must be between 0 and 10000/);
    expect(search.out).toBe('');
    expect(cuttings('list', '--limit', '50000').err).toMatch(/limit must be between 0 and 10000/);
    expect(cuttings('search', 'maduro', '--limit', 'lots').code).toBe(2);
    expect(cuttings('tag', '1', 'x'.repeat(201)).err).toMatch(/tags\[0\] is too long/);
    expect(cuttings('timeline', '--by', 'week').err).toMatch(/granularity must be one of year, month, day/);
  }, 120_000);

  it('refuses a flag the command does not take, and explains each command with --help', () => {
    const r = cuttings('list', '--port', '8080');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/list has no option --port/);
    const help = cuttings('search', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: cuttings search QUERY… \[options\]/);
    expect(help.out).toMatch(/--limit N\s+At most N hits/);
    expect(cuttings('help', 'export').out).toMatch(/--format json\|markdown\|html\|csv/);
  }, 120_000);

  it('fails a file with no text, with the reason, and keeps no clip and no original of it', () => {
    const blank = path.join(work, 'blank.html');
    fs.writeFileSync(blank, '<!doctype html><html><head><title>Just a moment…</title></head><body><div id="app"></div><script>load()</script></body></html>');
    const before = JSON.parse(cuttings('list', '--json').out).total;
    const originals = filesUnder(path.join(libDir, 'originals')).length;
    const r = cuttings('import', blank);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/blank\.html: has no text to keep \(an empty page, or an image-only PDF\)/);
    expect(JSON.parse(cuttings('list', '--json').out).total).toBe(before);
    expect(filesUnder(path.join(libDir, 'originals'))).toHaveLength(originals);
    // `extract` says what importing it would do.
    const ex = cuttings('extract', blank);
    expect(ex.code).toBe(1);
    expect(ex.err).toMatch(/blank\.html: has no text to keep/);
  }, 120_000);
});

describe('cuttings export, backup and restore', () => {
  let lib: string;
  beforeAll(() => {
    lib = path.join(work, 'export-library');
    expect(cuttingsIn(lib, 'import', SEED).code).toBe(0);
    expect(cuttingsIn(lib, 'tag', '1', 'Venezuela').code).toBe(0);
  });

  it('writes JSON to a file with --output, which imports back into another library', () => {
    const file = path.join(work, 'backup.json');
    const r = cuttingsIn(lib, 'export', '--output', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Exported 1 clip to .*backup\.json/);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.cuttings.format).toBe('cuttings-export');
    expect(doc.clips[0].tags).toEqual(['Venezuela']);
    const again = cuttingsIn(path.join(work, 'from-json'), 'import', file, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out.trim().split('\n')[0])).toMatchObject({ status: 'added' });
  }, 120_000);

  it('prints CSV and HTML to standard output, and takes a search query', () => {
    const csv = cuttingsIn(lib, 'export', '--format', 'csv');
    expect(csv.code).toBe(0);
    const rows = csv.out.trim().split(/\r?\n/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/Maduro/);
    const html = cuttingsIn(lib, 'export', '--format', 'html', 'maduro');
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/i);
    expect(html.out).toContain('Venezuelan President Nicolas Maduro will visit Russia');
    const none = cuttingsIn(lib, 'export', '--format', 'csv', 'zanzibar');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/No clips match "zanzibar": nothing was exported/);
  }, 120_000);

  it('writes Markdown only to a folder, and refuses a format it does not know', () => {
    const toStdout = cuttingsIn(lib, 'export', '--format', 'markdown');
    expect(toStdout.code).toBe(2);
    expect(toStdout.err).toMatch(/--output DIR/);
    const folder = path.join(work, 'notes');
    const r = cuttingsIn(lib, 'export', '--format', 'markdown', '--output', folder);
    expect(r.code).toBe(0);
    expect(filesUnder(folder).filter((f) => f.endsWith('.md'))).toHaveLength(1);
    const bad = cuttingsIn(lib, 'export', '--format', 'docx');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be one of json, markdown, html, csv/);
  }, 120_000);

  it('backs the library up into a dated folder, and restores it into an empty one only', () => {
    const dest = path.join(work, 'backups');
    const r = cuttingsIn(lib, 'backup', dest);
    expect(r.code).toBe(0);
    const [folder] = fs.readdirSync(dest);
    expect(folder).toMatch(/^Cuttings backup \d{4}-\d{2}-\d{2} \d{2}\.\d{2}$/);
    expect(r.out).toBe(`Backed up 1 clip and 1 original to ${path.join(dest, folder)}\n`);
    expect(fs.existsSync(path.join(dest, folder, 'library.sqlite'))).toBe(true);

    const target = path.join(work, 'restored');
    const restored = cuttingsIn(target, 'restore', path.join(dest, folder));
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Restored 1 clip and 1 original into .*restored/);
    expect(cuttingsIn(target, 'search', 'maduro').out).toMatch(/^1 clip /m);
    expect(cuttingsIn(target, 'tags', '--json').out).toMatch(/Venezuela/);

    // The library being restored into is not empty: refused, and it is left as it was.
    const before = fs.readdirSync(lib).sort();
    const refused = cuttingsIn(lib, 'restore', path.join(dest, folder));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not empty/);
    expect(fs.readdirSync(lib).sort()).toEqual(before);
    expect(cuttingsIn(lib, 'restore').code).toBe(2);
  }, 120_000);
});

describe('cuttings into a pipe that closes early (`cuttings list | head -1`)', () => {
  let lib: string;
  beforeAll(() => {
    // Enough clips that the output is far larger than a pipe's buffer (64 KiB), so the
    // command is still writing when the reader goes away.
    lib = path.join(work, 'pipe-library');
    const clips = Array.from({ length: 1000 }, (_, i) => ({
      uid: `pipe-${i}`,
      title: `Harbour cranes idle in week ${i} of the port strike, ${'the longest stoppage the northern docks have known '.repeat(3)}`,
      bodyText: `Dockers said on Monday that the strike, now in its week ${i}, would go on until the harbour board answered.`,
    }));
    const file = path.join(work, 'many.json');
    fs.writeFileSync(file, JSON.stringify({ cuttings: { format: 'cuttings-export', version: 1, exportedAt: new Date().toISOString() }, tags: [], clips }));
    const r = cuttingsIn(lib, 'import', file);
    expect(r.err).toMatch(/1000 added/);
  }, 120_000);

  /** Runs the command with its output piped, and closes the pipe after the first line. */
  function headOne(...args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; firstLine: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--library', lib, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CUTTINGS_LIBRARY: '' } });
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, firstLine: out.split('\n')[0], err }));
    });
  }

  for (const args of [['list', '--limit', '1000'], ['search', 'harbour', '--limit', '1000']]) {
    it(`\`cuttings ${args.join(' ')} | head -1\` ends quietly with status 0`, async () => {
      // The whole output is many pipe buffers long, so the reader really leaves mid-way.
      expect(cuttingsIn(lib, ...args).out.length).toBeGreaterThan(3 * 65536);
      const r = await headOne(...args);
      expect(r.firstLine).toMatch(/^1000 clips/);
      expect(r.err).toBe('');
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
    }, 60_000);
  }
});
