// Text onto the clipboard. Where the clipboard is refused (a browser without permission), the
// text is shown in the toast instead, so the person can still select and copy it.
import type { ShowToast } from './toasts.tsx';

export async function copyText(text: string, toast: ShowToast, done: string, shownAs: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast({ message: done });
  } catch {
    toast({ message: `${shownAs}: ${text}` });
  }
}
