// `cuttings highlight ID --quote …` and `cuttings highlights ID`: highlights from a terminal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../helpers/cli-in-process.ts';
import { SEED, tempDir } from '../../helpers/temp-library.ts';

const work = tempDir('cuttings-cli-highlights-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const library = path.join(work, 'lib');

const cuttings = cliOn(library);

describe('cuttings highlight / highlights', () => {
  it('adds a highlight by its words, lists it, and refuses words the clip does not hold', async () => {
    expect((await cuttings('import', SEED)).status).toBe(0);
    expect((await cuttings('highlights', '1')).out).toBe('#1 has no highlights.\n');

    const made = await cuttings('highlight', '1', '--quote', 'Interfax  news agency, quoting sources', '--note', 'who are they?', '--colour', 'green');
    expect(made.status).toBe(0);
    expect(made.out).toMatch(/^Highlighted in #1:\n {2}\[1\] green, characters \d+–\d+\n {6}“Interfax news agency, quoting sources”\n {6}Note: who are they\?\n$/);
    await cuttings('highlight', '1', '--quote', '"Indeed, the visit is being planned,"');

    const list = await cuttings('highlights', '1');
    expect(list.out.split('\n')[0]).toBe('2 highlights in #1:');
    // Text order: the Kremlin's quote comes before Interfax in the article.
    expect(list.out.indexOf('Indeed')).toBeLessThan(list.out.indexOf('Interfax'));
    const json = JSON.parse((await cuttings('highlights', '1', '--json')).out);
    expect(json[1]).toMatchObject({ colour: 'green', note: 'who are they?', quote: { type: 'TextQuoteSelector', exact: 'Interfax news agency, quoting sources' }, position: { type: 'TextPositionSelector' } });

    expect((await cuttings('search', 'has:highlights', '--json')).out).toContain('"total": 1');
    const missing = await cuttings('highlight', '1', '--quote', 'not in this article at all');
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('Those words are not in the text of clip 1');
    expect((await cuttings('highlight', '1')).status).toBe(2);
    expect((await cuttings('highlight', '1', '--quote', 'x', '--colour', 'orange')).status).toBe(2);
  });
});
