// Chrome/Edge "Webpage, single file" (.mhtml/.mht): a multipart/related message whose
// first text/html part is the page. That part usually has NO charset parameter, so its
// bytes are decoded like a page (BOM > <meta> > UTF-8 > windows-1252), never assumed UTF-8.
// Headers: Subject = the page <title>, Snapshot-Content-Location = its URL, Date = the
// moment it was SAVED (→ savedAt, never the publication date).
import { ImportError, type ReadResult } from '../types.ts';
import { AttachmentCollector } from './attachments.ts';
import { toBinaryString } from './bytes.ts';
import { readHtml } from './html.ts';
import type { Limits } from './limits.ts';
import { contentId, decodeBody, headerText, leaves, parseMessage, type MimePart } from './mime.ts';
import { isoDate, pruneHints, safeUrl } from './result.ts';

export function readMhtml(bytes: Uint8Array, limits: Limits): ReadResult {
  const root = parseMessage(toBinaryString(bytes), { maxDepth: limits.maxMimeDepth });
  const parts = leaves(root);
  if (root.type.startsWith('multipart/') && root.children.length === 0) {
    throw new ImportError('damaged MHTML file: none of its parts could be found');
  }
  const page = pickPage(root, parts);
  if (!page) {
    const kinds = [...new Set(parts.map((p) => p.type))].slice(0, 4).join(', ');
    throw new ImportError(`no web page inside the MHTML file${kinds ? ` (only ${kinds})` : ''}`);
  }
  const read = readHtml(decodeBody(page), limits, page.params.charset ?? null);
  const warnings = [...read.warnings];
  if (root.damaged) warnings.push('the MHTML file is cut short: later parts are missing');

  const images = new AttachmentCollector(limits, warnings);
  for (const p of parts) {
    if (p === page || !p.type.startsWith('image/')) continue;
    const cid = contentId(p);
    const location = p.headers.raw.get('content-location')?.trim() || (cid ? `cid:${cid}` : null);
    images.add(location, p.type, decodeBody(p));
  }

  const hints = pruneHints({
    ...read.hints,
    title: headerText(root.headers, 'subject'),
    url: safeUrl(headerText(root.headers, 'snapshot-content-location')) ?? safeUrl(page.headers.raw.get('content-location')) ?? read.hints.url,
    savedAt: isoDate(headerText(root.headers, 'date')),
  });
  return { ...read, format: 'mhtml', hints, attachments: images.finish(), warnings };
}

/** The page: the part named by the `start` parameter, else the first text/html part. */
function pickPage(root: MimePart, parts: MimePart[]): MimePart | null {
  const start = root.params.start?.replace(/^<|>$/g, '');
  if (start) {
    const byId = parts.find((p) => contentId(p) === start && isHtml(p));
    if (byId) return byId;
  }
  return parts.find(isHtml) ?? null;
}

function isHtml(p: MimePart): boolean {
  return p.type === 'text/html' || p.type === 'application/xhtml+xml';
}
