// Images that came inside the saved file (an MHTML part, a "_files" folder) are inlined as
// data: URLs, so the reader shows them without touching the network or the file system.
import type { Attachment } from './types.ts';

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_TOTAL_BYTES = 12 * 1024 * 1024;
const IMAGE_MIME = /^image\/(png|jpeg|gif|webp|avif)$/;

function refKey(ref: string): string {
  let r = ref.trim();
  try {
    r = decodeURI(r);
  } catch {
    /* keep as written */
  }
  return r.replace(/^\.\//, '').replace(/^cid:/i, '').toLowerCase();
}

export function inlineAttachments(html: string, attachments: Attachment[]): string {
  if (!attachments.length || !html.includes('<img')) return html;
  const byRef = new Map<string, Attachment>();
  for (const a of attachments) if (IMAGE_MIME.test(a.mime) && a.bytes.byteLength <= MAX_IMAGE_BYTES) byRef.set(refKey(a.ref), a);
  let budget = MAX_TOTAL_BYTES;
  // The HTML comes from our own allowlist serializer: attribute values are quoted and escaped.
  return html.replace(/(<img\b[^>]*?\ssrc=")([^"]*)(")/g, (whole, pre: string, src: string, post: string) => {
    const a = byRef.get(refKey(src.replace(/&amp;/g, '&')));
    if (!a || a.bytes.byteLength > budget) return whole;
    budget -= a.bytes.byteLength;
    return `${pre}data:${a.mime};base64,${Buffer.from(a.bytes).toString('base64')}${post}`;
  });
}
