// A story in the clip list: the disclosure on its row ("▸ 3 outlets"), and the rows of its
// versions once opened. The list keeps its fixed row height: a version row is a row like any
// other, indented under its story, with its outlet, its headline and when it ran or was saved.
import type { MouseEvent } from 'react';
import { formatDate } from '../common/format.ts';
import type { ClipPager, ListRow } from '../list/clip-pager.ts';
import { storyLabel } from './story-words.ts';
import './stories.css';

/** What a screen reader hears for a row: its headline, and for a story what opening it shows. */
export function storyRowLabel(row: ListRow, open: boolean): string {
  if (row.story) return `${row.title}, ${storyLabel(row.story)}, ${open ? 'open' : 'closed'}`;
  if (row.versionOf !== undefined) return `Version: ${row.source ?? 'Unknown source'}, ${row.title}`;
  return row.title;
}

export function StoryToggle({ row, pager }: { row: ListRow; pager: ClipPager }) {
  const open = pager.isOpen(row.id);
  const toggle = (e: MouseEvent) => {
    // The row's own mouse-down selects it: a click on the disclosure only opens or closes.
    e.stopPropagation();
    e.preventDefault();
    if (open) pager.close(row.id);
    else void pager.open(row);
  };
  // Not a button: an option holds no controls of its own (the row's label says it, and → / ← open and close it).
  return (
    <span
      className={`story-toggle${open ? ' open' : ''}${row.story!.kind === 'page' ? ' page' : ''}`}
      aria-hidden="true"
      title={open ? 'Hide the versions (←)' : 'Show the versions (→)'}
      onMouseDown={toggle}
      onDoubleClick={(e) => e.stopPropagation()}
      data-story-toggle={row.id}
    >
      <span className="story-caret">▸</span>
      {storyLabel(row.story!)}
    </span>
  );
}

export function VersionRowContent({ row }: { row: ListRow }) {
  return (
    <>
      <div className="row-line1">
        <span className="row-meta">{row.source ?? 'Unknown source'}{row.author ? ` · ${row.author}` : ''}</span>
        <span className="row-date">{row.publishedAt ? formatDate(row.publishedAt) : 'Undated'}</span>
      </div>
      <div className="row-title" title={row.title}>{row.title}</div>
      <div className="row-snippet version-note">{row.versionNote}</div>
    </>
  );
}
