// Hybrid logical clocks (Kulkarni et al.): wall-clock milliseconds, a counter for edits within
// one millisecond or behind a clock seen from elsewhere, and the node that made the edit.
// Written as fixed-width text so that comparing two clocks is comparing two strings, in
// JavaScript, in SQLite (the desktop library's triggers stamp edits in SQL with the same
// format: printf('%015d-%05d-%s', physical, counter, node)) and in PostgreSQL (COLLATE "C").

export interface Hlc {
  physical: number;
  counter: number;
  node: string;
}

const PATTERN = /^(\d{15})-(\d{5})-([0-9a-z]{1,32})$/;
export const MAX_COUNTER = 99_999;

export function formatHlc(h: Hlc): string {
  return `${String(h.physical).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.node}`;
}

export function parseHlc(text: string): Hlc | null {
  const m = PATTERN.exec(text);
  return m ? { physical: Number(m[1]), counter: Number(m[2]), node: m[3]! } : null;
}

export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && PATTERN.test(text);
}

/** Later clock first is positive; equal clocks are the same edit. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The clock of one node: every stamp is later than every stamp it made or saw before. */
export class HlcClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    last?: string | null,
    private readonly wall: () => number = Date.now,
  ) {
    this.last = (last && parseHlc(last)) || { physical: 0, counter: 0, node };
  }

  /** A stamp for an edit made now. */
  now(): string {
    const wall = this.wall();
    this.last =
      wall > this.last.physical
        ? { physical: wall, counter: 0, node: this.node }
        : { physical: this.last.physical, counter: this.last.counter + 1, node: this.node };
    if (this.last.counter > MAX_COUNTER) this.last = { physical: this.last.physical + 1, counter: 0, node: this.node };
    return formatHlc(this.last);
  }

  /** Takes in a clock seen from another node, so later local stamps come after it. */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (!r) return;
    if (r.physical > this.last.physical || (r.physical === this.last.physical && r.counter > this.last.counter)) {
      this.last = { physical: r.physical, counter: r.counter, node: this.node };
    }
  }

  /** The latest stamp made or seen, to persist. */
  get latest(): string {
    return formatHlc(this.last);
  }
}
