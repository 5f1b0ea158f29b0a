// `cuttings rules`: the corrections remembered per site, listed and deleted from a terminal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../helpers/cli-in-process.ts';
import { tempDir } from '../../helpers/temp-library.ts';

const work = tempDir('cuttings-cli-rules-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const library = path.join(work, 'lib');

const cuttings = cliOn(library);

describe('cuttings rules', () => {
  it('lists the rules, of one site or all, and deletes one', async () => {
    expect((await cuttings('rules')).out).toBe('0 site rules\n');
    const made = await cuttings('api', 'createSiteRule', JSON.stringify({ site: 'www.bbc.com', field: 'author', action: 'drop', match: 'BBC News', value: null }));
    expect(made.status).toBe(0);
    await cuttings('api', 'createSiteRule', JSON.stringify({ site: 'latimes.com', field: 'source', action: 'set', match: null, value: 'Los Angeles Times' }));
    expect((await cuttings('rules')).out).toBe('2 site rules\n    1  bbc.com: drop the byline “BBC News”\n    2  latimes.com: set the outlet to “Los Angeles Times”\n');
    expect((await cuttings('rules', 'bbc.com')).out).toBe('1 site rule\n    1  bbc.com: drop the byline “BBC News”\n');
    expect(JSON.parse((await cuttings('rules', 'latimes.com', '--json')).out)).toMatchObject([{ id: 2, site: 'latimes.com', action: 'set' }]);

    expect(await cuttings('rules', 'delete', '1')).toMatchObject({ status: 0, out: 'Deleted the rule for bbc.com: drop the byline “BBC News”\n' });
    expect(await cuttings('rules', 'delete', '1')).toMatchObject({ status: 1, err: 'There is no site rule 1.\n' });
    expect((await cuttings('rules', 'delete')).status).toBe(2);
    expect((await cuttings('rules', 'a.com', 'b.com')).status).toBe(2);
    expect((await cuttings('rules')).out).toBe('1 site rule\n    2  latimes.com: set the outlet to “Los Angeles Times”\n');
  });
});
