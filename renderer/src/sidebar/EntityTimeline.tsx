// An entity's own timeline on its page: the clips naming it by publication date, zooming as the
// library's timeline does (TimelineView). Its counts are those of the filter that shows its
// clips (person:"…"), so a bar's count is what the list shows when the bar is clicked.
import { useCallback } from 'react';
import type { EntitySummary, Period } from '../../../electron/api.ts';
import { getBridge } from '../api/bridge.ts';
import { TimelineView, type TimelineQuery, type Zoom } from '../timeline/TimelineView.tsx';
import { toggleEntityFilter } from './entity-filter-text.ts';

/** The search that shows an entity's clips, as a click on it in the sidebar writes it. */
export function entityQuery(entity: Pick<EntitySummary, 'kind' | 'name'>): string {
  return toggleEntityFilter('', entity.kind, entity.name);
}

/** Named in one year only: the timeline starts at that year's months, not at a single bar. */
export function startingZoom(months: { month: string }[]): Zoom {
  const years = new Set(months.map((m) => m.month.slice(0, 4)));
  return years.size === 1 ? [...years][0] : null;
}

interface Props {
  entity: EntitySummary;
  months: { month: string }[];
  period: Period | null;
  onPeriod(p: Period | null): void;
}

export function EntityTimeline({ entity, months, period, onPeriod }: Props) {
  const api = getBridge().api;
  const q = entityQuery(entity);
  const load = useCallback((query: TimelineQuery) => api.timeline({ ...query, q }), [api, q]);
  return (
    <TimelineView
      load={load}
      period={period}
      onPeriod={onPeriod}
      initialZoom={startingZoom(months)}
      label={`Timeline of ${entity.name}`}
      barsLabel={`Clips naming ${entity.name} by publication date`}
      className="entity-timeline"
    />
  );
}
