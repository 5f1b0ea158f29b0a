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
  /** Each story once (its versions folded under it), or every clip; `folded`: versions under their stories' rows. */
  stories?: { collapsed: boolean; folded: number; onToggle(): void };
  /** At the end of the row (browser mode's More menu). */
  children?: ReactNode;
}

export function ListHead({ total, q, sort, onSort, stories, children }: Props) {
  return (
    <div className="list-head">
      <span className="list-count" aria-live="polite">
        {total === null ? '' : q ? plural(total + (stories?.folded ?? 0), 'result') : plural(total + (stories?.folded ?? 0), 'clip')}
        {total !== null && stories && stories.folded > 0 && (
          <span className="list-count-folded" title="Other outlets' versions of a story, and earlier saves of a page, are under its row"> · {stories.folded.toLocaleString()} grouped</span>
        )}
      </span>
      {stories && (
        <button
          type="button"
          className={`stories-switch${stories.collapsed ? ' on' : ''}`}
          aria-pressed={stories.collapsed}
          title={stories.collapsed ? 'Stories run by several outlets show once: click to list every version' : 'Every version is listed: click to show each story once'}
          onClick={stories.onToggle}
        >
          Group stories
        </button>
      )}
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
