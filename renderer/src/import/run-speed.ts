// How fast one drop is going, as the window sees it: the counts of all its jobs added up, over
// the latest seconds. A drop sent in batches (browser mode) is several jobs sharing the
// library's workers, and each job's own speed leaves out the others', so the time left is
// measured here for the whole. The library measures a single job the same way for its own
// progress events and the CLI (electron/import/recent-rate.ts): the first count is the start
// (before it the workers were starting), a speed needs two seconds of counts, and the latest
// eight seconds decide it.
const WINDOW_MS = 8_000;
const MIN_SPAN_MS = 2_000;

export function runSpeed(): (now: number, done: number) => number | null {
  const times: number[] = [];
  const counts: number[] = [];
  return (now, done) => {
    if (done === 0) return null;
    if (counts.at(-1) !== done) {
      times.push(now);
      counts.push(done);
    }
    while (times.length > 2 && times[1] <= now - WINDOW_MS) {
      times.shift();
      counts.shift();
    }
    const span = now - times[0];
    return times.length > 1 && span >= MIN_SPAN_MS ? (done - counts[0]) / (span / 1000) : null;
  };
}
