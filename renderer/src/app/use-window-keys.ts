// The window's own keys: / and Ctrl/Cmd+F to search, and, outside text fields and dialogs,
// the list's keys (move, extend, select all, open, read, delete, tag, the clip menu). The
// application menu's keys are use-shell-commands.ts's; shortcuts.ts lists them all.
import { useEffect, useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { dialogOpen, isTyping } from '../common/keys.ts';
import type { ClipPager } from '../list/clip-pager.ts';
import type { ClipListHandle } from '../list/ClipList.tsx';
import type { Selection } from '../list/use-selection.ts';
import type { SearchInput } from '../search/use-search-input.ts';

interface WindowKeys {
  search: SearchInput;
  listRef: RefObject<ClipListHandle | null>;
  shown: ClipPager;
  selection: Selection;
  reading: boolean;
  setReading: Dispatch<SetStateAction<boolean>>;
  deleteClips(ids: number[]): Promise<void>;
  focusTagInput(): boolean;
  openClipMenuFromKeyboard(): Promise<void>;
}

function onKey(e: KeyboardEvent, k: WindowKeys) {
  const { search, listRef, shown, reading, setReading } = k;
  const { active, openId, selectedIds, moveTo, openRow, selectRange } = k.selection;
  const mod = e.metaKey || e.ctrlKey;
  if ((mod && e.key.toLowerCase() === 'f') || (e.key === '/' && !isTyping(e.target) && !mod)) {
    e.preventDefault();
    search.focus();
    return;
  }
  if (dialogOpen()) return;
  if (isTyping(e.target)) return;
  if (e.altKey) return;
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
    e.preventDefault();
    void k.openClipMenuFromKeyboard();
    return;
  }
  const page = listRef.current?.visibleRows() ?? 10;
  switch (e.key) {
    case 'ArrowDown':
      e.preventDefault();
      moveTo(active < 0 ? 0 : active + 1, e.shiftKey);
      break;
    case 'ArrowUp':
      e.preventDefault();
      moveTo(active < 0 ? 0 : active - 1, e.shiftKey);
      break;
    case 'ArrowRight':
    case 'ArrowLeft': {
      // A story's row opens to its versions (→) and closes (←, from any of them).
      const row = active >= 0 ? shown.row(active) : undefined;
      const story = row?.versionOf ?? (row?.story ? row.id : undefined);
      if (!row || story === undefined || e.shiftKey || mod) break;
      e.preventDefault();
      if (e.key === 'ArrowRight') void shown.open(row);
      else if (shown.isOpen(story)) {
        const at = shown.close(story);
        if (row.versionOf !== undefined && at >= 0) moveTo(at, false);
      }
      break;
    }
    case 'PageDown':
      e.preventDefault();
      moveTo(active + page, e.shiftKey);
      break;
    case 'PageUp':
      e.preventDefault();
      moveTo(active - page, e.shiftKey);
      break;
    case 'Home':
      e.preventDefault();
      moveTo(0, e.shiftKey);
      break;
    case 'End':
      e.preventDefault();
      moveTo((shown.total ?? 1) - 1, e.shiftKey);
      break;
    case 'Enter': {
      // Enter on a focused button or link presses it (the list's More button, the sidebar's).
      if (e.target instanceof HTMLElement && e.target.closest('button, a[href]')) break;
      const row = active >= 0 ? shown.row(active) : undefined;
      if (row && row.id !== openId) openRow(active, row);
      else if (openId !== null) setReading((r) => !r);
      e.preventDefault();
      break;
    }
    case 'Delete':
    case 'Backspace':
      if (selectedIds.length) {
        e.preventDefault();
        void k.deleteClips(selectedIds);
      }
      break;
    case 'Escape':
      if (reading) setReading(false);
      else if (search.input) search.clear();
      break;
    case 't':
    case 'T':
      if (!mod && k.focusTagInput()) e.preventDefault();
      break;
    case 'a':
      if (mod) {
        e.preventDefault();
        selectRange(0, Math.min((shown.total ?? 0) - 1, 9_999), false);
      }
      break;
    default:
  }
}

export function useWindowKeys(keys: WindowKeys): void {
  // The listener is added once; each key press reads the latest render's state.
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey(e, latest.current);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);
}
