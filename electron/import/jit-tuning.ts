// The import's one setting of V8 itself: a smaller inlining budget for its optimising compiler.
//
// TurboFan inlines callees into a hot function up to 920 bytes of bytecode in all. An import
// starts fresh extraction workers, and each spends its first few hundred pages optimising
// large functions (Readability's article search, our DOM walks, linkedom's tree edits) and
// optimising them again each time a page brings a kind of element they had not seen: about
// 3.4 s of compiling per worker for 1,000 pages, on V8's helper threads, which take it from
// the two cores extraction runs on. With a budget of 150 bytes each compile is smaller: the
// compiling falls by about 40 % and the steady speed of extraction is unchanged; a cold import
// of 1,000 pages runs 4–6 % faster (bench/import, runs alternated). The flag is process-wide
// and read by each compile, so it is set once, before the first worker starts. Node and
// Electron both leave V8's flags unfrozen for this (node's v8.setFlagsFromString).
import v8 from 'node:v8';

/** Bytes of bytecode TurboFan may inline into one function, in all. */
export const INLINING_BUDGET = 150;

let tuned = false;

export function tuneJitForImport(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
}
