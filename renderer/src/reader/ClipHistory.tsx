// A shared clip's history: the values its fields held before a later edit replaced them, here
// or by another member of the team. Nothing a conflict settled is lost: each can be made the
// current value again (a new edit, so the one it replaces joins the history in turn).
import { useEffect, useState } from 'react';
import type { Api, ClipHistoryEntry } from '../../../electron/api.ts';
import { formatDateTime } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';
import '../team/team.css';

const FIELD_NAMES: Record<string, string> = {
  title: 'Headline',
  source: 'Outlet',
  author: 'Author',
  publishedAt: 'Published',
  url: 'Link',
  starred: 'Star',
  note: 'Note',
  deleted: 'Deleted',
};

export function fieldLabel(field: string): string {
  if (field.startsWith('tag:')) return `Tag “${field.slice(4)}”`;
  return FIELD_NAMES[field] ?? field;
}

export function valueText(entry: ClipHistoryEntry): string {
  const { field, value } = entry;
  if (field.startsWith('tag:')) return value ? 'added' : 'removed';
  if (field === 'starred') return value ? 'starred' : 'not starred';
  if (field === 'deleted') return value ? 'deleted' : 'kept';
  if (value === null || value === '') return '(empty)';
  return String(value);
}

interface Props {
  api: Api;
  clipId: number;
  revision: number;
  toast: ShowToast;
  onRestored(): void;
}

export function ClipHistory({ api, clipId, revision, toast, onRestored }: Props) {
  const [entries, setEntries] = useState<ClipHistoryEntry[]>([]);
  useEffect(() => {
    let live = true;
    api.clipHistory({ id: clipId }).then(
      (list) => live && setEntries(list),
      () => live && setEntries([]),
    );
    return () => {
      live = false;
    };
  }, [api, clipId, revision]);
  if (entries.length === 0) return null;
  return (
    <details className="clip-history">
      <summary>
        History · {entries.length} earlier value{entries.length === 1 ? '' : 's'}
      </summary>
      <ul aria-label="Earlier values of this clip">
        {entries.map((e) => (
          <li key={e.id}>
            <div>
              <span className="clip-history-field">{fieldLabel(e.field)}</span>
              <span className="clip-history-value">{valueText(e)}</span>
              <span className="clip-history-by">
                by {e.by}, {formatDateTime(e.at)} · replaced {formatDateTime(e.replacedAt)}
              </span>
            </div>
            <button
              type="button"
              className="btn small"
              onClick={async () => {
                try {
                  await api.restoreClipHistory({ id: clipId, entryId: e.id });
                  onRestored();
                  toast({ message: `${fieldLabel(e.field)} is “${valueText(e)}” again.` });
                } catch (err) {
                  toast({ message: (err as Error).message, tone: 'error' });
                }
              }}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
