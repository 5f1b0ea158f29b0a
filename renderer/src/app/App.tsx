// The window: sidebar, clip list (with search, filters and the timeline) and the reader.
// Holds what the user is looking at; the library itself is reached only through the Api.
import { useCallback, useRef, useState } from 'react';
import { getBridge } from '../api/bridge.ts';
import { ToastStack, useToasts } from '../common/toasts.tsx';
import { useStoredFlag } from '../common/use-stored-flag.ts';
import type { ExportScope } from '../export/export-choices.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { shownResults } from '../export/shown-results.ts';
import { FilePickers } from '../import/FilePickers.tsx';
import { DropOverlay, EmptyLibrary, ImportSummarySheet } from '../import/ImportViews.tsx';
import type { ListRow } from '../list/clip-pager.ts';
import { ClipList, type ClipListHandle } from '../list/ClipList.tsx';
import { ListHead } from '../list/ListHead.tsx';
import { parseListKey } from '../list/list-key.ts';
import { useClipList } from '../list/use-clip-list.ts';
import { useDeleteUndo } from '../list/use-delete-undo.ts';
import { useListQuery } from '../list/use-list-query.ts';
import { useSelection } from '../list/use-selection.ts';
import { ConfirmReextractAll, LibraryActionsButton, ReextractSummarySheet } from '../reextract/ReextractViews.tsx';
import { BulkPane } from '../reader/BulkPane.tsx';
import { Reader } from '../reader/Reader.tsx';
import { ReviewDialog, type ReviewPreset } from '../review/ReviewDialog.tsx';
import { SaveSearchDialog } from '../search/SaveSearchDialog.tsx';
import { SearchBar } from '../search/SearchBar.tsx';
import { EntityFacets } from '../sidebar/EntityFacets.tsx';
import { Sidebar } from '../sidebar/Sidebar.tsx';
import { useTagActions } from '../sidebar/use-tag-actions.ts';
import { TeamLibraryDialog } from '../team/TeamLibraryDialog.tsx';
import { TeamStatus } from '../team/TeamStatus.tsx';
import { useTeamLibrary } from '../team/use-team-library.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { JobBars } from './JobBars.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { SiteRulesDialog } from './SiteRulesDialog.tsx';
import { SidebarToggle } from './SidebarToggle.tsx';
import { useClipMenu } from './use-clip-menu.ts';
import { useImports } from './use-imports.ts';
import { useLibraryMeta } from './use-library-meta.ts';
import { useLibraryRefresh } from './use-library-refresh.ts';
import { useReextraction } from './use-reextraction.ts';
import { useShellCommands } from './use-shell-commands.ts';
import { useWindowKeys } from './use-window-keys.ts';

export function App() {
  const bridge = getBridge();
  const api = bridge.api;
  const { toasts, show, dismiss } = useToasts();
  const toastError = useCallback((message: string) => show({ message, tone: 'error' }), [show]);

  const { info, tags, sources, saved, loadMeta } = useLibraryMeta(api, toastError);
  const query = useListQuery();
  const { search, q, filterTags, period } = query;

  const [reading, setReading] = useState(false);
  const [timelineOpen, setTimelineOpen] = useState(false);
  const [savingSearch, setSavingSearch] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [siteRulesOpen, setSiteRulesOpen] = useState(false);
  const [teamOpen, setTeamOpen] = useState(false);
  const [exporting, setExporting] = useState<{ scope?: ExportScope } | null>(null);
  const [reviewing, setReviewing] = useState<{ scope?: 'selection'; preset?: ReviewPreset } | null>(null);
  const [sidebarHidden, setSidebarHidden] = useStoredFlag('cuttings.sidebarHidden', false);
  const listRef = useRef<ClipListHandle>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);

  const { shown, meta, facets, facetsPartial, reload } = useClipList(api, query.key);
  const sel = useSelection(shown, listRef);
  const { selection, selectedIds, openId } = sel;
  const { revision, refresh } = useLibraryRefresh(bridge, reload, loadMeta);
  const { importer, dragging, pickers, chooseImport } = useImports(bridge, { show, toastError, refresh });
  const deleteClips = useDeleteUndo({ api, shown, selection: sel, refresh, show, toastError });
  const team = useTeamLibrary(bridge, revision);
  const tagActions = useTagActions({ api, setFilterTags: query.setFilterTags, refresh, show, toastError });

  const focusTagInput = () => {
    if (!tagInputRef.current) return false;
    tagInputRef.current.focus();
    return true;
  };

  const clipCount = info?.clipCount ?? 0;
  const reextraction = useReextraction(bridge, { clipCount, refresh, show, toastError });
  const { reextract, reextractLibrary } = reextraction;
  /** The Press review dialog (File menu, Ctrl/Cmd+Shift+P, the selection, a tag's or saved search's menu). */
  const openReview = (preset: { scope?: 'selection'; preset?: ReviewPreset } = {}) =>
    clipCount ? setReviewing(preset) : show({ message: 'The library has no clips for a press review yet.' });
  const clipMenu = useClipMenu({
    api,
    desktop: bridge.desktop,
    show,
    refresh,
    shown,
    selection: sel,
    listRef,
    deleteClips,
    reextract: (ids, title) => void reextract.start({ ids, single: title ?? undefined }),
    review: () => openReview({ scope: 'selection' }),
    focusTagInput,
  });

  const toggleSidebar = () => {
    // The keyboard must not be left in a sidebar that is going away.
    if (!sidebarHidden && document.activeElement?.closest('.sidebar')) listRef.current?.focus();
    setSidebarHidden((h) => !h);
  };
  useShellCommands(bridge.desktop, {
    toggleSidebar,
    showShortcuts: () => setShortcutsOpen(true),
    showSiteRules: () => setSiteRulesOpen(true),
    showTeamLibrary: () => setTeamOpen(true),
    focusSearch: () => search.focus(),
    openExport: () => (info?.clipCount ? setExporting({}) : show({ message: 'The library has no clips to export yet.' })),
    openReview: () => openReview(),
    reextractLibrary,
    notify: (message, error) => show({ message, tone: error ? 'error' : 'info' }),
  });
  useWindowKeys({ search, listRef, shown, selection: sel, reading, setReading, deleteClips, focusTagInput, openClipMenuFromKeyboard: clipMenu.openFromKeyboard });

  const empty = info !== null && info.clipCount === 0 && !importer.view && !q;
  const total = shown.total;
  // The list is named for what it shows: until a new query answers, that is the previous one.
  const shownQuery = parseListKey(shown.key).q;
  const listLabel = shownQuery ? `Search results for ${shownQuery}` : 'Clips';
  const chips = query.chips;
  const jobBars = (
    <JobBars importView={importer.view} onCancelImport={importer.cancel} reextractView={reextract.view} onCancelReextract={() => void reextract.cancel()} />
  );

  return (
    <div className={`app${reading ? ' reading-mode' : ''}${sidebarHidden ? ' sidebar-hidden' : ''}`}>
      <Sidebar
        view={query.view}
        clipCount={clipCount}
        tags={tags}
        sources={sources}
        saved={saved}
        activeTags={filterTags}
        activeSource={query.source}
        activeQuery={q}
        timelineOpen={timelineOpen}
        onView={query.chooseView}
        onTag={query.toggleTag}
        onSource={query.setSource}
        onSaved={(s) => search.set(s.query)}
        onDeleteSaved={(s) => tagActions.libraryAction(() => api.deleteSavedSearch({ id: s.id }))}
        onToggleTimeline={() => setTimelineOpen((o) => !o)}
        onRenameTag={tagActions.renameTag}
        onRecolourTag={tagActions.recolourTag}
        onMergeTags={tagActions.mergeTags}
        onDeleteTag={tagActions.deleteTag}
        onImport={() => chooseImport('files')}
        onImportFolder={() => chooseImport('folder')}
        onExport={info?.clipCount ? () => setExporting({}) : undefined}
        onReviewTag={(t) => openReview({ preset: { query: `tag:"${t.name.replace(/"/g, '')}"`, label: `Tag: ${t.name}`, count: t.count } })}
        onReviewSaved={(s) => openReview({ preset: { query: s.query, label: `Saved search: ${s.name}`, count: s.count } })}
        importing={!sidebarHidden && (importer.view || reextract.view) ? jobBars : null}
        team={<TeamStatus link={team.link} onOpen={() => setTeamOpen(true)} />}
        entities={<EntityFacets facets={q ? facets : null} query={q} revision={revision} onQuery={search.set} onPeriod={query.setPeriod} />}
      />
      {/* With the sidebar hidden, an import still shows its progress (and its Cancel). */}
      {(importer.view || reextract.view) && sidebarHidden && <div className="floating-import">{jobBars}</div>}

      {empty ? (
        <main className="empty-main" aria-label="Getting started">
          <div className="empty-main-toolbar">
            <SidebarToggle hidden={sidebarHidden} onToggle={toggleSidebar} />
          </div>
          <EmptyLibrary onSamples={importer.loadSamples} onImport={() => chooseImport('files')} onJoinTeam={() => setTeamOpen(true)} busy={!!importer.view} />
        </main>
      ) : (
        <>
          <main className="list-column" aria-label="Clip list">
            <SearchBar
              leading={<SidebarToggle hidden={sidebarHidden} onToggle={toggleSidebar} />}
              search={search}
              onSave={() => setSavingSearch(true)}
              chips={chips}
              facets={query.facetChips(facets)}
              facetsPartial={facetsPartial}
              showingResultsFor={meta?.showingResultsFor ?? null}
              prefixFor={meta?.prefixFor ?? null}
              corrections={meta?.corrections ?? []}
            />
            {timelineOpen && <Timeline api={api} q={q} tags={filterTags} revision={revision} period={period} onPeriod={query.setPeriod} />}
            <ListHead
              total={shown.clips === null ? null : shown.clips - shown.folded}
              q={q}
              sort={query.sort}
              onSort={query.setSort}
              stories={{ collapsed: query.collapseStories, folded: shown.folded, onToggle: () => query.setCollapseStories((c) => !c) }}
            >
              {/* The desktop app has these in its File menu. */}
              {!bridge.desktop && <LibraryActionsButton onReextractAll={reextractLibrary} onSiteRules={() => setSiteRulesOpen(true)} onTeamLibrary={() => setTeamOpen(true)} disabled={!!reextract.view} />}
            </ListHead>
            <ClipList
              ref={listRef}
              pager={shown}
              selection={selection}
              activeIndex={sel.active}
              label={listLabel}
              emptyText={q ? `No clips match “${q}”.` : chips.length ? 'No clips match these filters.' : 'No clips here yet.'}
              onRowMouseDown={sel.onRowMouseDown}
              onRowDoubleClick={(i, row) => {
                sel.openRow(i, row);
                setReading(true);
              }}
              onRowContextMenu={(i, row, e) => {
                e.preventDefault();
                clipMenu.open(i, row, { x: e.clientX, y: e.clientY }, false);
              }}
              onKeyDown={() => undefined}
            />
          </main>
          <section className="reader-column" aria-label="Reading pane">
            {sel.multi ? (
              <BulkPane
                ref={tagInputRef}
                api={api}
                ids={selectedIds}
                rows={selectedIds.map((id) => shown.row(shown.indexOfId(id))).filter((r): r is ListRow => !!r)}
                allTags={tags}
                onChanged={refresh}
                onDelete={() => deleteClips(selectedIds)}
                onExport={() => setExporting({ scope: 'selection' })}
                onReview={() => openReview({ scope: 'selection' })}
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
                  sel.showClip(id);
                  sel.setActive(shown.indexOfId(id));
                }}
                onDelete={deleteClips}
                onToggleReading={() => setReading((r) => !r)}
                onShowSiteRules={() => setSiteRulesOpen(true)}
                shared={!!team.link}
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
            sel.showClip(id);
          }}
        />
      )}
      {reextraction.confirming && (
        <ConfirmReextractAll
          clipCount={clipCount}
          onClose={() => reextraction.setConfirming(false)}
          onConfirm={() => {
            reextraction.setConfirming(false);
            void reextract.start({ all: true });
          }}
        />
      )}
      {reextraction.summary && (
        <ReextractSummarySheet
          summary={reextraction.summary}
          onClose={() => reextraction.setSummary(null)}
          onShow={(id) => {
            reextraction.setSummary(null);
            sel.showClip(id);
          }}
        />
      )}
      {savingSearch && (
        <SaveSearchDialog
          query={q}
          onClose={() => setSavingSearch(false)}
          onSave={(name) => {
            setSavingSearch(false);
            void tagActions.libraryAction(() => api.saveSearch({ name, query: q }));
          }}
        />
      )}
      {shortcutsOpen && <ShortcutsDialog desktop={!!bridge.desktop} onClose={() => setShortcutsOpen(false)} />}
      {siteRulesOpen && <SiteRulesDialog api={api} revision={revision} toast={show} onChanged={refresh} onClose={() => setSiteRulesOpen(false)} />}
      {teamOpen && (
        <TeamLibraryDialog api={api} link={team.link} toast={show} onLink={team.setLink} onChanged={refresh} onClose={() => setTeamOpen(false)} />
      )}
      {exporting && (
        <ExportDialog
          bridge={bridge}
          selection={selectedIds}
          results={shownResults(api, shown, chips.map((c) => c.label))}
          libraryCount={clipCount}
          initialScope={exporting.scope}
          toast={show}
          onClose={() => setExporting(null)}
        />
      )}
      {reviewing && (
        <ReviewDialog
          bridge={bridge}
          selection={selectedIds}
          results={shownResults(api, shown, chips.map((c) => c.label))}
          preset={reviewing.preset ?? null}
          libraryCount={clipCount}
          initialScope={reviewing.scope}
          toast={show}
          onClose={() => setReviewing(null)}
        />
      )}
      {clipMenu.menu}
      <ToastStack toasts={toasts} dismiss={dismiss} />
    </div>
  );
}
