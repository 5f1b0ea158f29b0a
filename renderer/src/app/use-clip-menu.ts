// The clip menu as the list opens it: right-click on a row, or the ContextMenu key / Shift+F10
// on the active row. It acts on the selection when the clip is part of it; otherwise on the
// clip, selected first.
import type { RefObject } from 'react';
import type { Api, DesktopBridge } from '../../../electron/api.ts';
import type { ShowToast } from '../common/toasts.tsx';
import type { ClipPager, ListRow } from '../list/clip-pager.ts';
import type { ClipListHandle } from '../list/ClipList.tsx';
import { useClipContextMenu } from '../list/use-clip-context-menu.tsx';
import type { Selection } from '../list/use-selection.ts';

interface Options {
  api: Api;
  desktop: DesktopBridge | undefined;
  show: ShowToast;
  refresh(): void;
  shown: ClipPager;
  selection: Pick<Selection, 'selection' | 'active' | 'openRow'>;
  listRef: RefObject<ClipListHandle | null>;
  deleteClips(ids: number[]): Promise<void>;
  reextract(ids: number[], title: string | null): void;
  /** The Press review dialog, on the clips the menu acts on (selected first). */
  review(): void;
  focusTagInput(): boolean;
}

export function useClipMenu({ api, desktop, show, refresh, shown, selection, listRef, deleteClips, reextract, review, focusTagInput }: Options) {
  const clipMenu = useClipContextMenu({
    api,
    desktop,
    toast: show,
    onChanged: refresh,
    onDelete: (ids) => void deleteClips(ids),
    onReextract: reextract,
    onReview: review,
    // The reader of a clip just selected may still be loading: its tag field comes a little later.
    onTag: () => {
      const until = performance.now() + 2000;
      const attempt = () => focusTagInput() || (performance.now() < until && requestAnimationFrame(attempt));
      requestAnimationFrame(attempt);
    },
    onClosed: () => listRef.current?.focus(),
  });

  const open = (index: number, row: ListRow, at: { x: number; y: number }, keyboard: boolean) => {
    const inSelection = selection.selection.has(row.id);
    if (!inSelection) selection.openRow(index, row);
    const position = (id: number) => {
      const i = shown.indexOfId(id);
      return i < 0 ? Infinity : i;
    };
    const ids = inSelection ? [...selection.selection].sort((a, b) => position(a) - position(b)) : [row.id];
    const rows = ids.map((id) => shown.row(shown.indexOfId(id))).filter((r): r is ListRow => !!r);
    void clipMenu.show({ ids, rows }, at, keyboard);
  };

  /** ContextMenu key or Shift+F10: the menu of the active row, drawn at the row. */
  const openFromKeyboard = async () => {
    const index = selection.active;
    const row = index >= 0 ? shown.row(index) : undefined;
    const at = row && (await listRef.current?.menuPoint(index));
    if (row && at) open(index, row, at, true);
  };

  return { menu: clipMenu.menu, open, openFromKeyboard };
}
