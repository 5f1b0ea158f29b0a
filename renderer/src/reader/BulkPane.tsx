// Several clips selected: tag them all, star them all, give them one outlet or one date,
// export them, or delete them together.
import { forwardRef, useEffect, useId, useState } from 'react';
import type { Api, Tag, TagRef } from '../../../electron/api.ts';
import { formatDate, formatDateTime, plural } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';
import type { ListRow } from '../list/clip-pager.ts';
import { readRecordDate } from './record-date.ts';
import { announceEdit } from './record-edit-notices.ts';
import './record-editor.css';
import { TagEditor } from './TagEditor.tsx';

interface Props {
  api: Api;
  ids: number[];
  rows: ListRow[];
  allTags: Tag[];
  toast: ShowToast;
  onChanged(): void;
  onDelete(): void;
  /** Opens the Export dialog for the selection. */
  onExport(): void;
  /** The Press review dialog, on the selection. */
  onReview?(): void;
  /** Opens the list of corrections remembered per site. */
  onShowSiteRules(): void;
}

export const BulkPane = forwardRef<HTMLInputElement, Props>(function BulkPane({ api, ids, rows, allTags, toast, onChanged, onDelete, onExport, onReview, onShowSiteRules }, ref) {
  const [busy, setBusy] = useState(false);
  // Tags every selected clip carries (as far as the loaded rows tell).
  let common: TagRef[] = rows[0]?.tags ?? [];
  for (const r of rows.slice(1)) common = common.filter((t) => r.tags.some((x) => x.id === t.id));
  const allStarred = rows.length > 0 && rows.every((r) => r.starred);

  const run = async (f: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await f();
      onChanged();
      if (done) toast({ message: done });
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk" aria-label="Selection">
      <div className="bulk-stack" aria-hidden="true">
        <div className="sheet s1" />
        <div className="sheet s2" />
        <div className="sheet s3" />
      </div>
      <h2 className="bulk-title">{plural(ids.length, 'clip')} selected</h2>
      <ul className="bulk-titles">
        {rows.slice(0, 5).map((r) => (
          <li key={r.id}>{r.title}</li>
        ))}
        {ids.length > 5 && <li className="subtle">and {plural(ids.length - 5, 'more')}</li>}
      </ul>
      <div className="bulk-tags">
        <div className="bulk-label">Tags on all of them</div>
        <TagEditor
          ref={ref}
          tags={common}
          allTags={allTags}
          label="Tags for the selection"
          onAdd={(name) => run(() => api.tagClips({ ids, tags: [name] }), `Tagged ${plural(ids.length, 'clip')} “${name}”.`)}
          onRemove={(name) => run(() => api.untagClips({ ids, tags: [name] }))}
        />
      </div>
      <BulkRecord api={api} ids={ids} rows={rows} toast={toast} onChanged={onChanged} onShowSiteRules={onShowSiteRules} />
      <div className="bulk-actions">
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run(() => Promise.all(ids.map((id) => api.updateClip({ id, patch: { starred: !allStarred } }))))}
        >
          {allStarred ? 'Unstar all' : 'Star all'}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onExport}>
          Export…
        </button>
        {onReview && (
          <button type="button" className="btn" disabled={busy} onClick={onReview}>
            Press review…
          </button>
        )}
        <button type="button" className="btn danger" disabled={busy} onClick={onDelete}>
          Delete {plural(ids.length, 'clip')}
        </button>
      </div>
    </div>
  );
});

/** What every selected row says for a field, when they agree. */
function common(rows: ListRow[], pick: (r: ListRow) => string | null): string | null | undefined {
  if (!rows.length) return undefined;
  const first = pick(rows[0]);
  return rows.every((r) => pick(r) === first) ? first : undefined;
}

/** One outlet, or one publication date, for every selected clip: one call, one Undo. */
function BulkRecord({ api, ids, rows, toast, onChanged, onShowSiteRules }: Pick<Props, 'api' | 'ids' | 'rows' | 'toast' | 'onChanged' | 'onShowSiteRules'>) {
  const [outlet, setOutlet] = useState('');
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outlets, setOutlets] = useState<string[]>([]);
  const id = useId();
  useEffect(() => {
    let live = true;
    api.listSources({}).then((s) => live && setOutlets(s.map((o) => o.value)), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  const commonSource = common(rows, (r) => r.source);
  const commonDate = common(rows, (r) => r.publishedAt);
  const reading = readRecordDate(date);
  const n = plural(ids.length, 'clip');

  const apply = async (patch: { source?: string | null; publishedAt?: string | null }, message: string, typedOutlet?: string) => {
    setBusy(true);
    try {
      const edit = await api.updateClips({ ids, patch });
      onChanged();
      announceEdit(edit, message, { api, toast, onChanged, onShowRules: onShowSiteRules, typedOutlet });
      return true;
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const setOutletOfAll = async () => {
    const name = outlet.replace(/\s+/g, ' ').trim();
    if (!name) return;
    if (await apply({ source: name }, `Set the outlet of ${n} to “${name}”.`, name)) setOutlet('');
  };
  const setDateOfAll = async () => {
    if (!date.trim()) return;
    if (!reading.ok) {
      setDateError(reading.message);
      return;
    }
    if (await apply({ publishedAt: reading.iso }, `Set the date of ${n} to ${formatDate(reading.iso, 'long')}.`)) setDate('');
  };

  return (
    <div className="bulk-record" role="group" aria-label="Record of the selected clips">
      <div className="bulk-label">Outlet and date of all of them</div>
      <form
        className="bulk-record-row"
        onSubmit={(e) => {
          e.preventDefault();
          void setOutletOfAll();
        }}
      >
        <label htmlFor={`${id}-outlet`}>Outlet</label>
        <input
          id={`${id}-outlet`}
          value={outlet}
          list={`${id}-outlets`}
          autoComplete="off"
          placeholder={commonSource === undefined ? 'Several outlets' : (commonSource ?? 'None')}
          onChange={(e) => setOutlet(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && outlet && (e.stopPropagation(), setOutlet(''))}
        />
        <button type="submit" className="btn small" disabled={busy || !outlet.trim()}>
          Set outlet
        </button>
        <datalist id={`${id}-outlets`}>
          {outlets.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      </form>
      <form
        className="bulk-record-row"
        onSubmit={(e) => {
          e.preventDefault();
          void setDateOfAll();
        }}
      >
        <label htmlFor={`${id}-date`}>Published</label>
        <input
          id={`${id}-date`}
          value={date}
          autoComplete="off"
          placeholder={commonDate === undefined ? 'Several dates' : commonDate ? formatDate(commonDate, 'long') : 'Undated'}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={`${id}-date-note`}
          onChange={(e) => {
            setDate(e.target.value);
            setDateError(null);
          }}
          onKeyDown={(e) => e.key === 'Escape' && date && (e.stopPropagation(), setDate(''))}
        />
        <button type="submit" className="btn small" disabled={busy || !date.trim()}>
          Set date
        </button>
        <div id={`${id}-date-note`} className={dateError ? 'record-error' : 'record-note'} role={dateError ? 'alert' : undefined}>
          {dateError ?? (date.trim() && reading.ok && reading.iso ? `Reads as ${formatDateTime(reading.iso)}` : 'A day, a month or a year: 20 Sep 2019, 2019-09, 2019')}
        </div>
      </form>
    </div>
  );
}
