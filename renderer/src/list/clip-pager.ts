// Pages of the clip list, fetched on demand as the user scrolls. The list knows only the
// total; rows arrive a page at a time (listClips / search with limit + offset), so 100,000
// clips cost no more than the few pages on screen.
import type { TagRef, HighlightColour, StoryBadge } from '../../../electron/api.ts';

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
  /** A collapsed list: the story this row stands for, which opens to its other versions. */
  story?: StoryBadge;
  /** A version shown under its story's row (opened): the story row's clip id. */
  versionOf?: number;
  /** The version row's own line: its outlet and dates, or when the page was saved. */
  versionNote?: string;
}

export type PageFetcher = (offset: number, limit: number) => Promise<{ total: number; rows: ListRow[]; folded?: number }>;
/** A story's other versions, as rows to show under its row. */
export type VersionsFetcher = (row: ListRow) => Promise<ListRow[]>;

// 50 rows is five screens: enough ahead for scrolling, and half the snippets (and JSON) per
// keystroke of what 100 cost.
export const PAGE_SIZE = 50;

// Opened stories live here, not in the pages: the library pages the list as it is collapsed, and
// the pager shows each opened story's versions under its row. Every index the window uses (the
// active row, the selection's ranges, scrolling) is an index into the rows as shown, so opening
// a story shifts the rows below it like any other insertion, and nothing else needs to know.
interface Opening {
  /** The story row's index among the library's rows. */
  at: number;
  rows: ListRow[];
}

export class ClipPager {
  /** Rows the library has for the question (stories counted once). */
  private count: number | null = null;
  /** Versions the library folded under their stories' rows (a collapsed list). */
  folded = 0;
  error: string | null = null;
  /** Story row id → its other versions, in the order opened. */
  private opened = new Map<number, ListRow[]>();
  private openingsCache: Opening[] | null = null;
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
    private readonly versionsFetcher?: VersionsFetcher,
  ) {
    this.ensure(0, PAGE_SIZE);
  }

  /** Clips the question finds, each story's folded versions counted. */
  get clips(): number | null {
    return this.count === null ? null : this.count + this.folded;
  }

  /** Rows as shown: the library's, and the versions of the stories opened. */
  get total(): number | null {
    if (this.count === null) return null;
    return this.count + this.openings().reduce((n, o) => n + o.rows.length, 0);
  }

  /** The opened stories whose rows are loaded, top to bottom. */
  private openings(): Opening[] {
    if (this.openingsCache) return this.openingsCache;
    const out: Opening[] = [];
    if (this.opened.size) {
      for (const [p, rows] of [...this.pages, ...this.stale]) {
        rows.forEach((r, i) => {
          const versions = this.opened.get(r.id);
          if (versions && !out.some((o) => o.at === p * PAGE_SIZE + i)) out.push({ at: p * PAGE_SIZE + i, rows: versions });
        });
      }
      out.sort((a, b) => a.at - b.at);
    }
    return (this.openingsCache = out);
  }

  private changed(): void {
    this.openingsCache = null;
    this.notify();
  }

  isOpen(id: number): boolean {
    return this.opened.has(id);
  }

  /** Shows a story's other versions under its row (a row without a story: nothing). */
  async open(row: ListRow): Promise<void> {
    if (!row.story || !this.versionsFetcher || this.opened.has(row.id)) return;
    const versions = await this.versionsFetcher(row);
    if (this.disposed) return;
    this.opened.set(row.id, versions.filter((v) => v.id !== row.id));
    this.changed();
  }

  /** Folds a story back into its row; answers the row's index (-1 when it is not loaded). */
  close(id: number): number {
    if (!this.opened.delete(id)) return this.indexOfId(id);
    this.changed();
    return this.indexOfId(id);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }

  row(index: number): ListRow | undefined {
    let shift = 0;
    for (const o of this.openings()) {
      if (index <= o.at + shift) break;
      if (index <= o.at + shift + o.rows.length) return o.rows[index - o.at - shift - 1];
      shift += o.rows.length;
    }
    return this.libraryRow(index - shift);
  }

  private libraryRow(index: number): ListRow | undefined {
    const p = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(p) ?? this.stale.get(p))?.[index % PAGE_SIZE];
  }

  /** The index as shown of the library's row `index`. */
  private shown(index: number): number {
    let shift = 0;
    for (const o of this.openings()) if (o.at < index) shift += o.rows.length;
    return index + shift;
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
      if (i >= 0) return this.shown(p * PAGE_SIZE + i);
    }
    for (const o of this.openings()) {
      const i = o.rows.findIndex((r) => r.id === id);
      if (i >= 0) return this.shown(o.at) + 1 + i;
    }
    return -1;
  }

  /** Makes sure rows [start, end) are loaded or on their way. */
  ensure(start: number, end: number): Promise<void> {
    // Rows as shown, over the library's rows: the versions opened above push them down.
    const opened = (this.total ?? 0) - (this.count ?? 0);
    start = Math.max(0, start - opened);
    this.lastRange = [start, end];
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, end - 1) / PAGE_SIZE);
    const waits: Promise<void>[] = [];
    for (let p = first; p <= last; p++) {
      if (this.count !== null && p * PAGE_SIZE >= this.count && p > 0) break;
      if (this.pages.has(p) || this.pending.has(p)) continue;
      waits.push(this.load(p));
    }
    return Promise.all(waits).then(() => undefined);
  }

  private async load(p: number): Promise<void> {
    const gen = this.generation;
    this.pending.add(p);
    try {
      const { total, rows, folded } = await this.fetcher(p * PAGE_SIZE, PAGE_SIZE);
      if (this.disposed || gen !== this.generation) return;
      this.count = total;
      this.folded = folded ?? 0;
      this.error = null;
      this.pages.set(p, rows);
      this.stale.delete(p);
    } catch (e) {
      if (this.disposed || gen !== this.generation) return;
      this.error = (e as Error).message;
      if (this.count === null) this.count = 0;
    } finally {
      if (gen === this.generation) this.pending.delete(p);
    }
    this.changed();
  }

  /** The library changed: refetch what is on screen, showing the old rows meanwhile. */
  refresh(): void {
    this.generation++;
    for (const [p, rows] of this.pages) this.stale.set(p, rows);
    this.pages.clear();
    this.pending.clear();
    this.openingsCache = null;
    void this.ensure(...this.lastRange);
    // An opened story may have gained or lost versions: asked again (it stays open).
    for (const id of [...this.opened.keys()]) {
      const row = this.opened.get(id) && [...this.stale.values()].flat().find((r) => r.id === id);
      if (row && this.versionsFetcher)
        void this.versionsFetcher(row).then(
          (versions) => {
            if (this.disposed || !this.opened.has(id)) return;
            this.opened.set(id, versions.filter((v) => v.id !== id));
            this.changed();
          },
          () => undefined,
        );
    }
  }

  /** Rows that vanished locally (deleted) before the refetch confirms it. */
  get loaded(): boolean {
    return this.count !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
