// One import as the user sees it: a drop (or the Import… button, or the samples) may become
// several jobs on the library (browser mode sends large drops in batches); their progress is
// added up into one bar, and their outcomes into one summary.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, CuttingsBridge, ImportOutcome, ImportProgress, ImportSummary } from '../../../electron/api.ts';
import { batches, toUploads, type DroppedFile } from './dropped-files.ts';
import { runSpeed } from './run-speed.ts';

/** The contract's progress of the jobs added up, plus what only the window knows. */
export interface ImportView extends Omit<ImportProgress, 'jobId' | 'filesPerSecond'> {
  /** Still sending bytes to the library (browser mode). */
  uploading: boolean;
  cancelling: boolean;
}

export interface MergedSummary {
  cancelled: boolean;
  added: number;
  duplicates: number;
  failed: number;
  outcomes: ImportOutcome[];
  elapsedMs: number;
  samples: boolean;
}

interface Run {
  jobs: string[];
  expectedFiles: number;
  sending: boolean;
  cancelled: boolean;
  started: number;
  samples: boolean;
  /** Files per second of the whole run, from its counts so far (see run-speed.ts). */
  speed: ReturnType<typeof runSpeed>;
}

export function useImporter(bridge: CuttingsBridge, onError: (message: string) => void) {
  const api: Api = bridge.api;
  const [view, setView] = useState<ImportView | null>(null);
  const [summary, setSummary] = useState<MergedSummary | null>(null);
  const run = useRef<Run | null>(null);
  const progress = useRef(new Map<string, ImportProgress>());
  const finished = useRef(new Map<string, ImportSummary>());

  const recompute = useCallback(() => {
    const r = run.current;
    if (!r) return;
    const ps = r.jobs.map((j) => progress.current.get(j)).filter((p): p is ImportProgress => !!p);
    const fs = r.jobs.map((j) => finished.current.get(j)).filter((s): s is ImportSummary => !!s);
    if (!r.sending && r.jobs.length > 0 && fs.length === r.jobs.length) {
      const merged: MergedSummary = {
        cancelled: r.cancelled || fs.some((s) => s.cancelled),
        added: fs.reduce((n, s) => n + s.added, 0),
        duplicates: fs.reduce((n, s) => n + s.duplicates, 0),
        failed: fs.reduce((n, s) => n + s.failed, 0),
        outcomes: fs.flatMap((s) => s.outcomes),
        elapsedMs: performance.now() - r.started,
        samples: r.samples,
      };
      run.current = null;
      setView(null);
      setSummary(merged);
      return;
    }
    const sumOf = (k: 'done' | 'total' | 'added' | 'duplicates' | 'failed') =>
      r.jobs.reduce((n, j) => {
        const s = finished.current.get(j);
        if (s && k !== 'total' && k !== 'done') return n + s[k];
        if (s) return n + s.outcomes.length;
        return n + (progress.current.get(j)?.[k] ?? 0);
      }, 0);
    const done = sumOf('done');
    const total = Math.max(r.expectedFiles, sumOf('total'), done);
    const latest = ps[ps.length - 1];
    const speed = r.speed(performance.now(), done);
    const eta = speed && !ps.some((p) => p.scanning) ? Math.round((total - done) / speed) : null;
    setView({
      done,
      total,
      scanning: ps.some((p) => p.scanning),
      currentFile: latest?.currentFile ?? null,
      added: sumOf('added'),
      duplicates: sumOf('duplicates'),
      failed: sumOf('failed'),
      etaSeconds: eta,
      uploading: r.sending,
      cancelling: r.cancelled,
    });
  }, []);

  useEffect(() => {
    const off1 = bridge.on('import-progress', (p) => {
      progress.current.set(p.jobId, p);
      if (run.current?.jobs.includes(p.jobId)) recompute();
    });
    const off2 = bridge.on('import-finished', (s) => {
      finished.current.set(s.jobId, s);
      if (run.current?.jobs.includes(s.jobId)) recompute();
    });
    return () => {
      off1();
      off2();
    };
  }, [bridge, recompute]);

  // Events can be missed (an EventSource reconnecting): while a run is open, ask now and then.
  useEffect(() => {
    if (!view) return;
    const timer = window.setInterval(() => {
      const r = run.current;
      if (!r || r.sending) return;
      for (const jobId of r.jobs) {
        if (finished.current.has(jobId)) continue;
        api.importResult({ jobId }).then(
          (s) => {
            if (s && !finished.current.has(jobId)) {
              finished.current.set(jobId, s);
              recompute();
            }
          },
          () => undefined,
        );
      }
    }, 2000);
    return () => window.clearInterval(timer);
  }, [api, view, recompute]);

  const begin = (expectedFiles: number, samples = false): Run | null => {
    if (run.current) {
      onError('An import is already running. Wait for it to finish or cancel it.');
      return null;
    }
    setSummary(null);
    run.current = { jobs: [], expectedFiles, sending: true, cancelled: false, started: performance.now(), samples, speed: runSpeed() };
    recompute();
    return run.current;
  };

  const addJob = async (r: Run, jobId: string) => {
    r.jobs.push(jobId);
    if (r.cancelled) await api.cancelImport({ jobId }).catch(() => undefined);
    // The job may have finished before we learned its id (tiny imports are quick).
    if (!finished.current.has(jobId)) {
      const s = await api.importResult({ jobId }).catch(() => null);
      if (s) finished.current.set(jobId, s);
    }
  };

  const fail = (r: Run, e: unknown) => {
    onError((e as Error).message);
    r.sending = false;
    if (r.jobs.length === 0) {
      run.current = null;
      setView(null);
    } else recompute();
  };

  /** Files dropped or picked in the page. */
  const importFiles = useCallback(
    async (files: DroppedFile[]) => {
      if (files.length === 0) {
        onError('Nothing to import: the drop held no files.');
        return;
      }
      const r = begin(files.length);
      if (!r) return;
      try {
        const paths = bridge.pathsForFiles(files.map((f) => f.file)).filter(Boolean);
        if (paths.length > 0) {
          const { jobId } = await api.importPaths({ paths });
          r.expectedFiles = 0; // folders are walked by the library; its progress says how many
          await addJob(r, jobId);
        } else {
          for (const batch of batches(files)) {
            if (r.cancelled) break;
            const uploads = await toUploads(batch);
            const { jobId } = await api.importUploads({ files: uploads });
            await addJob(r, jobId);
          }
        }
        r.sending = false;
        if (r.jobs.length === 0) {
          run.current = null;
          setView(null);
          return;
        }
        recompute();
      } catch (e) {
        fail(r, e);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, api, recompute],
  );

  const loadSamples = useCallback(async () => {
    const r = begin(0, true);
    if (!r) return;
    try {
      const { jobId } = await api.loadSamples({});
      await addJob(r, jobId);
      r.sending = false;
      recompute();
    } catch (e) {
      fail(r, e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, recompute]);

  const cancel = useCallback(async () => {
    const r = run.current;
    if (!r) return;
    r.cancelled = true;
    recompute();
    await Promise.all(r.jobs.map((jobId) => api.cancelImport({ jobId }).catch(() => undefined)));
    if (r.jobs.length === 0) {
      run.current = null;
      setView(null);
    }
  }, [api, recompute]);

  return { view, summary, dismissSummary: () => setSummary(null), importFiles, loadSamples, cancel };
}
