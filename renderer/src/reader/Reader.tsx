// The reader: the clip's header (outlet, title, byline, dates), its tags, note and actions,
// and the article itself in a sandboxed iframe that can run nothing and load nothing; beside it,
// the clip's highlights (see highlight-marks.ts for how they reach the frame without a script).
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Api, Clip, Tag } from '../../../electron/api.ts';
import { formatDate, formatDateTime, hostOf, plural } from '../common/format.ts';
import { articleDocument, sanitizeArticle, type ArticleLink } from '../common/sanitize.ts';
import type { ShowToast } from '../common/toasts.tsx';
import { CitationStyleMenu } from '../citations/CitationStyleMenu.tsx';
import { copyCitations } from '../citations/copy-citation.ts';
import { rememberCitationStyle, storedCitationStyle } from '../citations/citation-style-choice.ts';
import { openOriginal } from './original-file.ts';
import { TagEditor } from './TagEditor.tsx';
import { popoverMenuKeys, usePopoverMenu } from '../common/popover-menu.ts';
import { dialogOpen, isTyping } from '../common/keys.ts';
import type { CitationStyle, ClipPatch } from '../../../electron/api.ts';
import { announceEdit, fieldName } from './record-edit-notices.ts';
import { RecordEditor } from './RecordEditor.tsx';
import { HighlightBar, HighlightsPanel } from './Highlights.tsx';
import { applyHighlights } from './highlight-marks.ts';
import { useHighlights } from './use-highlights.ts';
import './highlights.css';
import { StoryVersions, type Comparison } from '../stories/StoryVersions.tsx';
import { VersionDiffView } from '../stories/VersionDiffView.tsx';
import { ClipHistory } from './ClipHistory.tsx';

interface Props {
  api: Api;
  clipId: number;
  revision: number;
  allTags: Tag[];
  reading: boolean;
  /** The desktop app: originals open in the system's apps instead of downloading. */
  desktop: boolean;
  toast: ShowToast;
  onChanged(): void;
  onOpenClip(id: number): void;
  onDelete(ids: number[]): void;
  onToggleReading(): void;
  /** Opens the list of corrections remembered per site. */
  onShowSiteRules(): void;
  /** The library is shared with a team: highlights can be kept private. */
  shared?: boolean;
}

export const Reader = forwardRef<HTMLInputElement, Props>(function Reader(props, tagInputRef) {
  const { api, clipId, revision } = props;
  const [clip, setClip] = useState<Clip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const [linksOpen, setLinksOpen] = useState(false);
  const [citeOpen, setCiteOpen] = useState(false);
  const [comparing, setComparing] = useState<Comparison | null>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  // Only the latest request may update the reader: a slow answer never overwrites a newer one.
  const seq = useRef(0);
  const load = useCallback(
    async (id: number) => {
      const n = ++seq.current;
      try {
        const c = await api.getClip({ id });
        if (n !== seq.current) return;
        setClip(c);
        setError(null);
      } catch (e) {
        if (n === seq.current) setError((e as Error).message);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(clipId);
  }, [load, clipId, revision]);

  useEffect(() => {
    setNoteOpen(false);
    setLinksOpen(false);
    setComparing(null);
    setEditing(false);
  }, [clipId]);

  // E edits the record (when no field or dialog has the keyboard).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'e' && e.key !== 'E') return;
      if (e.metaKey || e.ctrlKey || e.altKey || e.shiftKey || isTyping(e.target) || dialogOpen()) return;
      e.preventDefault();
      setEditing(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (clip && clip.id === clipId) document.title = `${clip.title} — Cuttings`;
    return () => {
      document.title = 'Cuttings';
    };
  }, [clip, clipId]);

  const safe = useMemo(() => (clip ? sanitizeArticle(clip.bodyHtml, clip.bodyText) : null), [clip]);
  const srcDoc = useMemo(
    () => (clip && safe ? articleDocument(safe, standfirstToShow(clip), clip.captions, 'system') : ''),
    [clip, safe],
  );

  const [panelOpen, setPanelOpen] = useState(false);
  const hl = useHighlights(api, clipId, clip?.id === clipId ? clip.bodyText.length : 0, props.toast, props.onChanged);
  const [placed, setPlaced] = useState<Set<number>>(new Set());
  const [frameLoads, setFrameLoads] = useState(0);
  // The marks follow the list into the frame's live document (its scroll position stays).
  useEffect(() => {
    const article = hl.frame.current?.contentDocument?.querySelector('article');
    if (!article || !clip) return;
    setPlaced(applyHighlights(article, hl.highlights, clip.bodyText.length));
  }, [hl.highlights, hl.frame, clip, frameLoads]);
  useEffect(() => setPanelOpen(false), [clipId]);
  const endComparing = useCallback(() => setComparing(null), []);
  const { highlights, setNoting } = hl;
  useEffect(() => {
    if (hl.noting !== null) setPanelOpen(true);
  }, [hl.noting]);

  if (error && (!clip || clip.id !== clipId)) return <div className="reader-empty">{error}</div>;
  if (!clip || !safe) return <div className="reader-empty" aria-busy="true" />;

  const refresh = async () => {
    await load(clip.id);
    props.onChanged();
  };
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      await refresh();
    } catch (e) {
      props.toast({ message: (e as Error).message, tone: 'error' });
    }
  };

  const openLink = async (url: string) => {
    setLinksOpen(false);
    try {
      const r = await api.openExternal({ url });
      if (!r.opened) window.open(url, '_blank', 'noopener,noreferrer');
    } catch (e) {
      props.toast({ message: (e as Error).message, tone: 'error' });
    }
  };

  const showOriginal = async () => {
    try {
      await openOriginal(api, clip.id, clip.original.name, props.desktop);
    } catch (e) {
      props.toast({ message: (e as Error).message, tone: 'error' });
    }
  };

  // The library formats the citation (citeproc-js); the style chosen is remembered for next time.
  const copyCitation = async (style: CitationStyle) => {
    setCiteOpen(false);
    rememberCitationStyle(style);
    try {
      await copyCitations(api, [clip.id], style, props.toast);
    } catch (e) {
      props.toast({ message: (e as Error).message, tone: 'error' });
    }
  };

  const stopEditing = () => {
    setEditing(false);
    // The keyboard goes back where editing began.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const saveRecord = async (patch: ClipPatch, typed: { source: string }): Promise<string | null> => {
    try {
      const saved = await api.updateClip({ id: clip.id, patch });
      setClip(saved);
      stopEditing();
      props.onChanged();
      const fields = (Object.keys(patch) as (keyof ClipPatch)[]).filter((f) => f !== 'note' && f !== 'starred') as Parameters<typeof fieldName>[0][];
      const title = saved.title.length > 64 ? `${saved.title.slice(0, 62).trimEnd()}…` : saved.title;
      announceEdit(saved.edit, `Saved your correction of the ${joinWords(fields.map(fieldName))} of “${title}”.`, {
        api,
        toast: props.toast,
        onChanged: () => void refresh(),
        onShowRules: props.onShowSiteRules,
        typedOutlet: patch.source !== undefined ? typed.source : undefined,
      });
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };

  return (
    <article className={`reader${props.reading ? ' reading' : ''}`} aria-label="Reader">
      <div className="reader-toolbar" role="toolbar" aria-label="Clip actions">
        <button
          type="button"
          className={`tool star${clip.starred ? ' on' : ''}`}
          aria-pressed={clip.starred}
          aria-label={clip.starred ? 'Unstar' : 'Star'}
          title={clip.starred ? 'Unstar' : 'Star'}
          onClick={() => run(() => api.updateClip({ id: clip.id, patch: { starred: !clip.starred } }))}
        >
          <span aria-hidden="true">{clip.starred ? '★' : '☆'}</span>
        </button>
        <button type="button" className={`tool${noteOpen || clip.note ? ' on-soft' : ''}`} aria-expanded={noteOpen} onClick={() => setNoteOpen((o) => !o)} title="Note">
          Note
        </button>
        <button
          type="button"
          className={`tool${panelOpen ? ' on-soft' : ''}`}
          aria-expanded={panelOpen}
          aria-controls="highlights-panel"
          onClick={() => setPanelOpen((o) => !o)}
          title="The passages you highlighted (select words and press H)"
        >
          Highlights{highlights.length ? ` ${highlights.length}` : ''}
        </button>
        <div className="popover-anchor">
          <button
            type="button"
            className="tool"
            aria-haspopup="menu"
            aria-expanded={linksOpen}
            disabled={safe.links.length === 0}
            onClick={() => setLinksOpen((o) => !o)}
            title="Links in this article open in your browser"
          >
            Links{safe.links.length ? ` ${safe.links.length}` : ''}
          </button>
          {linksOpen && <LinkMenu links={safe.links} onOpen={openLink} onClose={() => setLinksOpen(false)} />}
        </div>
        <button
          ref={editButton}
          type="button"
          className={`tool${editing ? ' on-soft' : ''}`}
          aria-pressed={editing}
          onClick={() => (editing ? stopEditing() : setEditing(true))}
          title="Correct the headline, outlet, author, date or link (E)"
        >
          Edit
        </button>
        <span className="toolbar-gap" />
        <div className="popover-anchor">
          <button
            type="button"
            className="tool"
            aria-haspopup="menu"
            aria-expanded={citeOpen}
            onClick={() => setCiteOpen((o) => !o)}
            title="Copy a citation for this clip: APA, Chicago or MLA"
          >
            Copy citation
          </button>
          {citeOpen && (
            <CitationStyleMenu current={storedCitationStyle()} label="Cite this clip as" onChoose={(s) => void copyCitation(s)} onClose={() => setCiteOpen(false)} />
          )}
        </div>
        <button type="button" className="tool" onClick={showOriginal} disabled={!clip.original.available} title={clip.original.name ?? 'Original file'}>
          Open original
        </button>
        <button type="button" className="tool" onClick={props.onToggleReading} aria-pressed={props.reading} title="Focus on the article (Enter)">
          {props.reading ? 'Exit focus' : 'Focus'}
        </button>
        <button type="button" className="tool danger" onClick={() => props.onDelete([clip.id])} title="Delete (Delete key)">
          Delete
        </button>
      </div>

      {/* The header's children are matched by key: each keeps a key of its own kind. */}
      <header className="reader-header">
        {editing ? (
          <RecordEditor key={`record-${clip.id}`} api={api} clip={clip} revision={revision} onSave={saveRecord} onCancel={stopEditing} onShowRules={props.onShowSiteRules} />
        ) : (
          <>
            <div className="reader-eyebrow">
              <span className="outlet">{clip.source ?? clip.site ?? (clip.url ? hostOf(clip.url) : 'Unknown source')}</span>
              {clip.publishedAt && <span className="sep">·</span>}
              {clip.publishedAt && <time dateTime={clip.publishedAt}>{formatDate(clip.publishedAt, 'long')}</time>}
            </div>
            <h1 className="reader-title">{clip.title}</h1>
            <div className="reader-byline">
              {clip.author && <span>By {clip.author}</span>}
              <span className="reader-dates">
                {clip.publishedAt ? `Published ${formatDateTime(clip.publishedAt)}` : 'Publication date unknown'}
                {clip.savedAt && ` · Saved ${formatDate(clip.savedAt, 'long')}`}
                {` · ${plural(clip.wordCount, 'word')}`}
              </span>
              {clip.corrections.length > 0 && (
                <span className="corrected-badge" title={`You corrected the ${joinWords(clip.corrections.map((c) => fieldName(c.field)))}. Re-extracting the clip keeps your corrections.`}>
                  Corrected
                </span>
              )}
            </div>
          </>
        )}
        <TagEditor
          ref={tagInputRef}
          tags={clip.tags}
          allTags={props.allTags}
          label="Tags"
          onAdd={(name) => run(() => api.tagClips({ ids: [clip.id], tags: [name] }))}
          onRemove={(name) => run(() => api.untagClips({ ids: [clip.id], tags: [name] }))}
        />
        <StoryVersions key={`story-${clip.id}`} api={api} clipId={clip.id} revision={revision} comparing={comparing} onOpenClip={props.onOpenClip} onCompare={setComparing} />
        <ClipHistory key={`history-${clip.id}`} api={api} clipId={clip.id} revision={revision} toast={props.toast} onRestored={props.onChanged} />
        {(noteOpen || clip.note) && <NoteField key={`note-${clip.id}`} note={clip.note} autoFocus={noteOpen} onSave={(note) => run(() => api.updateClip({ id: clip.id, patch: { note } }))} />}
      </header>

      <div className="reader-body">
        {/* allow-same-origin without allow-scripts: nothing in the article can run, and the
            window can read the selection and mark highlights in it (highlight-marks.ts). */}
        <iframe
          key={clip.id}
          ref={hl.frame}
          className="article-frame"
          title={`Article text: ${clip.title}`}
          sandbox="allow-same-origin"
          referrerPolicy="no-referrer"
          srcDoc={srcDoc}
          // Hidden, not removed, while two versions are compared: its highlights stay drawn.
          style={comparing ? { display: 'none' } : undefined}
          onLoad={() => {
            hl.onFrameLoad();
            setFrameLoads((n) => n + 1);
          }}
        />
        {comparing && <VersionDiffView api={api} comparison={comparing} onClose={endComparing} />}
        {panelOpen && (
          <div id="highlights-panel" className="highlights-panel-holder">
            <HighlightsPanel
              highlights={highlights}
              placed={placed}
              active={hl.active}
              noting={hl.noting}
              onReveal={hl.reveal}
              onNote={setNoting}
              onUpdate={(id, patch) => void hl.update(id, patch)}
              onDelete={(id) => void hl.remove(id)}
              onClose={() => setPanelOpen(false)}
              shared={props.shared === true}
            />
          </div>
        )}
      </div>
      {hl.selection && (
        <HighlightBar
          selection={hl.selection}
          onHighlight={(colour, withNote) => {
            setPanelOpen(true);
            void hl.create(colour, withNote);
          }}
        />
      )}
      {safe.blockedImages > 0 && (
        <div className="reader-footnote">{plural(safe.blockedImages, 'remote image')} not loaded, to keep your reading private.</div>
      )}
    </article>
  );
});

/** "headline, outlet and date". */
function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? 'record') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The standfirst, unless the body already opens with it (some pages repeat it). */
function standfirstToShow(clip: Clip): string | null {
  if (!clip.standfirst) return null;
  const flat = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const lead = flat(clip.standfirst);
  return lead && flat(clip.bodyText.slice(0, clip.standfirst.length + 200)).startsWith(lead) ? null : clip.standfirst;
}

function NoteField({ note, autoFocus, onSave }: { note: string; autoFocus: boolean; onSave(note: string): void }) {
  const [value, setValue] = useState(note);
  const saved = useRef(note);
  return (
    <textarea
      className="note"
      aria-label="Note"
      placeholder="Write a note about this clip…"
      autoFocus={autoFocus}
      value={value}
      rows={Math.min(6, Math.max(2, value.split('\n').length))}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => {
        if (value !== saved.current) {
          saved.current = value;
          onSave(value);
        }
      }}
      onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLTextAreaElement).blur()}
    />
  );
}

function LinkMenu({ links, onOpen, onClose }: { links: ArticleLink[]; onOpen(url: string): void; onClose(): void }) {
  const ref = usePopoverMenu(onClose);
  return (
    <div
      ref={ref}
      className="popover link-menu"
      role="menu"
      aria-label="Links in this article"
      onKeyDown={popoverMenuKeys(onClose)}
    >
      <div className="popover-note">Opens in your web browser</div>
      {links.map((l) => (
        <button key={l.n} type="button" role="menuitem" className="menu-item" title={l.url} onClick={() => onOpen(l.url)}>
          <span className="link-n">{l.n}</span>
          <span className="link-text">
            <span className="link-label">{l.text || hostOf(l.url)}</span>
            <span className="link-host">{hostOf(l.url)}</span>
          </span>
        </button>
      ))}
    </div>
  );
}
