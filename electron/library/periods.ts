// Timeline periods ("2019", "2019-09", "2019-09-20") as half-open ranges of ISO strings, so
// that a day-only date and a date with a time compare correctly as text.

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The first ISO string after the period `p` ("2019-09" → "2019-10"). */
export function periodEnd(p: string): string | null {
  const m = PERIOD.exec(p);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) {
    const next = new Date(Date.UTC(+y, +mo - 1, +d + 1));
    return next.toISOString().slice(0, 10);
  }
  if (mo) return +mo === 12 ? `${+y + 1}-01` : `${y}-${String(+mo + 1).padStart(2, '0')}`;
  return String(+y + 1);
}

export function periodStart(p: string): string | null {
  const m = PERIOD.exec(p);
  return m ? m[0] : null;
}

/** `from` and `to` are inclusive periods; the result is [from, toExclusive). */
export function periodBounds(from?: string, to?: string): { from: string | null; to: string | null } {
  return { from: from ? periodStart(from) : null, to: to ? periodEnd(to) : null };
}
