// Deleting clips: the clip after them (or else before them) is opened in their place, and a
// toast offers to undo; undoing one clip opens it again.
import { useCallback } from 'react';
import type { Api } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';
import type { ClipPager, ListRow } from './clip-pager.ts';
import type { Selection } from './use-selection.ts';

interface Options {
  api: Api;
  shown: ClipPager;
  selection: Pick<Selection, 'active' | 'anchor' | 'setActive' | 'setSelection' | 'setOpenId'>;
  refresh(): void;
  show: ShowToast;
  toastError(message: string): void;
}

export function useDeleteUndo({ api, shown, selection, refresh, show, toastError }: Options) {
  const { active, anchor, setActive, setSelection, setOpenId } = selection;
  return useCallback(
    async (ids: number[]) => {
      if (ids.length === 0) return;
      try {
        const positions = ids.map((id) => shown.indexOfId(id)).filter((i) => i >= 0);
        const first = positions.length ? Math.min(...positions) : active;
        const gone = new Set(ids);
        let nextRow: ListRow | undefined;
        for (let i = Math.max(...positions, first) + 1; i < (shown.total ?? 0) && !nextRow; i++) {
          const r = shown.row(i);
          if (!r) break;
          if (!gone.has(r.id)) nextRow = r;
        }
        for (let i = first - 1; i >= 0 && !nextRow; i--) {
          const r = shown.row(i);
          if (r && !gone.has(r.id)) nextRow = r;
        }
        const r = await api.deleteClips({ ids });
        setSelection(new Set(nextRow ? [nextRow.id] : []));
        setOpenId(nextRow?.id ?? null);
        setActive(nextRow ? Math.max(0, first) : -1);
        anchor.current = first;
        refresh();
        show({
          message: `Deleted ${plural(r.deleted, 'clip')}.`,
          action: {
            label: 'Undo',
            run: async () => {
              try {
                const u = await api.undoDelete({ undoToken: r.undoToken });
                if (ids.length === 1) {
                  setOpenId(ids[0]);
                  setSelection(new Set(ids));
                }
                refresh();
                show({ message: `Restored ${plural(u.restored, 'clip')}.` });
              } catch (e) {
                toastError((e as Error).message);
              }
            },
          },
        });
      } catch (e) {
        toastError((e as Error).message);
      }
    },
    [api, shown, active, anchor, setActive, setSelection, setOpenId, refresh, show, toastError],
  );
}
