// After the library changes (here, in another window, or by an import or re-extraction), the
// list, the sidebar's lists and the open clip are asked for again. Changes come in bursts:
// those within 60 ms of one another are answered once. `revision` counts the refreshes, for
// the views that load on their own (the reader, the timeline, the site rules).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CuttingsBridge } from '../../../electron/api.ts';

export function useLibraryRefresh(bridge: CuttingsBridge, reloadList: () => void, loadMeta: () => Promise<void>) {
  const [revision, setRevision] = useState(0);
  const timer = useRef<number | null>(null);
  const refresh = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      reloadList();
      setRevision((r) => r + 1);
      loadMeta().catch(() => undefined);
    }, 60);
  }, [reloadList, loadMeta]);
  useEffect(() => bridge.on('library-changed', refresh), [bridge, refresh]);
  return { revision, refresh };
}
