// File → Export…, the sidebar's Export… and the selection's Export: which clips (the selection,
// the list's current results, or everything) and which format. In the desktop app the shell
// asks where to save (a native dialog) and writes the file; in browser mode the browser
// downloads it from the server.
import { useId, useState } from 'react';
import type { CuttingsBridge, ExportFormat, ExportRequest } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import type { ShowToast } from '../common/toasts.tsx';
import { exportDownloadAddress, startDownload } from './export-download.ts';
import { FORMAT_CHOICES, FORMAT_NAMES, rememberedFormat, rememberFormat, type ExportScope } from './export-choices.ts';

/** The list as it stands, when it shows fewer clips than the whole library. */
export interface ExportResults {
  total: number;
  /** What narrows it, as the person set it ("“maduro” · Tag: venezuela"). */
  description: string;
  /** The clips, as a query or as ids. */
  resolve(): Promise<Pick<ExportRequest, 'ids' | 'query'>>;
}

interface Props {
  bridge: CuttingsBridge;
  /** Selected clips (a single open clip counts). */
  selection: number[];
  results: ExportResults | null;
  libraryCount: number;
  initialScope?: ExportScope;
  toast: ShowToast;
  onClose(): void;
}

export function ExportDialog({ bridge, selection, results, libraryCount, initialScope, toast, onClose }: Props) {
  const id = useId();
  const scopes: { scope: ExportScope; label: string; count: number; detail?: string }[] = [];
  if (selection.length) scopes.push({ scope: 'selection', label: selection.length === 1 ? 'The selected clip' : `The ${plural(selection.length, 'selected clip')}`, count: selection.length });
  if (results && results.total > 0) scopes.push({ scope: 'results', label: `The ${plural(results.total, 'clip')} in the list`, count: results.total, detail: results.description });
  scopes.push({ scope: 'all', label: `All ${plural(libraryCount, 'clip')}`, count: libraryCount });
  const fallback: ExportScope = selection.length > 1 ? 'selection' : results && results.total > 0 ? 'results' : 'all';
  const [scope, setScope] = useState<ExportScope>(scopes.some((s) => s.scope === initialScope) ? initialScope! : fallback);
  const [format, setFormat] = useState<ExportFormat>(rememberedFormat);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const desktop = bridge.desktop;
  const chosen = scopes.find((s) => s.scope === scope) ?? scopes[scopes.length - 1];

  const run = async () => {
    setBusy(true);
    setError(null);
    rememberFormat(format);
    try {
      const which = scope === 'selection' ? { ids: selection } : scope === 'results' && results ? await results.resolve() : {};
      const request: ExportRequest = { format, ...which };
      if (desktop) {
        const done = await desktop.exportTo(request);
        // Cancelled in the save dialog: this dialog stays, to choose again or close.
        if (!done) return;
        toast({ message: `Exported ${plural(done.clips, 'clip')} to ${done.output}` });
      } else {
        startDownload(exportDownloadAddress(request));
        toast({ message: `Exporting ${plural(chosen.count, 'clip')} as ${FORMAT_NAMES[format]}: your browser saves the file.` });
      }
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Export clips" onClose={onClose} className="export-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <fieldset className="choice-group">
          <legend>Which clips</legend>
          {scopes.map((s) => (
            <label key={s.scope} className={`choice${scope === s.scope ? ' on' : ''}`}>
              <input type="radio" name={`${id}-scope`} value={s.scope} checked={scope === s.scope} onChange={() => setScope(s.scope)} data-autofocus={scope === s.scope ? '' : undefined} />
              <span className="choice-text">
                <span className="choice-label">{s.label}</span>
                {s.detail && <span className="choice-hint">{s.detail}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>Format</legend>
          {FORMAT_CHOICES.map((c) => (
            <label key={c.format} className={`choice${format === c.format ? ' on' : ''}`}>
              <input type="radio" name={`${id}-format`} value={c.format} checked={format === c.format} onChange={() => setFormat(c.format)} />
              <span className="choice-text">
                <span className="choice-label">{c.label}</span>
                <span className="choice-hint">
                  {c.purpose}
                  {c.format === 'markdown' && !desktop ? ' Downloads as a .zip of the folder.' : ''}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="modal-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={busy || chosen.count === 0}>
            {busy ? 'Exporting…' : desktop ? 'Export…' : 'Download'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
