// The Markdown export: one note per clip whose front matter parses back (with `yaml`) to the
// clip's record, whose file name is safe everywhere and unique, whose text renders (with
// `marked`) to what the article says and nothing more, and whose inline images are saved
// beside it. The folder is new or empty, and the download is the same folder in a zip.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Clip } from '../../../electron/api.ts';
import { exportForDownload, ExportError, writeExport } from '../../../electron/export/index.ts';
import { exportFixture, type ExportFixture } from './export-library.ts';

const LONG = 'A very long headline about the harbour cranes and the port authority '.repeat(5).trim();
const TRICKY: string[] = [
  'Venezuela: the view from Moscow / Caracas \\ and "friends" | more?',
  'CON',
  'aux.txt',
  '🇻🇪 Maduro visit 👨‍👩‍👧 celebrations 🎉',
  LONG,
  'Same headline',
  'same HEADLINE',
  '...hidden. Ends with dots...',
  'yes',
  '2019',
  '#tag [[wiki link]] <b>bold</b> *stars* ==mark== 1. not a list',
];

function frontMatterOf(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!m) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  return parseYaml(m[1]) as Record<string, unknown>;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('Markdown export', () => {
  let fx: ExportFixture;
  let clips: Clip[];
  let folder: string;
  beforeAll(async () => {
    fx = await exportFixture();
    // The crane story saved as "Webpage, complete": its photo comes inside the save.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const save = path.join(fx.work, 'save');
    fs.mkdirSync(path.join(save, 'Story_files'), { recursive: true });
    fs.writeFileSync(path.join(save, 'Story_files', 'photo.png'), png);
    const para = 'The harbour authority said the new cranes would double the port capacity within two years. '.repeat(6);
    fs.writeFileSync(
      path.join(save, 'Story.html'),
      `<!doctype html><html><head><title>Cranes arrive in the harbour</title></head><body><article><h1>Cranes arrive in the harbour</h1>
       <p>${para}</p><figure><img src="Story_files/photo.png" alt="A crane"><figcaption>The first crane.</figcaption></figure><p>${para}</p></article></body></html>`,
    );
    await fx.handlers.waitForImport((await fx.handlers.api.importPaths({ paths: [save] })).jobId);

    const all = (await fx.handlers.api.listClips({ limit: 100, sort: 'imported' })).clips.filter((c) => c.id !== fx.seedId && !/Cranes/.test(c.title));
    expect(all.length).toBeGreaterThanOrEqual(TRICKY.length);
    for (const [i, title] of TRICKY.entries()) await fx.handlers.api.updateClip({ id: all[i].id, patch: { title } });
    const page = await fx.handlers.api.listClips({ limit: 100 });
    clips = await Promise.all(page.clips.map((c) => fx.handlers.api.getClip({ id: c.id })));
    folder = path.join(fx.work, 'vault', 'Clippings');
    fs.mkdirSync(path.dirname(folder));
    expect(await writeExport(fx.lib, { format: 'markdown' }, folder)).toEqual({ output: folder, clips: clips.length });
  });
  afterAll(async () => fx.cleanup());

  const notes = () => fs.readdirSync(folder).filter((f) => f.endsWith('.md'));
  const noteFor = (title: string) => {
    for (const f of notes()) {
      const text = fs.readFileSync(path.join(folder, f), 'utf8');
      if (frontMatterOf(text).title === title) return { file: f, text };
    }
    throw new Error(`no note titled ${title}`);
  };

  it('writes one note per clip whose front matter parses back to the clip', () => {
    expect(notes()).toHaveLength(clips.length);
    for (const c of clips) {
      const fm = frontMatterOf(noteFor(c.title).text);
      expect(fm.title).toBe(c.title);
      expect(fm.uid).toBe(c.uid);
      expect(fm.tags).toEqual(c.tags.map((t) => t.name));
      expect(fm.starred).toBe(c.starred);
      expect(fm.imported).toBe(c.importedAt);
      expect(fm.published).toBe(c.publishedAt ?? undefined);
      expect(fm.saved).toBe(c.savedAt ?? undefined);
      expect(fm.source).toBe(c.source ?? undefined);
      expect(fm.author).toBe(c.author ?? undefined);
      expect(fm.url).toBe(c.url ?? undefined);
      expect(fm.original).toBe(c.original.name ?? undefined);
    }
    const seed = frontMatterOf(noteFor(clips.find((c) => c.id === fx.seedId)!.title).text);
    expect(seed).toMatchObject({ author: 'AFP', starred: true, tags: ['Russia, Kremlin', 'Venezuela'], original: 'guardian-ng-maduro-russia.txt' });
    // YAML's traps stay text for any reader: quoted, not a boolean or a number.
    expect(noteFor('yes').text).toMatch(/^title: "yes"$/m);
    expect(noteFor('2019').text).toMatch(/^title: "2019"$/m);
  });

  it('names files safely for Windows, macOS, Linux and note vaults, uniquely and briefly', () => {
    const names = notes();
    for (const name of names) {
      expect(name, name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f#^[\]]/);
      expect(name, name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(name, name).not.toMatch(/^[.\s]|[.\s]\.md$/);
      expect(name, name).not.toMatch(loneSurrogate);
      expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(210);
      expect(name.length, name).toBeLessThanOrEqual(110);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(noteFor('CON').file).toBe('CON_.md');
    expect(noteFor('aux.txt').file).toBe('aux_.txt.md');
    expect(noteFor('Venezuela: the view from Moscow / Caracas \\ and "friends" | more?').file).toBe("Venezuela - the view from Moscow - Caracas - and 'friends' - more.md");
    expect(noteFor('🇻🇪 Maduro visit 👨‍👩‍👧 celebrations 🎉').file).toBe('🇻🇪 Maduro visit 👨‍👩‍👧 celebrations 🎉.md');
    expect(noteFor('...hidden. Ends with dots...').file).toBe('hidden. Ends with dots.md');
    const long = noteFor(LONG).file;
    expect(LONG.startsWith(long.replace(/\.md$/, ''))).toBe(true);
    expect(long.length).toBeLessThan(LONG.length);
    // Two titles a case-insensitive file system cannot tell apart: the second one is numbered.
    const twins = [noteFor('Same headline').file, noteFor('same HEADLINE').file];
    expect(twins.map((f) => f.toLowerCase()).sort()).toEqual(['same headline (2).md', 'same headline.md']);
  });

  it('writes the article as Markdown that renders to its own text and nothing else', () => {
    const tricky = noteFor('#tag [[wiki link]] <b>bold</b> *stars* ==mark== 1. not a list').text;
    const html = marked.parse(tricky.replace(/^---\n[\s\S]*?\n---\n/, ''), { async: false });
    expect(html).toContain('<h1>#tag [[wiki link]] &lt;b&gt;bold&lt;/b&gt; *stars* ==mark== 1. not a list</h1>');
    expect(tricky).toContain('# \\#tag \\[\\[wiki link\\]\\]');
    expect(tricky).toContain('\\=\\=mark\\=\\=');

    const seed = clips.find((c) => c.id === fx.seedId)!;
    const note = noteFor(seed.title).text;
    const rendered = marked.parse(note.replace(/^---\n[\s\S]*?\n---\n/, ''), { async: false });
    // Every paragraph of the body, in order, then the captions and the note.
    const text = rendered.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    let at = 0;
    for (const para of seed.bodyText.split(/\n\n+/)) {
      const found = text.indexOf(para.trim(), at);
      expect(found, para).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(rendered).toMatch(/<h2>Captions<\/h2>\s*<ul>\s*<li>Handout picture/);
    expect(rendered).toMatch(/<h2>Note<\/h2>\s*<p>Check the Peskov quote.<\/p>\s*<p>See also &quot;Interfax&quot;, 2 Oct.<\/p>/);
  });

  it('saves images that came inside the file once, beside the notes, and links them', () => {
    const { text } = noteFor('Cranes arrive in the harbour');
    const m = /!\[A crane\]\((attachments\/[0-9a-f]{32}\.png)\)/.exec(text);
    expect(m, text).not.toBeNull();
    const png = fs.readFileSync(path.join(folder, ...m![1].split('/')));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The import keeps a figure's caption with the clip's captions, not in its body.
    expect(text).toMatch(/## Captions\n\n- The first crane\./);
    expect(fs.readdirSync(path.join(folder, 'attachments'))).toHaveLength(1);
  });

  it('refuses a folder that is not empty or a file, and leaves them as they were', async () => {
    const busy = path.join(fx.work, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'mine.md'), 'my own note');
    await expect(writeExport(fx.lib, { format: 'markdown' }, busy)).rejects.toThrow(/is not empty/);
    expect(fs.readdirSync(busy)).toEqual(['mine.md']);
    const file = path.join(fx.work, 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(writeExport(fx.lib, { format: 'markdown' }, file)).rejects.toBeInstanceOf(ExportError);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
    const empty = path.join(fx.work, 'empty');
    fs.mkdirSync(empty);
    await writeExport(fx.lib, { format: 'markdown', ids: [fx.seedId] }, empty);
    expect(fs.readdirSync(empty)).toEqual([expect.stringMatching(/Maduro.*\.md$/)]);
    expect(fs.readdirSync(fx.work).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('downloads as a zip holding the same folder', async () => {
    const d = await exportForDownload(fx.lib, { format: 'markdown' });
    expect(d.mimeType).toBe('application/zip');
    expect(d.fileName).toMatch(/^Cuttings export \d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(d.bytes);
    const top = d.fileName.replace(/\.zip$/, '');
    const inZip = Object.keys(files).filter((k) => !k.endsWith('/')).sort();
    const onDisk = [...notes(), ...fs.readdirSync(path.join(folder, 'attachments')).map((f) => `attachments/${f}`)].map((f) => `${top}/${f}`).sort();
    expect(inZip).toEqual(onDisk);
    for (const name of inZip) expect(Buffer.from(files[name]).equals(fs.readFileSync(path.join(folder, ...name.slice(top.length + 1).split('/')))), name).toBe(true);
  });
});
