// The library's team hub as the window sees it: the link, kept current by the sync-state event
// (no polling), and read again when the library changes (the count of edits waiting).
import { useCallback, useEffect, useState } from 'react';
import type { CuttingsBridge, TeamLink } from '../../../electron/api.ts';

export function useTeamLibrary(bridge: CuttingsBridge, revision: number) {
  // undefined while the first answer is on its way; null when the library is not shared.
  const [link, setLink] = useState<TeamLink | null | undefined>(undefined);
  const load = useCallback(() => {
    bridge.api.teamLibrary({}).then(setLink, () => setLink(null));
  }, [bridge]);
  useEffect(load, [load, revision]);
  useEffect(
    () =>
      bridge.on('sync-state', (status) => {
        if (status.state === 'off') setLink(null);
        else setLink((l) => (l ? { ...l, status } : l));
        // A sync that finished has sent what waited: the count is read again.
        if (status.state === 'synced') load();
      }),
    [bridge, load],
  );
  return { link, reload: load, setLink };
}
