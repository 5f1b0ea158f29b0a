// Real temporary libraries for the search tests (openLibrary, insertClip: no mocks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { openLibrary, type Library } from '../../../electron/library/open-library.ts';
import { insertClip, type NewClip } from '../../../electron/library/clips.ts';
import { tagClips } from '../../../electron/library/tags.ts';
import { onClipsAdded } from '../../../electron/search/index-hooks.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

export const SEED_DIR = path.join(CORPUS, 'seed');

export interface TestClip extends Partial<NewClip> {
  title: string;
  bodyText: string;
  tags?: string[];
}

export function tempLibrary(): Library & { remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-search-'));
  const lib = openLibrary(dir);
  return {
    ...lib,
    remove() {
      lib.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inserts clips the way the import pipeline does: one transaction, then the search hook. */
export function addClips(lib: Library, clips: TestClip[]): number[] {
  return lib.db.transaction(() => {
    const ids = clips.map((c) => {
      const { tags, ...rest } = c;
      const id = insertClip(lib.db, {
        bodyHtml: '',
        contentHash: crypto.createHash('sha256').update(c.title + c.bodyText + Math.random()).digest('hex'),
        ...rest,
      });
      if (tags?.length) tagClips(lib.db, [id], tags);
      return id;
    });
    onClipsAdded(lib.db, ids);
    return ids;
  })();
}

/** The seed article's body: the saved page minus its header, byline, date, caption and footer. */
export function seedBody(): string {
  const text = fs.readFileSync(path.join(SEED_DIR, 'guardian-ng-maduro-russia.txt'), 'utf8');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const start = paragraphs.findIndex((p) => p.startsWith('Venezuelan President Nicolas Maduro will visit Russia “soon”'));
  return paragraphs.slice(start).filter((p) => p !== '0 Comments').join('\n\n');
}

export const SEED_CLIP: TestClip = {
  title: 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’',
  source: 'guardian.ng',
  author: 'AFP',
  publishedAt: '2019-09-20T15:17',
  bodyText: '',
};
