// The malformed-input corpus imported the way a user would: the whole folder at once, into a
// real library. Every file ends as its row says, with a readable reason naming it; nothing
// of a failed file is left behind; the batch never stops.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportSummary } from '../../../electron/api.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { displayName } from '../../../electron/import/read-source.ts';
import { CORPUS, tempLibrary } from '../../helpers/temp-library.ts';

const MALFORMED = path.join(CORPUS, 'malformed');
const rows = JSON.parse(fs.readFileSync(path.join(MALFORMED, 'expectations.json'), 'utf8')) as { path: string; expect: 'import' | 'error' | 'either'; why: string }[];

let lib: ReturnType<typeof tempLibrary>;
let summary: ImportSummary;
const byPath = new Map<string, ImportOutcome>();

beforeAll(async () => {
  lib = tempLibrary();
  summary = await new ImportJob(lib).runPaths([MALFORMED]);
  for (const o of summary.outcomes) byPath.set(path.relative(MALFORMED, o.file), o);
}, 300_000);
afterAll(() => lib.cleanup());

describe('the malformed corpus, imported as one folder', () => {
  it('gives every file exactly one outcome', () => {
    const files = rows.filter((r) => !fs.statSync(path.join(MALFORMED, r.path)).isDirectory());
    for (const r of files) expect(byPath.has(displayName(r.path)), r.path).toBe(true);
  });

  for (const row of rows) {
    it(`${row.path}: ${row.expect}`, () => {
      if (fs.statSync(path.join(MALFORMED, row.path)).isDirectory()) {
        // A folder named like a file is walked: the article inside is imported.
        const inside = [...byPath.keys()].filter((k) => k.startsWith(row.path + '/'));
        expect(inside.length).toBeGreaterThan(0);
        return;
      }
      const o = byPath.get(displayName(row.path))!;
      expect(o, row.path).toBeDefined();
      if (row.expect === 'import') expect(o.status, `${row.path}: ${o.reason ?? ''}`).not.toBe('failed');
      if (row.expect === 'error') expect(o.status, row.path).toBe('failed');
      if (o.status === 'failed') {
        expect(o.reason, row.path).toBeTruthy();
        expect(o.reason, row.path).not.toMatch(/undefined|\bat \S+:\d+|TypeError|ReferenceError|Cannot read prop/);
        expect(o.reason!.length).toBeLessThan(300);
      }
    });
  }

  it('stores no NUL characters, replacement-character runs or raw binary as article text', () => {
    const bodies = lib.db.prepare('SELECT title, body_text FROM clips').all() as { title: string; body_text: string }[];
    for (const b of bodies) {
      expect(b.body_text.includes('\u0000'), b.title).toBe(false);
      expect(/\uFFFD{3,}/.test(b.body_text), b.title).toBe(false);
      expect(/[\u0001-\u0008\u000e-\u001f]/.test(b.title), b.title).toBe(false);
    }
  });

  it('leaves nothing of a failed file behind: one original per stored clip', () => {
    const clips = (lib.db.prepare('SELECT count(DISTINCT original_path) AS n FROM clips').get() as { n: number }).n;
    let files = 0;
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else files++;
      }
    };
    walk(path.join(lib.dir, 'originals'));
    expect(files).toBe(clips);
  });

  it('never writes outside the library (zip-slip entries)', () => {
    expect(fs.existsSync('/tmp/cuttings-zip-slip.txt')).toBe(false);
    expect(fs.existsSync('/tmp/cuttings-absolute.txt')).toBe(false);
  });

  it('shows control characters in names escaped', () => {
    const rlo = summary.outcomes.find((o) => o.file.includes('invoice'));
    expect(rlo?.file).toMatch(/invoice\\u202elmth\.txt/);
  });
});
