// A job's finished items, written a batch at a time (each batch one write transaction): when
// it holds enough items or text, or when its items have waited long enough.

export interface WriteBatchLimits {
  size: number;
  chars: number;
  waitMs: number;
}

export class WriteBatch<T> {
  private items: T[] = [];
  private chars = 0;
  private lastWrite = Date.now();

  constructor(private readonly limits: WriteBatchLimits, private readonly write: (items: T[]) => void) {}

  /** Adds one item holding `chars` characters of text; a full batch is written now. */
  add(item: T, chars: number): void {
    this.items.push(item);
    this.chars += chars;
    if (this.items.length >= this.limits.size || this.chars >= this.limits.chars) this.flush();
  }

  /** Writes the batch if the last write was longer ago than the wait. */
  flushIfDue(): void {
    if (Date.now() - this.lastWrite > this.limits.waitMs) this.flush();
  }

  flush(): void {
    this.lastWrite = Date.now();
    if (!this.items.length) return;
    const items = this.items;
    this.items = [];
    this.chars = 0;
    this.write(items);
  }
}
