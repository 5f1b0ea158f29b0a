// Dates as people read them. Publication dates are shown with the precision they were
// recorded with ("2019", "September 2019", "20 September 2019"), never shifted by time zone.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/;

export function formatDate(iso: string | null | undefined, style: 'short' | 'long' = 'short'): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const names = style === 'long' ? MONTHS : SHORT;
  if (!mo) return y;
  if (!d) return `${names[+mo - 1]} ${y}`;
  return `${+d} ${names[+mo - 1]} ${y}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  const date = formatDate(iso, 'long');
  return m[4] ? `${date}, ${m[4]}:${m[5]}` : date;
}

/** A period label for the timeline ("2019", "Sep 2019", "20 Sep"). */
export function periodLabel(period: string, style: 'axis' | 'full' = 'full'): string {
  const [y, mo, d] = period.split('-');
  if (!mo) return y;
  if (!d) return style === 'axis' ? SHORT[+mo - 1] : `${MONTHS[+mo - 1]} ${y}`;
  return style === 'axis' ? String(+d) : `${+d} ${MONTHS[+mo - 1]} ${y}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '';
  if (s < 1) return 'less than a second left';
  if (s < 60) return `about ${Math.ceil(s)} s left`;
  return `about ${Math.ceil(s / 60)} min left`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
