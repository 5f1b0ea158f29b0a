// An import's speed over its last few seconds, for the rate and time left it reports.
//
// The average since the start misleads: the workers take about a second to start, and clips
// are counted a batch at a time when they are stored, so the first count arrives after a
// second of work that the average spreads over all of it. On 1,000 pages that said 25 s
// left where 8 remained. The rate here runs from the first count on, over a window of the
// latest seconds, so it also follows an import whose files turn slower or faster (a folder
// of PDFs after one of web pages).

/** How far back the rate looks. */
const WINDOW_MS = 8_000;
/** The shortest span that gives a rate: the first counts come in uneven batches, while the
 * workers are still being optimised by V8 (and in the window, while later batches of a drop
 * are still being sent), and a second of that said 36 s left where 4 remained. */
const MIN_SPAN_MS = 2_000;

interface Sample {
  t: number;
  done: number;
}

export class RecentRate {
  private samples: Sample[] = [];

  /**
   * Notes that `done` files are finished at `now` (ms) and returns files per second, or null
   * while the span measured is too short (two seconds from the first count).
   */
  update(now: number, done: number): number | null {
    const s = this.samples;
    // Time before the first file is counted is start-up, not speed.
    if (done === 0) return null;
    if (!s.length || done !== s[s.length - 1].done) s.push({ t: now, done });
    // Keep one sample at or before the window's start, so the span stays a full window.
    while (s.length > 2 && s[1].t <= now - WINDOW_MS) s.shift();
    const first = s[0];
    if (s.length < 2 || now - first.t < MIN_SPAN_MS) return null;
    return (done - first.done) / ((now - first.t) / 1000);
  }
}
