// File ▸ Site Rules… (or the record editor's link): the corrections Cuttings remembers per site
// and applies to that site's new imports, each with a Delete (and an Undo in the toast).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, SiteRule } from '../../../electron/api.ts';
import { formatDate } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import type { ShowToast } from '../common/toasts.tsx';
import { ruleText } from '../reader/record-edit-notices.ts';
import '../reader/record-editor.css';

interface Props {
  api: Api;
  /** The site of the clip being read: its rules come first. */
  site?: string | null;
  /** Bumped when the library changes (a rule remembered or deleted elsewhere). */
  revision: number;
  toast: ShowToast;
  onChanged(): void;
  onClose(): void;
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function SiteRulesDialog({ api, site, revision, toast, onChanged, onClose }: Props) {
  const [rules, setRules] = useState<SiteRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = useRef<HTMLButtonElement>(null);

  const load = useCallback(() => {
    api.listSiteRules({}).then(setRules, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load, revision]);

  const remove = async (rule: SiteRule) => {
    try {
      await api.deleteSiteRule({ id: rule.id });
      // The keyboard stays in the dialog: on the next rule's Delete, or on Done.
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.site-rule button')];
      const next = buttons[buttons.findIndex((b) => b === document.activeElement) + 1];
      (next ?? done.current)?.focus();
      load();
      onChanged();
      toast({
        message: `Deleted the rule for ${rule.site}: ${ruleText(rule)}.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              const { site: s, field, action, match, value } = rule;
              await api.createSiteRule({ site: s, field, action, match, value });
              load();
              onChanged();
            } catch (e) {
              toast({ message: (e as Error).message, tone: 'error' });
            }
          },
        },
      });
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
    }
  };

  // Grouped by site, the site being read first.
  const sites = [...new Set((rules ?? []).map((r) => r.site))].sort((a, b) => Number(b === site) - Number(a === site) || a.localeCompare(b));

  return (
    <Modal title="Site rules" onClose={onClose} className="site-rules-modal">
      <p className="modal-text">
        Corrections Cuttings applies to new clips from a site. When you make the same correction on two clips from one site, Cuttings offers to
        remember it. Clips already in the library keep what they have.
      </p>
      {error && (
        <p className="record-error" role="alert">
          {error}
        </p>
      )}
      {rules && rules.length === 0 && <p className="site-rules-empty">No site rules yet.</p>}
      {sites.map((s) => (
        <section key={s} aria-label={`Rules for ${s}`}>
          <h3 className="site-rules-site">{s}</h3>
          <ul className="site-rules-list">
            {rules!
              .filter((r) => r.site === s)
              .map((r) => (
                <li key={r.id} className="site-rule">
                  <span className="site-rule-text">
                    {sentence(ruleText(r))}
                    <span className="site-rule-when"> · since {formatDate(r.createdAt.slice(0, 10), 'long')}</span>
                  </span>
                  <button type="button" className="btn small danger" aria-label={`Delete the rule for ${s}: ${ruleText(r)}`} onClick={() => void remove(r)}>
                    Delete
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <div className="modal-actions">
        <button ref={done} type="button" className="btn" data-autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
