// Re-extraction as the window offers it: the whole library after a confirmation, one clip or
// a selection from the clip menu. A run of several clips ends in the summary sheet; a run of
// one ends in a toast.
import { useState } from 'react';
import type { CuttingsBridge } from '../../../electron/api.ts';
import type { ShowToast } from '../common/toasts.tsx';
import { singleNote } from '../reextract/ReextractViews.tsx';
import { useReextract, type ReextractRun } from '../reextract/use-reextract.ts';

interface Options {
  clipCount: number;
  refresh(): void;
  show: ShowToast;
  toastError(message: string): void;
}

export function useReextraction(bridge: CuttingsBridge, { clipCount, refresh, show, toastError }: Options) {
  const [summary, setSummary] = useState<ReextractRun['summary'] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const reextract = useReextract(bridge, {
    onError: toastError,
    onFinished: ({ single, summary }) => {
      refresh();
      if (single === null) return setSummary(summary);
      const note = singleNote(single, summary);
      show({ message: note.message, tone: note.error ? 'error' : 'info' });
    },
  });
  /** File → Re-extract Whole Library…: asks to confirm first. */
  const reextractLibrary = () => (clipCount ? setConfirming(true) : show({ message: 'The library has no clips to re-extract yet.' }));

  return { reextract, summary, setSummary, confirming, setConfirming, reextractLibrary };
}

export type Reextraction = ReturnType<typeof useReextraction>;
