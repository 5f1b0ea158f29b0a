// File → Press Review…, the selection's "Press review…", a tag's or saved search's menu, and
// Ctrl/Cmd+Shift+P: which clips (the selection, the list as it stands — a search, a tag, a period
// on the timeline —, a tag or saved search, or everything), a title, who compiled it (remembered),
// how to group, what to show of each clip, and the format. It then follows the build (progress,
// Cancel) and hands over the file: the desktop app has asked where to save it, browser mode
// downloads it.
import { useId, useState } from 'react';
import type { CuttingsBridge, ReviewContent, ReviewFormat, ReviewGrouping, ReviewRequest, ReviewSummary } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import type { ShowToast } from '../common/toasts.tsx';
import { startDownload } from '../export/export-download.ts';
import type { ExportResults } from '../export/ExportDialog.tsx';
import { CONTENT_CHOICES, FORMAT_CHOICES, GROUP_CHOICES, rememberedPrefs, rememberPrefs } from './review-choices.ts';
import { useReviewJob, type ReviewJobView } from './use-review-job.ts';
import './review.css';

/** A tag or a saved search the dialog was opened from: its clips as a query. */
export interface ReviewPreset {
  query: string;
  /** "Tag: venezuela", "Saved search: Oil". */
  label: string;
  count?: number;
}

type Scope = 'selection' | 'results' | 'preset' | 'all';

interface Props {
  bridge: CuttingsBridge;
  selection: number[];
  results: ExportResults | null;
  preset: ReviewPreset | null;
  libraryCount: number;
  /** Which scope to start on (the selection's menu: 'selection'). */
  initialScope?: Scope;
  toast: ShowToast;
  onClose(): void;
}

const STAGE_WORDS = { starting: 'Starting…', reading: 'Reading clips', printing: 'Laying out the pages…', saving: 'Saving…' } as const;

function progressText(v: ReviewJobView): string {
  if (v.cancelling) return 'Cancelling…';
  if (v.stage === 'reading') return `${STAGE_WORDS.reading}: ${v.done.toLocaleString()} of ${v.total.toLocaleString()}`;
  return STAGE_WORDS[v.stage];
}

export function ReviewDialog({ bridge, selection, results, preset, libraryCount, initialScope, toast, onClose }: Props) {
  const id = useId();
  const desktop = bridge.desktop;
  const remembered = rememberedPrefs();
  const scopes: { scope: Scope; label: string; detail?: string }[] = [];
  if (selection.length) scopes.push({ scope: 'selection', label: selection.length === 1 ? 'The selected clip' : `The ${plural(selection.length, 'selected clip')}` });
  if (preset) scopes.push({ scope: 'preset', label: preset.count !== undefined ? `${preset.label} (${plural(preset.count, 'clip')})` : preset.label, detail: preset.query });
  if (results && results.total > 0) scopes.push({ scope: 'results', label: `The ${plural(results.total, 'clip')} in the list`, detail: results.description });
  scopes.push({ scope: 'all', label: `All ${plural(libraryCount, 'clip')}` });
  const fallback: Scope = preset ? 'preset' : selection.length > 1 ? 'selection' : results && results.total > 0 ? 'results' : 'all';
  const [scope, setScope] = useState<Scope>(scopes.some((s) => s.scope === initialScope) ? initialScope! : fallback);
  const [title, setTitle] = useState('Press review');
  const [compiledBy, setCompiledBy] = useState(remembered.compiledBy);
  const [group, setGroup] = useState<ReviewGrouping>(remembered.group);
  const [content, setContent] = useState<ReviewContent>(remembered.content);
  const [format, setFormat] = useState<ReviewFormat>(remembered.format);
  const [error, setError] = useState<string | null>(null);

  const done = (s: ReviewSummary) => {
    if (s.status === 'failed') return setError(s.error ?? 'The press review could not be made.');
    if (s.status === 'cancelled') return toast({ message: 'The press review was cancelled; no file was saved.' });
    if (s.downloadUrl) {
      startDownload(s.downloadUrl);
      toast({ message: `Press review of ${plural(s.clips, 'clip')} compiled: your browser saves “${s.fileName}”.` });
    } else {
      toast({ message: `Press review of ${plural(s.clips, 'clip')} saved to ${s.output ?? s.fileName}` });
    }
    onClose();
  };
  const { view, start, cancel } = useReviewJob(bridge, done);
  const busy = view !== null;

  const run = async () => {
    setError(null);
    rememberPrefs({ compiledBy: compiledBy.trim(), format, group, content });
    try {
      const which: Pick<ReviewRequest, 'ids' | 'query'> =
        scope === 'selection' ? { ids: selection } : scope === 'preset' && preset ? { query: preset.query } : scope === 'results' && results ? await results.resolve() : {};
      const request: ReviewRequest = { format, group, content, ...which, title: title.trim() || undefined, compiledBy: compiledBy.trim() || undefined };
      await start(request);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const close = () => {
    if (busy) void cancel();
    onClose();
  };

  return (
    <Modal title="Press review" onClose={close} className="export-modal review-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <fieldset className="choice-group" disabled={busy}>
          <legend>Which clips</legend>
          {scopes.map((s) => (
            <label key={s.scope} className={`choice${scope === s.scope ? ' on' : ''}`}>
              <input type="radio" name={`${id}-scope`} value={s.scope} checked={scope === s.scope} onChange={() => setScope(s.scope)} />
              <span className="choice-text">
                <span className="choice-label">{s.label}</span>
                {s.detail && <span className="choice-hint">{s.detail}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group review-fields" disabled={busy}>
          <legend>Title page</legend>
          <label className="field review-field">
            <span>Title</span>
            <input type="text" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} data-autofocus="" />
          </label>
          <label className="field review-field">
            <span>Compiled by</span>
            <input type="text" value={compiledBy} maxLength={200} placeholder="Your name or team" onChange={(e) => setCompiledBy(e.target.value)} />
          </label>
        </fieldset>
        <fieldset className="choice-group review-segments" disabled={busy}>
          <legend>Group the contents</legend>
          <div className="segmented">
            {GROUP_CHOICES.map((c) => (
              <label key={c.value} className={`segment${group === c.value ? ' on' : ''}`}>
                <input type="radio" name={`${id}-group`} value={c.value} checked={group === c.value} onChange={() => setGroup(c.value)} />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="choice-group" disabled={busy}>
          <legend>Each clip shows</legend>
          {CONTENT_CHOICES.map((c) => (
            <label key={c.value} className={`choice${content === c.value ? ' on' : ''}`}>
              <input type="radio" name={`${id}-content`} value={c.value} checked={content === c.value} onChange={() => setContent(c.value)} />
              <span className="choice-text">
                <span className="choice-label">{c.label}</span>
                <span className="choice-hint">{c.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group review-segments" disabled={busy}>
          <legend>Format</legend>
          <div className="segmented">
            {FORMAT_CHOICES.map((c) => (
              <label key={c.value} className={`segment${format === c.value ? ' on' : ''}`} title={c.hint}>
                <input type="radio" name={`${id}-format`} value={c.value} checked={format === c.value} onChange={() => setFormat(c.value)} />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
        {view && (
          <div className="review-progress">
            <div className="review-progress-text" aria-live="polite">{progressText(view)}</div>
            <div
              className="progress"
              role="progressbar"
              aria-label="Press review"
              aria-valuemin={0}
              aria-valuemax={view.stage === 'reading' && view.total ? view.total : undefined}
              aria-valuenow={view.stage === 'reading' && view.total ? view.done : undefined}
              aria-valuetext={progressText(view)}
            >
              <div
                className={`progress-fill${view.stage === 'reading' && view.total ? '' : ' indeterminate'}`}
                style={{ width: view.stage === 'reading' && view.total ? `${Math.min(100, (view.done / view.total) * 100)}%` : undefined }}
              />
            </div>
          </div>
        )}
        {error && (
          <p className="modal-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          {busy ? (
            <button type="button" className="btn" onClick={() => void cancel()} disabled={view?.cancelling || view?.stage === 'starting'}>
              Cancel review
            </button>
          ) : (
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
          )}
          <button type="submit" className="btn primary" disabled={busy}>
            {busy ? 'Compiling…' : desktop ? 'Compile and Save…' : 'Compile and Download'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
