// "Open Original" never runs a program: the stored copy, the copy handed to the system and the
// browser-mode download are all named by the format sniffed from the bytes, never by the
// extension of the name the file (or an export document) came with.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../../electron/content-disposition.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { getClipRow } from '../../../electron/library/clips.ts';
import { nameWithExtension, openableExtension, storedExtension } from '../../../electron/library/original-extension.ts';
import { startServer, type RunningServer } from '../../../electron/server.ts';
import { SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

let lib: ReturnType<typeof tempLibrary>;
let work: string;
let desktop: Handlers;
let browser: Handlers;
let server: RunningServer;
let staticDir: string;
/** What the desktop handlers asked the system to open, and to show in its folder. */
const opened: string[] = [];
const revealed: string[] = [];

beforeAll(async () => {
  lib = tempLibrary();
  work = tempDir('cuttings-originals-');
  desktop = createHandlers({
    library: lib, events: new EventBus(), shell: 'electron', samplesDir: '/nonexistent',
    openPath: async (p) => (opened.push(p), true),
    revealPath: async (p) => (revealed.push(p), true),
  });
  const events = new EventBus();
  browser = createHandlers({ library: lib, events, shell: 'browser', samplesDir: '/nonexistent' });
  staticDir = tempDir('cuttings-static-');
  server = await startServer({ handlers: browser, events, library: lib, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await desktop.dispose();
  await browser.dispose();
  lib.cleanup();
  for (const d of [work, staticDir]) fs.rmSync(d, { recursive: true, force: true });
});

/** Imports files from disk the way the desktop app and the CLI do; answers the added clips' ids. */
async function importFiles(...files: string[]): Promise<number[]> {
  const summary = await desktop.waitForImport((await desktop.api.importPaths({ paths: files })).jobId);
  expect(summary.outcomes.filter((o) => o.status !== 'added')).toEqual([]);
  return summary.outcomes.map((o) => o.clipId!);
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Every file under the library's originals/ folder. */
function storedFiles(): string[] {
  return (fs.readdirSync(path.join(lib.dir, 'originals'), { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(lib.dir, 'originals', f)).isFile());
}

async function download(id: number): Promise<{ disposition: string; body: Buffer }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/original/${id}?token=${server.token}`);
  expect(res.status).toBe(200);
  return { disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

/** A plain-text article of its own (each import here must be new text, not a duplicate). */
const article = (topic: string) =>
  `${topic}: talks resume in Geneva\n\nBy Staff Reporter\n\n` +
  `Negotiators met again on Tuesday to discuss ${topic}, officials said, after weeks of delay.\n\n` +
  `The next round is expected in October, when both delegations return with new proposals on ${topic}.\n`;

describe('the original of a clip is opened and downloaded by its sniffed format', () => {
  it('a plain-text article named news.bat is stored as .txt, opened as news.txt and downloads as news.txt', async () => {
    const [id] = await importFiles(write('news.bat', fs.readFileSync(SEED)));
    const row = getClipRow(lib.db, id);
    expect(row.original_format).toBe('txt');
    expect(row.original_name).toBe('news.bat');
    expect(row.original_path).toMatch(/\.txt$/);
    expect(storedFiles().filter((f) => /\.bat$/i.test(f))).toEqual([]);

    opened.length = 0;
    expect(await desktop.api.openOriginal({ id })).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    expect(path.basename(opened[0])).toBe('news.txt');
    expect(fs.readFileSync(opened[0])).toEqual(fs.readFileSync(SEED));

    const { disposition, body } = await download(id);
    expect(disposition).toBe(`attachment; filename="news.txt"; filename*=UTF-8''news.txt`);
    expect(body).toEqual(fs.readFileSync(SEED));
  });

  it('a re-imported export document whose clip names its original article.hta: nothing stored or opened ends in .hta', async () => {
    const exportOf = (uid: string, topic: string) => JSON.stringify({
      cuttings: { format: 'cuttings-export', version: 1, exportedAt: '2024-04-24T10:00:00Z' },
      tags: [],
      clips: [{
        uid, title: `${topic} talks resume`, bodyText: article(topic), bodyHtml: '<p><script>alert(1)</script>x</p>', captions: [],
        original: { name: 'article.hta', format: 'hta', size: 120 },
      }],
    });
    // The document's own name does not decide either: it is recognised by its content.
    const ids = await importFiles(write('backup.json', exportOf('uid-fisheries', 'fisheries')), write('backup.hta', exportOf('uid-tariffs', 'tariffs')));
    expect(ids).toHaveLength(2);
    expect(storedFiles().filter((f) => /\.hta$/i.test(f))).toEqual([]);
    for (const id of ids) {
      const row = getClipRow(lib.db, id);
      expect(row.original_name).toBe('article.hta'); // kept as the export said: a name, not a way to open it
      expect(row.original_path).toMatch(/\.json$/);

      opened.length = 0;
      expect(await desktop.api.openOriginal({ id })).toEqual({ opened: true });
      expect(path.basename(opened[0])).toBe('article.json');

      const { disposition } = await download(id);
      expect(disposition).not.toMatch(/hta/i);
      expect(disposition).toContain(`filename*=UTF-8''article.json`);
    }
  });

  it('a format with no safe viewer (a gzip-compressed text) is shown in its folder, never opened', async () => {
    const [id] = await importFiles(write('report.txt.gz', zlib.gzipSync(article('fisheries quotas'))));
    const row = getClipRow(lib.db, id);
    expect(row.original_format).toBe('txt'); // what was read, once unpacked
    expect(row.original_path).toMatch(/\.bin$/); // what the stored bytes are not: a text file

    opened.length = 0;
    revealed.length = 0;
    expect(await desktop.api.openOriginal({ id })).toEqual({ opened: false, revealed: true });
    expect(opened).toEqual([]);
    expect(revealed).toEqual([path.join(lib.dir, row.original_path!)]);

    // Browser mode still hands it over, under a name no system opens with a program.
    expect((await download(id)).disposition).toContain(`filename*=UTF-8''report.txt.bin`);
  });

  it('a copy still stored under a program extension (a library whose rename failed) is revealed, not opened', async () => {
    const [id] = await importFiles(write('brief.txt', article('grain exports')));
    const row = getClipRow(lib.db, id);
    const legacy = row.original_path!.replace(/\.txt$/, '.bat');
    fs.renameSync(path.join(lib.dir, row.original_path!), path.join(lib.dir, legacy));
    lib.db.prepare('UPDATE clips SET original_path = ? WHERE id = ?').run(legacy, id);

    opened.length = 0;
    revealed.length = 0;
    expect(await desktop.api.openOriginal({ id })).toMatchObject({ opened: false, revealed: true });
    expect(opened).toEqual([]);
    expect((await download(id)).disposition).toContain(`filename*=UTF-8''brief.bin`);
  });

  it('a non-ASCII name downloads with an RFC 6266 filename* and an ASCII fallback, and keeps its base name', async () => {
    const [id] = await importFiles(write('Überraschung – “Kyiv” (2).bat', article('gas transit')));
    const { disposition } = await download(id);
    expect(disposition).toBe(
      `attachment; filename="Uberraschung _ _Kyiv_ (2).txt"; filename*=UTF-8''%C3%9Cberraschung%20%E2%80%93%20%E2%80%9CKyiv%E2%80%9D%20%282%29.txt`,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Überraschung – “Kyiv” (2).txt');
  });
});

describe('the names and extensions themselves', () => {
  it('maps every stored format to a viewer extension, and anything else to .bin', () => {
    expect(['html', 'mhtml', 'txt', 'md', 'pdf', 'eml', 'docx', 'odt', 'epub', 'webarchive', 'cuttings-json'].map((f) => storedExtension(f)))
      .toEqual(['.html', '.mhtml', '.txt', '.md', '.pdf', '.eml', '.docx', '.odt', '.epub', '.webarchive', '.json']);
    for (const f of ['hta', 'bat', 'exe', 'toString', '__proto__', '', null, undefined]) expect(storedExtension(f)).toBe('.bin');
    expect(storedExtension('txt', new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('.bin');
    expect(openableExtension('originals/ab/abc.TXT')).toBe('.txt');
    for (const p of ['originals/ab/abc.bat', 'originals/ab/abc.hta', 'originals/ab/abc.bin', 'originals/ab/abc']) expect(openableExtension(p)).toBeNull();
  });

  it('keeps the base of the original name and nothing that could make it a path, a device or a hidden file', () => {
    expect(nameWithExtension('news.bat', '.txt', 'clip-1')).toBe('news.txt');
    expect(nameWithExtension('report.2019.final.hta', '.json', 'clip-1')).toBe('report.2019.final.json');
    expect(nameWithExtension('../../etc/passwd', '.txt', 'clip-1')).toBe('passwd.txt');
    expect(nameWithExtension('C:\\Users\\x\\evil.exe', '.pdf', 'clip-1')).toBe('evil.pdf');
    expect(nameWithExtension('invoice\u202Etxt.bat', '.txt', 'clip-1')).toBe('invoicetxt.txt');
    expect(nameWithExtension('CON.bat', '.txt', 'clip-1')).toBe('_CON.txt');
    expect(nameWithExtension('.bashrc', '.txt', 'clip-1')).toBe('bashrc.txt');
    expect(nameWithExtension('a:b*c?.html', '.html', 'clip-1')).toBe('a_b_c_.html');
    expect(nameWithExtension(null, '.pdf', 'clip-7')).toBe('clip-7.pdf');
    expect(nameWithExtension('...', '.txt', 'clip-7')).toBe('clip-7.txt');
    expect(attachmentDisposition('l’été.txt')).toBe(`attachment; filename="l_ete.txt"; filename*=UTF-8''l%E2%80%99%C3%A9t%C3%A9.txt`);
  });
});
