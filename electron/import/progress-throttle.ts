// Progress events of a long job (an import, a re-extraction), at most one an interval, with the
// rate and time left they report.
//
// An event asked for sooner is sent late rather than dropped: a batch of clips is stored in
// one go, and a dropped event left the window showing its first clip until the next batch, a
// second later.
import { RecentRate } from './recent-rate.ts';

/** How fast the job goes, as its events report it. */
export interface Pace {
  /** Items a second, to a tenth: the recent rate once known, until then the average so far. */
  perSecond: number;
  /** Seconds left: 0 when all are done, null while the recent rate is not known (see RecentRate). */
  etaSeconds: number | null;
}

export interface ProgressThrottleOptions {
  /** Least milliseconds between events (default 100). */
  intervalMs?: number;
  /** When the job started (ms), for the average rate. */
  started: number;
  /** The counts as they are when the event is sent. */
  count(): { done: number; total: number };
  send(pace: Pace): void;
}

export class ProgressThrottle {
  private lastEmit = 0;
  /** An event held back by the interval, due when it is up. */
  private trailing: NodeJS.Timeout | null = null;
  private readonly rate = new RecentRate();

  constructor(private readonly options: ProgressThrottleOptions) {}

  /** Sends an event now if the interval is up (or `force`), otherwise once it is. */
  emit(force = false): void {
    const now = Date.now();
    const wait = (this.options.intervalMs ?? 100) - (now - this.lastEmit);
    if (!force && wait > 0) {
      this.trailing ??= setTimeout(() => {
        this.trailing = null;
        this.emit(true);
      }, wait);
      return;
    }
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastEmit = now;
    const { done, total } = this.options.count();
    const elapsed = (now - this.options.started) / 1000;
    const recent = this.rate.update(now, done);
    const rate = recent ?? (elapsed > 0 ? done / elapsed : 0);
    this.options.send({
      perSecond: Math.round(rate * 10) / 10,
      etaSeconds: done >= total ? 0 : recent ? Math.round((total - done) / recent) : null,
    });
  }
}
