// A zoomable timeline of clips by publication date, whoever's clips they are: the library's
// (Timeline.tsx) or one entity's (sidebar/EntityTimeline.tsx). Years zoom to months, months to
// days. A click on a bar filters to it and zooms in; a drag across bars filters to a range; the
// crumbs zoom out. From the keyboard: ← → Home End move between bars, Enter or Space does what
// a click does, Backspace or − zooms out one step.
import { useEffect, useRef, useState } from 'react';
import type { Period, Timeline as TimelineData, TimelineGranularity } from '../../../electron/api.ts';
import { daysInMonth, periodLabel, plural } from '../common/format.ts';

/** null: all years; "2019": the months of 2019; "2019-09": the days of September 2019. */
export type Zoom = null | string;

/** What a timeline asks for at a zoom: its counts at that granularity, within that period. */
export interface TimelineQuery extends Period {
  granularity: TimelineGranularity;
}

interface Props {
  /** Answers the counts for a zoom; a new function (another library state, another query) asks again. */
  load(query: TimelineQuery): Promise<TimelineData>;
  /** The period filtering the list, marked on the bars. */
  period: Period | null;
  onPeriod(p: Period | null): void;
  /** The region's name ("Timeline") and what its bars count ("Clips by publication date"). */
  label: string;
  barsLabel: string;
  /** Where it starts (an entity named in one year only starts at that year's months). */
  initialZoom?: Zoom;
  className?: string;
}

export function granularityOf(zoom: Zoom): TimelineGranularity {
  return zoom === null ? 'year' : zoom.length === 4 ? 'month' : 'day';
}

export function queryFor(zoom: Zoom): TimelineQuery {
  return { granularity: granularityOf(zoom), ...(zoom ? { from: zoom, to: zoom } : {}) };
}

/** One step out: days → their year's months → all years. */
export function zoomOut(zoom: Zoom): Zoom {
  return zoom === null || zoom.length === 4 ? null : zoom.slice(0, 4);
}

/** Every bar of the zoom, those without clips at 0: the bars keep time's proportions. */
export function fillBars(data: TimelineData, zoom: Zoom): { period: string; count: number }[] {
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

export function TimelineView({ load, period, onPeriod, label, barsLabel, initialZoom = null, className }: Props) {
  const [zoom, setZoom] = useState<Zoom>(initialZoom);
  const [data, setData] = useState<{ zoom: Zoom; timeline: TimelineData } | null>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const dragging = useRef(false);
  const barsRef = useRef<HTMLDivElement>(null);
  /** A zoom asked for from the keyboard: once its bars are in, focus goes to them (the old ones are gone). */
  const focusAfterZoom = useRef(false);
  /** The counts last asked for. A zoom asks at once, from its click or key, so its request goes
   * out before the list's (the period just set refilters it) rather than queueing behind it. */
  const asked = useRef<{ zoom: Zoom; load: Props['load']; answer: Promise<TimelineData> } | null>(null);
  const ask = (z: Zoom, from: Props['load']): Promise<TimelineData> => {
    const last = asked.current;
    if (last && last.zoom === z && last.load === from) return last.answer;
    const answer = from(queryFor(z));
    asked.current = { zoom: z, load: from, answer };
    return answer;
  };

  useEffect(() => {
    let live = true;
    const query = queryFor(zoom);
    ask(zoom, load).then(
      (t) => live && setData({ zoom, timeline: t }),
      () => live && setData({ zoom, timeline: { granularity: query.granularity, buckets: [], undated: 0 } }),
    );
    return () => {
      live = false;
    };
  }, [load, zoom]);

  // Until the new zoom's counts come, the previous bars stay (no flash of an empty chart).
  const shown = data?.timeline ?? null;
  const shownZoom = data ? data.zoom : zoom;
  const bars = shown ? fillBars(shown, shownZoom) : [];
  const max = Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((s, b) => s + b.count, 0);

  useEffect(() => {
    if (!focusAfterZoom.current || !data || data.zoom !== zoom) return;
    focusAfterZoom.current = false;
    const buttons = [...(barsRef.current?.querySelectorAll<HTMLButtonElement>('.bar') ?? [])];
    (buttons.find((b) => !b.classList.contains('zero')) ?? buttons[0])?.focus();
  }, [data, zoom]);

  const inFilter = (p: string) => {
    // Highlight only a period narrower than what is on screen (not the zoom window itself).
    if (!period || period.undated || !period.from || period.from.length !== p.length) return false;
    const to = period.to ?? period.from;
    return p.slice(0, period.from.length) >= period.from && p.slice(0, to.length) <= to;
  };

  const zoomTo = (z: Zoom, fromKeyboard = false) => {
    focusAfterZoom.current = fromKeyboard;
    void ask(z, load).catch(() => undefined);
    setZoom(z);
  };

  const finish = (start: number, end: number, fromKeyboard = false) => {
    const a = bars[Math.min(start, end)];
    const b = bars[Math.max(start, end)];
    if (!a || !b) return;
    if (start === end) {
      // The zoom first: its counts are asked for before the list is.
      if (a.period.length < 10) zoomTo(a.period, fromKeyboard);
      onPeriod({ from: a.period, to: a.period });
    } else onPeriod({ from: a.period, to: b.period });
  };

  const crumbs: { label: string; zoom: Zoom }[] = [{ label: 'All years', zoom: null }];
  if (zoom) crumbs.push({ label: zoom.slice(0, 4), zoom: zoom.slice(0, 4) });
  if (zoom && zoom.length === 7) crumbs.push({ label: periodLabel(zoom).split(' ')[0], zoom });
  const goTo = (z: Zoom, fromKeyboard = false) => {
    zoomTo(z, fromKeyboard);
    onPeriod(z ? { from: z, to: z } : null);
  };

  const labelEvery = bars.length > 40 ? 10 : bars.length > 16 ? 5 : 1;

  const onBarKey = (e: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
    const move = (to: number) => {
      const buttons = barsRef.current?.querySelectorAll<HTMLButtonElement>('.bar');
      buttons?.[Math.max(0, Math.min(bars.length - 1, to))]?.focus();
    };
    switch (e.key) {
      case 'Enter':
      case ' ':
        finish(i, i, true);
        break;
      case 'ArrowLeft':
        move(i - 1);
        break;
      case 'ArrowRight':
        move(i + 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(bars.length - 1);
        break;
      case 'Backspace':
      case '-':
        if (zoom === null) return;
        goTo(zoomOut(zoom), true);
        break;
      default:
        return;
    }
    // The window's own keys (the list's arrows, Backspace deleting clips) stay out of it.
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section className={`timeline${className ? ` ${className}` : ''}`} aria-label={label}>
      <div className="timeline-head">
        <nav className="crumbs" aria-label="Timeline zoom">
          {crumbs.map((c, i) => (
            <span key={c.label}>
              {i > 0 && <span className="crumb-sep">›</span>}
              <button
                type="button"
                className={`crumb${i === crumbs.length - 1 ? ' current' : ''}`}
                aria-current={i === crumbs.length - 1 ? 'true' : undefined}
                onClick={() => goTo(c.zoom)}
              >
                {c.label}
              </button>
            </span>
          ))}
        </nav>
        <span className="timeline-total">{plural(total, 'clip')}</span>
        {!!shown?.imprecise && (
          <span className="timeline-imprecise" title="Their date is known less precisely than these bars: they are in the list, in no bar">
            + {plural(shown.imprecise, 'clip')} dated by {shownZoom && shownZoom.length === 7 ? 'month or year' : 'year'} only
          </span>
        )}
        <button
          type="button"
          className={`chip-button${period?.undated ? ' on' : ''}`}
          aria-pressed={!!period?.undated}
          onClick={() => onPeriod(period?.undated ? null : { undated: true })}
          disabled={!shown?.undated && !period?.undated}
        >
          Undated {shown?.undated ?? 0}
        </button>
      </div>
      {bars.length === 0 ? (
        <div className="timeline-empty">{shown ? 'No dated clips here yet.' : ''}</div>
      ) : (
        <div
          ref={barsRef}
          className="bars"
          role="group"
          aria-label={barsLabel}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End Enter Backspace"
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
            const barLabel = `${periodLabel(b.period)}: ${plural(b.count, 'clip')}`;
            return (
              <button
                key={b.period}
                type="button"
                className={`bar${inFilter(b.period) ? ' in' : ''}${selecting ? ' selecting' : ''}${b.count === 0 ? ' zero' : ''}`}
                aria-label={barLabel}
                title={barLabel}
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
                onKeyDown={(e) => onBarKey(e, i)}
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
