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
  const r = spawnSync(process.execPath, [BIN, '--library', libDir, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CUTTINGS_LIBRARY: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
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
      const ok = await fetch(`${url.origin}/api/search?q=maduro&limit=5&token=${url.searchParams.get('token')}`);
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
});
