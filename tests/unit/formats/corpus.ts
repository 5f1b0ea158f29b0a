// Where the shared test corpora live and how a ReadResult becomes comparable text.
// The corpus folder is a parameter (CUTTINGS_CORPUS) so other corpora with the same
// layout can be run through the same tests.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { ImportError, type ReadResult } from '../../../electron/import/types.ts';
import { CORPUS as SHARED_CORPUS } from '../../helpers/temp-library.ts';

export const CORPUS = process.env.CUTTINGS_CORPUS ?? SHARED_CORPUS;
export const HOSTILE = process.env.CUTTINGS_HOSTILE_CORPUS ?? path.join(CORPUS, 'hostile');

export function corpusExists(...parts: string[]): boolean {
  return fs.existsSync(path.join(CORPUS, ...parts));
}

export function readCorpusFile(...parts: string[]): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS, ...parts)));
}

/** What a person would see: the text of the HTML body (or the text as-is). */
export function visibleText(read: ReadResult): string {
  if (read.kind === 'text') return read.text ?? '';
  const { document } = parseHTML(read.html ?? '');
  const doc = document as unknown as Document;
  for (const el of Array.from(doc.querySelectorAll('script,style,template,noscript'))) el.remove();
  const title = doc.querySelector('title')?.textContent ?? '';
  return `${title}\n${doc.body?.textContent ?? doc.documentElement?.textContent ?? ''}`;
}

/** Whitespace collapsed, typographic variants folded, lower case: for "contains" checks. */
export function norm(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The reason of the ImportError `fn` throws (failing the test if it throws anything else, or nothing). */
export function importErrorReason(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as ImportError).reason;
  }
  throw new Error('expected an ImportError');
}
