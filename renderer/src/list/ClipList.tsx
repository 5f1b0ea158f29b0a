// The clip list: a listbox virtualized by hand. Fixed row height, only the rows on screen
// (plus a little overscan) exist in the DOM, and pages are fetched as they scroll into view.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { formatDate } from '../common/format.ts';
import { StoryToggle, storyRowLabel, VersionRowContent } from '../stories/StoryRows.tsx';
import { PAGE_SIZE, type ClipPager, type ListRow } from './clip-pager.ts';

export const ROW_HEIGHT = 92;
const OVERSCAN = 8;

export interface ClipListHandle {
  scrollToIndex(index: number): void;
  focus(): void;
  visibleRows(): number;
  /** Where a menu for row `index` opens, once the row is in sight (null: no such row on screen). */
  menuPoint(index: number): Promise<{ x: number; y: number } | null>;
}

interface Props {
  pager: ClipPager;
  selection: ReadonlySet<number>;
  activeIndex: number;
  label: string;
  emptyText: string;
  onRowMouseDown(index: number, row: ListRow, e: MouseEvent): void;
  onRowDoubleClick(index: number, row: ListRow): void;
  /** Right-click (or Ctrl-click on a Mac) on a row. */
  onRowContextMenu(index: number, row: ListRow, e: MouseEvent): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
}

function usePager(pager: ClipPager): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (cb: () => void) =>
      pager.subscribe(() => {
        version.current++;
        cb();
      }),
    [pager],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

export const ClipList = forwardRef<ClipListHandle, Props>(function ClipList(props, ref) {
  const { pager, selection, activeIndex } = props;
  usePager(pager);
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const total = pager.total ?? 0;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new query starts at the top.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop !== 0) {
      el.scrollTop = 0;
      setViewport((v) => ({ ...v, top: 0 }));
    }
  }, [pager.key]);

  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    // Prefetch a little beyond the screen so a steady scroll rarely meets an empty row.
    void pager.ensure(Math.max(0, first - PAGE_SIZE / 2), last + PAGE_SIZE / 2);
  }, [pager, first, last]);

  const scrollToIndex = (index: number) => {
    const el = scroller.current;
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  useImperativeHandle(ref, () => ({
    scrollToIndex,
    async menuPoint(index: number) {
      const el = scroller.current;
      if (!el || index < 0) return null;
      const before = el.scrollTop;
      scrollToIndex(index);
      // A scroll closes menus, and the row is drawn once the list has followed it: two frames
      // let both happen before the menu opens.
      if (el.scrollTop !== before) await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = el.querySelector(`#clip-row-${index}`)?.getBoundingClientRect();
      // At the row's start, below its first line, as a keyboard-opened menu is placed natively.
      return box ? { x: box.left + 24, y: box.top + 30 } : null;
    },
    focus() {
      scroller.current?.focus();
    },
    visibleRows() {
      return Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT));
    },
  }));

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = pager.row(i);
    const selected = row ? selection.has(row.id) : false;
    rows.push(
      <div
        key={row ? `r${row.id}` : `p${i}`}
        id={`clip-row-${i}`}
        role="option"
        aria-selected={selected}
        aria-setsize={total}
        aria-posinset={i + 1}
        aria-label={row ? storyRowLabel(row, pager.isOpen(row.id)) : 'Loading…'}
        className={`clip-row${selected ? ' selected' : ''}${i === activeIndex ? ' active' : ''}${row ? '' : ' placeholder'}${row?.versionOf !== undefined ? ' story-version' : ''}${row?.story ? ' story-row' : ''}`}
        style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
        onMouseDown={row ? (e) => props.onRowMouseDown(i, row, e) : undefined}
        onDoubleClick={row ? () => props.onRowDoubleClick(i, row) : undefined}
        onContextMenu={row ? (e) => props.onRowContextMenu(i, row, e) : undefined}
        data-clip-id={row?.id}
      >
        {row ? row.versionOf !== undefined ? <VersionRowContent row={row} /> : <RowContent row={row} pager={pager} /> : <RowPlaceholder />}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className="clip-list"
      role="listbox"
      aria-label={props.label}
      aria-multiselectable="true"
      aria-activedescendant={activeIndex >= first && activeIndex < last ? `clip-row-${activeIndex}` : undefined}
      tabIndex={0}
      data-results-for={pager.loaded ? pager.key : undefined}
      data-total={pager.loaded ? total : undefined}
      onScroll={(e) => {
        const el = e.currentTarget;
        setViewport({ top: el.scrollTop, height: el.clientHeight });
      }}
      onKeyDown={props.onKeyDown}
      // Between rows, and the ContextMenu key (whose event comes to the focused list, and which
      // the window answers with the active row's menu): never the browser's own menu.
      onContextMenu={(e) => e.preventDefault()}
    >
      <div className="clip-list-spacer" style={{ height: total * ROW_HEIGHT }} role="presentation">
        {rows}
      </div>
      {pager.loaded && total === 0 && <div className="list-empty">{pager.error ?? props.emptyText}</div>}
    </div>
  );
});

function RowContent({ row, pager }: { row: ListRow; pager: ClipPager }) {
  const meta = [row.source, row.author].filter(Boolean).join(' · ');
  return (
    <>
      <div className="row-line1">
        {row.starred && <span className="row-star" aria-label="Starred" title="Starred">★</span>}
        <span className="row-meta">{meta || 'Unknown source'}</span>
        <span className="row-tags">
          {row.tags.slice(0, 3).map((t) => (
            <span key={t.id} className="row-tag" title={t.name}>
              <span className="dot" style={{ background: t.colour }} />
              {t.name}
            </span>
          ))}
          {row.tags.length > 3 && <span className="row-tag more">+{row.tags.length - 3}</span>}
        </span>
        {row.story && <StoryToggle row={row} pager={pager} />}
        <span className="row-date">{row.publishedAt ? formatDate(row.publishedAt) : 'Undated'}</span>
      </div>
      {row.titleHtml !== null ? (
        <div className="row-title" title={row.title} dangerouslySetInnerHTML={{ __html: row.titleHtml }} />
      ) : (
        <div className="row-title" title={row.title}>{row.title}</div>
      )}
      {row.inHighlight ? (
        // The hit stands in the person's own highlight (or its note): that is the line to show.
        <div className={`row-snippet search-hit-highlight hl-edge-${row.inHighlight.colour}`}>
          <span className="hit-label">{row.inHighlight.inNote ? 'Your note:' : 'Highlighted:'}</span>
          <span dangerouslySetInnerHTML={{ __html: row.inHighlight.html }} />
        </div>
      ) : row.snippetHtml !== null ? (
        <div className="row-snippet" dangerouslySetInnerHTML={{ __html: row.snippetHtml }} />
      ) : (
        <div className="row-snippet">{row.snippet}</div>
      )}
    </>
  );
}

function RowPlaceholder() {
  return (
    <>
      <div className="row-line1"><span className="skeleton" style={{ width: '30%' }} /></div>
      <div className="row-title"><span className="skeleton" style={{ width: '75%' }} /></div>
      <div className="row-snippet"><span className="skeleton" style={{ width: '90%' }} /></div>
    </>
  );
}

