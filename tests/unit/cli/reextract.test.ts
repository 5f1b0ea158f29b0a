// `cuttings reextract`: a real process on a real library of corpus pages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { CORPUS, PROJECT_ROOT, SEED, tempDir } from '../../helpers/temp-library.ts';

const BIN = path.join(PROJECT_ROOT, 'bin', 'cuttings.mjs');
let work: string;
let libDir: string;

function cuttings(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--library', libDir, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CUTTINGS_LIBRARY: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs `fn` on the library from this process (as another Cuttings window would). */
function inLibrary<T>(fn: (db: ReturnType<typeof openLibrary>['db']) => T): T {
  const lib = openLibrary(libDir);
  try {
    return fn(lib.db);
  } finally {
    lib.close();
  }
}

beforeAll(() => {
  work = tempDir('cuttings-cli-reextract-');
  libDir = path.join(work, 'library');
  const src = path.join(CORPUS, 'extraction', 'dev', 'aeb', 'html');
  const pages = fs.readdirSync(src).filter((f) => f.endsWith('.html.gz')).sort().slice(0, 2).map((f) => {
    const out = path.join(work, f.replace(/\.gz$/, ''));
    fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(path.join(src, f))));
    return out;
  });
  expect(cuttings('import', SEED, ...pages).code).toBe(0);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('cuttings reextract', () => {
  it('reads clips again, lists what changed and what failed, and sums up on standard error', () => {
    const [seed, page, gone] = inLibrary((db) =>
      db.prepare("SELECT id, title, original_name, original_path FROM clips ORDER BY original_name = 'guardian-ng-maduro-russia.txt' DESC, id").all(),
    ) as { id: number; title: string; original_name: string; original_path: string }[];
    inLibrary((db) => writeTransaction(db, () => db.prepare("UPDATE clips SET title = 'Untitled page', body_text = 'Share this.' WHERE id IN (?, ?)").run(seed.id, gone.id)));
    fs.rmSync(path.join(libDir, gone.original_path));

    const r = cuttings('reextract', '--all');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`changed    #${seed.id} ${seed.title}  (title, text)`);
    expect(r.out).not.toContain(`#${page.id} `);
    expect(r.err).toContain(`failed     #${gone.id} ${gone.original_name}: its original file is missing from the library folder`);
    expect(r.err).toMatch(/1 clip updated, 1 unchanged, 1 failed \(\d+\.\d s\)/);
    expect(JSON.parse(cuttings('show', String(seed.id), '--json').out).title).toBe(seed.title);
  });

  it('takes clip numbers, and answers in JSON', () => {
    const r = cuttings('reextract', '1', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ changed: 0, unchanged: 1, failed: 0, outcomes: [] });
    // Through `cuttings api` too, which waits for the job's summary.
    const viaApi = cuttings('api', 'reextractClips', '{"ids": [1]}');
    expect(viaApi.code).toBe(0);
    expect(JSON.parse(viaApi.out)).toMatchObject({ unchanged: 1, cancelled: false });
  });

  it('says how to call it when it is called wrongly', () => {
    for (const args of [[], ['1', '--all'], ['first']]) {
      const r = cuttings('reextract', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/reextract|must be a whole number/);
    }
  });
});
