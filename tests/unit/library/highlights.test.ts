// Highlights through the Api as the window and the CLI call it, on a real library holding the
// seed article imported by the real pipeline: anchored by their words, searchable, exported,
// and carried through a re-extraction that changes the body.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../../electron/handlers/handler-table.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { anchorQuote } from '../../../electron/library/highlight-anchors.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { exportForDownload, writeExport } from '../../../electron/export/index.ts';
import { closeSeedLibrary, seedLibrary, type SeedLibrary } from '../../helpers/seed-library.ts';
import { tempDir, tempLibrary } from '../../helpers/temp-library.ts';

let seed: SeedLibrary;
let lib: SeedLibrary['lib'];
let handlers: SeedLibrary['handlers'];
let id: number;

beforeEach(async () => {
  seed = await seedLibrary();
  ({ lib, handlers, id } = seed);
});
afterEach(() => closeSeedLibrary(seed));

const api = () => handlers.api;
const titles = async (q: string) => (await api().search({ q })).hits.map((h) => h.id);

describe('anchoring a quote', () => {
  const text = 'Maduro said “soon”. Later,   Maduro said “soon” again, in Moscow.';
  it('finds the words whatever the spaces and quote marks, and picks the place its context names', () => {
    const first = anchorQuote(text, { exact: 'Maduro said "soon"', prefix: '', suffix: '. Later' });
    const second = anchorQuote(text, { exact: 'Maduro said "soon"', prefix: 'Later, ', suffix: ' again' });
    expect(text.slice(first!.start, first!.end)).toBe('Maduro said “soon”');
    expect(second!.start).toBeGreaterThan(first!.start);
    expect(text.slice(second!.start, second!.end)).toBe('Maduro said “soon”');
  });
  it('answers null when the words are gone, and finds a long quote whose middle was edited by its ends', () => {
    expect(anchorQuote(text, { exact: 'Caracas', prefix: '', suffix: '' })).toBeNull();
    const long = 'Washington has thrown its weight behind a campaign to oust the socialist president and supported Guaido.';
    const edited = long.replace('campaign to oust', 'drive to remove');
    const span = anchorQuote(`Intro. ${edited} End.`, { exact: long, prefix: 'Intro. ', suffix: ' End.' });
    expect(span).not.toBeNull();
    expect(`Intro. ${edited} End.`.slice(span!.start, span!.end)).toBe(edited);
  });
});

describe('highlights of a clip', () => {
  it('are anchored in the body by their words, listed in text order, edited and deleted', async () => {
    const body = (await api().getClip({ id })).bodyText;
    // As the reader sends it: its own rendering's spaces and straight quotes.
    const later = await api().addHighlight({ clipId: id, exact: 'Interfax news agency,   quoting sources', colour: 'blue' });
    const earlier = await api().addHighlight({ clipId: id, exact: '"Indeed, the visit is being planned,"', note: 'the Kremlin confirms the visit' });
    expect(body.slice(later.position!.start, later.position!.end)).toBe('Interfax news agency, quoting sources');
    expect(earlier.quote.exact).toBe('“Indeed, the visit is being planned,”');
    expect(earlier.quote.prefix.length).toBeGreaterThan(0);
    expect((await api().listHighlights({ clipId: id })).map((h) => h.id)).toEqual([earlier.id, later.id]);

    const edited = await api().updateHighlight({ id: later.id, colour: 'pink', note: 'who is the source?' });
    expect(edited).toMatchObject({ colour: 'pink', note: 'who is the source?' });
    await api().deleteHighlight({ id: earlier.id });
    expect((await api().listHighlights({ clipId: id })).map((h) => h.id)).toEqual([later.id]);
  });

  it('refuses words that are not in the clip, naming them', async () => {
    await expect(api().addHighlight({ clipId: id, exact: 'words nowhere in this article' })).rejects.toThrow(/not in the text of clip \d+: "words nowhere in this article"/);
    await expect(api().addHighlight({ clipId: 9999, exact: 'Maduro' })).rejects.toThrow(/no clip 9999/);
  });

  it('make notes searchable, with has:note and has:highlights, and mark a hit inside a highlight', async () => {
    expect(await titles('zeppelin')).toEqual([]);
    expect(await titles('has:highlights')).toEqual([]);
    await api().addHighlight({ clipId: id, exact: 'Interfax news agency', note: 'Check the zeppelin angle' });
    expect(await titles('zeppelin')).toEqual([id]);
    // Typo tolerance knows the note's words too.
    expect(await titles('zepelin')).toEqual([id]);
    expect(await titles('has:highlights')).toEqual([id]);
    expect(await titles('has:note')).toEqual([id]);
    expect(await titles('-has:highlights')).toEqual([]);

    const hit = (await api().search({ q: 'interfax' })).hits[0];
    expect(hit.inHighlight).toMatchObject({ colour: 'yellow', inNote: false });
    expect(hit.inHighlight!.html).toBe('<mark>Interfax</mark> news agency');
    const noteHit = (await api().search({ q: 'zeppelin' })).hits[0];
    expect(noteHit.inHighlight).toMatchObject({ inNote: true });
    expect(noteHit.inHighlight!.noteHtml).toContain('<mark>zeppelin</mark>');
    // A word elsewhere in the article is not shown as a highlight.
    expect((await api().search({ q: 'caracas' })).hits[0].inHighlight).toBeUndefined();
  });

  it("the clip's own note is searchable too", async () => {
    await api().updateClip({ id, patch: { note: 'Compare with the Rosneft deal' } });
    expect(await titles('rosneft')).toEqual([id]);
    expect(await titles('has:note')).toEqual([id]);
    await api().updateClip({ id, patch: { note: '' } });
    expect(await titles('rosneft')).toEqual([]);
    expect(await titles('has:note')).toEqual([]);
  });
});

describe('re-extraction', () => {
  it('moves highlights with their words and keeps the ones whose words are gone, detached', async () => {
    const body = (await api().getClip({ id })).bodyText;
    // An older extractor's reading: a line more at the top, and one the page does not have.
    writeTransaction(lib.db, () =>
      lib.db.prepare('UPDATE clips SET body_text = ? WHERE id = ?').run(`A line an older reading took from the page header.\n\n${body}`, id),
    );
    const kept = await api().addHighlight({ clipId: id, exact: 'Dmitry Peskov told reporters', note: 'spokesman' });
    const gone = await api().addHighlight({ clipId: id, exact: 'an older reading took from the page header', colour: 'green' });
    const job = (await api().reextractClips({ ids: [id] })).jobId;
    const summary = await handlers.waitForReextract(job);
    expect(summary.changed).toBe(1);
    expect(summary.outcomes[0].detachedHighlights).toBe(1);

    const after = (await api().getClip({ id })).bodyText;
    expect(after).toBe(body);
    const list = await api().listHighlights({ clipId: id });
    expect(list.map((h) => h.id)).toEqual([kept.id, gone.id]);
    const [moved, detached] = list;
    expect(moved.position!.start).toBeLessThan(kept.position!.start);
    expect(after.slice(moved.position!.start, moved.position!.end)).toBe('Dmitry Peskov told reporters');
    expect(moved.note).toBe('spokesman');
    expect(detached.position).toBeNull();
    expect(detached.quote.exact).toBe('an older reading took from the page header');
  });
});

describe('exports', () => {
  it('Markdown of the highlights, and the JSON export round trip keeps them', async () => {
    await api().addHighlight({ clipId: id, exact: 'Interfax news agency, quoting sources', note: 'The *source*', colour: 'blue' });
    await api().updateClip({ id, patch: { note: 'Compare with the Rosneft memo' } });
    const { bytes, fileName } = await exportForDownload(lib, { format: 'highlights', ids: [id] });
    const md = new TextDecoder().decode(bytes);
    expect(fileName).toMatch(/\.md$/);
    expect(md).toContain('# Highlights: selected clippings');
    expect(md).toContain('## Kremlin says Venezuela’s Maduro to visit Russia ‘soon’');
    expect(md).toContain('> Interfax news agency, quoting sources');
    expect(md).toContain('**Note:** The \\*source\\*');
    expect(md).toContain('`cuttings show ');

    const out = path.join(tempDir(), 'library.json');
    await writeExport(lib, { format: 'json' }, out);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.clips[0].highlights).toHaveLength(1);
    expect(doc.clips[0].highlights[0]).toMatchObject({ colour: 'blue', note: 'The *source*', quote: { type: 'TextQuoteSelector', exact: 'Interfax news agency, quoting sources' } });

    const other = tempLibrary();
    const h2 = createHandlers({ library: other, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    try {
      const restored = await h2.waitForImport((await h2.api.importPaths({ paths: [out] })).jobId);
      const newId = restored.outcomes[0].clipId!;
      const list = await h2.api.listHighlights({ clipId: newId });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ uid: doc.clips[0].highlights[0].uid, colour: 'blue', note: 'The *source*' });
      expect((await h2.api.search({ q: 'source' })).hits.map((h) => h.id)).toEqual([newId]);
      // The clip's own note came with it, searchable, and the index is whole.
      expect((await h2.api.search({ q: 'rosneft' })).hits.map((h) => h.id)).toEqual([newId]);
      expect(() => other.db.prepare("INSERT INTO clips_fts(clips_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
      // Exported again, the document is the same apart from its date.
      const again = path.join(tempDir(), 'again.json');
      await writeExport(other, { format: 'json' }, again);
      const strip = (s: string) => s.replace(/"exportedAt": "[^"]*"/, '');
      expect(strip(fs.readFileSync(again, 'utf8'))).toBe(strip(fs.readFileSync(out, 'utf8')));
    } finally {
      await h2.dispose();
      other.cleanup();
    }
  });

  it('refuses a highlights export of clips without any', async () => {
    await expect(exportForDownload(lib, { format: 'highlights', ids: [id] })).rejects.toThrow(/has highlights: nothing was exported/);
  });
});

describe('migration 8', () => {
  it('adds highlights to a library of version 7, and the clips’ notes become searchable', async () => {
    const dir = tempDir();
    try {
      const v7 = openLibrary(dir, { targetVersion: 7 });
      const noted = insertClip(v7.db, { title: 'Older clip', bodyText: 'kept across the step', bodyHtml: '', contentHash: 'old', note: 'ask about the pipeline' });
      insertClip(v7.db, { title: 'Another', bodyText: 'nothing noted here', bodyHtml: '', contentHash: 'other' });
      v7.close();
      const v8 = openLibrary(dir);
      const h = createHandlers({ library: v8, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
      try {
        expect((await h.api.search({ q: 'pipeline' })).hits.map((x) => x.id)).toEqual([noted]);
        expect((await h.api.search({ q: 'pipelne' })).hits.map((x) => x.id)).toEqual([noted]);
        expect((await h.api.search({ q: 'has:note' })).hits.map((x) => x.id)).toEqual([noted]);
        expect((await h.api.search({ q: 'kept step' })).hits.map((x) => x.id)).toEqual([noted]);
        const made = await h.api.addHighlight({ clipId: noted, exact: 'across the step' });
        expect(made.position).toEqual({ type: 'TextPositionSelector', start: 5, end: 20 });
      } finally {
        await h.dispose();
        v8.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
