// A yes/no choice of the person's that outlives a reload (the sidebar hidden or shown), kept in
// localStorage under `key`. Storage may be unavailable (a locked-down profile): the choice then
// lasts as long as the window.
import { useCallback, useState } from 'react';

function read(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === 'true';
  } catch {
    return fallback;
  }
}

export function useStoredFlag(key: string, fallback: boolean): [boolean, (next: boolean | ((was: boolean) => boolean)) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback(
    (next: boolean | ((was: boolean) => boolean)) => {
      setValue((was) => {
        const v = typeof next === 'function' ? next(was) : next;
        try {
          localStorage.setItem(key, String(v));
        } catch {
          /* kept for this window only */
        }
        return v;
      });
    },
    [key],
  );
  return [value, set];
}
