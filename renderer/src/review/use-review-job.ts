// A press review as the window follows it: started (by the Api in browser mode, through the
// desktop shell's save dialog in the app), then its progress and its end as events. Events can
// be missed (an event stream reconnecting) or arrive before the call that started the job has
// answered, so the job is also asked about directly every 1.5 seconds.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CuttingsBridge, ReviewProgress, ReviewRequest, ReviewSummary } from '../../../electron/api.ts';

export interface ReviewJobView {
  stage: ReviewProgress['stage'] | 'starting';
  done: number;
  total: number;
  cancelling: boolean;
}

export function useReviewJob(bridge: CuttingsBridge, onFinished: (summary: ReviewSummary) => void) {
  const { api, desktop } = bridge;
  const [view, setView] = useState<ReviewJobView | null>(null);
  const job = useRef<{ id: string | null; total: number } | null>(null);
  const early = useRef(new Map<string, ReviewProgress | ReviewSummary>());
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  });

  const finish = useCallback((s: ReviewSummary) => {
    if (!job.current || job.current.id !== s.jobId) return;
    job.current = null;
    setView(null);
    finishedRef.current(s);
  }, []);
  const show = useCallback((p: ReviewProgress) => {
    if (!job.current || job.current.id !== p.jobId) return;
    setView((v) => ({ stage: p.stage, done: p.done, total: p.total, cancelling: v?.cancelling ?? false }));
  }, []);

  useEffect(() => {
    const offs = [
      bridge.on('review-progress', (p) => {
        if (job.current?.id === null) early.current.set(p.jobId, p);
        show(p);
      }),
      bridge.on('review-finished', (s) => {
        if (job.current?.id === null) early.current.set(s.jobId, s);
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
      if (id) api.reviewResult({ jobId: id }).then((s) => s && finish(s), () => undefined);
    }, 1500);
    return () => window.clearInterval(timer);
  }, [api, running, finish]);

  /** Starts the review; resolves false when the person cancelled the save dialog. Throws the refusal ("no clips match"). */
  const start = useCallback(
    async (request: ReviewRequest): Promise<boolean> => {
      job.current = { id: null, total: 0 };
      setView({ stage: 'starting', done: 0, total: 0, cancelling: false });
      try {
        const started = desktop ? await desktop.compileReviewTo(request) : await api.compileReview(request);
        if (!started) {
          job.current = null;
          setView(null);
          return false;
        }
        job.current = { id: started.jobId, total: started.clips };
        setView({ stage: 'reading', done: 0, total: started.clips, cancelling: false });
        const seen = early.current.get(started.jobId);
        early.current.clear();
        if (seen && 'status' in seen) finish(seen);
        else if (seen) show(seen);
        return true;
      } catch (e) {
        job.current = null;
        early.current.clear();
        setView(null);
        throw e;
      }
    },
    [api, desktop, show, finish],
  );

  const cancel = useCallback(async () => {
    const id = job.current?.id;
    if (!id) return;
    setView((v) => v && { ...v, cancelling: true });
    await api.cancelReview({ jobId: id }).catch(() => undefined);
  }, [api]);

  return { view, start, cancel };
}
