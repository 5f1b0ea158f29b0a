// The sidebar: library views, saved searches, tags (colour, count, and their management),
// sources (outlets: rename, merge with undo) and the timeline switch.
import { useRef, useState } from 'react';
import type React from 'react';
import type { OutletCount, SavedSearch, Tag } from '../../../electron/api.ts';
import { TAG_COLOURS } from '../common/colours.ts';
import { Modal } from '../common/Modal.tsx';
import { popoverMenuKeys, usePopoverMenu } from '../common/popover-menu.ts';
import { alsoKnownAs, OutletMenu, OutletMergeDialog, OutletNotices, useOutletActions } from './OutletActions.tsx';

export type View = 'all' | 'starred' | 'recent';

interface Props {
  view: View;
  clipCount: number;
  tags: Tag[];
  /** The outlets, most clips first (listSources). */
  sources: OutletCount[];
  saved: SavedSearch[];
  activeTags: string[];
  activeSource: string | null;
  activeQuery: string;
  timelineOpen: boolean;
  onView(v: View): void;
  onTag(name: string, additive: boolean): void;
  onSource(name: string | null): void;
  onSaved(s: SavedSearch): void;
  onDeleteSaved(s: SavedSearch): void;
  onToggleTimeline(): void;
  onRenameTag(tag: Tag, name: string): void;
  onRecolourTag(tag: Tag, colour: string): void;
  onMergeTags(from: Tag, into: Tag): void;
  onDeleteTag(tag: Tag): void;
  onImport(): void;
  onImportFolder(): void;
  /** Opens the Export dialog (absent while the library is empty). */
  onExport?(): void;
  /** The Press review dialog, on a tag's clips or a saved search's. */
  onReviewTag?(tag: Tag): void;
  onReviewSaved?(saved: SavedSearch): void;
  /** The import progress bar, when an import runs. */
  importing: React.ReactNode;
  /** People, Places and Organisations (EntityFacets), below the sources. */
  entities?: React.ReactNode;
  /** A shared library's sync state (TeamStatus), above the import buttons. */
  team?: React.ReactNode;
}

export function Sidebar(props: Props) {
  const [menuFor, setMenuFor] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [merging, setMerging] = useState<Tag | null>(null);
  const [allSources, setAllSources] = useState(false);
  const outlets = useOutletActions(props.activeSource, props.onSource);
  const noFilter = props.activeTags.length === 0 && !props.activeSource && !props.activeQuery;
  const sources = allSources ? props.sources : props.sources.slice(0, 8);

  return (
    <nav id="sidebar" className="sidebar" aria-label="Library">
      <div className="sidebar-scroll">
        <div className="side-section">
          <SideItem icon="tray" label="All clips" count={props.clipCount} current={props.view === 'all' && noFilter} onClick={() => props.onView('all')} />
          <SideItem icon="star" label="Starred" current={props.view === 'starred'} onClick={() => props.onView('starred')} />
          <SideItem icon="clock" label="Recently imported" current={props.view === 'recent'} onClick={() => props.onView('recent')} />
          <SideItem icon="chart" label="Timeline" current={props.timelineOpen} pressed={props.timelineOpen} onClick={props.onToggleTimeline} />
        </div>

        {props.saved.length > 0 && (
          <div className="side-section">
            <h2 className="side-heading">Saved searches</h2>
            {props.saved.map((s) => (
              <div className="side-row-wrap" key={s.id}>
                <SideItem icon="search" label={s.name} title={s.query} count={s.count} current={props.activeQuery === s.query} onClick={() => props.onSaved(s)} />
                {props.onReviewSaved && (
                  <button type="button" className="row-action row-action-2" aria-label={`Press review of saved search ${s.name}`} title="Press review…" onClick={() => props.onReviewSaved!(s)}>
                    ⎙
                  </button>
                )}
                <button type="button" className="row-action" aria-label={`Delete saved search ${s.name}`} onClick={() => props.onDeleteSaved(s)}>
                  ×
                </button>
              </div>
            ))}
          </div>
        )}

        <div className="side-section">
          <h2 className="side-heading">Tags</h2>
          {props.tags.length === 0 && <p className="side-hint">Tag a clip with T; tags appear here.</p>}
          {props.tags.map((t) =>
            renaming === t.id ? (
              <RenameField
                key={t.id}
                label={`New name for tag ${t.name}`}
                initial={t.name}
                lead={<span className="dot big" style={{ background: t.colour }} />}
                onDone={(name) => {
                  setRenaming(null);
                  if (name && name !== t.name) props.onRenameTag(t, name);
                }}
              />
            ) : (
              <div className="side-row-wrap" key={t.id}>
                <SideItem
                  dot={t.colour}
                  label={t.name}
                  count={t.count}
                  current={props.activeTags.some((a) => a.toLowerCase() === t.name.toLowerCase())}
                  pressed={props.activeTags.some((a) => a.toLowerCase() === t.name.toLowerCase())}
                  title="Click to filter; Ctrl/Cmd-click to combine tags"
                  onClick={(e) => props.onTag(t.name, e.metaKey || e.ctrlKey || e.shiftKey)}
                  onContextMenu={(e) => {
                    e.preventDefault();
                    setMenuFor(t.id);
                  }}
                />
                <button
                  type="button"
                  className={`row-action${menuFor === t.id ? ' open' : ''}`}
                  aria-label={`Tag actions for ${t.name}`}
                  aria-haspopup="menu"
                  aria-expanded={menuFor === t.id}
                  onClick={() => setMenuFor(menuFor === t.id ? null : t.id)}
                >
                  ⋯
                </button>
                {menuFor === t.id && (
                  <TagMenu
                    tag={t}
                    canMerge={props.tags.length > 1}
                    onClose={() => setMenuFor(null)}
                    onRename={() => {
                      setMenuFor(null);
                      setRenaming(t.id);
                    }}
                    onColour={(c) => {
                      setMenuFor(null);
                      props.onRecolourTag(t, c);
                    }}
                    onMerge={() => {
                      setMenuFor(null);
                      setMerging(t);
                    }}
                    onReview={
                      props.onReviewTag &&
                      (() => {
                        setMenuFor(null);
                        props.onReviewTag!(t);
                      })
                    }
                    onDelete={() => {
                      setMenuFor(null);
                      props.onDeleteTag(t);
                    }}
                  />
                )}
              </div>
            ),
          )}
        </div>

        {props.sources.length > 0 && (
          <div className="side-section">
            <h2 className="side-heading">Sources</h2>
            {sources.map((s) =>
              outlets.renaming === s.value ? (
                <RenameField
                  key={s.value}
                  label={`New name for outlet ${s.value}`}
                  initial={s.value}
                  lead={<Icon name="paper" />}
                  onDone={(name) => outlets.finishRename(s, name)}
                />
              ) : (
                <div className="side-row-wrap" key={s.value}>
                  <SideItem
                    icon="paper"
                    label={s.value}
                    count={s.count}
                    title={alsoKnownAs(s)}
                    current={props.activeSource?.toLowerCase() === s.value.toLowerCase()}
                    pressed={props.activeSource?.toLowerCase() === s.value.toLowerCase()}
                    onClick={() => props.onSource(props.activeSource?.toLowerCase() === s.value.toLowerCase() ? null : s.value)}
                    onContextMenu={(e) => {
                      e.preventDefault();
                      outlets.setMenuFor(s.value);
                    }}
                  />
                  <button
                    type="button"
                    className={`row-action${outlets.menuFor === s.value ? ' open' : ''}`}
                    aria-label={`Outlet actions for ${s.value}`}
                    aria-haspopup="menu"
                    aria-expanded={outlets.menuFor === s.value}
                    onClick={() => outlets.setMenuFor(outlets.menuFor === s.value ? null : s.value)}
                  >
                    ⋯
                  </button>
                  {outlets.menuFor === s.value && (
                    <OutletMenu
                      outlet={s}
                      canMerge={props.sources.length > 1}
                      onClose={() => outlets.setMenuFor(null)}
                      onRename={() => outlets.startRename(s)}
                      onMerge={() => outlets.startMerge(s)}
                    />
                  )}
                </div>
              ),
            )}
            {props.sources.length > 8 && (
              <button type="button" className="side-more" onClick={() => setAllSources((a) => !a)}>
                {allSources ? 'Show fewer' : `Show all ${props.sources.length}`}
              </button>
            )}
          </div>
        )}
        {props.entities}
      </div>
      <div className="sidebar-foot">
        {props.team}
        {props.importing}
        <div className="import-buttons">
          <button type="button" className="import-button" onClick={props.onImport} title="Import files (or drop them on the window)">
            <Icon name="plus" /> Import…
          </button>
          <button type="button" className="import-button folder" onClick={props.onImportFolder} title="Import a whole folder">
            Folder…
          </button>
        </div>
        {props.onExport && (
          <button type="button" className="import-button export-button" onClick={props.onExport} title="Export clips as JSON, Markdown, HTML or CSV">
            <Icon name="export" /> Export…
          </button>
        )}
      </div>
      {outlets.merging && (
        <OutletMergeDialog
          outlet={outlets.merging}
          outlets={props.sources.filter((s) => s.value !== outlets.merging!.value)}
          onClose={() => outlets.setMerging(null)}
          onMerge={(into) => outlets.merge(outlets.merging!, into)}
        />
      )}
      <OutletNotices notices={outlets.notices} dismiss={outlets.dismiss} />
      {merging && (
        <MergeDialog
          tag={merging}
          tags={props.tags.filter((t) => t.id !== merging.id)}
          onClose={() => setMerging(null)}
          onMerge={(into) => {
            setMerging(null);
            props.onMergeTags(merging, into);
          }}
        />
      )}
    </nav>
  );
}

function SideItem(props: {
  label: string;
  icon?: IconName;
  dot?: string;
  count?: number;
  current?: boolean;
  pressed?: boolean;
  title?: string;
  onClick(e: React.MouseEvent): void;
  onContextMenu?(e: React.MouseEvent): void;
}) {
  return (
    <button
      type="button"
      className={`side-item${props.current ? ' current' : ''}`}
      aria-current={props.current && props.pressed === undefined ? 'page' : undefined}
      aria-pressed={props.pressed}
      title={props.title}
      onClick={props.onClick}
      onContextMenu={props.onContextMenu}
    >
      {props.dot ? <span className="dot big" style={{ background: props.dot }} /> : props.icon ? <Icon name={props.icon} /> : null}
      <span className="side-label">{props.label}</span>
      {props.count !== undefined && <span className="side-count">{props.count.toLocaleString()}</span>}
    </button>
  );
}

/** A name edited in place (a tag's, an outlet's): Enter or leaving the field keeps it, Escape cancels. */
function RenameField({ label, initial, lead, onDone }: { label: string; initial: string; lead: React.ReactNode; onDone(name: string | null): void }) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (v: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(v);
  };
  return (
    <div className="side-item editing">
      {lead}
      <input
        autoFocus
        className="rename-input"
        aria-label={label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={() => finish(value.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') finish(value.trim());
          if (e.key === 'Escape') {
            e.stopPropagation();
            finish(null);
          }
        }}
      />
    </div>
  );
}

function TagMenu(props: {
  tag: Tag;
  canMerge: boolean;
  onClose(): void;
  onRename(): void;
  onColour(c: string): void;
  onMerge(): void;
  onReview?(): void;
  onDelete(): void;
}) {
  const { onClose } = props;
  const ref = usePopoverMenu(onClose);
  return (
    <div
      ref={ref}
      className="popover tag-menu"
      role="menu"
      aria-label={`Tag ${props.tag.name}`}
      onKeyDown={popoverMenuKeys(onClose)}
    >
      <button type="button" role="menuitem" className="menu-item" onClick={props.onRename}>
        Rename…
      </button>
      <div className="swatches" role="group" aria-label="Colour">
        {TAG_COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            role="menuitemradio"
            aria-checked={c.toLowerCase() === props.tag.colour.toLowerCase()}
            aria-label={`Colour ${c}`}
            className={`swatch${c.toLowerCase() === props.tag.colour.toLowerCase() ? ' on' : ''}`}
            style={{ background: c }}
            onClick={() => props.onColour(c)}
          />
        ))}
      </div>
      <button type="button" role="menuitem" className="menu-item" disabled={!props.canMerge} onClick={props.onMerge}>
        Merge into…
      </button>
      {props.onReview && (
        <button type="button" role="menuitem" className="menu-item" onClick={props.onReview}>
          Press review…
        </button>
      )}
      <div className="menu-sep" />
      <button type="button" role="menuitem" className="menu-item danger" onClick={props.onDelete}>
        Delete tag
      </button>
    </div>
  );
}

function MergeDialog({ tag, tags, onClose, onMerge }: { tag: Tag; tags: Tag[]; onClose(): void; onMerge(into: Tag): void }) {
  const [into, setInto] = useState<number>(tags[0]?.id ?? 0);
  const target = tags.find((t) => t.id === into);
  return (
    <Modal title={`Merge “${tag.name}”`} onClose={onClose}>
      <p className="modal-text">
        Every clip tagged “{tag.name}” gets the tag you choose, and “{tag.name}” goes away.
      </p>
      <label className="field">
        <span>Merge into</span>
        <select value={into} onChange={(e) => setInto(Number(e.target.value))}>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn primary" disabled={!target} onClick={() => target && onMerge(target)}>
          Merge
        </button>
      </div>
    </Modal>
  );
}

type IconName = 'tray' | 'star' | 'clock' | 'chart' | 'search' | 'paper' | 'plus' | 'export';

export function Icon({ name }: { name: IconName }) {
  const paths: Record<IconName, string> = {
    tray: 'M2.5 9.5h3l1 2h3l1-2h3M2.5 9.5l1.6-5.2a1 1 0 0 1 1-.8h5.8a1 1 0 0 1 1 .8l1.6 5.2v3a1 1 0 0 1-1 1h-12a1 1 0 0 1-1-1z',
    star: 'M8 2.2l1.8 3.7 4 .6-2.9 2.8.7 4-3.6-1.9-3.6 1.9.7-4L2.2 6.5l4-.6z',
    clock: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3.2l2.2 1.3',
    chart: 'M2.5 13.5h11M4 11.5v-3M7 11.5v-7M10 11.5v-5M13 11.5v-2',
    search: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM10.3 10.3l3.2 3.2',
    paper: 'M4 2.5h6l2.5 2.5v8.5H4zM6 7h4.5M6 9.5h4.5M6 12h3',
    plus: 'M8 3v10M3 8h10',
    export: 'M8 10V2.5M5.2 5.3 8 2.5l2.8 2.8M3 9v3.5a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V9',
  };
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
