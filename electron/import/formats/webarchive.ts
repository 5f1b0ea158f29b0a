// Safari web archives (.webarchive, binary or XML property list): the main resource's
// bytes are the page (decoded with its WebResourceTextEncodingName, else like any page),
// WebResourceURL its address; image subresources travel as attachments.
import { ImportError, type ReadResult } from '../types.ts';
import { AttachmentCollector } from './attachments.ts';
import { decodeHtml, decodeText } from './charset.ts';
import { htmlFromString } from './html.ts';
import type { Limits } from './limits.ts';
import { parsePlist, type PlistValue } from './plist.ts';
import { pruneHints, safeUrl } from './result.ts';
import { capText, cleanText } from './text-clean.ts';
import { assertReadableText } from './txt.ts';

type Dict = { [key: string]: PlistValue };

function isDict(v: PlistValue | undefined): v is Dict {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);
}

export function readWebarchive(bytes: Uint8Array, limits: Limits): ReadResult {
  const root = parsePlist(bytes);
  const main = isDict(root) ? root.WebMainResource : undefined;
  if (!isDict(main) || !(main.WebResourceData instanceof Uint8Array)) {
    throw new ImportError('not a web archive: it has no main page');
  }
  const data = main.WebResourceData;
  const mime = typeof main.WebResourceMIMEType === 'string' ? main.WebResourceMIMEType.toLowerCase() : 'text/html';
  const charset = typeof main.WebResourceTextEncodingName === 'string' ? main.WebResourceTextEncodingName : null;
  const url = safeUrl(typeof main.WebResourceURL === 'string' ? main.WebResourceURL : null);
  const warnings: string[] = [];
  if (mime === 'text/plain') {
    const decoded = decodeText(data, charset);
    const text = capText(cleanText(decoded.text), limits.maxTextChars, warnings);
    assertReadableText(text);
    return { format: 'webarchive', kind: 'text', text, hints: pruneHints({ url }), attachments: [], warnings: [...warnings, ...decoded.warnings] };
  }
  if (mime !== 'text/html' && mime !== 'application/xhtml+xml') {
    throw new ImportError(`unsupported format: a web archive of ${mime.replace(/[^\w/.+-]/g, '').slice(0, 60)}`);
  }
  const decoded = decodeHtml(data, charset);
  const read = htmlFromString(decoded.text, limits, [...warnings, ...decoded.warnings]);
  const images = new AttachmentCollector(limits, read.warnings);
  const subs = isDict(root) && Array.isArray(root.WebSubresources) ? root.WebSubresources : [];
  for (const sub of subs) {
    if (!isDict(sub) || !(sub.WebResourceData instanceof Uint8Array)) continue;
    const subMime = typeof sub.WebResourceMIMEType === 'string' ? sub.WebResourceMIMEType.toLowerCase() : '';
    images.add(typeof sub.WebResourceURL === 'string' ? sub.WebResourceURL : null, subMime, sub.WebResourceData);
  }
  return {
    ...read,
    format: 'webarchive',
    hints: pruneHints({ ...read.hints, url: url ?? read.hints.url }),
    attachments: images.finish(),
  };
}
