// Copying citations: the library formats them (citeClips: citeproc-js with the CSL styles), and
// the window puts both forms on the clipboard — HTML, so a word processor keeps the italics,
// and plain text for everything else. Where the clipboard refuses HTML (or anything), the
// plain text is shown in the toast to copy by hand, as copyText does.
import type { Api, CitationStyle } from '../../../electron/api.ts';
import { copyText } from '../common/copy-text.ts';
import { plural } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';

export const STYLE_LABELS: Record<CitationStyle, string> = { apa: 'APA', chicago: 'Chicago', mla: 'MLA' };
/** What each choice is, said where there is room (the picker's hints). */
export const STYLE_DETAILS: Record<CitationStyle, string> = { apa: '7th edition', chicago: 'notes and bibliography', mla: '9th edition' };

export async function copyCitations(api: Api, ids: number[], style: CitationStyle, toast: ShowToast): Promise<void> {
  const { text, html } = await api.citeClips({ ids, style });
  const n = text.split('\n').length;
  const done = `${n === 1 ? 'Citation' : plural(n, 'citation')} copied (${STYLE_LABELS[style]}).`;
  try {
    if (typeof ClipboardItem === 'undefined') throw new Error('no rich clipboard');
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
    ]);
    toast({ message: done });
  } catch {
    // Plain text only: older browsers, or a clipboard that takes no HTML.
    await copyText(text, toast, done, n === 1 ? 'Citation' : 'Citations');
  }
}
