// The highlight bar over a selection in the article, and the clip's panel of highlights.
import { useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLOURS, type Highlight, type HighlightColour } from '../../../electron/api.ts';
import type { PendingSelection } from './use-highlights.ts';

const COLOUR_NAMES: Record<HighlightColour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };

/** Floats above the selected words: a swatch per colour, and "with a note". */
export function HighlightBar({ selection, onHighlight }: { selection: PendingSelection; onHighlight(colour: HighlightColour, withNote: boolean): void }) {
  const above = selection.rect.top > 60;
  const style = {
    left: Math.max(8, Math.min(window.innerWidth - 280, selection.rect.left + selection.rect.width / 2 - 130)),
    top: above ? selection.rect.top - 44 : selection.rect.bottom + 8,
  };
  return (
    <div className="highlight-bar" role="toolbar" aria-label="Highlight the selected words" style={style} onMouseDown={(e) => e.preventDefault()}>
      {HIGHLIGHT_COLOURS.map((c) => (
        <button key={c} type="button" className={`swatch hl-${c}`} aria-label={`Highlight in ${COLOUR_NAMES[c].toLowerCase()}`} title={`Highlight in ${COLOUR_NAMES[c].toLowerCase()} (H)`} onClick={() => onHighlight(c, false)} />
      ))}
      <button type="button" className="highlight-bar-note" title="Highlight and write a note (Shift+H)" onClick={() => onHighlight('yellow', true)}>
        + Note
      </button>
    </div>
  );
}

interface PanelProps {
  highlights: Highlight[];
  placed: Set<number>;
  active: number | null;
  noting: number | null;
  onReveal(id: number): void;
  onNote(id: number | null): void;
  onUpdate(id: number, patch: { colour?: HighlightColour; note?: string; private?: boolean }): void;
  onDelete(id: number): void;
  onClose(): void;
  /** A team library: each highlight is shared with the team or kept private. */
  shared: boolean;
}

/** The clip's highlights in text order: click one to scroll the article to it. */
export function HighlightsPanel(props: PanelProps) {
  const { highlights, active } = props;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (active === null) return;
    list.current?.querySelector<HTMLElement>(`[data-highlight="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const detached = highlights.filter((h) => !h.position).length;
  return (
    <aside className="highlights-panel" aria-label="Highlights">
      <div className="highlights-head">
        <h2>Highlights</h2>
        <span className="highlights-count">{highlights.length}</span>
        <button type="button" className="icon-button" aria-label="Close highlights" title="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      {highlights.length === 0 ? (
        <p className="highlights-empty">Select words in the article and press <kbd>H</kbd> to highlight them, or <kbd>Shift</kbd>+<kbd>H</kbd> to add a note.</p>
      ) : (
        <ol ref={list} className="highlights-list">
          {highlights.map((h) => (
            <HighlightItem key={h.id} h={h} placed={props.placed.has(h.id)} isActive={active === h.id} isNoting={props.noting === h.id} shared={props.shared} actions={props} />
          ))}
        </ol>
      )}
      {detached > 0 && (
        <p className="highlights-footnote">
          {detached === 1 ? 'One highlight is' : `${detached} highlights are`} detached: the clip&rsquo;s text no longer holds the words. They are kept here.
        </p>
      )}
    </aside>
  );
}

interface ItemProps {
  h: Highlight;
  placed: boolean;
  isActive: boolean;
  isNoting: boolean;
  shared: boolean;
  actions: Pick<PanelProps, 'onReveal' | 'onNote' | 'onUpdate' | 'onDelete'>;
}

function HighlightItem({ h, placed, isActive: active, isNoting: noting, shared, actions: props }: ItemProps) {
  const [note, setNote] = useState(h.note);
  useEffect(() => setNote(h.note), [h.note]);
  const saveNote = () => {
    props.onNote(null);
    if (note.trim() !== h.note) props.onUpdate(h.id, { note });
  };
  const quote = h.quote.exact.length > 400 ? `${h.quote.exact.slice(0, 400).trimEnd()}…` : h.quote.exact;
  return (
    <li className={`highlight-item${active ? ' active' : ''}${h.position ? '' : ' detached'}`} data-highlight={h.id}>
      <button
        type="button"
        className={`highlight-quote hl-edge-${h.colour}`}
        onClick={() => props.onReveal(h.id)}
        title={placed ? 'Show in the article' : h.position ? 'Not shown in this rendering of the article' : 'Detached: the words are no longer in the text'}
        aria-label={`Highlight: ${h.quote.exact.slice(0, 120)}${h.position ? '' : ' (detached)'}`}
      >
        {quote}
      </button>
      {!h.position && <span className="detached-badge">Detached</span>}
      {noting ? (
        <textarea
          className="highlight-note-field"
          aria-label="Note on this highlight"
          placeholder="Write a note…"
          autoFocus
          value={note}
          rows={3}
          onChange={(e) => setNote(e.target.value)}
          onBlur={saveNote}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setNote(h.note);
              props.onNote(null);
            } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) saveNote();
          }}
        />
      ) : (
        h.note && <p className="highlight-note">{h.note}</p>
      )}
      <div className="highlight-actions">
        {HIGHLIGHT_COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch small hl-${c}${c === h.colour ? ' on' : ''}`}
            aria-label={`Colour: ${COLOUR_NAMES[c].toLowerCase()}`}
            aria-pressed={c === h.colour}
            onClick={() => c !== h.colour && props.onUpdate(h.id, { colour: c })}
          />
        ))}
        <span className="toolbar-gap" />
        {(shared || h.private) && (
          <button
            type="button"
            className="link-button highlight-privacy"
            aria-pressed={h.private}
            title={h.private ? 'Only you see this highlight. Click to share it with the team.' : 'The team sees this highlight. Click to keep it to yourself.'}
            onClick={() => props.onUpdate(h.id, { private: !h.private })}
          >
            {h.private ? 'Private' : 'Shared'}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => props.onNote(h.id)}>
          {h.note ? 'Edit note' : 'Add note'}
        </button>
        <button type="button" className="link-button danger" aria-label="Delete highlight" onClick={() => props.onDelete(h.id)}>
          Delete
        </button>
      </div>
    </li>
  );
}
