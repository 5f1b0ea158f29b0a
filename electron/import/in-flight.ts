// The files (or clips' originals) of a job read and handed to the worker pool, not yet done:
// enough to fill every worker's queue, so none waits while the main thread writes a batch,
// within a memory budget for the bytes they hold.
import { JOBS_PER_WORKER, type WorkerPool } from './worker-pool.ts';

/** Bytes read and waiting for (or in) a worker, beyond which no more are read. */
const IN_FLIGHT_BYTES = 96 * 1024 * 1024;

export class InFlight {
  private readonly tasks = new Set<Promise<void>>();
  private bytes = 0;
  private readonly window: number;

  constructor(private readonly pool: WorkerPool) {
    this.window = pool.size * (JOBS_PER_WORKER + 2);
  }

  /** Room for one more: within the window, and within the budget unless a worker would idle. */
  get hasRoom(): boolean {
    return this.tasks.size < this.window && (this.tasks.size < this.pool.size || this.bytes < IN_FLIGHT_BYTES);
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Starts one. `start` reads its bytes before its first await and notes their size in `held`. */
  add(start: (held: { bytes: number }) => Promise<void>): void {
    const held = { bytes: 0 };
    const p = start(held);
    this.bytes += held.bytes;
    const tracked = p.finally(() => {
      this.bytes -= held.bytes;
      this.tasks.delete(tracked);
    });
    this.tasks.add(tracked);
  }

  /** Settles when any one has finished. */
  any(): Promise<void> {
    return Promise.race(this.tasks);
  }
}
