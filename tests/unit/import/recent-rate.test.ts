// The speed an import reports, and so the time left it shows: measured from the first count,
// over the latest seconds. The library measures each job so (its progress events, the CLI);
// the window measures a whole drop so, whose batches are several jobs. Both must agree.
import { describe, expect, it } from 'vitest';
import { RecentRate } from '../../../electron/import/recent-rate.ts';
import { runSpeed } from '../../../renderer/src/import/run-speed.ts';

const measures: [string, () => (now: number, done: number) => number | null][] = [
  ['the library', () => { const r = new RecentRate(); return (now, done) => r.update(now, done); }],
  ['the window', runSpeed],
];

describe.each(measures)("an import's recent speed, as %s measures it", (_, make) => {
  it('gives no speed before there is a span to measure, and leaves out the start-up', () => {
    const speed = make();
    expect(speed(0, 0)).toBeNull();
    // The first batch is counted after 1.5 s of starting workers: not a speed yet.
    expect(speed(1500, 40)).toBeNull();
    // A second later: too short a span to say.
    expect(speed(2500, 140)).toBeNull();
    // 200 more files in the two seconds after the first count: 100 files/s, where the average
    // since the start says 69.
    expect(speed(3500, 240)).toBeCloseTo(100);
  });

  it('follows files that turn slower, instead of the average of the whole import', () => {
    const speed = make();
    let t = 1000;
    let done = 10;
    speed(t, done);
    // Twenty seconds of web pages at 100 a second, one count a second...
    for (let i = 0; i < 20; i++) speed((t += 1000), (done += 100));
    // ...then ten seconds of PDFs at 5 a second.
    let rate: number | null = null;
    for (let i = 0; i < 10; i++) rate = speed((t += 1000), (done += 5));
    expect(rate).toBeCloseTo(5);
  });

  it('slows down while nothing finishes', () => {
    const speed = make();
    speed(1000, 10);
    expect(speed(3000, 210)).toBeCloseTo(100);
    // Two seconds with no file finished: the same 200 files over four seconds.
    expect(speed(5000, 210)).toBeCloseTo(50);
  });
});
