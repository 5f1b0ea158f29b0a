// Re-extraction as the window starts and follows it: one clip, a selection (the clip menu) or
// the whole library (File → Re-extract Whole Library…, or the list's More menu in browser
// mode). Progress comes as events; they can be missed (an event stream reconnecting), so a
// running job is also asked about directly every two seconds.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CuttingsBridge, ReextractProgress, ReextractSummary } from '../../../electron/api.ts';

export interface ReextractView extends Omit<ReextractProgress, 'jobId' | 'clipsPerSecond'> {
  cancelling: boolean;
}

export interface ReextractRun {
  /** One clip: its title, for the note at the end (no summary sheet for one). */
  single: string | null;
  summary: ReextractSummary;
}

const BUSY = 'Clips are already being re-extracted. Wait for that to finish or cancel it.';

export function useReextract(bridge: CuttingsBridge, options: { onError(message: string): void; onFinished(run: ReextractRun): void }) {
  const { api } = bridge;
  const [view, setView] = useState<ReextractView | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // The job on screen, and events of jobs the window has not learnt the id of yet (the events
  // may come before the call that started the job answers).
  const job = useRef<{ id: string | null; single: string | null; cancelling: boolean } | null>(null);
  const early = useRef(new Map<string, ReextractProgress | ReextractSummary>());
  /** Jobs seen to the end: a late event of one is not taken for a new job. */
  const ended = useRef(new Set<string>());

  const finish = useCallback((summary: ReextractSummary) => {
    const j = job.current;
    ended.current.add(summary.jobId);
    if (!j || j.id !== summary.jobId) return;
    job.current = null;
    setView(null);
    latest.current.onFinished({ single: j.single, summary });
  }, []);

  const show = useCallback((p: ReextractProgress) => {
    const j = job.current;
    if (!j || j.id !== p.jobId) return;
    const { jobId: _id, clipsPerSecond: _rate, ...rest } = p;
    setView({ ...rest, cancelling: j.cancelling });
  }, []);

  useEffect(() => {
    const offs = [
      bridge.on('reextract-progress', (p) => {
        if (job.current && job.current.id === null) early.current.set(p.jobId, p);
        else if (!job.current && !ended.current.has(p.jobId)) {
          // Started elsewhere (another tab of browser mode): followed here too.
          job.current = { id: p.jobId, single: null, cancelling: false };
        }
        show(p);
      }),
      bridge.on('reextract-finished', (s) => {
        if (job.current && job.current.id === null) early.current.set(s.jobId, s);
        finish(s);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge, show, finish]);

  const running = view !== null;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      const id = job.current?.id;
      if (id) api.reextractResult({ jobId: id }).then((s) => s && finish(s), () => undefined);
    }, 2000);
    return () => window.clearInterval(timer);
  }, [api, running, finish]);

  /** Re-extracts these clips (`single`: the one clip's title), or the whole library. */
  const start = useCallback(
    async (target: { ids: number[]; single?: string } | { all: true }) => {
      if (job.current) return latest.current.onError(BUSY);
      const single = 'ids' in target && target.ids.length === 1 ? (target.single ?? 'the clip') : null;
      job.current = { id: null, single, cancelling: false };
      setView({ done: 0, total: 'ids' in target ? target.ids.length : 0, currentClip: null, changed: 0, unchanged: 0, failed: 0, etaSeconds: null, cancelling: false });
      try {
        const { jobId } = await api.reextractClips('ids' in target ? { ids: target.ids } : { all: true });
        job.current.id = jobId;
        const seen = early.current.get(jobId);
        early.current.clear();
        if (seen && 'outcomes' in seen) finish(seen);
        else if (seen) show(seen);
      } catch (e) {
        job.current = null;
        early.current.clear();
        setView(null);
        latest.current.onError((e as Error).message);
      }
    },
    [api, show, finish],
  );

  const cancel = useCallback(async () => {
    const j = job.current;
    if (!j?.id) return;
    j.cancelling = true;
    setView((v) => v && { ...v, cancelling: true });
    await api.cancelReextract({ jobId: j.id }).catch(() => undefined);
  }, [api]);

  return { view, start, cancel };
}
