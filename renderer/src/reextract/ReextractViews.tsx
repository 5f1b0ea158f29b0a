// What re-extraction looks like: the confirmation before the whole library, the progress bar
// (in the sidebar, where an import's shows), and how it ended — a note for one clip, a summary
// sheet for more.
import { useMemo, useState } from 'react';
import type { RecordField, ReextractField, ReextractOutcome, ReextractSummary } from '../../../electron/api.ts';
import { ContextMenu } from '../common/ContextMenu.tsx';
import { formatSeconds, plural } from '../common/format.ts';
import { JobProgressBar } from '../common/JobProgressBar.tsx';
import { Modal } from '../common/Modal.tsx';
import { OutcomeFailed, OutcomeSection, Stat, SummarySheet, SummaryStats } from '../common/SummarySheet.tsx';
import type { ReextractView } from './use-reextract.ts';

const FIELD_WORDS: Record<ReextractField, string> = {
  title: 'headline', standfirst: 'standfirst', author: 'byline', source: 'outlet', site: 'site', url: 'link',
  publishedAt: 'date', modifiedAt: 'update date', savedAt: 'saved date', language: 'language',
  bodyText: 'text', bodyHtml: 'layout', captions: 'captions',
};
const RECORD_WORDS: Record<RecordField, string> = { title: 'headline', author: 'byline', source: 'outlet', publishedAt: 'date', url: 'link' };

/** "headline, byline and text". */
function listed(words: string[]): string {
  const unique = [...new Set(words)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/** What changed in a clip, in words: the text and its layout count once. */
export function changedWords(fields: ReextractField[] = []): string {
  const shown = fields.includes('bodyText') ? fields.filter((f) => f !== 'bodyHtml') : fields;
  return listed(shown.map((f) => FIELD_WORDS[f]));
}

function keptWords(kept: RecordField[] = []): string {
  return kept.length ? `Your ${listed(kept.map((f) => RECORD_WORDS[f]))} ${kept.length === 1 ? 'correction was' : 'corrections were'} kept.` : '';
}

/** "12 clips updated, 3 unchanged, 1 failed: Story.html: its original file is missing…". */
export function summarySentence(s: ReextractSummary): string {
  const failed = s.outcomes.filter((o) => o.status === 'failed');
  let text = `${plural(s.changed, 'clip')} updated, ${s.unchanged} unchanged, ${s.failed} failed`;
  if (failed.length) text += `: ${nameOf(failed[0])}: ${failed[0].reason ?? 'unknown reason'}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ''}`;
  if (s.cancelled) text += `. Stopped before ${plural(s.notReached, 'clip')}.`;
  return text;
}

const nameOf = (o: ReextractOutcome) => o.file ?? o.title;

/** The note for one clip re-extracted from the clip menu. */
export function singleNote(title: string, s: ReextractSummary): { message: string; error: boolean } {
  const o = s.outcomes[0];
  if (s.cancelled && !o) return { message: `Re-extracting “${title}” was stopped.`, error: false };
  if (!o || o.status === 'unchanged') return { message: `Re-extracted “${title}”: nothing changed. ${keptWords(o?.kept)}`.trim(), error: false };
  if (o.status === 'failed') return { message: `Could not re-extract “${nameOf(o)}”: ${o.reason ?? 'unknown reason'}.`, error: true };
  return { message: `Re-extracted “${o.title}”: ${changedWords(o.fields)} updated. ${keptWords(o.kept)}`.trim(), error: false };
}

function shortEta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '';
  return s < 60 ? `${Math.max(1, Math.ceil(s))} s left` : `${Math.ceil(s / 60)} min left`;
}

export function ReextractBar({ view, onCancel }: { view: ReextractView; onCancel(): void }) {
  const status = view.cancelling ? 'Stopping…' : `Re-extracting ${view.done.toLocaleString()} of ${view.total.toLocaleString()}`;
  return (
    <JobProgressBar
      label="Re-extraction"
      status={status}
      // Short: the sidebar is narrow, and the status says more than an import's.
      eta={view.cancelling ? '' : shortEta(view.etaSeconds)}
      etaTitle={formatSeconds(view.etaSeconds)}
      done={view.done}
      total={view.total}
      counts={`${view.changed.toLocaleString()} updated · ${view.failed.toLocaleString()} failed`}
      current={view.currentClip}
      cancelling={view.cancelling}
      onCancel={onCancel}
    />
  );
}

/**
 * Browser mode's way to what the desktop app's File menu offers for the whole library: a More
 * button at the head of the list, with its menu.
 */
export function LibraryActionsButton({
  onReextractAll,
  onSiteRules,
  onTeamLibrary,
  disabled,
}: {
  onReextractAll(): void;
  onSiteRules(): void;
  onTeamLibrary(): void;
  disabled: boolean;
}) {
  const [menu, setMenu] = useState<{ x: number; y: number; keyboard: boolean } | null>(null);
  return (
    <>
      <button
        type="button"
        className="icon-button library-actions"
        aria-label="More actions"
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        title="More actions"
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          // A click by keyboard (Enter, Space) has no pointer: the menu opens under the button, its first item highlighted.
          setMenu({ x: box.right, y: box.bottom + 4, keyboard: e.detail === 0 });
        }}
      >
        ⋯
      </button>
      {menu && (
        <ContextMenu
          label="More actions"
          items={[
            { id: 'reextract-all', label: 'Re-extract Whole Library…', enabled: !disabled },
            { id: 'site-rules', label: 'Site Rules…' },
            { id: 'team-library', label: 'Team Library…' },
          ]}
          at={menu}
          keyboard={menu.keyboard}
          onClose={(returnFocus) => {
            setMenu(null);
            if (returnFocus) document.querySelector<HTMLElement>('.library-actions')?.focus();
          }}
          onChoose={(id) => {
            setMenu(null);
            if (id === 'reextract-all') onReextractAll();
            else if (id === 'site-rules') onSiteRules();
            else if (id === 'team-library') onTeamLibrary();
          }}
        />
      )}
    </>
  );
}

export function ConfirmReextractAll({ clipCount, onConfirm, onClose }: { clipCount: number; onConfirm(): void; onClose(): void }) {
  return (
    <Modal title="Re-extract the whole library?" onClose={onClose}>
      <p className="modal-text">
        Each of the {plural(clipCount, 'clip')} is read again from its stored original with this version of Cuttings: headlines,
        bylines, dates and text may change. Tags, stars, notes and the fields you corrected stay as they are.
      </p>
      <p className="modal-text subtle">It runs in the background; you can keep working, or cancel it and keep what is done.</p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn primary" data-autofocus onClick={onConfirm}>
          Re-extract {plural(clipCount, 'Clip')}
        </button>
      </div>
    </Modal>
  );
}

export function ReextractSummarySheet({ summary, onClose, onShow }: { summary: ReextractSummary; onClose(): void; onShow(id: number): void }) {
  const { failed, changed } = useMemo(
    () => ({ failed: summary.outcomes.filter((o) => o.status === 'failed'), changed: summary.outcomes.filter((o) => o.status === 'changed') }),
    [summary.outcomes],
  );
  return (
    <SummarySheet title={summary.cancelled ? 'Re-extraction stopped' : 'Re-extraction finished'} onClose={onClose}>
      <p className="modal-text" aria-label="Summary">{summarySentence(summary)}</p>
      <SummaryStats elapsedMs={summary.elapsedMs}>
        <Stat n={summary.changed} label="updated" tone="good" />
        <Stat n={summary.unchanged} label="unchanged" tone="plain" />
        <Stat n={summary.failed} label="failed" tone={summary.failed ? 'bad' : 'plain'} />
        {summary.notReached > 0 && <Stat n={summary.notReached} label="not reached" tone="plain" />}
      </SummaryStats>
      {failed.length > 0 && (
        <OutcomeSection heading="Could not re-extract" label="Failed clips">
          {failed.map((o) => (
            <OutcomeFailed key={o.clipId} name={nameOf(o)} file={o.file ?? ''} reason={o.reason} />
          ))}
        </OutcomeSection>
      )}
      {changed.length > 0 && (
        <OutcomeSection heading="Updated" label="Updated clips">
          {changed.slice(0, 200).map((o) => (
            <li key={o.clipId} className="outcome">
              <button type="button" className="link-button outcome-title" onClick={() => onShow(o.clipId)}>
                {o.title}
              </button>
              <span className="outcome-file">{changedWords(o.fields)}</span>
              {o.kept && <span className="outcome-warn">{keptWords(o.kept)}</span>}
            </li>
          ))}
          {changed.length > 200 && <li className="outcome more">and {plural(changed.length - 200, 'more clip')}</li>}
        </OutcomeSection>
      )}
    </SummarySheet>
  );
}
