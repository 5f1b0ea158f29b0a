// The window: sidebar, clip list (with search, filters and the timeline) and the reader.
// Holds what the user is looking at; the library itself is reached only through the Api.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { FacetCount, LibraryInfo, ListClipsArgs, Period, SavedSearch, SearchResult, SortOrder, Tag } from '../../../electron/api.ts';
import { getBridge } from '../api/bridge.ts';
import { periodLabel, plural } from '../common/format.ts';
import { dialogOpen, IS_MAC, isTyping } from '../common/keys.ts';
import { Modal } from '../common/Modal.tsx';
import { ToastStack, useToasts } from '../common/toasts.tsx';
import { useStoredFlag } from '../common/use-stored-flag.ts';
import type { ExportScope } from '../export/export-choices.ts';
import { ExportDialog, type ExportResults } from '../export/ExportDialog.tsx';
import { collectIds } from '../export/result-ids.ts';
import { FilePickers, type FilePickersHandle } from '../import/FilePickers.tsx';
import { DropOverlay, EmptyLibrary, ImportBar, ImportSummarySheet } from '../import/ImportViews.tsx';
import { useImporter } from '../import/use-importer.ts';
import { useWindowDrop } from '../import/use-window-drop.ts';
import { ClipPager, type ListRow } from '../list/clip-pager.ts';
import { ClipList, type ClipListHandle } from '../list/ClipList.tsx';
import { rowFromHit, rowFromSummary } from '../list/rows.ts';
import { useClipContextMenu } from '../list/use-clip-context-menu.tsx';
import { ConfirmReextractAll, LibraryActionsButton, ReextractBar, ReextractSummarySheet, singleNote } from '../reextract/ReextractViews.tsx';
import { useReextract, type ReextractRun } from '../reextract/use-reextract.ts';
import { BulkPane } from '../reader/BulkPane.tsx';
import { Reader } from '../reader/Reader.tsx';
import { SearchBar } from '../search/SearchBar.tsx';
import { Sidebar, type View } from '../sidebar/Sidebar.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { useSearchInput } from '../search/use-search-input.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { SiteRulesDialog } from './SiteRulesDialog.tsx';
import { SidebarToggle } from './SidebarToggle.tsx';
import { useShellCommands } from './use-shell-commands.ts';

const SORTS: { value: SortOrder; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'imported', label: 'Recently imported' },
  { value: 'title', label: 'Title' },
];

/** The question the list asks, back from its key (JSON drops the filters left unset). */
function parseListKey(key: string): Omit<ListClipsArgs, 'limit' | 'offset'> & { q: string; sort: SortOrder; asYouType: boolean } {
  return JSON.parse(key) as ReturnType<typeof parseListKey>;
}

export function App() {
  const bridge = getBridge();
  const api = bridge.api;
  const { toasts, show, dismiss } = useToasts();
  const toastError = useCallback((message: string) => show({ message, tone: 'error' }), [show]);

  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [sources, setSources] = useState<FacetCount[]>([]);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [revision, setRevision] = useState(0);

  const [view, setView] = useState<View>('all');
  const [filterTags, setFilterTags] = useState<string[]>([]);
  const [source, setSource] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period | null>(null);
  const search = useSearchInput();
  const q = search.query;
  const [listSort, setListSort] = useState<SortOrder>('newest');
  const [searchSort, setSearchSort] = useState<SortOrder>('relevance');
  const sort = q ? searchSort : listSort;

  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = useState(-1);
  const anchor = useRef(-1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [reading, setReading] = useState(false);
  const [timelineOpen, setTimelineOpen] = useState(false);
  const [searchMeta, setSearchMeta] = useState<{ key: string; result: SearchResult } | null>(null);
  const [savingSearch, setSavingSearch] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [siteRulesOpen, setSiteRulesOpen] = useState(false);
  const [exporting, setExporting] = useState<{ scope?: ExportScope } | null>(null);
  const [sidebarHidden, setSidebarHidden] = useStoredFlag('cuttings.sidebarHidden', false);

  const listRef = useRef<ClipListHandle>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const pickers = useRef<FilePickersHandle>(null);

  const importer = useImporter(bridge, toastError);
  const dragging = useWindowDrop(importer.importDrop);
  /** Import… and Folder…: the native dialog in the desktop app, the browser's file picker otherwise. */
  const chooseImport = (kind: 'files' | 'folder') => {
    if (bridge.desktop) void importer.chooseAndImport(kind);
    else pickers.current?.open(kind);
  };

  // ---- the library's lists -------------------------------------------------------------
  const loadMeta = useCallback(async () => {
    const [i, t, s, ss] = await Promise.all([
      api.libraryInfo({}),
      api.listTags({}),
      api.listSources({}),
      api.listSavedSearches({}).catch(() => [] as SavedSearch[]),
    ]);
    setInfo(i);
    setTags(t);
    setSources(s);
    setSaved(ss);
  }, [api]);

  useEffect(() => {
    loadMeta().catch((e: Error) => toastError(e.message));
  }, [loadMeta, toastError]);

  // ---- the list --------------------------------------------------------------------------
  const listArgs = useMemo(
    () => ({
      tags: filterTags.length ? filterTags : undefined,
      source: source ?? undefined,
      starred: view === 'starred' ? true : undefined,
      importedWithinDays: view === 'recent' ? 7 : undefined,
      from: period?.from,
      to: period?.to,
      undated: period?.undated ? true : undefined,
    }),
    [filterTags, source, view, period],
  );
  const asYouType = search.typing;
  // The key is the whole question the list asks; a pager and the facets are made from it
  // (parsed back, which also drops the unset filters), so each answers exactly one question.
  const key = JSON.stringify({ q, sort, asYouType, ...listArgs });
  const pager = useMemo(() => {
    const { q: text, sort: order, asYouType: typing, ...filters } = parseListKey(key);
    return new ClipPager(key, async (offset, limit) => {
      if (text) {
        // Facets describe the whole result: asked for with the first page only, and not
        // while a word is being typed (they cost as much as the search; see the effect below).
        const r = await api.search({ ...filters, q: text, sort: order, limit, offset, asYouType: typing, facets: offset === 0 && !typing });
        if (offset === 0) setSearchMeta({ key, result: r });
        return { total: r.total, rows: r.hits.map(rowFromHit) };
      }
      const p = await api.listClips({ ...filters, sort: order, limit, offset });
      return { total: p.total, rows: p.clips.map(rowFromSummary) };
    });
  }, [api, key]);
  // Until the new query answers, the previous results stay on screen (no flash while typing).
  const [shown, setShown] = useState<ClipPager>(pager);
  useEffect(() => {
    if (pager.loaded) {
      setShown(pager);
      return;
    }
    return pager.subscribe(() => pager.loaded && setShown(pager));
  }, [pager]);
  // Run when other results come on screen, not when the selection changes.
  const onShown = useEffectEvent((list: ClipPager) => {
    setActive(openId !== null ? list.indexOfId(openId) : -1);
    // A new filter or search hides some selected clips: the selection keeps only what the
    // list still shows, so "3 clips selected" never acts on clips the user cannot see.
    if (selection.size > 1) {
      const kept = [...selection].filter((id) => list.indexOfId(id) >= 0);
      if (kept.length !== selection.size) {
        setSelection(new Set(kept));
        if (kept.length === 1) setOpenId(kept[0]);
      }
    }
  });
  useEffect(() => onShown(shown), [shown]);

  const meta = searchMeta && searchMeta.key === shown.key ? searchMeta.result : null;

  // While typing, the results come without facets; once the typing pauses, the facets of
  // what is on screen are asked for on their own (limit 0: facets and total, no rows).
  const [typedFacets, setTypedFacets] = useState<{ key: string; facets: SearchResult['facets']; partial: boolean } | null>(null);
  useEffect(() => {
    const { q: text, sort: order, asYouType: typing, ...filters } = parseListKey(key);
    if (!text || !typing) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.search({ ...filters, q: text, sort: order, limit: 0, offset: 0, asYouType: typing, facets: true }).then(
        (r) => live && setTypedFacets({ key, facets: r.facets, partial: r.facetsPartial ?? false }),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, key]);
  const facets = meta && asYouType ? (typedFacets?.key === shown.key ? typedFacets.facets : null) : (meta?.facets ?? null);
  // Above ~10,000 matches the library counts a sample of them (see electron/search/facets.ts).
  const facetsPartial = meta && asYouType ? (typedFacets?.key === shown.key && typedFacets.partial) : (meta?.facetsPartial ?? false);

  // ---- refreshing after changes ----------------------------------------------------------
  const refreshTimer = useRef<number | null>(null);
  const pagersRef = useRef({ pager, shown });
  pagersRef.current = { pager, shown };
  const refresh = useCallback(() => {
    if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => {
      refreshTimer.current = null;
      const { pager: p, shown: s } = pagersRef.current;
      p.refresh();
      if (s !== p) s.refresh();
      setRevision((r) => r + 1);
      loadMeta().catch(() => undefined);
    }, 60);
  }, [loadMeta]);
  useEffect(() => bridge.on('library-changed', refresh), [bridge, refresh]);

  // ---- selection -------------------------------------------------------------------------
  const selectRange = useCallback(
    (from: number, to: number, keep: boolean) => {
      const lo = Math.min(from, to);
      const hi = Math.max(from, to);
      const p = shown;
      void p.ensure(lo, hi + 1).then(() => {
        const ids = p.loadedIds(lo, hi + 1);
        setSelection((sel) => new Set([...(keep ? sel : []), ...ids]));
      });
    },
    [shown],
  );

  const openRow = useCallback((index: number, row: ListRow) => {
    anchor.current = index;
    setActive(index);
    setSelection(new Set([row.id]));
    setOpenId(row.id);
  }, []);

  const onRowMouseDown = (index: number, row: ListRow, e: ReactMouseEvent) => {
    // On a Mac, Ctrl-click is a right-click: the context menu, not a change of selection.
    if (e.button !== 0 || (IS_MAC && e.ctrlKey && !e.metaKey)) return;
    if (e.shiftKey && anchor.current >= 0) {
      e.preventDefault();
      setActive(index);
      selectRange(anchor.current, index, e.metaKey || e.ctrlKey);
    } else if (e.metaKey || e.ctrlKey) {
      anchor.current = index;
      setActive(index);
      setSelection((sel) => {
        const next = new Set(sel);
        if (next.has(row.id)) next.delete(row.id);
        else next.add(row.id);
        return next;
      });
    } else openRow(index, row);
  };

  const moveTo = (to: number, extend: boolean) => {
    const total = shown.total ?? 0;
    if (!total) return;
    const i = Math.max(0, Math.min(total - 1, to));
    setActive(i);
    listRef.current?.scrollToIndex(i);
    const p = shown;
    void p.ensure(i, i + 1).then(() => {
      const row = p.row(i);
      if (!row) return;
      if (extend && anchor.current >= 0) selectRange(anchor.current, i, false);
      else openRow(i, row);
    });
  };

  const selectedIds = useMemo(() => [...selection], [selection]);
  const multi = selection.size > 1;

  // ---- actions ---------------------------------------------------------------------------
  const deleteClips = useCallback(
    async (ids: number[]) => {
      if (ids.length === 0) return;
      try {
        const positions = ids.map((id) => shown.indexOfId(id)).filter((i) => i >= 0);
        const first = positions.length ? Math.min(...positions) : active;
        const gone = new Set(ids);
        let nextRow: ListRow | undefined;
        for (let i = Math.max(...positions, first) + 1; i < (shown.total ?? 0) && !nextRow; i++) {
          const r = shown.row(i);
          if (!r) break;
          if (!gone.has(r.id)) nextRow = r;
        }
        for (let i = first - 1; i >= 0 && !nextRow; i--) {
          const r = shown.row(i);
          if (r && !gone.has(r.id)) nextRow = r;
        }
        const r = await api.deleteClips({ ids });
        setSelection(new Set(nextRow ? [nextRow.id] : []));
        setOpenId(nextRow?.id ?? null);
        setActive(nextRow ? Math.max(0, first) : -1);
        anchor.current = first;
        refresh();
        show({
          message: `Deleted ${plural(r.deleted, 'clip')}.`,
          action: {
            label: 'Undo',
            run: async () => {
              try {
                const u = await api.undoDelete({ undoToken: r.undoToken });
                if (ids.length === 1) {
                  setOpenId(ids[0]);
                  setSelection(new Set(ids));
                }
                refresh();
                show({ message: `Restored ${plural(u.restored, 'clip')}.` });
              } catch (e) {
                toastError((e as Error).message);
              }
            },
          },
        });
      } catch (e) {
        toastError((e as Error).message);
      }
    },
    [api, shown, active, refresh, show, toastError],
  );

  const deleteTag = async (tag: Tag) => {
    try {
      const r = await api.deleteTag({ id: tag.id });
      setFilterTags((ts) => ts.filter((t) => t.toLowerCase() !== tag.name.toLowerCase()));
      refresh();
      show({
        message: `Deleted tag “${r.name}”${r.clipIds.length ? ` from ${plural(r.clipIds.length, 'clip')}` : ''}.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await api.createTag({ name: r.name, colour: r.colour });
              if (r.clipIds.length) await api.tagClips({ ids: r.clipIds, tags: [r.name] });
              refresh();
            } catch (e) {
              toastError((e as Error).message);
            }
          },
        },
      });
    } catch (e) {
      toastError((e as Error).message);
    }
  };

  const tagAction = async (f: () => Promise<unknown>) => {
    try {
      await f();
      refresh();
    } catch (e) {
      toastError((e as Error).message);
    }
  };

  const clearFilters = () => {
    setFilterTags([]);
    setSource(null);
    setPeriod(null);
    search.clear();
  };

  const focusTagInput = () => {
    if (!tagInputRef.current) return false;
    tagInputRef.current.focus();
    return true;
  };

  // ---- re-extraction ---------------------------------------------------------------------
  const [reextractSummary, setReextractSummary] = useState<ReextractRun['summary'] | null>(null);
  const [confirmingReextract, setConfirmingReextract] = useState(false);
  const reextract = useReextract(bridge, {
    onError: toastError,
    onFinished: ({ single, summary }) => {
      refresh();
      if (single === null) return setReextractSummary(summary);
      const note = singleNote(single, summary);
      show({ message: note.message, tone: note.error ? 'error' : 'info' });
    },
  });
  const reextractLibrary = () => (info?.clipCount ? setConfirmingReextract(true) : show({ message: 'The library has no clips to re-extract yet.' }));

  // ---- the clip menu ---------------------------------------------------------------------
  const clipMenu = useClipContextMenu({
    api,
    desktop: bridge.desktop,
    toast: show,
    onChanged: refresh,
    onDelete: (ids) => void deleteClips(ids),
    onReextract: (ids, title) => void reextract.start({ ids, single: title ?? undefined }),
    // The reader of a clip just selected may still be loading: its tag field comes a little later.
    onTag: () => {
      const until = performance.now() + 2000;
      const attempt = () => focusTagInput() || (performance.now() < until && requestAnimationFrame(attempt));
      requestAnimationFrame(attempt);
    },
    onClosed: () => listRef.current?.focus(),
  });

  /** The menu acts on the selection when the clip is part of it; otherwise on the clip, selected first. */
  const openClipMenu = (index: number, row: ListRow, at: { x: number; y: number }, keyboard: boolean) => {
    const inSelection = selection.has(row.id);
    if (!inSelection) openRow(index, row);
    const position = (id: number) => {
      const i = shown.indexOfId(id);
      return i < 0 ? Infinity : i;
    };
    const ids = inSelection ? [...selection].sort((a, b) => position(a) - position(b)) : [row.id];
    const rows = ids.map((id) => shown.row(shown.indexOfId(id))).filter((r): r is ListRow => !!r);
    void clipMenu.show({ ids, rows }, at, keyboard);
  };

  /** ContextMenu key or Shift+F10: the menu of the active row, drawn at the row. */
  const openClipMenuFromKeyboard = async () => {
    const index = active;
    const row = index >= 0 ? shown.row(index) : undefined;
    const at = row && (await listRef.current?.menuPoint(index));
    if (row && at) openClipMenu(index, row, at, true);
  };

  // ---- the sidebar, the shortcuts, the application menu -----------------------------------
  const toggleSidebar = () => {
    // The keyboard must not be left in a sidebar that is going away.
    if (!sidebarHidden && document.activeElement?.closest('.sidebar')) listRef.current?.focus();
    setSidebarHidden((h) => !h);
  };
  useShellCommands(bridge.desktop, {
    toggleSidebar,
    showShortcuts: () => setShortcutsOpen(true),
    showSiteRules: () => setSiteRulesOpen(true),
    focusSearch: () => search.focus(),
    openExport: () => (info?.clipCount ? setExporting({}) : show({ message: 'The library has no clips to export yet.' })),
    reextractLibrary,
    notify: (message, error) => show({ message, tone: error ? 'error' : 'info' }),
  });

  // ---- keyboard --------------------------------------------------------------------------
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (e: KeyboardEvent) => {
    const mod = e.metaKey || e.ctrlKey;
    if ((mod && e.key.toLowerCase() === 'f') || (e.key === '/' && !isTyping(e.target) && !mod)) {
      e.preventDefault();
      search.focus();
      return;
    }
    if (dialogOpen()) return;
    if (isTyping(e.target)) return;
    if (e.altKey) return;
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      void openClipMenuFromKeyboard();
      return;
    }
    const page = listRef.current?.visibleRows() ?? 10;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        moveTo(active < 0 ? 0 : active + 1, e.shiftKey);
        break;
      case 'ArrowUp':
        e.preventDefault();
        moveTo(active < 0 ? 0 : active - 1, e.shiftKey);
        break;
      case 'PageDown':
        e.preventDefault();
        moveTo(active + page, e.shiftKey);
        break;
      case 'PageUp':
        e.preventDefault();
        moveTo(active - page, e.shiftKey);
        break;
      case 'Home':
        e.preventDefault();
        moveTo(0, e.shiftKey);
        break;
      case 'End':
        e.preventDefault();
        moveTo((shown.total ?? 1) - 1, e.shiftKey);
        break;
      case 'Enter': {
        // Enter on a focused button or link presses it (the list's More button, the sidebar's).
        if (e.target instanceof HTMLElement && e.target.closest('button, a[href]')) break;
        const row = active >= 0 ? shown.row(active) : undefined;
        if (row && row.id !== openId) openRow(active, row);
        else if (openId !== null) setReading((r) => !r);
        e.preventDefault();
        break;
      }
      case 'Delete':
      case 'Backspace':
        if (selectedIds.length) {
          e.preventDefault();
          void deleteClips(selectedIds);
        }
        break;
      case 'Escape':
        if (reading) setReading(false);
        else if (search.input) search.clear();
        break;
      case 't':
      case 'T':
        if (!mod && focusTagInput()) e.preventDefault();
        break;
      case 'a':
        if (mod) {
          e.preventDefault();
          selectRange(0, Math.min((shown.total ?? 0) - 1, 9_999), false);
        }
        break;
      default:
    }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const onImportSummary = useEffectEvent((summary: typeof importer.summary) => {
    if (summary?.samples) {
      show({ message: `Loaded ${plural(summary.added, 'sample clipping')}.` });
      importer.dismissSummary();
    }
    if (summary) refresh();
  });
  useEffect(() => onImportSummary(importer.summary), [importer.summary]);

  // ---- rendering -------------------------------------------------------------------------
  const empty = info !== null && info.clipCount === 0 && !importer.view && !q;
  const total = shown.total;
  // The list is named for what it shows: until a new query answers, that is the previous one.
  const shownQuery = (JSON.parse(shown.key) as { q?: string }).q ?? '';
  const listLabel = shownQuery ? `Search results for ${shownQuery}` : 'Clips';

  const chips: { label: string; remove(): void }[] = [];
  if (view === 'starred') chips.push({ label: 'Starred', remove: () => setView('all') });
  if (view === 'recent') chips.push({ label: 'Imported this week', remove: () => setView('all') });
  for (const t of filterTags) chips.push({ label: `Tag: ${t}`, remove: () => setFilterTags((ts) => ts.filter((x) => x !== t)) });
  if (source) chips.push({ label: `Source: ${source}`, remove: () => setSource(null) });
  if (period?.undated) chips.push({ label: 'Undated', remove: () => setPeriod(null) });
  else if (period?.from)
    chips.push({
      label: period.to && period.to !== period.from ? `${periodLabel(period.from)} – ${periodLabel(period.to)}` : periodLabel(period.from),
      remove: () => setPeriod(null),
    });

  // "The clips in the list", for the Export dialog: what is on screen, as its query when the
  // query alone says it, otherwise as the ids the list's own calls return.
  const exportResults = ((): ExportResults | null => {
    const shownArgs = JSON.parse(shown.key) as typeof listArgs & { q?: string; sort?: SortOrder; asYouType?: boolean };
    const { q: shownQ = '', sort: shownSort, asYouType: _typing, ...filters } = shownArgs;
    const narrowedBy = Object.values(filters).some((v) => v !== undefined && v !== null);
    if ((!shownQ && !narrowedBy) || shown.total === null) return null;
    return {
      total: shown.total,
      description: [shownQ ? `“${shownQ}”` : '', ...chips.map((c) => c.label)].filter(Boolean).join(' · '),
      resolve: async () => {
        if (!narrowedBy) return { query: shownQ };
        const ids = await collectIds(async (offset, limit) => {
          if (shownQ) {
            const r = await api.search({ ...filters, q: shownQ, sort: shownSort, limit, offset, facets: false });
            return { total: r.total, ids: r.hits.map((h) => h.id) };
          }
          const p = await api.listClips({ ...filters, sort: shownSort, limit, offset });
          return { total: p.total, ids: p.clips.map((c) => c.id) };
        });
        return { ids };
      },
    };
  })();

  const facetChips: { label: string; count: number; apply(): void }[] = [];
  if (facets) {
    for (const f of facets.tags.slice(0, 4))
      if (!filterTags.some((t) => t.toLowerCase() === f.value.toLowerCase()))
        facetChips.push({ label: `#${f.value}`, count: f.count, apply: () => setFilterTags((ts) => [...ts, f.value]) });
    for (const f of facets.sources.slice(0, 4))
      if (source?.toLowerCase() !== f.value.toLowerCase()) facetChips.push({ label: f.value, count: f.count, apply: () => setSource(f.value) });
    for (const f of facets.years.slice(0, 4)) facetChips.push({ label: f.value, count: f.count, apply: () => setPeriod({ from: f.value, to: f.value }) });
  }

  return (
    <div className={`app${reading ? ' reading-mode' : ''}${sidebarHidden ? ' sidebar-hidden' : ''}`}>
      <Sidebar
        view={view}
        clipCount={info?.clipCount ?? 0}
        tags={tags}
        sources={sources}
        saved={saved}
        activeTags={filterTags}
        activeSource={source}
        activeQuery={q}
        timelineOpen={timelineOpen}
        onView={(v) => {
          setView(v);
          if (v === 'all') clearFilters();
          if (v === 'recent') setListSort('imported');
          else if (listSort === 'imported') setListSort('newest');
        }}
        onTag={(name, additive) => {
          setFilterTags((ts) => {
            const has = ts.some((t) => t.toLowerCase() === name.toLowerCase());
            if (additive) return has ? ts.filter((t) => t.toLowerCase() !== name.toLowerCase()) : [...ts, name];
            return has && ts.length === 1 ? [] : [name];
          });
        }}
        onSource={setSource}
        onSaved={(s) => search.set(s.query)}
        onDeleteSaved={(s) => tagAction(() => api.deleteSavedSearch({ id: s.id }))}
        onToggleTimeline={() => setTimelineOpen((o) => !o)}
        onRenameTag={(t, name) => {
          setFilterTags((ts) => ts.map((x) => (x.toLowerCase() === t.name.toLowerCase() ? name : x)));
          void tagAction(() => api.renameTag({ id: t.id, name }));
        }}
        onRecolourTag={(t, colour) => tagAction(() => api.recolourTag({ id: t.id, colour }))}
        onMergeTags={(from, into) => {
          setFilterTags((ts) => ts.filter((x) => x.toLowerCase() !== from.name.toLowerCase()));
          void tagAction(async () => {
            await api.mergeTags({ from: [from.id], into: into.id });
            show({ message: `Merged “${from.name}” into “${into.name}”.` });
          });
        }}
        onDeleteTag={deleteTag}
        onImport={() => chooseImport('files')}
        onImportFolder={() => chooseImport('folder')}
        onExport={info?.clipCount ? () => setExporting({}) : undefined}
        importing={
          !sidebarHidden && (importer.view || reextract.view) ? (
            <>
              {importer.view && <ImportBar view={importer.view} onCancel={importer.cancel} />}
              {reextract.view && <ReextractBar view={reextract.view} onCancel={() => void reextract.cancel()} />}
            </>
          ) : null
        }
      />
      {/* With the sidebar hidden, an import still shows its progress (and its Cancel). */}
      {(importer.view || reextract.view) && sidebarHidden && (
        <div className="floating-import">
          {importer.view && <ImportBar view={importer.view} onCancel={importer.cancel} />}
          {reextract.view && <ReextractBar view={reextract.view} onCancel={() => void reextract.cancel()} />}
        </div>
      )}

      {empty ? (
        <main className="empty-main" aria-label="Getting started">
          <div className="empty-main-toolbar">
            <SidebarToggle hidden={sidebarHidden} onToggle={toggleSidebar} />
          </div>
          <EmptyLibrary onSamples={importer.loadSamples} onImport={() => chooseImport('files')} busy={!!importer.view} />
        </main>
      ) : (
        <>
          <main className="list-column" aria-label="Clip list">
            <SearchBar
              leading={<SidebarToggle hidden={sidebarHidden} onToggle={toggleSidebar} />}
              search={search}
              onSave={() => setSavingSearch(true)}
              chips={chips}
              facets={facetChips}
              facetsPartial={facetsPartial}
              showingResultsFor={meta?.showingResultsFor ?? null}
              prefixFor={meta?.prefixFor ?? null}
              corrections={meta?.corrections ?? []}
            />
            {timelineOpen && <Timeline api={api} q={q} tags={filterTags} revision={revision} period={period} onPeriod={setPeriod} />}
            <div className="list-head">
              <span className="list-count" aria-live="polite">
                {total === null ? '' : q ? plural(total, 'result') : plural(total, 'clip')}
              </span>
              <label className="sort">
                <span className="visually-hidden">Sort by</span>
                <select
                  value={sort}
                  aria-label="Sort by"
                  onChange={(e) => (q ? setSearchSort : setListSort)(e.target.value as SortOrder)}
                >
                  {SORTS.filter((s) => q || s.value !== 'relevance').map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
              {/* The desktop app has these in its File menu. */}
              {!bridge.desktop && <LibraryActionsButton onReextractAll={reextractLibrary} onSiteRules={() => setSiteRulesOpen(true)} disabled={!!reextract.view} />}
            </div>
            <ClipList
              ref={listRef}
              pager={shown}
              selection={selection}
              activeIndex={active}
              label={listLabel}
              emptyText={q ? `No clips match “${q}”.` : chips.length ? 'No clips match these filters.' : 'No clips here yet.'}
              onRowMouseDown={onRowMouseDown}
              onRowDoubleClick={(i, row) => {
                openRow(i, row);
                setReading(true);
              }}
              onRowContextMenu={(i, row, e) => {
                e.preventDefault();
                openClipMenu(i, row, { x: e.clientX, y: e.clientY }, false);
              }}
              onKeyDown={() => undefined}
            />
          </main>
          <section className="reader-column" aria-label="Reading pane">
            {multi ? (
              <BulkPane
                ref={tagInputRef}
                api={api}
                ids={selectedIds}
                rows={selectedIds.map((id) => shown.row(shown.indexOfId(id))).filter((r): r is ListRow => !!r)}
                allTags={tags}
                onChanged={refresh}
                onDelete={() => deleteClips(selectedIds)}
                onExport={() => setExporting({ scope: 'selection' })}
                onShowSiteRules={() => setSiteRulesOpen(true)}
                toast={show}
              />
            ) : openId !== null ? (
              <Reader
                ref={tagInputRef}
                api={api}
                clipId={openId}
                revision={revision}
                allTags={tags}
                reading={reading}
                desktop={!!bridge.desktop}
                toast={show}
                onChanged={refresh}
                onOpenClip={(id) => {
                  setOpenId(id);
                  setSelection(new Set([id]));
                  setActive(shown.indexOfId(id));
                }}
                onDelete={deleteClips}
                onToggleReading={() => setReading((r) => !r)}
                onShowSiteRules={() => setSiteRulesOpen(true)}
              />
            ) : (
              <div className="reader-empty">
                <div className="reader-empty-inner">
                  <div className="reader-empty-title">No clip selected</div>
                  <div className="reader-empty-sub">
                    {total ? 'Choose a clip to read it. ↑ ↓ move, / searches, T tags, ? lists every shortcut.' : ''}
                  </div>
                </div>
              </div>
            )}
          </section>
        </>
      )}

      {!bridge.desktop && <FilePickers ref={pickers} onPick={(files) => void importer.importFiles(files)} />}

      {dragging && <DropOverlay />}
      {importer.summary && !importer.summary.samples && (
        <ImportSummarySheet
          summary={importer.summary}
          onClose={importer.dismissSummary}
          onShow={(id) => {
            importer.dismissSummary();
            setOpenId(id);
            setSelection(new Set([id]));
          }}
        />
      )}
      {confirmingReextract && (
        <ConfirmReextractAll
          clipCount={info?.clipCount ?? 0}
          onClose={() => setConfirmingReextract(false)}
          onConfirm={() => {
            setConfirmingReextract(false);
            void reextract.start({ all: true });
          }}
        />
      )}
      {reextractSummary && (
        <ReextractSummarySheet
          summary={reextractSummary}
          onClose={() => setReextractSummary(null)}
          onShow={(id) => {
            setReextractSummary(null);
            setOpenId(id);
            setSelection(new Set([id]));
          }}
        />
      )}
      {savingSearch && (
        <SaveSearchDialog
          query={q}
          onClose={() => setSavingSearch(false)}
          onSave={(name) => {
            setSavingSearch(false);
            void tagAction(() => api.saveSearch({ name, query: q }));
          }}
        />
      )}
      {shortcutsOpen && <ShortcutsDialog desktop={!!bridge.desktop} onClose={() => setShortcutsOpen(false)} />}
      {siteRulesOpen && <SiteRulesDialog api={api} revision={revision} toast={show} onChanged={refresh} onClose={() => setSiteRulesOpen(false)} />}
      {exporting && (
        <ExportDialog
          bridge={bridge}
          selection={selectedIds}
          results={exportResults}
          libraryCount={info?.clipCount ?? 0}
          initialScope={exporting.scope}
          toast={show}
          onClose={() => setExporting(null)}
        />
      )}
      {clipMenu.menu}
      <ToastStack toasts={toasts} dismiss={dismiss} />
    </div>
  );
}

function SaveSearchDialog({ query, onClose, onSave }: { query: string; onClose(): void; onSave(name: string): void }) {
  const [name, setName] = useState(query);
  return (
    <Modal title="Save search" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name.trim());
        }}
      >
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="modal-text subtle">Query: {query}</p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
