// The malformed cases that cannot live in a corpus folder (malformed/README.md, "Made at
// test time"): a 50 MB page, a FIFO, awkward names, a file deleted while queued.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { CORPUS, SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

const ARTICLE = path.join(CORPUS, 'malformed', 'valid', 'article.html');
let lib: ReturnType<typeof tempLibrary>;
let work: string;
beforeEach(() => {
  lib = tempLibrary();
  work = tempDir('cuttings-made-');
});
afterEach(() => {
  lib.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('inputs made at test time', () => {
  it('imports a 50 MB page (or refuses it as too large) with memory bounded', async () => {
    const src = fs.readFileSync(ARTICLE, 'utf8');
    const cut = src.indexOf('</article>');
    const file = path.join(work, 'big.html');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, src.slice(0, cut));
    const para = '<p>The committee heard evidence from harbour pilots, dock workers and the port authority about the new shipping lanes and the safety record of the old ones.</p>\n';
    const chunk = para.repeat(2000);
    let written = cut;
    while (written < 50 * 1024 * 1024) written += fs.writeSync(fd, chunk);
    fs.writeSync(fd, src.slice(cut));
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    const summary = await new ImportJob(lib).runPaths([file]);
    const o = summary.outcomes[0];
    if (o.status === 'failed') expect(o.reason).toMatch(/too large/);
    else expect(o.status).toBe('added');
    // The main process holds the file once or twice, never an exploded DOM of it.
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  });

  it('refuses a FIFO without blocking on it', async () => {
    execFileSync('mkfifo', [path.join(work, 'pipe.html')]);
    const summary = await new ImportJob(lib).runPaths([work]);
    expect(summary.outcomes).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/not a regular file/) })]);
  });

  it('reports a dangling link as missing, and imports awkward names, shown escaped', async () => {
    fs.symlinkSync('no-such-file.html', path.join(work, 'dangling.html'));
    fs.copyFileSync(ARTICLE, path.join(work, 'line\nbreak.html'));
    fs.copyFileSync(SEED, path.join(work, 'tab\tand trailing space .txt'));
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(work, 'latin1-')), Buffer.from([0xe9, 0xff]), Buffer.from('.html')]), fs.readFileSync(ARTICLE));
    const summary = await new ImportJob(lib).runPaths([work]);
    const by = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]));
    expect(by['dangling.html']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no longer exists/) });
    expect(by['line\\nbreak.html'].status).toBe('added');
    expect(by['tab\\tand trailing space .txt'].status).toBe('added');
    const latin = summary.outcomes.find((o) => o.file.includes('latin1-'))!;
    expect(latin.status === 'added' || /not valid UTF-8/.test(latin.reason ?? '')).toBe(true);
  });

  it('reports a file deleted after it was queued, and finishes the rest', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `note-${String(i).padStart(2, '0')}.txt`);
    names.forEach((n, i) => fs.writeFileSync(path.join(work, n), `Headline number ${i}\n\nBody of note ${i}: the council met again on Tuesday to discuss the ${i}th proposal for the harbour front.\n`));
    let deleted = false;
    const job = new ImportJob(lib, {
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (!deleted && p.total === names.length) {
          fs.rmSync(path.join(work, names.at(-1)!));
          deleted = true;
        }
      },
    });
    const summary = await job.runPaths([work]);
    expect(summary.outcomes).toHaveLength(names.length);
    expect(summary.outcomes.find((o) => o.file.endsWith(names.at(-1)!))).toMatchObject({ status: 'failed', reason: expect.stringMatching(/ENOENT/) });
    expect(summary.added).toBe(names.length - 1);
  });

  it('reports an unreadable file with EACCES (as a user other than root)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip(); // root reads everything: nothing to test
    const f = path.join(work, 'locked.html');
    fs.copyFileSync(ARTICLE, f);
    fs.chmodSync(f, 0o000);
    const summary = await new ImportJob(lib).runPaths([f]);
    expect(summary.outcomes[0].reason).toMatch(/EACCES/);
  });
});
