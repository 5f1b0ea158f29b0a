// The pop-over that asks which style to cite in: APA, Chicago or MLA, the last one chosen
// marked and focused first, so Enter repeats it. Arrow keys, Home/End and a letter move; Escape
// closes. Under the reader's button, or at a point (after the clip menu) in a fixed layer.
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { CITATION_STYLES, type CitationStyle } from '../../../electron/api.ts';
import { popoverMenuKeys, usePopoverMenu } from '../common/popover-menu.ts';
import { STYLE_DETAILS, STYLE_LABELS } from './copy-citation.ts';

interface Props {
  current: CitationStyle;
  /** "Cite 3 clips as" */
  label: string;
  onChoose(style: CitationStyle): void;
  onClose(): void;
  /** A point in the window (the clip menu's place); without it, under its anchor. */
  at?: { x: number; y: number };
}

export function CitationStyleMenu({ current, label, onChoose, onClose, at }: Props) {
  const ref = usePopoverMenu(onClose, { focusFirst: false });
  // The remembered style has the focus, so Enter copies it again.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(`[data-style="${current}"]`)?.focus();
  }, [ref, current]);
  const menu = (
    <div
      ref={ref}
      className={`popover citation-menu${at ? ' at-point' : ''}`}
      role="menu"
      aria-label={label}
      tabIndex={-1}
      style={at ? { left: Math.min(at.x, window.innerWidth - 240), top: Math.min(at.y, window.innerHeight - 150) } : undefined}
      onKeyDown={popoverMenuKeys(onClose)}
    >
      <div className="popover-note">{label}</div>
      {CITATION_STYLES.map((style) => (
        <button
          key={style}
          type="button"
          role="menuitemradio"
          aria-checked={style === current}
          className="menu-item"
          data-style={style}
          onClick={() => onChoose(style)}
          onMouseEnter={(e) => e.currentTarget.focus()}
        >
          <span className="citation-check" aria-hidden="true">{style === current ? '✓' : ''}</span>
          <span className="citation-name">{STYLE_LABELS[style]}</span>
          {/* A space, so the item is read "APA 7th edition", not "APA7th edition". */}{' '}
          <span className="citation-detail">{STYLE_DETAILS[style]}</span>
        </button>
      ))}
    </div>
  );
  return at ? createPortal(menu, document.body) : menu;
}
