// Citations and the reference-manager exports, on a real library: the seed article cited in
// APA, Chicago and MLA as citeproc-js formats it, and the CSL-JSON, RIS and BibTeX exports read
// back by libraries other than the code that wrote them (citation-js's own CSL-JSON and RIS
// readers, Better BibTeX's parser) with every field a Zotero user needs in its place.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../electron/api.ts';
import { bylineNames, cslName } from '../../../electron/export/csl-items.ts';
import { exportForDownload, writeExport } from '../../../electron/export/index.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';
import { SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { handlersFor, type TempLibrary } from './export-library.ts';
import type { Handlers } from '../../../electron/handlers/handler-table.ts';

/** What each clip must come back as, whatever the format. */
interface Expected {
  title: string;
  publication: string | null;
  /** "Family, Given" for persons, the name alone for an institution. */
  authors: string[];
  /** As recorded: a day, a month or a year. */
  date: string | null;
  url: string | null;
  accessed: string;
}

let lib: TempLibrary;
let handlers: Handlers;
let work: string;
let seedId: number;
const expected = new Map<number, Expected>();
const saved = '2024-04-24';

beforeAll(async () => {
  lib = tempLibrary();
  handlers = handlersFor(lib);
  work = tempDir('cuttings-cite-');
  const seed = await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId);
  seedId = seed.outcomes[0].clipId!;
  expected.set(seedId, {
    title: 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’',
    publication: 'guardian.ng',
    authors: ['AFP'],
    date: '2019-09-20',
    url: null,
    accessed: saved,
  });
  // Four more clips, each given the record a case needs (as a person would correct it).
  const pages = writeUniquePages(path.join(work, 'pages'), 4, 'cite');
  const added = await handlers.waitForImport((await handlers.api.importPaths({ paths: pages })).jobId);
  const ids = added.outcomes.filter((o) => o.status === 'added').map((o) => o.clipId!);
  expect(ids).toHaveLength(4);
  const cases: [Expected, string | null][] = [
    // A year-only date, two persons, one with a particle.
    [{ title: 'Oil exports fall again', publication: 'The Financial Times', authors: ['Doe, Jane', 'van der Berg, Johan'], date: '2011', url: 'https://www.ft.com/content/oil', accessed: saved }, 'Jane Doe; Johan van der Berg'],
    // No author at all, a month-only date.
    [{ title: 'Editorial: the week in review', publication: 'Le Monde', authors: [], date: '2019-09', url: 'https://www.lemonde.fr/edito', accessed: saved }, null],
    // An agency byline of two words: an institution, not Mr Press.
    [{ title: 'Ceasefire holds in the north', publication: 'Reuters', authors: ['Associated Press'], date: '2020-01-02', url: 'https://apnews.com/x', accessed: saved }, 'Associated Press'],
    // LaTeX's specials and non-ASCII text in the headline and the names.
    [{ title: 'Café Ñandú: 50% of $5 & #1 {braces} under_score ^ ~ \\ — Zürich’s “bürger” 東京', publication: 'Süddeutsche Zeitung', authors: ['Müller, Jürgen', 'Ødegård, Åsa'], date: '2021-03-04', url: 'https://www.sueddeutsche.de/a_b?x=1&y=%20#frag', accessed: saved }, 'Jürgen Müller and Åsa Ødegård'],
  ];
  for (const [i, [want, byline]] of cases.entries()) {
    await handlers.api.updateClip({ id: ids[i], patch: { title: want.title, source: want.publication, author: byline, publishedAt: want.date, url: want.url } });
    expected.set(ids[i], want);
  }
  // Every clip has the seed's saved date, so the access date is known for all.
  lib.db.prepare('UPDATE clips SET saved_at = ?').run(saved);
});

afterAll(async () => {
  await handlers.dispose();
  lib.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('citing the seed', () => {
  it('in APA, Chicago and MLA, as citeproc-js writes them', async () => {
    const apa = await handlers.api.citeClips({ ids: [seedId], style: 'apa' });
    expect(apa.text).toBe('AFP. (2019, September 20). Kremlin says Venezuela’s Maduro to visit Russia ‘soon.’ guardian.ng.');
    expect(apa.html).toContain('<i>guardian.ng</i>');
    const chicago = await handlers.api.citeClips({ ids: [seedId], style: 'chicago' });
    expect(chicago.text).toBe('AFP. “Kremlin Says Venezuela’s Maduro to Visit Russia ‘Soon.’” guardian.ng, September 20, 2019.');
    const mla = await handlers.api.citeClips({ ids: [seedId], style: 'mla' });
    expect(mla.text).toBe('AFP. “Kremlin Says Venezuela’s Maduro to Visit Russia ‘Soon.’” guardian.ng, 20 Sept. 2019. Accessed 24 Apr. 2024.');
    expect(new Set([apa.text, chicago.text, mla.text]).size).toBe(3);
  });

  it('several clips as a reference list, and partial dates kept partial', async () => {
    const ids = [...expected.keys()];
    const apa = await handlers.api.citeClips({ ids, style: 'apa' });
    const lines = apa.text.split('\n');
    expect(lines).toHaveLength(5);
    // Alphabetical, as a reference list is; the clip with no author goes by its headline.
    expect(lines[0]).toMatch(/^AFP\. /);
    expect(apa.text).toContain('Doe, J., & van der Berg, J. (2011). Oil exports fall again. The Financial Times. https://www.ft.com/content/oil');
    expect(apa.text).toContain('Editorial: the week in review. (2019, September). Le Monde. https://www.lemonde.fr/edito');
    expect(apa.text).toContain('Associated Press. (2020, January 2).');
    const chicago = await handlers.api.citeClips({ ids, style: 'chicago' });
    expect(chicago.text).toContain('Doe, Jane, and Johan van der Berg. “Oil Exports Fall Again.” The Financial Times, 2011. https://www.ft.com/content/oil.');
    expect(chicago.text).toContain('Müller, Jürgen, and Åsa Ødegård.');
    // MLA 9: the first author inverted, "and" before the second, the link without its scheme,
    // months abbreviated, a month-only date kept so, and the day the clip was saved as accessed.
    const mla = await handlers.api.citeClips({ ids, style: 'mla' });
    expect(mla.text).toContain('Doe, Jane, and Johan van der Berg. “Oil Exports Fall Again.” The Financial Times, 2011, www.ft.com/content/oil. Accessed 24 Apr. 2024.');
    expect(mla.text).toContain('“Editorial: The Week in Review.” Le Monde, Sept. 2019, www.lemonde.fr/edito. Accessed 24 Apr. 2024.');
    expect(mla.html).toContain('<i>Le Monde</i>');
  });

  it('refuses an unknown style and clips that are not there', async () => {
    const { validateArgs } = await import('../../../electron/handlers/validate.ts');
    expect(() => validateArgs('citeClips', { ids: [seedId], style: 'harvard' })).toThrow(/style must be one of apa, chicago, mla/);
    await expect(handlers.api.citeClips({ ids: [99_999], style: 'apa' })).rejects.toThrow(/nothing to cite/);
  });
});

describe('reading bylines', () => {
  it('splits persons and keeps institutions whole', () => {
    expect(bylineNames('Sandee LaMotte; CNN')).toEqual(['Sandee LaMotte', 'CNN']);
    expect(bylineNames('Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(bylineNames('Jane Doe, John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(bylineNames('Doe, Jane')).toEqual(['Doe, Jane']);
    expect(cslName('AFP')).toEqual({ literal: 'AFP' });
    expect(cslName('Agence France-Presse')).toEqual({ literal: 'Agence France-Presse' });
    expect(cslName('BBC News')).toEqual({ literal: 'BBC News' });
    expect(cslName('Jane Doe')).toEqual({ family: 'Doe', given: 'Jane' });
  });
});

async function exported(format: ExportFormat): Promise<string> {
  const ids = [...expected.keys()];
  const file = path.join(work, `out.${format}`);
  const written = await writeExport(lib, { format, ids }, file);
  expect(written.clips).toBe(ids.length);
  const text = fs.readFileSync(file, 'utf8');
  // The download (browser mode) is the same file.
  const download = await exportForDownload(lib, { format, ids });
  expect(new TextDecoder().decode(download.bytes)).toBe(text);
  return text;
}

/** CSL date-parts as the ISO date they say. */
const isoOf = (d: { 'date-parts': (number | string)[][] } | undefined) =>
  d ? d['date-parts'][0].map((p, i) => (i ? String(p).padStart(2, '0') : String(p))).join('-') : null;
const personOrLiteral = (a: { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string }) =>
  a.literal ?? [[a['dropping-particle'], a['non-dropping-particle'], a.family].filter(Boolean).join(' '), a.given].filter(Boolean).join(', ');

describe('CSL-JSON', () => {
  it('read by citation-js: newspaper articles with every field in place', async () => {
    const text = await exported('csl-json');
    const items = new Cite(JSON.parse(text)).data as Record<string, never>[];
    expect(items).toHaveLength(expected.size);
    for (const item of items) {
      const want = expected.get(Number(String(item.id).replace('clip-', '')))!;
      expect(item.type).toBe('article-newspaper');
      expect(item.title).toBe(want.title);
      expect(item['container-title'] ?? null).toBe(want.publication);
      expect(((item.author ?? []) as never[]).map(personOrLiteral)).toEqual(want.authors);
      expect(isoOf(item.issued)).toBe(want.date);
      expect(item.URL ?? null).toBe(want.url);
      expect(isoOf(item.accessed)).toBe(want.accessed);
    }
  });
});

describe('RIS', () => {
  /** A strict RIS reader: "XX  - value" lines, CRLF, records from TY to ER. */
  function readRis(text: string): Map<string, string[]>[] {
    const records: Map<string, string[]>[] = [];
    let current: Map<string, string[]> | null = null;
    for (const line of text.split('\r\n')) {
      if (line === '') continue;
      const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
      if (!m) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
      const [, tag, value] = m;
      if (tag === 'TY') current = new Map();
      if (!current) throw new Error(`${tag} before TY`);
      if (tag === 'ER') {
        records.push(current);
        current = null;
        continue;
      }
      current.set(tag, [...(current.get(tag) ?? []), value]);
    }
    if (current) throw new Error('a record has no ER');
    return records;
  }

  it('as Zotero reads it: TY NEWS, T2, DA/PY, UR, Y2, one AU per author', async () => {
    const text = await exported('ris');
    expect(text).not.toMatch(/[^\r]\n/);
    const records = readRis(text);
    expect(records).toHaveLength(expected.size);
    const wants = [...expected.values()];
    for (const [i, r] of records.entries()) {
      const want = wants.find((w) => w.title === r.get('TI')?.[0]);
      expect(want, `record ${i} has a title we wrote`).toBeTruthy();
      expect(r.get('TY')).toEqual(['NEWS']);
      expect(r.get('T2')?.[0] ?? null).toBe(want!.publication);
      expect(r.has('JO')).toBe(false);
      expect(r.get('AU') ?? []).toEqual(want!.authors);
      const [y, m, d] = (want!.date ?? '').split('-');
      expect(r.get('DA')?.[0] ?? null).toBe(want!.date ? `${y}/${m ?? ''}/${d ?? ''}/` : null);
      expect(r.get('PY')?.[0] ?? null).toBe(want!.date ? y : null);
      expect(r.get('UR')?.[0] ?? null).toBe(want!.url);
      expect(r.get('Y2')).toEqual([want!.accessed.replace(/-/g, '/') + '/']);
    }
  });

  it('read by citation-js’s RIS reader as newspaper articles', async () => {
    const text = await exported('ris');
    const items = (await Cite.async(text)).data as Record<string, never>[];
    expect(items).toHaveLength(expected.size);
    for (const item of items) {
      const want = [...expected.values()].find((w) => w.title === item.title)!;
      expect(want).toBeTruthy();
      expect(item.type).toBe('article-newspaper');
      expect(item['container-title'] ?? null).toBe(want.publication);
      // citation-js reads a NEWS record's AU as "reporter" (the RIS spec's label for it), kept as
      // the text written; Zotero reads it as the author. Either way, the same names in the same order.
      const names = ([] as unknown[]).concat(item.author ?? item.reporter ?? []);
      expect(names.map((n) => (typeof n === 'string' ? n : personOrLiteral(n as never)))).toEqual(want.authors);
      // citation-js takes a NEWS record's date from PY, the year (the full date, DA, is checked above).
      expect(isoOf(item.issued)).toBe(want.date?.slice(0, 4) ?? null);
      expect(item.URL ?? null).toBe(want.url);
      expect(isoOf(item.accessed)).toBe(want.accessed);
    }
  });
});

describe('BibTeX', () => {
  it('read by Better BibTeX’s parser: @article, entrysubtype newspaper, every field, Unicode and specials intact', async () => {
    const text = await exported('bibtex');
    const parsed = parseBibtex(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(expected.size);
    const keys = new Set(parsed.entries.map((e) => e.key));
    expect(keys.size).toBe(expected.size);
    for (const e of parsed.entries) {
      const f = e.fields as Record<string, unknown>;
      const want = [...expected.values()].find((w) => w.title === f.title)!;
      expect(want, `entry ${e.key} has the title ${String(f.title)}`).toBeTruthy();
      expect(e.type).toBe('article');
      expect(f.entrysubtype).toBe('newspaper');
      expect(f.journaltitle ?? null).toBe(want.publication);
      expect(f.journal ?? null).toBe(want.publication);
      const authors = ((f.author ?? []) as { name?: string; lastName?: string; firstName?: string; prefix?: string }[]).map((a) =>
        a.name ?? [[a.prefix, a.lastName].filter(Boolean).join(' '), a.firstName].filter(Boolean).join(', '),
      );
      expect(authors).toEqual(want.authors);
      expect(f.date ?? null).toBe(want.date);
      expect(f.year ?? null).toBe(want.date?.slice(0, 4) ?? null);
      expect(f.url ?? null).toBe(want.url);
      expect(f.urldate).toBe(want.accessed);
    }
    // The specials are escaped in the file itself, and the Unicode is written as it is.
    expect(text).toContain('50\\% of \\$5 \\& \\#1 \\{braces\\} under\\_score \\textasciicircum{} \\textasciitilde{} \\textbackslash{}');
    expect(text).toContain('{Zürich’s} “bürger” 東京');
  });
});

describe('the command line', () => {
  it('cite and export the new formats', async () => {
    const { spawnSync } = await import('node:child_process');
    const { PROJECT_ROOT } = await import('../../helpers/temp-library.ts');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cuttings.mjs'), '--library', lib.dir, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CUTTINGS_LIBRARY: '' } });
    const mla = run('cite', String(seedId), '--style', 'mla');
    expect(mla.status).toBe(0);
    expect(mla.stdout).toBe('AFP. “Kremlin Says Venezuela’s Maduro to Visit Russia ‘Soon.’” guardian.ng, 20 Sept. 2019. Accessed 24 Apr. 2024.\n');
    const json = run('cite', String(seedId), '--json');
    expect(JSON.parse(json.stdout)).toEqual({ text: expect.stringMatching(/^AFP\. \(2019, September 20\)/), html: expect.stringContaining('csl-entry') });
    const bad = run('cite', String(seedId), '--style', 'vancouver');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--style must be one of apa, chicago, mla');
    const none = run('cite');
    expect(none.status).toBe(2);
    const out = path.join(work, 'cli.ris');
    const ris = run('export', '--format', 'ris', '--output', out, 'maduro');
    expect(ris.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^TY {2}- NEWS\r\nTI {2}- Kremlin says/);
    const bib = run('export', '--format', 'bibtex', 'maduro');
    expect(bib.stdout).toMatch(/^@article\{afp2019kremlin,\n {2}entrysubtype = \{newspaper\}/);
  });
});
