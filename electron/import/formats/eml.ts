// E-mails (.eml, also an mbox saved as .eml): newsletters and forwarded articles.
//
// Hints:
//   title  ← Subject (RFC 2047 decoded, "Fwd:"/"Fw:" prefixes removed)
//   source ← the From display name ("The Guardian" <newsletter@…>): the sender, which for
//            a newsletter is the publication, never the article's author
//   extra.emailDate ← the Date header as ISO 8601 (UTC). It is the day the message was
//            SENT: for a newsletter usually the publication day, for a forwarded article
//            any later day. So it is NOT given as hints.publishedAt; the extractor may use
//            it as the weakest evidence for the publication date, below anything the
//            article itself states.
//   extra.emailFrom ← the From address; extra.listId ← List-Id.
// Body: the HTML alternative when there is one, else the plain text; attachments are
// skipped; a forwarded message (message/rfc822) is read when the outer note is short.
import { ImportError, type MetadataHints, type ReadResult } from '../types.ts';
import { toBinaryString } from './bytes.ts';
import { decodeHtml, decodeText } from './charset.ts';
import { htmlFromString, roughHtmlText } from './html.ts';
import type { Limits } from './limits.ts';
import { contentId, decodeBody, headerText, isAttachment, parseMessage, type MimePart } from './mime.ts';
import { isoDate, pruneHints } from './result.ts';
import { capText, cleanText, looksBinary } from './text-clean.ts';
import { assertReadableText } from './txt.ts';

interface Body {
  part: MimePart;
  kind: 'html' | 'text';
}

export function readEml(bytes: Uint8Array, limits: Limits): ReadResult {
  const warnings: string[] = [];
  let bin = toBinaryString(bytes);
  if (/^From [^\r\n]{0,400}\r?\n/.test(bin)) {
    // An mbox: drop the envelope line, keep the first message.
    bin = bin.slice(bin.indexOf('\n') + 1);
    const next = /\r?\n\r?\nFrom [^\r\n]{0,400}\r?\n/.exec(bin);
    if (next) {
      bin = bin.slice(0, next.index);
      warnings.push('an mailbox of several messages: only the first one was read');
    }
  }
  const root = parseMessage(bin, { maxDepth: limits.maxMimeDepth });
  let body = pickBody(root, 0, limits.maxMimeDepth);
  const forwarded = findForwarded(root, 0, limits.maxMimeDepth);
  if (forwarded && forwarded !== root) {
    const inner = pickBody(forwarded, 0, limits.maxMimeDepth);
    if (inner && (!body || visibleLength(body) < 600) && visibleLength(inner) > (body ? visibleLength(body) : 0)) {
      body = inner;
      warnings.push('the article was read from the forwarded message');
    }
  }
  if (!body) {
    if (hasTooDeep(root, 0)) throw new ImportError('the e-mail is nested too deeply to read');
    throw new ImportError('the e-mail has no body text');
  }

  const hints = mailHints(root);
  const bytesOfBody = decodeBody(body.part);
  if (looksBinary(bytesOfBody)) throw new ImportError('the e-mail body is binary data, not text');
  const charset = body.part.params.charset ?? null;
  if (body.kind === 'html') {
    const decoded = decodeHtml(bytesOfBody, charset);
    const read = htmlFromString(decoded.text, limits, [...warnings, ...decoded.warnings]);
    return { ...read, format: 'eml', hints, attachments: [] };
  }
  const decoded = decodeText(bytesOfBody, charset);
  const text = capText(cleanText(decoded.text), limits.maxTextChars, warnings);
  if (!text.trim()) throw new ImportError('the e-mail has no body text');
  assertReadableText(text);
  return { format: 'eml', kind: 'text', text, hints, attachments: [], warnings: [...warnings, ...decoded.warnings] };
}

function mailHints(root: MimePart): MetadataHints {
  const subject = headerText(root.headers, 'subject');
  const from = parseFrom(headerText(root.headers, 'from'));
  const extra: Record<string, string> = {};
  const date = isoDate(headerText(root.headers, 'date'));
  if (date) extra.emailDate = date;
  if (from.address) extra.emailFrom = from.address;
  const listId = headerText(root.headers, 'list-id');
  if (listId) extra.listId = listId.slice(0, 300);
  return pruneHints({
    title: subject ? subject.replace(/^(?:\s*(?:fwd?|fw|tr|wg|rv|enc)\s*:\s*)+/i, '') : null,
    source: from.name,
    extra,
  });
}

/** `"Name" <a@b>` / `Name <a@b>` / `a@b (Name)` → display name and address. */
export function parseFrom(value: string | null): { name: string | null; address: string | null } {
  if (!value) return { name: null, address: null };
  const v = value.slice(0, 2000);
  const angle = /^(.*?)<([^<>\s]{1,320})>\s*$/.exec(v);
  if (angle) {
    const name = angle[1].trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
    return { name: name || null, address: angle[2] };
  }
  const paren = /^([^\s()]{1,320})\s*\((.{0,300})\)\s*$/.exec(v);
  if (paren) return { name: paren[2].trim() || null, address: paren[1] };
  return { name: null, address: v.trim() || null };
}

function pickBody(part: MimePart, depth: number, maxDepth: number): Body | null {
  if (depth > maxDepth) return null;
  const type = part.type;
  if (type.startsWith('multipart/')) {
    if (!part.children.length) {
      // No boundary found: the body is probably plain text after all.
      return part.tooDeep || !part.body.trim() ? null : { part: { ...part, type: 'text/plain' }, kind: 'text' };
    }
    if (type === 'multipart/alternative') {
      const options = part.children.map((c) => pickBody(c, depth + 1, maxDepth)).filter((b): b is Body => !!b);
      return options.filter((b) => b.kind === 'html').pop() ?? options.pop() ?? null;
    }
    if (type === 'multipart/related') {
      const start = part.params.start?.replace(/^<|>$/g, '');
      const root = (start && part.children.find((c) => contentId(c) === start)) || part.children[0];
      return pickBody(root, depth + 1, maxDepth);
    }
    for (const c of part.children) {
      if (isAttachment(c) || c.type === 'message/rfc822') continue;
      const b = pickBody(c, depth + 1, maxDepth);
      if (b) return b;
    }
    return null;
  }
  if (type === 'message/rfc822' || isAttachment(part)) return null;
  if (!part.body.trim()) return null;
  if (type === 'text/html' || type === 'application/xhtml+xml') return { part, kind: 'html' };
  if (type === 'text/plain' || type === 'text/enriched' || type === 'text/markdown') return { part, kind: 'text' };
  return null;
}

/** The first message/rfc822 part, parsed as a message of its own. */
function findForwarded(part: MimePart, depth: number, maxDepth: number): MimePart | null {
  if (depth > maxDepth) return null;
  if (part.type === 'message/rfc822') {
    return parseMessage(toBinaryString(decodeBody(part)), { maxDepth: Math.max(1, maxDepth - depth) });
  }
  for (const c of part.children) {
    const f = findForwarded(c, depth + 1, maxDepth);
    if (f) return f;
  }
  return null;
}

function visibleLength(b: Body): number {
  const raw = toBinaryString(decodeBody(b.part)).slice(0, 200_000);
  const text = b.kind === 'html' ? roughHtmlText(raw) : raw;
  return text.replace(/\s+/g, ' ').trim().length;
}

function hasTooDeep(part: MimePart, depth: number): boolean {
  if (part.tooDeep) return true;
  if (depth > 100) return false;
  return part.children.some((c) => hasTooDeep(c, depth + 1));
}
