// A clip's highlights in the reader: loaded with the clip, made from the person's selection in
// the article frame (mouse: the bar over the selection; keyboard: H, or Shift+H with a note),
// edited, and deleted with an Undo.
import { useCallback, useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLOURS, type Api, type Highlight, type HighlightColour } from '../../../electron/api.ts';
import { dialogOpen, isTyping } from '../common/keys.ts';
import type { ShowToast } from '../common/toasts.tsx';
import { selectionQuote, type SelectedQuote } from './highlight-marks.ts';

export interface PendingSelection {
  quote: SelectedQuote;
  /** Where the selection is on screen, in the window's coordinates. */
  rect: { left: number; top: number; bottom: number; width: number };
}

const LAST_COLOUR_KEY = 'cuttings.highlightColour';

function lastColour(): HighlightColour {
  const stored = localStorage.getItem(LAST_COLOUR_KEY);
  return HIGHLIGHT_COLOURS.find((c) => c === stored) ?? 'yellow';
}

export function useHighlights(api: Api, clipId: number, bodyLength: number, toast: ShowToast, onChanged: () => void) {
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  /** A highlight whose note is being written (just made with "with a note", or opened from the panel). */
  const [noting, setNoting] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const n = ++seq.current;
    try {
      const list = await api.listHighlights({ clipId });
      if (n === seq.current) setHighlights(list);
    } catch {
      // The clip itself failing to load says why; an empty list here says nothing wrong.
      if (n === seq.current) setHighlights([]);
    }
  }, [api, clipId]);

  useEffect(() => {
    setSelection(null);
    setNoting(null);
    setActive(null);
    void reload();
  }, [reload]);

  const frameDoc = () => frame.current?.contentDocument ?? null;

  /** Reads the selection in the frame (after a mouse-up or a key in it). */
  const readSelection = useCallback(() => {
    const doc = frameDoc();
    const el = frame.current;
    if (!doc || !el) return setSelection(null);
    const quote = selectionQuote(doc);
    const range = quote ? doc.getSelection()!.getRangeAt(0).getBoundingClientRect() : null;
    if (!quote || !range) return setSelection(null);
    const box = el.getBoundingClientRect();
    setSelection({ quote, rect: { left: box.left + range.left, top: box.top + range.top, bottom: box.top + range.bottom, width: range.width } });
  }, []);

  const create = useCallback(
    async (colour: HighlightColour = lastColour(), withNote = false) => {
      const doc = frameDoc();
      const quote = (doc && selectionQuote(doc)) ?? selection?.quote;
      if (!quote) {
        toast({ message: 'Select some words of the article first, then press H to highlight them.' });
        return;
      }
      try {
        const made = await api.addHighlight({
          clipId, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, near: Math.round(quote.at * bodyLength), colour,
        });
        localStorage.setItem(LAST_COLOUR_KEY, colour);
        doc?.getSelection()?.removeAllRanges();
        setSelection(null);
        await reload();
        setActive(made.id);
        if (withNote) setNoting(made.id);
        onChanged();
      } catch (e) {
        toast({ message: (e as Error).message, tone: 'error' });
      }
    },
    [api, clipId, bodyLength, selection, toast, reload, onChanged],
  );

  const update = useCallback(
    async (id: number, patch: { colour?: HighlightColour; note?: string; private?: boolean }) => {
      try {
        await api.updateHighlight({ id, ...patch });
        if (patch.colour) localStorage.setItem(LAST_COLOUR_KEY, patch.colour);
        await reload();
        onChanged();
      } catch (e) {
        toast({ message: (e as Error).message, tone: 'error' });
      }
    },
    [api, toast, reload, onChanged],
  );

  const remove = useCallback(
    async (id: number) => {
      try {
        const { deleted } = await api.deleteHighlight({ id });
        await reload();
        onChanged();
        toast({
          message: 'Highlight deleted.',
          action: {
            label: 'Undo',
            run: async () => {
              await api.addHighlight({
                clipId: deleted.clipId, exact: deleted.quote.exact, prefix: deleted.quote.prefix, suffix: deleted.quote.suffix,
                near: deleted.position?.start, colour: deleted.colour, note: deleted.note,
              });
              await reload();
              onChanged();
            },
          },
        });
      } catch (e) {
        toast({ message: (e as Error).message, tone: 'error' });
      }
    },
    [api, toast, reload, onChanged],
  );

  /** Scrolls the article to a highlight and flashes it. */
  const reveal = useCallback((id: number) => {
    setActive(id);
    const doc = frameDoc();
    const marks = doc ? Array.from(doc.querySelectorAll<HTMLElement>(`mark[data-hl="${id}"]`)) : [];
    if (!marks.length) return false;
    marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const m of marks) {
      m.classList.remove('hl-flash');
      void m.offsetWidth;
      m.classList.add('hl-flash');
    }
    return true;
  }, []);

  // H (or Shift+H, to write a note) highlights the selection, from the window or the frame.
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if ((e.key !== 'h' && e.key !== 'H') || e.metaKey || e.ctrlKey || e.altKey) return;
      if (isTyping(e.target) || dialogOpen()) return;
      const doc = frameDoc();
      if (!doc || !selectionQuote(doc)) return;
      e.preventDefault();
      void create(lastColour(), e.shiftKey);
    },
    [create],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  /** The frame's document is new at each load: listen to it for selections, keys and clicks on marks. */
  const onFrameLoad = useCallback(() => {
    const doc = frameDoc();
    if (!doc) return;
    doc.addEventListener('mouseup', () => window.setTimeout(readSelection, 0));
    doc.addEventListener('keyup', (e) => e.shiftKey && readSelection());
    doc.addEventListener('keydown', onKey);
    doc.addEventListener('selectionchange', () => {
      if (doc.getSelection()?.isCollapsed) setSelection(null);
    });
    doc.addEventListener('click', (e) => {
      const mark = (e.target as Element | null)?.closest?.('mark[data-hl]');
      if (mark) setActive(Number(mark.getAttribute('data-hl')));
    });
    // Scrolling the article moves the selection away from the bar: hide it.
    doc.addEventListener('scroll', () => setSelection(null));
  }, [readSelection, onKey]);

  return { highlights, selection, noting, setNoting, active, setActive, frame, onFrameLoad, create, update, remove, reveal, readSelection };
}
