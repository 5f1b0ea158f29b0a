// Which clips are selected, which row is active (the keyboard's place in the list), which clip
// is open in the reader, and the anchor a Shift-click or Shift+arrow extends the selection
// from; and how clicks and the arrow keys change them.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent, RefObject } from 'react';
import { IS_MAC } from '../common/keys.ts';
import type { ClipPager, ListRow } from './clip-pager.ts';
import type { ClipListHandle } from './ClipList.tsx';

export function useSelection(shown: ClipPager, listRef: RefObject<ClipListHandle | null>) {
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = useState(-1);
  const anchor = useRef(-1);
  const [openId, setOpenId] = useState<number | null>(null);

  // Run when other results come on screen, not when the selection changes.
  const onShown = useEffectEvent((list: ClipPager) => {
    setActive(openId !== null ? list.indexOfId(openId) : -1);
    // A new filter or search hides some selected clips: the selection keeps only what the
    // list still shows, so "3 clips selected" never acts on clips the user cannot see.
    if (selection.size > 1) {
      const kept = [...selection].filter((id) => list.indexOfId(id) >= 0);
      if (kept.length !== selection.size) {
        setSelection(new Set(kept));
        if (kept.length === 1) setOpenId(kept[0]);
      }
    }
  });
  useEffect(() => onShown(shown), [shown]);

  const selectRange = useCallback(
    (from: number, to: number, keep: boolean) => {
      const lo = Math.min(from, to);
      const hi = Math.max(from, to);
      const p = shown;
      void p.ensure(lo, hi + 1).then(() => {
        const ids = p.loadedIds(lo, hi + 1);
        setSelection((sel) => new Set([...(keep ? sel : []), ...ids]));
      });
    },
    [shown],
  );

  const openRow = useCallback((index: number, row: ListRow) => {
    anchor.current = index;
    setActive(index);
    setSelection(new Set([row.id]));
    setOpenId(row.id);
  }, []);

  /** A clip opened from elsewhere (a summary sheet, an undo): selected alone and open. */
  const showClip = useCallback((id: number) => {
    setOpenId(id);
    setSelection(new Set([id]));
  }, []);

  const onRowMouseDown = (index: number, row: ListRow, e: ReactMouseEvent) => {
    // On a Mac, Ctrl-click is a right-click: the context menu, not a change of selection.
    if (e.button !== 0 || (IS_MAC && e.ctrlKey && !e.metaKey)) return;
    if (e.shiftKey && anchor.current >= 0) {
      e.preventDefault();
      setActive(index);
      selectRange(anchor.current, index, e.metaKey || e.ctrlKey);
    } else if (e.metaKey || e.ctrlKey) {
      anchor.current = index;
      setActive(index);
      setSelection((sel) => {
        const next = new Set(sel);
        if (next.has(row.id)) next.delete(row.id);
        else next.add(row.id);
        return next;
      });
    } else openRow(index, row);
  };

  /** The keyboard's move to row `to`: it opens that clip, or with `extend` selects up to it. */
  const moveTo = (to: number, extend: boolean) => {
    const total = shown.total ?? 0;
    if (!total) return;
    const i = Math.max(0, Math.min(total - 1, to));
    setActive(i);
    listRef.current?.scrollToIndex(i);
    const p = shown;
    void p.ensure(i, i + 1).then(() => {
      const row = p.row(i);
      if (!row) return;
      if (extend && anchor.current >= 0) selectRange(anchor.current, i, false);
      else openRow(i, row);
    });
  };

  const selectedIds = useMemo(() => [...selection], [selection]);

  return {
    selection,
    setSelection,
    selectedIds,
    multi: selection.size > 1,
    active,
    setActive,
    anchor,
    openId,
    setOpenId,
    selectRange,
    openRow,
    showClip,
    onRowMouseDown,
    moveTo,
  };
}

export type Selection = ReturnType<typeof useSelection>;
