// What differs between two versions of a text, word by word: Myers' O(ND) difference over
// word, punctuation and space tokens. Two versions of one story share most of their words, so
// D (the number of changed tokens) is small and the diff is quick; for texts that differ
// nearly everywhere the search stops at MAX_EDITS and the unmatched middle is shown as one
// deletion and one insertion (`truncated`), so a diff never costs more than a few milliseconds.

export type DiffOp = 'same' | 'add' | 'del';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

export interface WordDiffResult {
  parts: DiffPart[];
  /** Words added and removed (spaces and punctuation not counted). */
  added: number;
  removed: number;
  /** The texts differed too much to be compared token by token in the middle. */
  truncated: boolean;
}

/** Edits past which the middle is given up as replaced whole. */
const MAX_EDITS = 2000;
/** Tokens of each text compared at most (a very long article is compared in full up to this). */
const MAX_TOKENS = 60_000;

/** Words (letters, digits, inner apostrophes and hyphens), runs of space, single other characters. */
export function diffTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’-](?=[\p{L}\p{N}]))*|\s+|[^\s]/gu) ?? [];
}

/** Space is space however much of it there is: a re-wrapped paragraph is not a change. */
const key = (t: string): string => (/^\s/.test(t) ? ' ' : t);
const isWord = (t: string): boolean => /[\p{L}\p{N}]/u.test(t);

export function wordDiff(before: string, after: string): WordDiffResult {
  const a = diffTokens(before).slice(0, MAX_TOKENS);
  const b = diffTokens(after).slice(0, MAX_TOKENS);
  const ka = a.map(key);
  const kb = b.map(key);
  // The shared start and end cost nothing to find and shrink the search to the changed middle.
  let start = 0;
  while (start < ka.length && start < kb.length && ka[start] === kb[start]) start++;
  let endA = ka.length;
  let endB = kb.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let added = 0;
  let removed = 0;
  push('same', b.slice(0, start).join(''));
  const middle = myers(ka.slice(start, endA), kb.slice(start, endB));
  let truncated = false;
  if (middle === null) {
    truncated = true;
    for (const t of a.slice(start, endA)) if (isWord(t)) removed++;
    for (const t of b.slice(start, endB)) if (isWord(t)) added++;
    push('del', a.slice(start, endA).join(''));
    push('add', b.slice(start, endB).join(''));
  } else {
    // Deletions before insertions within a run of changes, as people read a correction.
    let dels = '';
    let adds = '';
    const flush = () => {
      push('del', dels);
      push('add', adds);
      dels = '';
      adds = '';
    };
    middle.forEach(([op, i], at) => {
      if (op === 'same') {
        // A space between two changes belongs to them: "big red" → "small blue" reads as one
        // replaced phrase, not two replaced words. (It goes to the insertion, so the new text
        // read from the parts stays exact, and to a deletion beside it, so the old one does.)
        const between = /^\s+$/.test(b[start + i]) && (dels || adds) && middle[at + 1] && middle[at + 1][0] !== 'same';
        if (between) {
          if (dels) dels += b[start + i];
          adds += b[start + i];
          return;
        }
        flush();
        push('same', b[start + i]);
      } else if (op === 'del') {
        dels += a[start + i];
        if (isWord(a[start + i])) removed++;
      } else {
        adds += b[start + i];
        if (isWord(b[start + i])) added++;
      }
    });
    flush();
  }
  push('same', b.slice(endB).join(''));
  return { parts: out, added, removed, truncated };
}

/**
 * Myers' shortest edit script between token lists: [op, index] pairs, the index into `a` for
 * 'del' and into `b` for 'same' and 'add'. null when more than MAX_EDITS edits are needed.
 */
function myers(a: string[], b: string[]): ['same' | 'del' | 'add', number][] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return n + m === 0 ? [] : null;
  // Walk back through the saved frontiers.
  const script: ['same' | 'del' | 'add', number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const frame = trace[d];
    const at = (k: number) => frame[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push(['same', y - 1]);
      x--;
      y--;
    }
    if (down) script.push(['add', prevY]);
    else script.push(['del', prevX]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    script.push(['same', y - 1]);
    x--;
    y--;
  }
  return script.reverse();
}
