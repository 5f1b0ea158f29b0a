// The word diff alone: what it marks, what it leaves, and its limits on texts that share nothing.
import { describe, expect, it } from 'vitest';
import { diffTokens, wordDiff } from '../../../electron/library/word-diff.ts';

const render = (before: string, after: string) =>
  wordDiff(before, after).parts.map((p) => (p.op === 'same' ? p.text : p.op === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');

describe('wordDiff', () => {
  it('marks a replaced phrase as one deletion and one insertion', () => {
    expect(render('the big red dog barked', 'the small blue dog barked')).toBe('the [-big red-]{+small blue+} dog barked');
  });

  it('keeps both texts exact: the parts without insertions are the old text, without deletions the new', () => {
    const before = 'Maduro will visit Russia "soon", the Kremlin said Friday.\n\nInterfax said early October.';
    const after = 'Maduro will visit Russia soon, the Kremlin said on Friday.\n\nInterfax said October 3.';
    const { parts } = wordDiff(before, after);
    expect(parts.filter((p) => p.op !== 'del').map((p) => p.text).join('')).toBe(after);
    expect(parts.filter((p) => p.op !== 'add').map((p) => p.text).join('').replace(/\s+/g, ' ')).toBe(before.replace(/\s+/g, ' '));
  });

  it('counts words, not spaces or punctuation, and takes re-wrapped spaces for the same', () => {
    const d = wordDiff('one two three.\nfour', 'one  two three!\n\nfour five');
    expect(d.added).toBe(1);
    expect(d.removed).toBe(0);
    expect(d.parts.filter((p) => p.op !== 'same').map((p) => p.text.trim())).toEqual(['.', '!', 'five']);
  });

  it('identical and empty texts', () => {
    expect(wordDiff('same words', 'same words').parts).toEqual([{ op: 'same', text: 'same words' }]);
    expect(wordDiff('', '').parts).toEqual([]);
    expect(wordDiff('', 'new').parts).toEqual([{ op: 'add', text: 'new' }]);
  });

  // The bound on the work is MAX_EDITS: past it the middle is one replacement (its speed is not a test's to time).
  it('gives up word by word on long texts that share nothing: the middle is replaced whole', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const d = wordDiff(`Intro ${a} outro`, `Intro ${b} outro`);
    expect(d.truncated).toBe(true);
    expect(d.parts.map((p) => p.op)).toEqual(['same', 'del', 'add', 'same']);
  });

  it('tokens: words with inner apostrophes and hyphens stay whole', () => {
    expect(diffTokens('Venezuela’s long-time ally, (AFP)')).toEqual(['Venezuela’s', ' ', 'long-time', ' ', 'ally', ',', ' ', '(', 'AFP', ')']);
  });
});
