// The matches of a global pattern, found by exec on the pattern itself.
//
// `String.prototype.matchAll` works on a copy of the pattern, and V8 compiles such a copy
// afresh once a full garbage collection has emptied its cache of compiled patterns. The
// extraction worker allocates a whole DOM per page, so full collections are frequent, and
// compiling a \p{L} pattern with a lookbehind takes milliseconds: the date patterns alone
// spent 8 % of an import's extraction time recompiling, for a few µs of matching. A pattern
// held in a constant keeps its compiled code.

/** Every match of `re` (which must have the g flag) in `s`, like [...s.matchAll(re)]. */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m);
    // An empty match would be found again at the same place (matchAll steps past it).
    if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

/** The index after `i`, stepping over a whole surrogate pair in a /u pattern (as matchAll does). */
function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
