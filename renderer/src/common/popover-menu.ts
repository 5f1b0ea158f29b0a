// Shared behaviour of the small pop-over menus (links, tag actions): focus the first item
// when opened, close on a click anywhere outside.
import { useEffect, useRef } from 'react';

export function usePopoverMenu(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const away = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && onClose();
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  return ref;
}
