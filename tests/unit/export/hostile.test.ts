// The hostile corpus (262 saved articles carrying script payloads) through every export: the
// HTML document and the Markdown notes (as a note app renders them with `marked`) hold
// nothing that runs, loads or navigates, whatever the library stored; the CSV neutralises
// cells a spreadsheet would run. Each payload's article still arrives.
import fs from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../../electron/export/index.ts';
import { CORPUS, tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { handlersFor } from './export-library.ts';
import { unsafeMarkup } from './unsafe-markup.ts';

const HOSTILE = path.join(CORPUS, 'hostile', 'files');
const available = fs.existsSync(HOSTILE);

describe.skipIf(!available)('exports of the hostile corpus', () => {
  const lib = tempLibrary();
  const handlers = handlersFor(lib);
  const work = tempDir('cuttings-export-hostile-');
  let clips = 0;
  beforeAll(async () => {
    const summary = await handlers.waitForImport((await handlers.api.importPaths({ paths: [HOSTILE] })).jobId);
    clips = (await handlers.api.libraryInfo({})).clipCount;
    expect(summary.added).toBe(clips);
    expect(clips).toBeGreaterThan(200);
    // A stored body the import did not write (an export document edited by hand): the
    // exports sanitize again rather than trusting what the library holds.
    lib.db.prepare("UPDATE clips SET body_html = body_html || '<img src=\"https://tracker.example/p.gif\"><a href=\"javascript:alert(1)\">x</a><p onclick=\"alert(1)\">y</p><script>alert(1)</script>' WHERE id = 1").run();
  }, 300_000);
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes an HTML document with nothing that runs or loads', async () => {
    const output = path.join(work, 'hostile.html');
    expect((await writeExport(lib, { format: 'html' }, output)).clips).toBe(clips);
    const html = fs.readFileSync(output, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/src="(?:https?:)?\/\//i);
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html.match(/<article /g)).toHaveLength(clips);
    expect(html).toContain('Councillors voted 27 to 19 shortly before midnight');
  });

  it('writes Markdown notes that render to nothing that runs or loads', async () => {
    const output = path.join(work, 'notes');
    expect((await writeExport(lib, { format: 'markdown' }, output)).clips).toBe(clips);
    const notes = fs.readdirSync(output).filter((f) => f.endsWith('.md'));
    expect(notes).toHaveLength(clips);
    const problems: string[] = [];
    for (const f of notes) {
      const text = fs.readFileSync(path.join(output, f), 'utf8');
      const rendered = marked.parse(text.replace(/^---\n[\s\S]*?\n---\n/, ''), { async: false });
      for (const p of unsafeMarkup(rendered, { localImages: true })) problems.push(`${f}: ${p}`);
      // A note app renders raw HTML in Markdown: none may come from an article.
      if (/<(?!\/?(?:h[1-6]|p|em|strong|del|a|img|ul|ol|li|blockquote|pre|code|hr|br|table|thead|tbody|tr|th|td)\b)[a-z]/i.test(rendered)) problems.push(`${f}: raw HTML`);
    }
    expect(problems).toEqual([]);
  });

  it('writes a CSV whose cells a spreadsheet will not run', async () => {
    const output = path.join(work, 'hostile.csv');
    await writeExport(lib, { format: 'csv' }, output);
    const text = fs.readFileSync(output, 'utf8');
    // Every cell starts at the beginning of the file, after a comma, or after a row's CRLF.
    expect(text).not.toMatch(/(?:^|,|\r\n)"?[=+\-@]/);
  });
});
