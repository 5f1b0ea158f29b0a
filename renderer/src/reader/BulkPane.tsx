// Several clips selected: tag them all, star them all, export them, or delete them together.
import { forwardRef, useState } from 'react';
import type { Api, Tag, TagRef } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';
import type { ListRow } from '../list/clip-pager.ts';
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
}

export const BulkPane = forwardRef<HTMLInputElement, Props>(function BulkPane({ api, ids, rows, allTags, toast, onChanged, onDelete, onExport }, ref) {
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
        <button type="button" className="btn danger" disabled={busy} onClick={onDelete}>
          Delete {plural(ids.length, 'clip')}
        </button>
      </div>
    </div>
  );
});
