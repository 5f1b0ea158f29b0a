// The original file behind a clip, as the reader's toolbar and the clip menu reach it. The
// desktop app opens it with the system's app (or shows it in the file manager); browser mode
// downloads it as an attachment, never rendering it in the page.
import type { Api } from '../../../electron/api.ts';
import { originalDownloadUrl } from '../api/http-bridge.ts';

/** Opens the original of clip `id` (named `name` when downloaded). Throws a message for people. */
export async function openOriginal(api: Api, id: number, name: string | null, desktop: boolean): Promise<void> {
  const r = await api.openOriginal({ id });
  // The desktop app shows a file of a format with no safe viewer in its folder instead.
  if (r.opened || r.revealed) return;
  if (desktop && !r.url) throw new Error('No application on this computer opens this file.');
  const a = document.createElement('a');
  a.href = r.url ?? originalDownloadUrl(id);
  a.rel = 'noopener noreferrer';
  a.download = name ?? '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Shows the stored original of clip `id` in the file manager (the desktop app only). */
export async function revealOriginal(api: Api, id: number): Promise<void> {
  const r = await api.revealOriginal({ id });
  if (!r.shown) throw new Error('The file manager could not show this file.');
}
