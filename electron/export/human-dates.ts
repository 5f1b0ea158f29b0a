// Dates as people read them in an export, with the precision they were recorded with
// ("2019", "September 2019", "20 September 2019"), never shifted by a time zone: the date
// part is read as written.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export function humanDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
