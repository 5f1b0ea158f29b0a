// Above the list: how many clips (or results) it holds, and its sort. A search has a sort of
// its own, best match first; the plain list has no best match.
import type { ReactNode } from 'react';
import type { SortOrder } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';

const SORTS: { value: SortOrder; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'imported', label: 'Recently imported' },
  { value: 'title', label: 'Title' },
];

interface Props {
  total: number | null;
  q: string;
  sort: SortOrder;
  onSort(order: SortOrder): void;
  /** At the end of the row (browser mode's More menu). */
  children?: ReactNode;
}

export function ListHead({ total, q, sort, onSort, children }: Props) {
  return (
    <div className="list-head">
      <span className="list-count" aria-live="polite">
        {total === null ? '' : q ? plural(total, 'result') : plural(total, 'clip')}
      </span>
      <label className="sort">
        <span className="visually-hidden">Sort by</span>
        <select value={sort} aria-label="Sort by" onChange={(e) => onSort(e.target.value as SortOrder)}>
          {SORTS.filter((s) => q || s.value !== 'relevance').map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {children}
    </div>
  );
}
