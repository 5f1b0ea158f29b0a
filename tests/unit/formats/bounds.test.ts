// Size and time bounds on inputs made here: a 50 MB page, a 200 KiB token, inputs that
// make backtracking regexes explode, 100 000 unclosed <div>s.
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../electron/import/formats/index.ts';
import { ImportError } from '../../../electron/import/types.ts';
import { corpusExists, readCorpusFile } from './corpus.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

describe('bounded reading', () => {
  it('reads a 50 MB HTML page in well under the time a person would wait', () => {
    const para = '<p>Otters have been seen on the river again, the wildlife trust said on Saturday.</p>\n';
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Big</title></head><body><article>${para.repeat(Math.ceil(50e6 / para.length))}</article></body></html>`;
    const { value, ms } = timed(() => readBytes(utf8(html), 'big.html'));
    expect(value.format).toBe('html');
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a file over the input limit before reading it', () => {
    const { ms } = timed(() => {
      expect(() => readBytes(new Uint8Array(2048), 'x.html', { maxInputBytes: 1024 })).toThrow(ImportError);
    });
    expect(ms).toBeLessThan(50);
  });

  it('reads a 200 KiB token and regex-hostile text quickly', () => {
    const token = `Title\n\n${'x'.repeat(200 * 1024)}\n`;
    expect(timed(() => readBytes(utf8(token), 'token.txt')).ms).toBeLessThan(500);
    const hostile = `${'1 '.repeat(50_000)}\n${'By '.repeat(30_000)}\n${' \t'.repeat(50_000)}x\n${'<'.repeat(100_000)}\n`;
    expect(timed(() => readBytes(utf8(hostile), 'regex.txt')).ms).toBeLessThan(1000);
    expect(timed(() => readBytes(utf8(`<!DOCTYPE html><p>${'<'.repeat(100_000)}`), 'lt.html')).ms).toBeLessThan(1000);
    expect(timed(() => readBytes(utf8(`<!DOCTYPE html>${'<div>'.repeat(100_000)}text`), 'divs.html')).ms).toBeLessThan(1000);
  });

  it.skipIf(!corpusExists('malformed', 'pdf', 'content-stream-bomb-100mb.pdf'))(
    'stops a PDF content-stream bomb by its page budget',
    () => {
      const bytes = readCorpusFile('malformed', 'pdf', 'content-stream-bomb-100mb.pdf');
      const { ms } = timed(() => {
        expect(() => readBytes(bytes, 'bomb.pdf', { pdfPageTimeoutMs: 1500 })).toThrow(/time limit/);
      });
      expect(ms).toBeLessThan(4000);
      // The reader thread was replaced: the next PDF still reads.
      if (corpusExists('malformed', 'valid', 'article.pdf')) {
        expect(readBytes(readCorpusFile('malformed', 'valid', 'article.pdf'), 'a.pdf').text).toContain('otters');
      }
    },
  );
});
