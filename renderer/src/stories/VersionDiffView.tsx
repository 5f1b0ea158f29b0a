// What differs between two versions, drawn in the window over the article frame (the frame's
// sandbox runs no script; this view needs none either). The parts are text, rendered by React
// as text inside <ins> and <del>: nothing from an article is ever parsed as HTML here.
import { useEffect, useRef, useState } from 'react';
import type { Api, VersionDiff } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import type { Comparison } from './StoryVersions.tsx';
import { versionWhen } from './story-words.ts';

interface Props {
  api: Api;
  comparison: Comparison;
  onClose(): void;
}

export function VersionDiffView({ api, comparison, onClose }: Props) {
  const { kind } = comparison;
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    setDiff(null);
    api.diffClips({ from: comparison.from.id, to: comparison.to.id }).then(
      (d) => live && setDiff(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, comparison.from.id, comparison.to.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const name = (v: Comparison['from']) => (kind === 'page' ? versionWhen(v, kind) : `${v.source ?? 'Unknown source'}, ${versionWhen(v, kind)}`);
  const jumpToChange = () => body.current?.querySelector('ins, del')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return (
    <section className="version-diff" aria-label="What changed between the two versions">
      <header className="version-diff-head">
        <div className="version-diff-sides">
          <span className="side from"><span className="side-label">From</span>{name(comparison.from)}</span>
          <span className="arrow" aria-hidden="true">→</span>
          <span className="side to"><span className="side-label">To</span>{name(comparison.to)}</span>
        </div>
        <div className="version-diff-tools">
          {diff && (
            <span className="version-diff-counts">
              <span className="count-del">−{plural(diff.removed, 'word')}</span>
              <span className="count-add">+{plural(diff.added, 'word')}</span>
            </span>
          )}
          <label className="only-changes">
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
            Changes only
          </label>
          <button type="button" className="tool" onClick={jumpToChange} disabled={!diff || diff.added + diff.removed === 0}>
            First change
          </button>
          <button type="button" className="tool" onClick={onClose} title="Back to the article (Esc)">
            Done
          </button>
        </div>
      </header>
      <div className={`version-diff-body${onlyChanges ? ' only-changes' : ''}`} ref={body} tabIndex={0} aria-busy={!diff && !error}>
        {error && <p className="version-diff-note">{error}</p>}
        {diff && diff.truncated && <p className="version-diff-note">These versions differ too much to compare word by word throughout: the middle is shown as replaced whole.</p>}
        {diff && diff.added + diff.removed === 0 && <p className="version-diff-note">The two versions have the same words.</p>}
        {diff && (
          <div className="version-diff-text">
            {diff.parts.map((p, i) =>
              p.op === 'same' ? (
                <span key={i} className="same">{onlyChanges ? elide(p.text) : p.text}</span>
              ) : p.op === 'del' ? (
                <del key={i} title="Removed">{p.text}</del>
              ) : (
                <ins key={i} title="Added">{p.text}</ins>
              ),
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** "Changes only": an unchanged run keeps a few words each side for context. */
function elide(text: string): string {
  const words = text.split(/(\s+)/);
  if (words.length <= 24) return text;
  return `${words.slice(0, 10).join('')} … ${words.slice(-10).join('')}`.replace(/\n{2,}/g, '\n');
}
