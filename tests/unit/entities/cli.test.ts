// `cuttings entities --recognise DOCS.jsonl` end to end: a real process, no library.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SEED, tempDir } from '../../helpers/temp-library.ts';

const BIN = path.join(PROJECT_ROOT, 'bin', 'cuttings.mjs');
let work: string;

function cuttings(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CUTTINGS_LIBRARY: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  work = tempDir('cuttings-entities-cli-');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('cuttings entities --recognise', () => {
  it('prints {id, entities} per document, with offsets into each text', () => {
    const docs = [
      { id: 'seed', text: fs.readFileSync(SEED, 'utf8'), lang: 'en' },
      { id: 'short', text: 'Angela Merkel traf Emmanuel Macron in Berlin.', lang: 'de' },
      { id: 'none', text: '' },
    ];
    const file = path.join(work, 'docs.jsonl');
    fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const r = cuttings('entities', '--recognise', file);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; entities: { start: number; end: number; type: string }[] });
    expect(lines.map((l) => l.id)).toEqual(['seed', 'short', 'none']);
    const seed = lines[0];
    const names = seed.entities.map((e) => `${e.type}:${docs[0].text.slice(e.start, e.end)}`);
    expect(names).toContain('PER:Nicolas Maduro');
    expect(names).toContain('ORG:RIA Novosti');
    for (const e of seed.entities) expect(Object.keys(e).sort()).toEqual(['end', 'start', 'type']);
    expect(lines[1].entities.map((e) => docs[1].text.slice(e.start, e.end))).toEqual(expect.arrayContaining(['Angela Merkel', 'Berlin']));
    expect(lines[2].entities).toEqual([]);
  });

  it('says which line is broken and fails, after doing the rest', () => {
    const file = path.join(work, 'broken.jsonl');
    fs.writeFileSync(file, '{"id":"a","text":"Putin"}\nnot json\n{"id":"c"}\n');
    const r = cuttings('entities', '--recognise', file);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/:2: not a JSON line/);
    expect(r.err).toMatch(/:3: no "text"/);
  });

  it('says so when the file cannot be read', () => {
    const r = cuttings('entities', '--recognise', path.join(work, 'missing.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing\.jsonl: could not be read \(ENOENT\)/);
  });
});
