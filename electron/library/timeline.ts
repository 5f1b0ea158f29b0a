// Counts of clips by publication date, per year, month or day, computed in SQL so the
// timeline stays instant at 100,000 clips. Undated clips are counted apart.
import type Database from 'better-sqlite3';
import type { Timeline, TimelineArgs } from '../api.ts';
import { clipFilters, clipsTableFor } from './clips.ts';

const PREFIX: Record<Timeline['granularity'], number> = { year: 4, month: 7, day: 10 };

/** `extraWhere`: more conditions on alias `c` (a search's matching ids), with their params. */
export function timeline(
  db: Database.Database,
  args: TimelineArgs,
  extra: { where: string[]; params: Record<string, unknown> } = { where: [], params: {} },
): Timeline {
  const granularity = args.granularity ?? 'year';
  const { where, params } = clipFilters({ ...args, undated: false });
  const all = [...where, ...extra.where];
  const allParams = { ...params, ...extra.params };
  const counted = db
    .prepare(
      `SELECT substr(c.published_at, 1, ${PREFIX[granularity]}) AS period, count(*) AS count
       FROM ${clipsTableFor(all)} WHERE ${[...all, 'c.published_at IS NOT NULL'].join(' AND ')}
       GROUP BY period ORDER BY period`,
    )
    .all(allParams) as { period: string; count: number }[];
  // A date known to the year only ("2019") has no month bar, one known to the month no day bar:
  // such clips are counted apart rather than shown as a bar of another size.
  const buckets = counted.filter((b) => b.period.length === PREFIX[granularity]);
  const imprecise = counted.reduce((n, b) => (b.period.length < PREFIX[granularity] ? n + b.count : n), 0);
  // Undated clips ignore the period (they have none) but follow tags and search.
  const undatedFilters = clipFilters({ ...args, from: undefined, to: undefined, undated: true });
  const undated = (
    db
      .prepare(`SELECT count(*) AS n FROM ${clipsTableFor(extra.where)} WHERE ${[...undatedFilters.where, ...extra.where].join(' AND ')}`)
      .get({ ...undatedFilters.params, ...extra.params }) as { n: number }
  ).n;
  return { granularity, buckets, undated, ...(imprecise ? { imprecise } : {}) };
}
