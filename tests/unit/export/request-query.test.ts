// The download address's parameters back into an ExportRequest (browser mode's GET api/export).
import { describe, expect, it } from 'vitest';
import { exportRequestFromQuery } from '../../../electron/export/index.ts';
import { idsParam } from '../../../renderer/src/export/export-download.ts';

const parse = (q: string) => exportRequestFromQuery(new URLSearchParams(q));

describe('exportRequestFromQuery', () => {
  it('reads the format, ids (plain and as ranges) and the query', () => {
    expect(parse('format=csv')).toEqual({ format: 'csv' });
    expect(parse('format=json&ids=3,1,2')).toEqual({ format: 'json', ids: [3, 1, 2] });
    expect(parse('format=html&ids=1-4,9,12-13')).toEqual({ format: 'html', ids: [1, 2, 3, 4, 9, 12, 13] });
    expect(parse('format=markdown&query=tag%3Avenezuela+%22oil+price%22')).toEqual({ format: 'markdown', query: 'tag:venezuela "oil price"' });
    expect(parse('format=csv&query=%20%20')).toEqual({ format: 'csv' });
  });

  it('refuses what is not a request, in a sentence', () => {
    expect(() => parse('format=pdf')).toThrow('Unknown export format "pdf": use json, markdown, html, csv, csl-json, ris, bibtex, highlights.');
    expect(() => parse('ids=1')).toThrow('Unknown export format ""');
    expect(() => parse('format=csv&ids=1,x')).toThrow('"x" is not a clip number or a range of them');
    expect(() => parse('format=csv&ids=9-3')).toThrow('"9-3" is not a clip number');
    expect(() => parse('format=csv&ids=0')).toThrow('"0" is not a clip number');
    expect(() => parse('format=csv&ids=1-200000')).toThrow('at most 100,000 clips');
  });
});

describe("the window's id lists", () => {
  it('stay plain when short, become ranges when long, and read back to the same clips', () => {
    expect(idsParam([5, 3, 4, 3])).toBe('3,4,5');
    const many = [...Array.from({ length: 3000 }, (_, i) => 10_000 + i), 7, 20_000, 20_002];
    const param = idsParam(many);
    expect(param).toBe('7,10000-12999,20000,20002');
    expect(exportRequestFromQuery(new URLSearchParams({ format: 'csv', ids: param })).ids).toEqual([...many].sort((a, b) => a - b));
  });
});
