// One name per outlet: the resolver (outlets.ts), the migration that builds outlets from an
// existing library's clips (migration 6), and the source: filter that finds an outlet by any
// of its names. Real SQLite libraries on disk throughout.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { insertClip } from '../../../electron/library/clips.ts';
import { openLibrary, type Library } from '../../../electron/library/open-library.ts';
import {
  listOutlets, mergeOutlets, nameKey, nameQuality, renameOutlet, resolveOutlet, siteOf, stemSpells, undoMergeOutlets,
} from '../../../electron/library/outlets.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { searchClips } from '../../../electron/search/search-clips.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';

const libs: (Library & { cleanup?(): void })[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const l of libs.splice(0)) {
    if (l.cleanup) l.cleanup();
    else l.close();
  }
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function library() {
  const lib = tempLibrary();
  libs.push(lib);
  const resolve = (name: string | null, site: string | null = null, person = false) =>
    writeTransaction(lib.db, () => resolveOutlet(lib.db, { name, site }, { person }));
  return { lib, resolve };
}

let n = 0;
function clip(lib: Library, source: string | null, site: string | null = null, extra: { url?: string; body?: string } = {}): number {
  n++;
  return insertClip(lib.db, {
    title: `Clip ${n}`,
    source,
    site,
    url: extra.url ?? null,
    bodyText: extra.body ?? `Body of clip number ${n} about the budget.`,
    bodyHtml: '',
    contentHash: `hash-${n}-${Math.random()}`,
  });
}

/** Every order of a list (for a few items). */
function orders<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('names and sites', () => {
  it('reads a site from an address, a host or a domain-like name, as its registrable domain', () => {
    expect(siteOf('https://www.latimes.com/business/story/x')).toBe('latimes.com');
    expect(siteOf('m.latimes.com')).toBe('latimes.com');
    expect(siteOf('amp.theguardian.com')).toBe('theguardian.com');
    expect(siteOf('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('www.guardian.ng')).toBe('guardian.ng');
    // Someone's own site on a shared host stays theirs.
    expect(siteOf('emacspeak.blogspot.com')).toBe('emacspeak.blogspot.com');
    // An archived page is the site it was archived from.
    expect(siteOf('https://web.archive.org/web/20171008220355/http://juergenheitmann.com/essays/2017/01/x')).toBe('juergenheitmann.com');
    expect(siteOf('web.archive.org')).toBeNull();
    expect(siteOf('Los Angeles Times')).toBeNull();
    expect(siteOf('latimes')).toBeNull();
  });

  it('folds names: case, accents, punctuation, spaces and a leading "The" do not matter', () => {
    expect(nameKey('The Guardian')).toBe(nameKey('guardian'));
    expect(nameKey('Süddeutsche Zeitung')).toBe(nameKey('SUDDEUTSCHE zeitung'));
    expect(nameKey('LA Times')).toBe('latimes');
    expect(nameKey('Los Angeles Times')).not.toBe(nameKey('New York Times'));
  });

  it('ranks a real name over a handle over a domain', () => {
    expect(nameQuality('Los Angeles Times')).toBeGreaterThan(nameQuality('LOS ANGELES TIMES'));
    expect(nameQuality('LOS ANGELES TIMES')).toBeGreaterThan(nameQuality('latimes'));
    expect(nameQuality('latimes')).toBeGreaterThan(nameQuality('latimes.com'));
    expect(nameQuality('BBC')).toBe(nameQuality('Los Angeles Times'));
  });
});

describe('resolveOutlet', () => {
  const LA_TIMES: [string | null, string | null][] = [
    ['Los Angeles Times', 'latimes.com'], // the page, the .mhtml
    ['latimes', null], // the Word and LibreOffice copies
    ['Los Angeles Times', null], // the e-mail
    ['latimes.com', 'www.latimes.com'], // the web clipping
    [null, 'https://www.latimes.com/x'], // a record with only its address
  ];

  it('collapses the Los Angeles Times under every name, in whatever order they arrive', () => {
    const { lib, resolve } = library();
    for (const order of orders(LA_TIMES)) {
      writeTransaction(lib.db, () => lib.db.exec('DELETE FROM outlet_names; DELETE FROM outlets;'));
      order.map(([name, site]) => resolve(name, site));
      expect(lib.db.prepare('SELECT name FROM outlets').pluck().all(), JSON.stringify(order)).toEqual(['Los Angeles Times']);
      // Every variant now answers its one name.
      expect(order.map(([name, site]) => resolve(name, site))).toEqual(order.map(() => 'Los Angeles Times'));
    }
  });

  it("knows a site's own name by the site spelling it", () => {
    expect(stemSpells('latimes', 'Los Angeles Times')).toBe(true);
    expect(stemSpells('nzz', 'Neue Zürcher Zeitung')).toBe(true);
    expect(stemSpells('reuters', 'Thomson Reuters')).toBe(true);
    expect(stemSpells('theguardian', 'The Guardian')).toBe(true);
    expect(stemSpells('msn', 'Associated Press')).toBe(false);
    expect(stemSpells('latimes', 'Chicago Tribune')).toBe(false);
  });

  it('gives a site known only by its domain the first real name seen there', () => {
    const { resolve } = library();
    expect(resolve(null, 'mdr.de')).toBe('mdr.de');
    expect(resolve('Mitteldeutscher Rundfunk', 'www.mdr.de')).toBe('Mitteldeutscher Rundfunk');
    expect(resolve('mdr.de', null)).toBe('Mitteldeutscher Rundfunk');
  });

  it('keeps a real name once it has one; later variants are aliases', () => {
    const { resolve } = library();
    expect(resolve('latimes.com', 'latimes.com')).toBe('latimes.com');
    expect(resolve('latimes', null)).toBe('latimes');
    expect(resolve('Los Angeles Times', 'latimes.com')).toBe('Los Angeles Times');
    expect(resolve('LOS ANGELES TIMES', 'latimes.com')).toBe('Los Angeles Times');
    expect(resolve('LA Times', null)).toBe('Los Angeles Times');
  });

  it("prefers an outlet's own name to an edition of it, and to its site written out", () => {
    const { resolve } = library();
    expect(resolve('PolitiFact West Virginia', 'politifact.com')).toBe('PolitiFact West Virginia');
    expect(resolve('PolitiFact', 'www.politifact.com')).toBe('PolitiFact');
    expect(resolve('PolitiFact West Virginia', 'politifact.com')).toBe('PolitiFact');
    expect(resolve('Reuters', 'reuters.com')).toBe('Reuters');
    expect(resolve('Thomson Reuters', 'reuters.com')).toBe('Reuters');
  });

  it('keeps two outlets of one name at two sites apart, and tells them apart', () => {
    const { resolve } = library();
    expect(resolve('The Guardian', 'theguardian.com')).toBe('The Guardian');
    expect(resolve('The Guardian', 'guardian.ng')).toBe('The Guardian (guardian.ng)');
    expect(resolve('the guardian', 'www.guardian.ng')).toBe('The Guardian (guardian.ng)');
    expect(resolve('Guardian', 'amp.theguardian.com')).toBe('The Guardian');
    // Without a site, the name goes to the outlet shown under it.
    expect(resolve('The Guardian', null)).toBe('The Guardian');
  });

  it('does not give an aggregator\'s outlet the names of the outlets it republishes', () => {
    const { resolve } = library();
    expect(resolve('Reuters', 'reuters.com')).toBe('Reuters');
    expect(resolve('MSN', 'msn.com')).toBe('MSN');
    expect(resolve('Reuters', 'www.msn.com')).toBe('Reuters');
    expect(resolve('Associated Press', 'msn.com')).toBe('Associated Press');
    expect(resolve(null, 'msn.com')).toBe('MSN');
    expect(resolve('Associated Press', null)).toBe('Associated Press');
    expect(resolve('MSN', null)).toBe('MSN');
  });

  it('does not let the first outlet seen at an aggregator take the site', () => {
    const { resolve } = library();
    expect(resolve('Agence France-Presse', 'yahoo.com')).toBe('Agence France-Presse');
    expect(resolve('Yahoo News', 'news.yahoo.com')).toBe('Yahoo News');
    expect(resolve(null, 'yahoo.com')).toBe('Yahoo News');
    expect(resolve('AFP', 'yahoo.com')).toBe('AFP');
  });

  it('reads a German site as its name is spelt', () => {
    expect(stemSpells('sueddeutsche', 'Süddeutsche Zeitung')).toBe(true);
    expect(stemSpells('faz', 'Frankfurter Allgemeine Zeitung')).toBe(true);
  });

  it('files an archived page under the site it was archived from', () => {
    const { lib, resolve } = library();
    expect(writeTransaction(lib.db, () => resolveOutlet(lib.db, {
      name: 'web.archive.org', site: 'web.archive.org', url: 'https://web.archive.org/web/2019/http://www.modabot.de/paris',
    }))).toBe('modabot.de');
    expect(resolve('web.archive.org', 'web.archive.org')).toBeNull();
  });

  it('answers null when the record names no outlet', () => {
    const { lib, resolve } = library();
    expect(resolve(null, null)).toBeNull();
    expect(resolve('  ', null)).toBeNull();
    expect(resolve('—', 'not a host')).toBeNull();
    expect(lib.db.prepare('SELECT count(*) FROM outlets').pluck().get()).toBe(0);
  });

  it("takes a person's name for a clip as it is, or as the outlet it names", () => {
    const { resolve } = library();
    resolve('Los Angeles Times', 'latimes.com');
    // The name decides, not the site the clip came from.
    expect(resolve('latimes', 'msn.com', true)).toBe('Los Angeles Times');
    expect(resolve('The Baltimore Sun', 'latimes.com', true)).toBe('The Baltimore Sun');
    expect(resolve('baltimore sun', null)).toBe('The Baltimore Sun');
  });
});

describe('renaming and merging', () => {
  it('renames an outlet for all its clips; the old name still finds it, and imports keep the new one', () => {
    const { lib, resolve } = library();
    const ids = ['Los Angeles Times', 'Los Angeles Times', 'Los Angeles Times'].map(() => clip(lib, writeTransaction(lib.db, () => resolveOutlet(lib.db, { name: 'Los Angeles Times', site: 'latimes.com' })), 'latimes.com'));
    writeTransaction(lib.db, () => renameOutlet(lib.db, 'latimes.com', 'L.A. Times'));
    expect(listOutlets(lib.db).map((o) => [o.value, o.count])).toEqual([['L.A. Times', 3]]);
    expect(lib.db.prepare('SELECT DISTINCT source FROM clips WHERE id IN (?, ?, ?)').pluck().all(...ids)).toEqual(['L.A. Times']);
    expect(searchClips(lib.db, { q: 'source:"Los Angeles Times"' }).total).toBe(3);
    expect(searchClips(lib.db, { q: 'times budget' }).total).toBe(3);
    // A person's name is not replaced by what an import calls the outlet.
    expect(resolve('Los Angeles Times', 'latimes.com')).toBe('L.A. Times');
    expect(() => writeTransaction(lib.db, () => renameOutlet(lib.db, 'L.A. Times', '   '))).toThrow(/needs a name/);
  });

  it('refuses a rename to another outlet\'s name, and says to merge instead', () => {
    const { lib, resolve } = library();
    resolve('Los Angeles Times', 'latimes.com');
    resolve('Chicago Tribune', 'chicagotribune.com');
    expect(() => writeTransaction(lib.db, () => renameOutlet(lib.db, 'Chicago Tribune', 'the los angeles times'))).toThrow(/already exists\. Merge/);
  });

  it('merges outlets, and an undo gives each back its clips, names and sites', () => {
    const { lib, resolve } = library();
    const lat = [1, 2].map(() => clip(lib, resolve('Los Angeles Times', 'latimes.com'), 'latimes.com'));
    const sd = [1, 2, 3].map(() => clip(lib, resolve('San Diego Union-Tribune', 'sandiegouniontribune.com'), 'sandiegouniontribune.com'));
    const { outlet, undoToken } = writeTransaction(lib.db, () => mergeOutlets(lib.db, ['sandiegouniontribune.com'], 'Los Angeles Times'));
    expect(outlet).toMatchObject({ value: 'Los Angeles Times', count: 5, sites: ['latimes.com', 'sandiegouniontribune.com'] });
    expect(outlet.names).toContain('San Diego Union-Tribune');
    expect(listOutlets(lib.db).map((o) => o.value)).toEqual(['Los Angeles Times']);
    expect(searchClips(lib.db, { q: 'source:"San Diego"' }).total).toBe(5);
    // An import from the merged site now lands in the outlet it went into.
    expect(resolve('San Diego Union-Tribune', 'sandiegouniontribune.com')).toBe('Los Angeles Times');

    expect(writeTransaction(lib.db, () => undoMergeOutlets(lib.db, undoToken))).toEqual({ restored: 3 });
    expect(listOutlets(lib.db).map((o) => [o.value, o.count, o.sites])).toEqual([
      ['San Diego Union-Tribune', 3, ['sandiegouniontribune.com']],
      ['Los Angeles Times', 2, ['latimes.com']],
    ]);
    expect(lib.db.prepare('SELECT DISTINCT source FROM clips WHERE id IN (?, ?, ?)').pluck().all(...sd)).toEqual(['San Diego Union-Tribune']);
    expect(lib.db.prepare('SELECT DISTINCT source FROM clips WHERE id IN (?, ?)').pluck().all(...lat)).toEqual(['Los Angeles Times']);
    expect(resolve('San Diego Union-Tribune', 'sandiegouniontribune.com')).toBe('San Diego Union-Tribune');
    expect(() => writeTransaction(lib.db, () => undoMergeOutlets(lib.db, undoToken))).toThrow(/Nothing to undo/);
  });
});

describe('the source: filter', () => {
  it('finds an outlet by any of its names and sites, and still by part of a name', () => {
    const { lib } = library();
    const store = (name: string | null, site: string | null) => clip(lib, writeTransaction(lib.db, () => resolveOutlet(lib.db, { name, site })), site);
    store('Los Angeles Times', 'latimes.com');
    store('latimes', null);
    store('latimes.com', 'latimes.com');
    store('Chicago Tribune', 'chicagotribune.com');
    for (const q of ['source:latimes', 'source:"Los Angeles Times"', 'source:latimes.com', 'source:www.latimes.com', 'source:"LA Times"', 'source:angeles']) {
      expect(searchClips(lib.db, { q }).total, q).toBe(3);
    }
    expect(searchClips(lib.db, { q: 'source:tribune' }).total).toBe(1);
    expect(searchClips(lib.db, { q: 'budget -source:latimes' }).total).toBe(1);
    expect(searchClips(lib.db, { q: 'budget source:latimes' }).hits.every((h) => h.source === 'Los Angeles Times')).toBe(true);
  });
});

describe('migration 6', () => {
  it('collapses a library\'s clips under three LA Times names into one outlet, re-indexed', () => {
    const dir = tempDir();
    dirs.push(dir);
    const v5 = openLibrary(dir, { targetVersion: 5 });
    const page = clip(v5, 'Los Angeles Times', 'latimes.com', { body: 'Disney executives blamed heavy demand for the glitches.' });
    clip(v5, 'Los Angeles Times', 'latimes.com');
    const word = clip(v5, 'latimes', null, { body: 'A Word copy of the Disney story.' });
    const clipping = clip(v5, 'latimes.com', null, { url: 'https://www.latimes.com/entertainment/story' });
    clip(v5, 'Reuters', 'reuters.com');
    clip(v5, null, null);
    v5.close();

    const lib = openLibrary(dir, { targetVersion: 6 });
    libs.push(lib);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(6);
    expect(listOutlets(lib.db).map((o) => [o.value, o.count])).toEqual([['Los Angeles Times', 4], ['Reuters', 1]]);
    const la = listOutlets(lib.db)[0];
    expect(la.names).toEqual(expect.arrayContaining(['latimes']));
    expect(la.sites).toEqual(['latimes.com']);
    expect(lib.db.prepare('SELECT source FROM clips WHERE id IN (?, ?, ?) ORDER BY id').pluck().all(page, word, clipping)).toEqual(['Los Angeles Times', 'Los Angeles Times', 'Los Angeles Times']);
    // The index follows: the Word copy is found by its outlet's new name, not by the old one.
    expect(searchClips(lib.db, { q: '"los angeles" disney' }).total).toBe(2);
    expect(lib.db.prepare("SELECT count(*) FROM clips_fts WHERE clips_fts MATCH 'source:latimes'").pluck().get()).toBe(0);
    expect(searchClips(lib.db, { q: 'source:latimes' }).total).toBe(4);
    // Imports after the migration find the outlet by any of its names.
    expect(writeTransaction(lib.db, () => resolveOutlet(lib.db, { name: 'latimes', site: null }))).toBe('Los Angeles Times');
  });
});
