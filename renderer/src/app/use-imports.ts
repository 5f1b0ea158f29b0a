// Imports as the window offers them: a drop on the window, Import… and Folder… (the native
// dialog in the desktop app, the browser's file picker otherwise), and the samples, which end
// in a toast rather than the summary sheet. Every finished import refreshes the list.
import { useEffect, useEffectEvent, useRef } from 'react';
import type { CuttingsBridge } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';
import type { FilePickersHandle } from '../import/FilePickers.tsx';
import { useImporter } from '../import/use-importer.ts';
import { useWindowDrop } from '../import/use-window-drop.ts';

export function useImports(bridge: CuttingsBridge, { show, toastError, refresh }: { show: ShowToast; toastError(message: string): void; refresh(): void }) {
  const importer = useImporter(bridge, toastError);
  const dragging = useWindowDrop(importer.importDrop);
  const pickers = useRef<FilePickersHandle>(null);

  /** Import… and Folder…: the native dialog in the desktop app, the browser's file picker otherwise. */
  const chooseImport = (kind: 'files' | 'folder') => {
    if (bridge.desktop) void importer.chooseAndImport(kind);
    else pickers.current?.open(kind);
  };

  const onSummary = useEffectEvent((summary: typeof importer.summary) => {
    if (summary?.samples) {
      show({ message: `Loaded ${plural(summary.added, 'sample clipping')}.` });
      importer.dismissSummary();
    }
    if (summary) refresh();
  });
  useEffect(() => onSummary(importer.summary), [importer.summary]);

  return { importer, dragging, pickers, chooseImport };
}
