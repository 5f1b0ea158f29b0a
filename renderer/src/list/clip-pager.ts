// Pages of the clip list, fetched on demand as the user scrolls. The list knows only the
// total; rows arrive a page at a time (listClips / search with limit + offset), so 100,000
// clips cost no more than the few pages on screen.
import type { TagRef, HighlightColour } from '../../../electron/api.ts';

export interface ListRow {
  id: number;
  title: string;
  /** Sanitized title with <mark> (search only). */
  titleHtml: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  importedAt: string;
  tags: TagRef[];
  starred: boolean;
  /** Plain lead text (listing) … */
  snippet: string;
  /** … or sanitized HTML with <mark> (search). */
  snippetHtml: string | null;
  /** Search: the query's words stand in one of the clip's highlights (sanitized HTML with <mark>). */
  inHighlight?: { colour: HighlightColour; html: string; inNote: boolean };
}

export type PageFetcher = (offset: number, limit: number) => Promise<{ total: number; rows: ListRow[] }>;

// 50 rows is five screens: enough ahead for scrolling, and half the snippets (and JSON) per
// keystroke of what 100 cost.
export const PAGE_SIZE = 50;

export class ClipPager {
  total: number | null = null;
  error: string | null = null;
  private pages = new Map<number, ListRow[]>();
  private stale = new Map<number, ListRow[]>();
  private pending = new Set<number>();
  private generation = 0;
  private listeners = new Set<() => void>();
  private disposed = false;
  private lastRange: [number, number] = [0, PAGE_SIZE];

  constructor(
    readonly key: string,
    private readonly fetcher: PageFetcher,
  ) {
    this.ensure(0, PAGE_SIZE);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }

  row(index: number): ListRow | undefined {
    const p = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(p) ?? this.stale.get(p))?.[index % PAGE_SIZE];
  }

  /** Rows loaded so far in [start, end), as (index, row) pairs. */
  loadedIds(start: number, end: number): number[] {
    const ids: number[] = [];
    for (let i = Math.max(0, start); i < end; i++) {
      const r = this.row(i);
      if (r) ids.push(r.id);
    }
    return ids;
  }

  indexOfId(id: number): number {
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * PAGE_SIZE + i;
    }
    return -1;
  }

  /** Makes sure rows [start, end) are loaded or on their way. */
  ensure(start: number, end: number): Promise<void> {
    this.lastRange = [start, end];
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, end - 1) / PAGE_SIZE);
    const waits: Promise<void>[] = [];
    for (let p = first; p <= last; p++) {
      if (this.total !== null && p * PAGE_SIZE >= this.total && p > 0) break;
      if (this.pages.has(p) || this.pending.has(p)) continue;
      waits.push(this.load(p));
    }
    return Promise.all(waits).then(() => undefined);
  }

  private async load(p: number): Promise<void> {
    const gen = this.generation;
    this.pending.add(p);
    try {
      const { total, rows } = await this.fetcher(p * PAGE_SIZE, PAGE_SIZE);
      if (this.disposed || gen !== this.generation) return;
      this.total = total;
      this.error = null;
      this.pages.set(p, rows);
      this.stale.delete(p);
    } catch (e) {
      if (this.disposed || gen !== this.generation) return;
      this.error = (e as Error).message;
      if (this.total === null) this.total = 0;
    } finally {
      if (gen === this.generation) this.pending.delete(p);
    }
    this.notify();
  }

  /** The library changed: refetch what is on screen, showing the old rows meanwhile. */
  refresh(): void {
    this.generation++;
    for (const [p, rows] of this.pages) this.stale.set(p, rows);
    this.pages.clear();
    this.pending.clear();
    void this.ensure(...this.lastRange);
  }

  /** Rows that vanished locally (deleted) before the refetch confirms it. */
  get loaded(): boolean {
    return this.total !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
