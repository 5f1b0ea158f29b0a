import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathsFromArgv } from '../../../electron/shell/launch-args.ts';
import { existingLibraries, MAX_RECENT_LIBRARIES, rememberLibrary } from '../../../electron/shell/recent-libraries.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-argv-'));
const a = path.join(dir, 'a.html');
const b = path.join(dir, 'b b.txt');
fs.writeFileSync(a, '<p>a</p>');
fs.writeFileSync(b, 'b');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('files handed to the app on its command line', () => {
  it('a packaged app: every existing path after the executable, relative to the working folder', () => {
    expect(pathsFromArgv(['/opt/Cuttings/cuttings', 'a.html', b], dir, true)).toEqual([a, b]);
  });

  it('an unpackaged app: the first argument is the app folder, not a file', () => {
    expect(pathsFromArgv(['/x/electron', dir, a], '/', false)).toEqual([a]);
    expect(pathsFromArgv(['/x/electron', '.'], dir, false)).toEqual([]);
  });

  it('skips switches, missing files, file:// URLs are paths, and a path given twice counts once', () => {
    const argv = ['/opt/cuttings', '--no-sandbox', '-psn_0_12345', 'missing.html', `file://${encodeURI(b)}`, b];
    expect(pathsFromArgv(argv, dir, true)).toEqual([b]);
  });
});

describe('recent libraries', () => {
  it('puts the latest first, once, and keeps a few', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = rememberLibrary(list, `/libs/${i}`);
    list = rememberLibrary(list, '/libs/5');
    expect(list[0]).toBe(path.resolve('/libs/5'));
    expect(list).toHaveLength(MAX_RECENT_LIBRARIES);
    expect(new Set(list).size).toBe(list.length);
  });

  it('offers only libraries that are still there', () => {
    fs.writeFileSync(path.join(dir, 'library.sqlite'), '');
    expect(existingLibraries([dir, path.join(dir, 'gone')])).toEqual([dir]);
  });
});
