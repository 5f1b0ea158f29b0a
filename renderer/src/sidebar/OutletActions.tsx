// The Sources list's actions on an outlet: rename it, merge it into another (with Undo), and
// the notes that say what happened. The library tells every window when outlets change
// ('library-changed'), and the window then reloads the list; a filter on the changed outlet
// follows it to its new name.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutletCount } from '../../../electron/api.ts';
import { getBridge } from '../api/bridge.ts';
import { MergeIntoDialog } from '../common/MergeIntoDialog.tsx';
import { popoverMenuKeys, usePopoverMenu } from '../common/popover-menu.ts';

interface Notice {
  id: number;
  message: string;
  error?: boolean;
  action?: { label: string; run(): void };
}

/** "Also latimes, latimes.com": the other names and sites an outlet was seen under, for its tooltip. */
export function alsoKnownAs(o: OutletCount): string | undefined {
  const other = [...(o.sites ?? []), ...(o.names ?? [])];
  return other.length ? `Also ${other.join(', ')}` : undefined;
}

export function useOutletActions(activeSource: string | null, onSource: (name: string | null) => void) {
  const api = getBridge().api;
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [merging, setMerging] = useState<OutletCount | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<number>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => window.clearTimeout(t));
  }, []);

  const dismiss = useCallback((id: number) => setNotices((ns) => ns.filter((n) => n.id !== id)), []);
  const show = (n: Omit<Notice, 'id'>) => {
    const id = next.current++;
    setNotices((ns) => [...ns.slice(-1), { ...n, id }]);
    const t = window.setTimeout(() => {
      timers.current.delete(t);
      dismiss(id);
    }, n.action || n.error ? 15_000 : 6_000);
    timers.current.add(t);
  };
  const failed = (e: unknown) => show({ message: (e as Error).message, error: true });
  /** A list filtered by an outlet that changed its name goes on showing its clips. */
  const follow = (from: string, to: string) => {
    if (activeSource?.toLowerCase() === from.toLowerCase()) onSource(to);
  };

  return {
    menuFor,
    setMenuFor,
    renaming,
    merging,
    setMerging,
    notices,
    dismiss,
    startRename(o: OutletCount) {
      setMenuFor(null);
      setRenaming(o.value);
    },
    finishRename(o: OutletCount, name: string | null) {
      setRenaming(null);
      if (!name || name === o.value) return;
      api
        .renameOutlet({ outlet: o.value, name })
        .then((renamed) => {
          follow(o.value, renamed.value);
          show({ message: `Renamed “${o.value}” to “${renamed.value}”.` });
        })
        .catch(failed);
    },
    startMerge(o: OutletCount) {
      setMenuFor(null);
      setMerging(o);
    },
    merge(from: OutletCount, into: OutletCount) {
      setMerging(null);
      api
        .mergeOutlets({ from: [from.value], into: into.value })
        .then(({ outlet, undoToken }) => {
          follow(from.value, outlet.value);
          show({
            message: `Merged “${from.value}” into “${outlet.value}”.`,
            action: {
              label: 'Undo',
              run: () => {
                api
                  .undoMergeOutlets({ undoToken })
                  .then(() => show({ message: `“${from.value}” is its own outlet again.` }))
                  .catch(failed);
              },
            },
          });
        })
        .catch(failed);
    },
  };
}

export function OutletMenu(props: { outlet: OutletCount; canMerge: boolean; onClose(): void; onRename(): void; onMerge(): void }) {
  const ref = usePopoverMenu(props.onClose);
  return (
    <div ref={ref} className="popover tag-menu" role="menu" aria-label={`Outlet ${props.outlet.value}`} onKeyDown={popoverMenuKeys(props.onClose)}>
      <button type="button" role="menuitem" className="menu-item" onClick={props.onRename}>
        Rename…
      </button>
      <button type="button" role="menuitem" className="menu-item" disabled={!props.canMerge} onClick={props.onMerge}>
        Merge into…
      </button>
      {alsoKnownAs(props.outlet) && <p className="popover-note">{alsoKnownAs(props.outlet)}</p>}
    </div>
  );
}

export function OutletMergeDialog(props: { outlet: OutletCount; outlets: OutletCount[]; onClose(): void; onMerge(into: OutletCount): void }) {
  const { outlet } = props;
  return (
    <MergeIntoDialog
      name={outlet.value}
      text={
        <>
          {outlet.count === 1 ? 'The clip' : `The ${outlet.count.toLocaleString()} clips`} of “{outlet.value}” {outlet.count === 1 ? 'goes' : 'go'} to the
          outlet you choose, which keeps its name; “{outlet.value}” and its other names find that outlet from then on. You can undo this.
        </>
      }
      choices={props.outlets}
      keyOf={(o) => o.value}
      labelOf={(o) => `${o.value} (${o.count})`}
      onClose={props.onClose}
      onMerge={props.onMerge}
    />
  );
}

/** What an outlet action did, as the window's notes look; an error is read out at once. */
export function OutletNotices({ notices, dismiss }: { notices: Notice[]; dismiss(id: number): void }) {
  return (
    <div className="toasts outlet-notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast${n.error ? ' error' : ''}`} role={n.error ? 'alert' : undefined}>
          <span className="toast-text">{n.message}</span>
          {n.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(n.id);
                n.action!.run();
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
