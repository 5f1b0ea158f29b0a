// The clip menu: right-click on a clip, or the ContextMenu key / Shift+F10 on the active row.
// It acts on the clip, or on the whole selection when the clip is part of it. The desktop app
// shows it as a native menu; browser mode draws it (common/ContextMenu.tsx).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Api, CitationStyle, Clip, DesktopBridge } from '../../../electron/api.ts';
import { ContextMenu, type MenuEntry } from '../common/ContextMenu.tsx';
import { plural } from '../common/format.ts';
import { CitationStyleMenu } from '../citations/CitationStyleMenu.tsx';
import { copyCitations } from '../citations/copy-citation.ts';
import { rememberCitationStyle, storedCitationStyle } from '../citations/citation-style-choice.ts';
import type { ShowToast } from '../common/toasts.tsx';
import { openOriginal, revealOriginal } from '../reader/original-file.ts';
import type { ListRow } from './clip-pager.ts';
import { clipMenuItems, type ClipMenuAction } from './clip-menu.ts';

export interface ClipMenuTarget {
  /** The clips acted on, in list order. */
  ids: number[];
  /** Their rows, as far as the list has them (titles, stars). */
  rows: ListRow[];
}

interface Options {
  api: Api;
  desktop: DesktopBridge | undefined;
  toast: ShowToast;
  onChanged(): void;
  onDelete(ids: number[]): void;
  /** Reads the clips again from their stored originals (`title`: the one clip's). */
  onReextract(ids: number[], title: string | null): void;
  /** The Press review dialog, on these clips (already the selection). */
  onReview(): void;
  /** Puts the keyboard in the tag field of the reader, or of the selection's pane. */
  onTag(): void;
  /** Gives the keyboard back to the list when the menu closes. */
  onClosed(): void;
}

interface Shown {
  target: ClipMenuTarget;
  /** The clip, when the menu is for one. */
  clip: Clip | null;
  allStarred: boolean;
  items: MenuEntry[];
  label: string;
  at: { x: number; y: number };
  keyboard: boolean;
}

/** Copy Citation asks which style, in a small picker where the menu was. */
interface Citing {
  ids: number[];
  at: { x: number; y: number };
}

export function useClipContextMenu(options: Options): {
  show(target: ClipMenuTarget, at: { x: number; y: number }, keyboard: boolean): Promise<void>;
  menu: ReactNode;
} {
  const [shown, setShown] = useState<Shown | null>(null);
  // The menu outlives renders (a native one is open while the window updates): it acts with
  // the latest callbacks, not the ones of the render that opened it.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const seq = useRef(0);
  const [citing, setCiting] = useState<Citing | null>(null);

  const run = useCallback(async (action: ClipMenuAction, s: Pick<Shown, 'target' | 'clip' | 'allStarred' | 'at'>) => {
    const { api, desktop, toast, onChanged, onDelete, onTag, onReextract, onReview } = latest.current;
    const { ids } = s.target;
    try {
      switch (action) {
        case 'open-original':
          if (s.clip) await openOriginal(api, s.clip.id, s.clip.original.name, !!desktop);
          break;
        case 'show-in-folder':
          if (s.clip) await revealOriginal(api, s.clip.id);
          break;
        case 'reextract':
          onReextract(ids, s.clip?.title ?? null);
          break;
        case 'copy-citation':
          // Which style is asked next, where the menu was; the library formats the citations.
          setCiting({ ids, at: s.at });
          break;
        case 'tag':
          onTag();
          break;
        case 'press-review':
          onReview();
          break;
        case 'star':
          await Promise.all(ids.map((id) => api.updateClip({ id, patch: { starred: !s.allStarred } })));
          onChanged();
          break;
        case 'delete':
          onDelete(ids);
          break;
      }
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
    }
  }, []);

  const show = useCallback(
    async (target: ClipMenuTarget, at: { x: number; y: number }, keyboard: boolean) => {
      const n = ++seq.current;
      const { api, desktop, toast } = latest.current;
      let clip: Clip | null = null;
      if (target.ids.length === 1) {
        // Whether its original is there, and its star as stored now.
        try {
          clip = await api.getClip({ id: target.ids[0] });
        } catch (e) {
          toast({ message: (e as Error).message, tone: 'error' });
          return;
        }
      }
      // A later right-click asked for another menu meanwhile.
      if (n !== seq.current) return;
      const allStarred = clip ? clip.starred : target.rows.length === target.ids.length && target.rows.every((r) => r.starred);
      const items = clipMenuItems({ count: target.ids.length, allStarred, originalAvailable: clip?.original.available ?? false, desktop: !!desktop });
      if (desktop) {
        const chosen = await desktop.popupMenu(items.map(({ id, label, enabled, separatorBefore }) => ({ id, label, enabled, separatorBefore })));
        if (chosen) await run(chosen as ClipMenuAction, { target, clip, allStarred, at });
        return;
      }
      const label = clip ? `Actions for ${clip.title}` : `Actions for ${plural(target.ids.length, 'clip')}`;
      setShown({ target, clip, allStarred, items, label, at, keyboard });
    },
    [run],
  );

  const close = useCallback((returnFocus: boolean) => {
    setShown(null);
    if (returnFocus) latest.current.onClosed();
  }, []);

  const cite = useCallback(async (ids: number[], style: CitationStyle) => {
    setCiting(null);
    rememberCitationStyle(style);
    const { api, toast, onClosed } = latest.current;
    onClosed();
    try {
      await copyCitations(api, ids, style, toast);
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
    }
  }, []);

  const picker = citing && (
    <CitationStyleMenu
      current={storedCitationStyle()}
      label={citing.ids.length === 1 ? 'Cite this clip as' : `Cite ${plural(citing.ids.length, 'clip')} as`}
      at={citing.at}
      onChoose={(style) => void cite(citing.ids, style)}
      onClose={() => {
        setCiting(null);
        latest.current.onClosed();
      }}
    />
  );

  const menu = shown && (
    <ContextMenu
      label={shown.label}
      items={shown.items}
      at={shown.at}
      keyboard={shown.keyboard}
      onClose={close}
      onChoose={(id) => {
        close(true);
        void run(id as ClipMenuAction, shown);
      }}
    />
  );
  return {
    show,
    menu: (
      <>
        {menu}
        {picker}
      </>
    ),
  };
}
