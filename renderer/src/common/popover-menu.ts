// Shared behaviour of the small pop-over menus (links, tag actions, the clip menu): focus the
// first item that can be chosen when opened, close on a click anywhere outside, and move
// between items from the keyboard.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';

const ITEM = '[role^=menuitem]';
const ENABLED = `${ITEM}:not(:disabled):not([aria-disabled=true])`;

export function usePopoverMenu(onClose: () => void, { focusFirst = true }: { focusFirst?: boolean } = {}) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, so that a parent passing a new function each render does not make
  // the menu take the focus back to its first item on every render.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    if (focusFirst) ref.current?.querySelector<HTMLElement>(ENABLED)?.focus();
    else ref.current?.focus();
    // Capture: a press that something else stops on its way still closes the menu.
    const away = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && close.current();
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [focusFirst]);
  return ref;
}

/**
 * Arrow keys, Home and End move among the menu's items that can be chosen, wrapping round as
 * native menus do; a letter moves to the next item it begins. True when the key was used.
 */
export function moveMenuFocus(menu: HTMLElement, key: string): boolean {
  const items = Array.from(menu.querySelectorAll<HTMLElement>(ENABLED));
  if (items.length === 0) return false;
  const at = items.indexOf(document.activeElement as HTMLElement);
  let next: HTMLElement | undefined;
  if (key === 'ArrowDown') next = items[(at + 1) % items.length];
  else if (key === 'ArrowUp') next = items[at <= 0 ? items.length - 1 : at - 1];
  else if (key === 'Home') next = items[0];
  else if (key === 'End') next = items[items.length - 1];
  else if (key.length === 1 && /\S/.test(key)) {
    const k = key.toLocaleLowerCase();
    for (let i = 1; i <= items.length && !next; i++) {
      const item = items[(at + i) % items.length];
      if ((item.textContent ?? '').trim().toLocaleLowerCase().startsWith(k)) next = item;
    }
  }
  if (!next) return false;
  next.focus();
  return true;
}

/** A pop-over menu's keys: Escape closes it, arrows / Home / End move between its items. */
export function popoverMenuKeys(onClose: () => void) {
  return (e: ReactKeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (moveMenuFocus(e.currentTarget, e.key)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
}
