// `cuttings stories`: the stories several outlets ran, one story's versions, and the word diff
// of two versions, from a terminal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../helpers/cli-in-process.ts';
import { writeChangedPage, writeWirePages } from '../../helpers/story-pages.ts';
import { tempDir } from '../../helpers/temp-library.ts';

const work = tempDir('cuttings-cli-stories-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const library = path.join(work, 'lib');
const cuttings = cliOn(library);

describe('cuttings stories', () => {
  it('lists stories with their versions, shows one, and diffs two versions', async () => {
    expect((await cuttings('stories')).out).toBe('0 stories\n');
    const pages = path.join(work, 'pages');
    fs.mkdirSync(pages);
    writeWirePages(pages);
    expect((await cuttings('import', pages)).status).toBe(0);
    const { first, second } = writeChangedPage(work);
    expect((await cuttings('import', first)).status).toBe(0);
    expect((await cuttings('import', second)).status).toBe(0);

    const listed = (await cuttings('stories')).out.split('\n');
    expect(listed[0]).toBe('2 stories');
    expect(listed[1]).toMatch(/\(3 outlets\)$/);
    expect(listed.slice(2, 5).join('\n')).toMatch(/The Guardian Nigeria/);
    expect(listed[5]).toMatch(/^Rotterdam’s new container terminal to open next month {2}\(page changed · 2 versions\)$/);
    expect(listed[6]).toMatch(/ 2019-09-20 +Port News$/);
    expect(listed[7]).toMatch(/ 2019-09-22 +Port News$/);

    const json = JSON.parse((await cuttings('stories', '--json')).out) as { total: number; stories: { kind: string; versions: { id: number }[] }[] };
    expect(json.total).toBe(2);
    const page = json.stories.find((s) => s.kind === 'page')!;
    const [a, b] = page.versions.map((v) => String(v.id));
    expect((await cuttings('stories', b)).out).toMatch(/page changed · 2 versions/);
    expect((await cuttings('stories', '--min', '3', '--json')).out).toMatch(/"total": 1/);

    const diff = await cuttings('stories', 'diff', a, b);
    expect(diff.status).toBe(0);
    expect(diff.out).toMatch(/^\d+ → \d+: 3 words removed, \d+ words added\n/);
    expect(diff.out).toContain('on the Maasvlakte [-next month-]{+on October 14+}, the port authority said');
    expect((await cuttings('stories', 'diff', a)).status).toBe(2);
  });
});
