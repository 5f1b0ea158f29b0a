// Browser mode's export: the request as a download address (api/export?format=…&ids=…&query=…),
// fetched by the browser itself through an <a download> click, so the file streams to disk
// instead of passing through the page.
import type { ExportRequest } from '../../../electron/api.ts';
import { exportDownloadUrl } from '../api/http-bridge.ts';

/** Past this length a plain id list is written with ranges ("1-400,407"), which the server also reads. */
const PLAIN_IDS_MAX = 4000;

/** Ids as the address carries them: a plain comma list, or runs as ranges when that would be long. */
export function idsParam(ids: number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const plain = sorted.join(',');
  if (plain.length <= PLAIN_IDS_MAX) return plain;
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(',');
}

export function exportDownloadAddress(request: ExportRequest): string {
  const params = new URLSearchParams({ format: request.format });
  if (request.ids) params.set('ids', idsParam(request.ids));
  if (request.query) params.set('query', request.query);
  return exportDownloadUrl(params);
}

/** Starts the browser's download of `href` (the server answers with an attachment). */
export function startDownload(href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
