// What the window says after a person corrects records (the reader's editor, the selection's
// outlet and date): the change with its Undo, the name an outlet is shown under when it is not
// the one typed, and a site rule offered when the same correction was made on several clips
// of a site ("Remember for bbc.com?").
import type { Api, NewSiteRule, RecordEdit, SiteRuleSuggestion } from '../../../electron/api.ts';
import { formatDate } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';

const FIELD_NAMES: Record<NewSiteRule['field'], string> = {
  title: 'headline',
  author: 'byline',
  source: 'outlet',
  publishedAt: 'date',
  url: 'link',
};

export function fieldName(field: NewSiteRule['field']): string {
  return FIELD_NAMES[field];
}

const shown = (field: NewSiteRule['field'], value: string | null) => (field === 'publishedAt' && value ? formatDate(value, 'long') : `“${value ?? ''}”`);

/** What a rule does, as a phrase: "drop the byline “BBC News”". */
export function ruleText(rule: NewSiteRule): string {
  const name = FIELD_NAMES[rule.field];
  if (rule.action === 'drop') return `drop the ${name} ${shown(rule.field, rule.match)}`;
  if (rule.action === 'replace') return `replace the ${name} ${shown(rule.field, rule.match)} with ${shown(rule.field, rule.value)}`;
  return `set the ${name} to ${shown(rule.field, rule.value)}`;
}

interface Notices {
  api: Api;
  toast: ShowToast;
  /** The library changed (after an undo, or a rule remembered): refresh the views. */
  onChanged(): void;
  /** Opens the list of site rules. */
  onShowRules(): void;
}

/** Offers to remember each suggested rule; says what a remembered one will do, with an Undo. */
export function offerRules(suggestions: SiteRuleSuggestion[], n: Notices): void {
  for (const s of suggestions) {
    const { clips, ...rule } = s;
    n.toast({
      message: `You made the same correction on ${clips} clips from ${s.site}. Remember it for new imports from ${s.site}: ${ruleText(rule)}?`,
      action: {
        label: 'Remember',
        run: async () => {
          try {
            const created = await n.api.createSiteRule(rule);
            n.onChanged();
            n.toast({
              message: `Remembered: new clips from ${created.site} will ${ruleText(created)}.`,
              action: {
                label: 'Undo',
                run: async () => {
                  await n.api.deleteSiteRule({ id: created.id });
                  n.onChanged();
                },
              },
            });
          } catch (e) {
            n.toast({ message: (e as Error).message, tone: 'error' });
          }
        },
      },
    });
  }
}

/**
 * After an edit: "Saved…" with an Undo, a word when the outlet is shown under another name
 * than the one typed, then the rules worth remembering.
 */
export function announceEdit(edit: RecordEdit, message: string, n: Notices & { typedOutlet?: string | null; onUndone?(): void }): void {
  if (edit.undoToken) {
    const token = edit.undoToken;
    n.toast({
      message,
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await n.api.undoEdit({ undoToken: token });
            n.onChanged();
            n.onUndone?.();
            n.toast({ message: 'Your change was undone.' });
          } catch (e) {
            n.toast({ message: (e as Error).message, tone: 'error' });
          }
        },
      },
    });
  } else if (!edit.changed && edit.outlet === undefined) {
    n.toast({ message: 'Nothing to change: the record already says that.' });
  }
  const typed = n.typedOutlet?.replace(/\s+/g, ' ').trim();
  if (typed && edit.outlet && edit.outlet !== typed) {
    n.toast({ message: `“${typed}” is ${edit.outlet} in this library: an outlet has one name. Rename the outlet under Sources to show it otherwise.` });
  }
  offerRules(edit.suggestions, n);
}
