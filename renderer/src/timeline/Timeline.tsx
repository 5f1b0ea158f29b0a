// The timeline: clips by publication date as a histogram that zooms from years to months to
// days. Click a bar to filter to it (and zoom in); drag across bars to filter to a range.
import { useEffect, useRef, useState } from 'react';
import type { Api, Period, Timeline as TimelineData } from '../../../electron/api.ts';
import { daysInMonth, periodLabel, plural } from '../common/format.ts';

interface Props {
  api: Api;
  q: string;
  tags: string[];
  revision: number;
  period: Period | null;
  onPeriod(p: Period | null): void;
}

type Zoom = null | string; // null: all years; "2019": months of 2019; "2019-09": days of September 2019

function fill(data: TimelineData, zoom: Zoom): { period: string; count: number }[] {
  const counts = new Map(data.buckets.map((b) => [b.period, b.count]));
  const out: { period: string; count: number }[] = [];
  if (zoom === null) {
    if (data.buckets.length === 0) return out;
    const years = data.buckets.map((b) => +b.period.slice(0, 4));
    let lo = Math.min(...years);
    const hi = Math.max(...years);
    // Keep a long library readable: at most 60 years of bars, the most recent ones.
    lo = Math.max(lo, hi - 59);
    for (let y = lo; y <= hi; y++) out.push({ period: String(y), count: counts.get(String(y)) ?? 0 });
    return out;
  }
  if (zoom.length === 4) {
    for (let m = 1; m <= 12; m++) {
      const p = `${zoom}-${String(m).padStart(2, '0')}`;
      out.push({ period: p, count: counts.get(p) ?? 0 });
    }
    return out;
  }
  const [y, m] = zoom.split('-').map(Number);
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const p = `${zoom}-${String(d).padStart(2, '0')}`;
    out.push({ period: p, count: counts.get(p) ?? 0 });
  }
  return out;
}

export function Timeline({ api, q, tags, revision, period, onPeriod }: Props) {
  const [zoom, setZoom] = useState<Zoom>(null);
  const [data, setData] = useState<TimelineData | null>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const dragging = useRef(false);

  useEffect(() => {
    let live = true;
    const granularity = zoom === null ? 'year' : zoom.length === 4 ? 'month' : 'day';
    const args = { granularity, q: q || undefined, tags: tags.length ? tags : undefined, ...(zoom ? { from: zoom, to: zoom } : {}) } as const;
    api.timeline(args).then((t) => live && setData(t), () => live && setData({ granularity, buckets: [], undated: 0 }));
    return () => {
      live = false;
    };
  }, [api, q, tags, zoom, revision]);

  const bars = data ? fill(data, zoom) : [];
  const max = Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((s, b) => s + b.count, 0);

  const inFilter = (p: string) => {
    // Highlight only a period narrower than what is on screen (not the zoom window itself).
    if (!period || period.undated || !period.from || period.from.length !== p.length) return false;
    const to = period.to ?? period.from;
    return p.slice(0, period.from.length) >= period.from && p.slice(0, to.length) <= to;
  };

  const finish = (start: number, end: number) => {
    const a = bars[Math.min(start, end)];
    const b = bars[Math.max(start, end)];
    if (!a || !b) return;
    if (start === end) {
      onPeriod({ from: a.period, to: a.period });
      if (a.period.length < 10) setZoom(a.period);
    } else onPeriod({ from: a.period, to: b.period });
  };

  const crumbs: { label: string; zoom: Zoom }[] = [{ label: 'All years', zoom: null }];
  if (zoom) crumbs.push({ label: zoom.slice(0, 4), zoom: zoom.slice(0, 4) });
  if (zoom && zoom.length === 7) crumbs.push({ label: periodLabel(zoom).split(' ')[0], zoom });

  const labelEvery = bars.length > 40 ? 10 : bars.length > 16 ? 5 : 1;

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-head">
        <nav className="crumbs" aria-label="Timeline zoom">
          {crumbs.map((c, i) => (
            <span key={c.label}>
              {i > 0 && <span className="crumb-sep">›</span>}
              <button
                type="button"
                className={`crumb${i === crumbs.length - 1 ? ' current' : ''}`}
                aria-current={i === crumbs.length - 1 ? 'true' : undefined}
                onClick={() => {
                  setZoom(c.zoom);
                  onPeriod(c.zoom ? { from: c.zoom, to: c.zoom } : null);
                }}
              >
                {c.label}
              </button>
            </span>
          ))}
        </nav>
        <span className="timeline-total">{plural(total, 'clip')}</span>
        {!!data?.imprecise && (
          <span className="timeline-imprecise" title="Their date is known less precisely than these bars: they are in the list, in no bar">
            + {plural(data.imprecise, 'clip')} dated by {zoom && zoom.length === 7 ? 'month or year' : 'year'} only
          </span>
        )}
        <button
          type="button"
          className={`chip-button${period?.undated ? ' on' : ''}`}
          aria-pressed={!!period?.undated}
          onClick={() => onPeriod(period?.undated ? null : { undated: true })}
          disabled={!data?.undated && !period?.undated}
        >
          Undated {data?.undated ?? 0}
        </button>
      </div>
      {bars.length === 0 ? (
        <div className="timeline-empty">{data ? 'No dated clips here yet.' : ''}</div>
      ) : (
        <div
          className="bars"
          role="group"
          aria-label="Clips by publication date"
          onMouseLeave={() => {
            if (dragging.current && drag) {
              dragging.current = false;
              finish(drag.start, drag.end);
              setDrag(null);
            }
          }}
        >
          {bars.map((b, i) => {
            const selecting = drag && i >= Math.min(drag.start, drag.end) && i <= Math.max(drag.start, drag.end);
            const label = `${periodLabel(b.period)}: ${plural(b.count, 'clip')}`;
            return (
              <button
                key={b.period}
                type="button"
                className={`bar${inFilter(b.period) ? ' in' : ''}${selecting ? ' selecting' : ''}${b.count === 0 ? ' zero' : ''}`}
                aria-label={label}
                title={label}
                data-period={b.period}
                onMouseDown={(e) => {
                  if (e.button !== 0) return;
                  e.preventDefault();
                  dragging.current = true;
                  setDrag({ start: i, end: i });
                }}
                onMouseEnter={() => dragging.current && setDrag((d) => (d ? { ...d, end: i } : d))}
                onMouseUp={() => {
                  if (!dragging.current || !drag) return;
                  dragging.current = false;
                  finish(drag.start, i);
                  setDrag(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    finish(i, i);
                  }
                }}
              >
                {/* At least 8%: a year with one clip must stand apart from an empty one. */}
                <span className="bar-fill" style={{ height: `${b.count ? Math.max(8, (b.count / max) * 100) : 0}%` }} />
                <span className="bar-label" aria-hidden="true">
                  {i % labelEvery === 0 || bars.length <= 16 ? periodLabel(b.period, 'axis') : ''}
                </span>
              </button>
            );
          })}
        </div>
      )}
    </section>
  );
}
