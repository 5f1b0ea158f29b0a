// The library's timeline: its clips by publication date, following the search and the tags
// the list is narrowed to (the zooming, the bars and the keys are TimelineView's).
import { useCallback } from 'react';
import type { Api, Period } from '../../../electron/api.ts';
import { TimelineView, type TimelineQuery } from './TimelineView.tsx';

interface Props {
  api: Api;
  q: string;
  tags: string[];
  revision: number;
  period: Period | null;
  onPeriod(p: Period | null): void;
}

export function Timeline({ api, q, tags, revision, period, onPeriod }: Props) {
  const load = useCallback(
    (query: TimelineQuery) => api.timeline({ ...query, q: q || undefined, tags: tags.length ? tags : undefined }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the revision moves when the library changes: a new load asks again
    [api, q, tags, revision],
  );
  return <TimelineView load={load} period={period} onPeriod={onPeriod} label="Timeline" barsLabel="Clips by publication date" />;
}
