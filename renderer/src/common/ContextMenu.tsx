// A context menu drawn by the page (browser mode; the desktop app shows a native one): at the
// pointer, or where the keyboard asked for it, kept inside the window. It behaves as native
// menus do: hover and arrow keys share one highlight, Enter chooses, Escape, Tab, a click
// outside, a scroll or the window losing focus close it.
import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { MenuChoice } from '../../../electron/api.ts';
import { moveMenuFocus, usePopoverMenu } from './popover-menu.ts';

export interface MenuEntry extends MenuChoice {
  /** The key that does the same outside the menu, shown at the right (the native menu has no room for it). */
  hint?: string;
  danger?: boolean;
}

interface Props {
  label: string;
  items: MenuEntry[];
  at: { x: number; y: number };
  /** Opened from the keyboard: the first item is highlighted at once (from the mouse, none is). */
  keyboard: boolean;
  onChoose(id: string): void;
  /** `returnFocus` is false when the window itself lost the focus (another app, the article frame). */
  onClose(returnFocus: boolean): void;
}

/** Space kept between the menu and the window's edges. */
const MARGIN = 6;

export function ContextMenu({ label, items, at, keyboard, onChoose, onClose }: Props) {
  const ref = usePopoverMenu(() => onClose(true), { focusFirst: keyboard });

  // Placed before it is painted: it opens to the left of, or above, a point too near the edge.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    let x = at.x;
    let y = at.y;
    if (x + width > window.innerWidth - MARGIN) x = Math.max(MARGIN, at.x - width);
    if (y + height > window.innerHeight - MARGIN) y = Math.max(MARGIN, Math.min(at.y - height, window.innerHeight - MARGIN - height));
    el.style.left = `${x}px`;
    el.style.top = `${y}px`;
  }, [ref, at.x, at.y]);

  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const close = () => closeRef.current(true);
    const left = () => closeRef.current(false);
    // Capture: a scroll of any element (the list) closes the menu; so does leaving the window.
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    window.addEventListener('blur', left);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
      window.removeEventListener('blur', left);
    };
  }, []);

  const choose = (item: MenuEntry) => {
    if (item.enabled !== false) onChoose(item.id);
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    // The menu has the keyboard while it is open: no key reaches the window's shortcuts.
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const item = items.find((i) => i.id === (document.activeElement as HTMLElement | null)?.dataset.id);
      if (item) choose(item);
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey && moveMenuFocus(e.currentTarget, e.key)) e.preventDefault();
  };

  return createPortal(
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      tabIndex={-1}
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      onMouseLeave={(e) => e.currentTarget.focus()}
    >
      {items.map((item) => (
        <Fragment key={item.id}>
          {item.separatorBefore && <div className="menu-sep" role="separator" />}
          <button
            type="button"
            role="menuitem"
            className={`menu-item${item.danger ? ' danger' : ''}`}
            data-id={item.id}
            aria-disabled={item.enabled === false || undefined}
            tabIndex={-1}
            onMouseEnter={(e) => (item.enabled === false ? ref.current?.focus() : e.currentTarget.focus())}
            onClick={() => choose(item)}
          >
            <span className="menu-label">{item.label}</span>
            {item.hint && (
              <kbd className="menu-hint" aria-hidden="true">
                {item.hint}
              </kbd>
            )}
          </button>
        </Fragment>
      ))}
    </div>,
    document.body,
  );
}
