/// <reference lib="dom" />
// Article DOM → HTML built from an allowlist. Nothing of the page's markup is copied as a
// string: every tag written here is one of ours, every attribute value is checked and
// escaped, every text node is escaped. Whatever the page holds (script, handlers,
// javascript: links, mXSS tricks), only these tags and attributes can come out.

const ALLOWED = new Set([
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong',
  'b', 'i', 'u', 's', 'sub', 'sup', 'br', 'hr', 'figure', 'figcaption', 'img', 'a', 'table',
  'thead', 'tbody', 'tr', 'th', 'td', 'caption',
]);
const VOID = new Set(['br', 'hr', 'img']);
// Tags mapped onto an allowed one so their meaning survives.
const RENAME: Record<string, string> = { h1: 'h2', del: 's', strike: 's', ins: 'u', cite: 'i', dfn: 'i', var: 'i', kbd: 'code', samp: 'code', tfoot: 'tbody', dl: 'ul', dt: 'li', dd: 'li' };
// Elements whose content is never article text (code, styles, other documents, forms).
export const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'svg', 'math', 'select', 'option', 'optgroup', 'button', 'input', 'head',
  'title', 'meta', 'link', 'base', 'canvas', 'audio', 'video', 'source', 'track', 'xmp',
  'plaintext', 'noembed', 'noframes', 'map', 'area', 'param', 'datalist', 'output', 'dialog',
  'portal', 'slot', 'picture',
]);

export function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** An href worth keeping: http(s) or mailto after trimming control characters; relative
 * links resolve against the page's own http(s) URL, or are dropped. */
export function safeHref(raw: string | null, baseUrl: string | null): string | null {
  if (raw == null) return null;
  // The DOM has already decoded entities; browsers ignore whitespace and control characters
  // inside a scheme ("java\tscript:"), so judge the URL with all of them removed.
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\u2028\u2029\ufeff]+/g, '');
  if (/^(?:https?:\/\/|mailto:)/i.test(compact)) {
    try {
      const u = new URL(compact);
      if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:') return u.href;
    } catch {
      return null;
    }
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact) || compact.startsWith('//') || !baseUrl || compact === '' || compact.startsWith('#')) return null;
  try {
    const u = new URL(compact, baseUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An img src worth keeping: an inline raster image or a saved attachment's reference. */
export function safeImgSrc(raw: string | null, attachmentRefs: ReadonlySet<string>): string | null {
  if (!raw) return null;
  const v = raw.trim();
  if (/^data:image\/(?:png|jpeg|gif|webp)[;,]/i.test(v) && !/[\s"'<>]/.test(v.slice(0, 64))) return v;
  if (attachmentRefs.has(v) && !/^[a-z][a-z0-9+.-]*:/i.test(v) && !v.startsWith('//')) return v;
  return null;
}

export interface SafeHtmlOptions {
  baseUrl: string | null;
  attachmentRefs: ReadonlySet<string>;
  /** Stop writing after this many characters of output (huge pages). */
  maxChars?: number;
}

/** Serialize `root`'s children through the allowlist. Iterative, so 100k nested divs are fine. */
export function toSafeHtml(root: Node, opts: SafeHtmlOptions): string {
  const maxChars = opts.maxChars ?? 8_000_000;
  const out: string[] = [];
  let size = 0;
  const emit = (s: string) => {
    out.push(s);
    size += s.length;
  };
  // Stack of [node, closing tag or null]; a closing entry is pushed before the children.
  type Frame = { node: Node | null; close: string | null };
  const stack: Frame[] = [];
  const pushChildren = (n: Node) => {
    for (let k = n.lastChild; k; k = k.previousSibling) stack.push({ node: k, close: null });
  };
  pushChildren(root);
  while (stack.length && size < maxChars) {
    const f = stack.pop()!;
    if (f.close !== null) {
      emit(f.close);
      continue;
    }
    const n = f.node!;
    if (n.nodeType === 3) {
      emit(escapeText(n.nodeValue ?? ''));
      continue;
    }
    if (n.nodeType !== 1) continue; // comments, processing instructions, doctypes
    const el = n as Element;
    const raw = el.localName?.toLowerCase() ?? '';
    if (DROP_WITH_CONTENT.has(raw)) continue;
    const tag = RENAME[raw] ?? raw;
    if (!ALLOWED.has(tag)) {
      // Unknown or layout element: keep its content, lose the element. Block-level
      // wrappers still separate what they hold.
      pushChildren(el);
      continue;
    }
    let attrs = '';
    if (tag === 'a') {
      const href = safeHref(el.getAttribute('href'), opts.baseUrl);
      if (href) attrs = ` href="${escapeText(href)}" rel="noopener noreferrer nofollow"`;
    } else if (tag === 'img') {
      const src = safeImgSrc(el.getAttribute('src'), opts.attachmentRefs);
      if (!src) continue;
      attrs = ` src="${escapeText(src)}"`;
      const alt = el.getAttribute('alt');
      if (alt) attrs += ` alt="${escapeText(alt.slice(0, 500))}"`;
    } else if (tag === 'th' || tag === 'td') {
      for (const a of ['colspan', 'rowspan']) {
        const v = el.getAttribute(a);
        if (v && /^\d{1,3}$/.test(v.trim())) attrs += ` ${a}="${Number(v.trim())}"`;
      }
    }
    emit(`<${tag}${attrs}>`);
    if (VOID.has(tag)) continue;
    stack.push({ node: null, close: `</${tag}>` });
    pushChildren(el);
  }
  // Close whatever was left open when the size cap stopped the walk.
  while (stack.length) {
    const f = stack.pop()!;
    if (f.close !== null) out.push(f.close);
  }
  return out.join('');
}

/** Plain text paragraphs → allowlisted HTML (for text-based clips). */
export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n');
}
