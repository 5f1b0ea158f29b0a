// Imports as the window starts them — a drop, Import… and Folder…, the samples — and as it
// follows them, its own and those started elsewhere (see import-runs.ts). In the desktop app a
// drop hands the dropped files to the preload, which imports them by path, and Import… opens
// the native dialog; in browser mode the files' bytes are uploaded.
import { useCallback, useEffect, useState } from 'react';
import { MAX_UPLOAD_FILE_BYTES, type CuttingsBridge } from '../../../electron/api.ts';
import { batches, collectDropped, toUploads, type DroppedFile } from './dropped-files.ts';
import { ImportRuns, type ImportView, type MergedSummary } from './import-runs.ts';

const BUSY = 'An import is already running. Wait for it to finish or cancel it.';
const NOTHING = 'Nothing to import: the drop held no files.';

export function useImporter(bridge: CuttingsBridge, onError: (message: string) => void) {
  const { api, desktop } = bridge;
  const [view, setView] = useState<ImportView | null>(null);
  const [summary, setSummary] = useState<MergedSummary | null>(null);
  const [runs] = useState(() => new ImportRuns(api, { view: setView, summary: setSummary }));

  useEffect(() => {
    const offs = [
      bridge.on('import-started', ({ jobId }) => runs.onStarted(jobId)),
      bridge.on('import-progress', (p) => runs.onProgress(p)),
      bridge.on('import-finished', (s) => runs.onFinished(s)),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge, runs]);

  const running = view !== null;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => runs.poll(), 2000);
    return () => window.clearInterval(timer);
  }, [runs, running]);

  /** Browser mode: files dropped or picked in the page, uploaded in batches. */
  const importFiles = useCallback(
    async (dropped: DroppedFile[]) => {
      if (dropped.length === 0) return onError(NOTHING);
      // One request carries at most 64 MB: a larger file cannot go up from the page at all.
      const tooLarge = dropped.filter((f) => f.file.size > MAX_UPLOAD_FILE_BYTES);
      if (tooLarge.length) {
        const names = tooLarge.slice(0, 3).map((f) => `“${f.name}”`).join(', ') + (tooLarge.length > 3 ? ` and ${tooLarge.length - 3} more` : '');
        onError(`${names} ${tooLarge.length === 1 ? 'is' : 'are'} too large to send from the browser (over ${Math.floor(MAX_UPLOAD_FILE_BYTES / 1024 / 1024)} MB): import ${tooLarge.length === 1 ? 'it' : 'them'} with \`cuttings import\` or the desktop app.`);
      }
      const files = dropped.filter((f) => f.file.size <= MAX_UPLOAD_FILE_BYTES);
      if (files.length === 0) return;
      const r = runs.open(files.length);
      if (!r) return onError(BUSY);
      try {
        for (const batch of batches(files)) {
          if (r.cancelled) break;
          const uploads = await toUploads(batch);
          await runs.started(r, () => api.importUploads({ files: uploads }));
        }
        runs.sent(r);
      } catch (e) {
        onError((e as Error).message);
        runs.failed(r);
      }
    },
    [runs, api, onError],
  );

  /** The desktop app: the dropped files and folders themselves; the preload reads their paths. */
  const importDesktopFiles = useCallback(
    async (files: File[]) => {
      if (!desktop) return;
      if (files.length === 0) return onError(NOTHING);
      const r = runs.open(files.length);
      if (!r) return onError(BUSY);
      try {
        await runs.started(r, async () => {
          const res = await desktop.importFiles(files);
          if (!res) onError('Nothing to import: what was dropped is not a file on this computer.');
          // Folders are walked by the library: its progress says how many files there are.
          r.expectedFiles = 0;
          return res;
        });
        runs.sent(r);
      } catch (e) {
        onError((e as Error).message);
        runs.failed(r);
      }
    },
    [runs, desktop, onError],
  );

  /** A drop on the window. Called while the drop event is dispatched: its files vanish afterwards. */
  const importDrop = useCallback(
    (dt: DataTransfer) => {
      if (desktop) void importDesktopFiles(Array.from(dt.files));
      else void collectDropped(dt).then(importFiles);
    },
    [desktop, importDesktopFiles, importFiles],
  );

  /** The desktop app's Import… and Folder…: the native dialog, then the import of what was chosen. */
  const chooseAndImport = useCallback(
    async (kind: 'files' | 'folder') => {
      if (!desktop) return;
      if (runs.busy) return onError(BUSY);
      try {
        // No run opens before something is chosen: a progress bar would sit under the dialog.
        await runs.started(null, () => desktop.chooseAndImport(kind));
      } catch (e) {
        onError((e as Error).message);
      }
    },
    [runs, desktop, onError],
  );

  const loadSamples = useCallback(async () => {
    const r = runs.open(0, true);
    if (!r) return onError(BUSY);
    try {
      await runs.started(r, () => api.loadSamples({}));
      runs.sent(r);
    } catch (e) {
      onError((e as Error).message);
      runs.failed(r);
    }
  }, [runs, api, onError]);

  const cancel = useCallback(() => runs.cancel(), [runs]);
  const dismissSummary = useCallback(() => setSummary(null), []);

  return { view, summary, dismissSummary, importDrop, importFiles, chooseAndImport, loadSamples, cancel };
}
