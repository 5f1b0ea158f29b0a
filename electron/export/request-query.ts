// An ExportRequest from a download address (browser mode's GET api/export?format=…&ids=…&query=…),
// the inverse of the window's exportDownloadUrl. Ids are a comma list in which runs may be
// written as ranges ("1-400,407,512-530"): a selection of thousands of clips still fits in an
// address, whose length the server limits.
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../api.ts';
import { ExportError } from './export-error.ts';

/** More ids than a window can select (Select All stops at 10,000) cannot be a real request. */
const MAX_IDS = 100_000;

function parseIds(raw: string): number[] {
  const ids: number[] = [];
  for (const part of raw.split(',')) {
    if (!part) continue;
    const m = /^(\d{1,15})(?:-(\d{1,15}))?$/.exec(part.trim());
    if (!m) throw new ExportError(`"${part.slice(0, 40)}" is not a clip number or a range of them (ids=1,2,5-9).`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new ExportError(`"${part.slice(0, 40)}" is not a clip number or a range of them (ids=1,2,5-9).`);
    if (ids.length + (to - from + 1) > MAX_IDS) throw new ExportError(`An export can name at most ${MAX_IDS.toLocaleString('en-GB')} clips by number.`);
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return ids;
}

export function exportRequestFromQuery(params: URLSearchParams): ExportRequest {
  const format = params.get('format') ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ExportError(`Unknown export format "${format.slice(0, 40)}": use ${EXPORT_FORMATS.join(', ')}.`);
  const request: ExportRequest = { format: format as ExportFormat };
  const ids = params.get('ids');
  if (ids !== null) request.ids = parseIds(ids);
  const query = params.get('query');
  if (query?.trim()) request.query = query.slice(0, 2000);
  return request;
}
