// `cuttings entities` lists a library's people, places and organisations with clip counts;
// `cuttings search 'person:…'` filters by them; the recogniser's own --recognise branch still works.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../helpers/cli-in-process.ts';
import { SEED, tempDir } from '../../helpers/temp-library.ts';

const work = tempDir('cuttings-cli-entities-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const library = path.join(work, 'lib');
const cuttings = cliOn(library);

describe('cuttings entities', () => {
  beforeAll(async () => {
    expect((await cuttings('import', SEED)).status).toBe(0);
  }, 60_000);

  it('lists entities with their clip counts, by kind, the top N, as JSON', async () => {
    const all = await cuttings('entities');
    expect(all.status).toBe(0);
    expect(all.out).toMatch(/^ {5}1 {2}person {2}Nicolas Maduro$/m);
    expect(all.out).toMatch(/^ {5}1 {2}place {3}Caracas$/m);
    const people = await cuttings('entities', '--type', 'person', '--json');
    const list = JSON.parse(people.out) as { kind: string; name: string; clips: number }[];
    expect(list.every((e) => e.kind === 'person')).toBe(true);
    expect(list.map((e) => e.name)).toEqual(expect.arrayContaining(['Nicolas Maduro', 'Vladimir Putin', 'Dmitry Peskov', 'Juan Guaido', 'Hugo Chavez']));
    // Most mentioned first among equal clip counts.
    expect(list[0]).toMatchObject({ name: 'Nicolas Maduro', clips: 1 });
    const top = JSON.parse((await cuttings('entities', '--type', 'place', '--top', '2', '--json')).out) as unknown[];
    expect(top).toHaveLength(2);
    expect((await cuttings('entities', '--type', 'planet')).status).toBe(2);
    expect((await cuttings('entities', '--top', 'many')).status).toBe(2);
  });

  it('search person:madurro finds the seed through the existing search', async () => {
    const found = await cuttings('search', 'person:madurro', '--json');
    expect(found.status).toBe(0);
    expect((JSON.parse(found.out) as { total: number }).total).toBe(1);
    expect((JSON.parse((await cuttings('search', 'place:caracas', '--json')).out) as { total: number }).total).toBe(1);
    expect((JSON.parse((await cuttings('search', 'person:caracas', '--json')).out) as { total: number }).total).toBe(0);
  });

  it('keeps the recogniser’s --recognise branch', async () => {
    const docs = path.join(work, 'docs.jsonl');
    fs.writeFileSync(docs, `${JSON.stringify({ id: 'a', text: 'Vladimir Putin met Nicolas Maduro in Moscow.' })}\n`);
    const r = await cuttings('entities', '--recognise', docs);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ id: 'a' });
  });
});
