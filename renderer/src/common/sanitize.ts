// Everything shown from an article passes through here. Snippets keep only <mark>; article
// bodies keep plain article markup, lose every link target and remote image, and become a
// self-contained document for a sandboxed iframe (no scripts, no same-origin, no network).
import DOMPurify from 'dompurify';

/** Search snippets and titles: escaped text with <mark> only. */
/** Text with nothing but bare <mark> and </mark> tags: already safe as it stands. */
const ONLY_MARKS = /^(?:[^<>]|<\/?mark>)*$/;

export function sanitizeMarks(html: string): string {
  // Search sends 2 such strings per hit on every keystroke; DOMPurify on each cost more
  // than the search itself. Entities cannot make tags, so a string whose only tags are
  // attribute-less <mark>s needs no parsing; anything else still goes through DOMPurify.
  if (ONLY_MARKS.test(html)) return html;
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const ARTICLE_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'b', 'i', 'u', 's',
  'sub', 'sup', 'br', 'hr', 'figure', 'figcaption', 'img', 'pre', 'code', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'th', 'td', 'caption', 'span', 'div', 'section', 'article', 'header', 'footer', 'aside', 'time', 'small', 'mark',
  'cite', 'q', 'abbr', 'dl', 'dt', 'dd', 'del', 'ins',
];
const ARTICLE_ATTRS = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'lang', 'dir'];

export interface ArticleLink {
  n: number;
  url: string;
  text: string;
}

/** Only web links may leave the app, and only after a click. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

export interface SafeArticle {
  html: string;
  links: ArticleLink[];
  blockedImages: number;
}

/**
 * Sanitizes an article body. Links become inert text with a footnote number (the reader
 * lists them outside the frame, where a click goes through openExternal); images load only
 * from data: URLs, never from the network.
 */
export function sanitizeArticle(bodyHtml: string, bodyText: string): SafeArticle {
  const source = bodyHtml.trim() ? bodyHtml : textToHtml(bodyText);
  const fragment = DOMPurify.sanitize(source, {
    ALLOWED_TAGS: ARTICLE_TAGS,
    ALLOWED_ATTR: ARTICLE_ATTRS,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  const doc = fragment.ownerDocument;
  const links: ArticleLink[] = [];
  const seen = new Map<string, number>();
  for (const a of Array.from(fragment.querySelectorAll('a'))) {
    const href = a.getAttribute('href') ?? '';
    const span = doc.createElement('span');
    span.className = 'link';
    while (a.firstChild) span.appendChild(a.firstChild);
    if (isWebUrl(href)) {
      let n = seen.get(href);
      if (n === undefined) {
        n = links.length + 1;
        seen.set(href, n);
        links.push({ n, url: href, text: (span.textContent ?? '').trim().slice(0, 200) });
      }
      span.title = href;
      const sup = doc.createElement('sup');
      sup.className = 'ref';
      sup.textContent = `[${n}]`;
      span.appendChild(sup);
    }
    a.replaceWith(span);
  }
  let blockedImages = 0;
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!/^data:image\/(png|jpe?g|gif|webp|avif|bmp);/i.test(src)) {
      blockedImages++;
      const alt = (img.getAttribute('alt') ?? '').trim();
      if (alt) {
        const note = doc.createElement('span');
        note.className = 'image-note';
        note.textContent = `Image: ${alt}`;
        img.replaceWith(note);
      } else img.remove();
    }
  }
  const holder = doc.createElement('div');
  holder.appendChild(fragment);
  return { html: holder.innerHTML, links, blockedImages };
}

function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export const FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const FRAME_STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #6e6e73; --rule: #e5e5ea; --accent: #0a66d8; --bg: #ffffff; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8ed; --muted: #98989f; --rule: #38383c; --accent: #5aa2ff; --bg: #1e1e20; }
}
html { background: var(--bg); }
body { margin: 0; padding: 8px 40px 64px; color: var(--fg); background: var(--bg);
  font: 17px/1.62 "Iowan Old Style", "Charter", "Georgia", "Times New Roman", serif; -webkit-font-smoothing: antialiased; }
article { max-width: 40em; margin: 0 auto; overflow-wrap: break-word; }
.standfirst { font-size: 1.12em; line-height: 1.5; color: var(--muted); margin: 0 0 1.4em; }
p { margin: 0 0 1em; }
h1, h2, h3, h4, h5, h6 { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.25; margin: 1.6em 0 .6em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3 { font-size: 1.12em; }
blockquote { margin: 1.2em 0; padding: 0 0 0 1em; border-left: 3px solid var(--rule); color: var(--muted); }
figure { margin: 1.5em 0; } figcaption, .captions { font: 13px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, sans-serif; color: var(--muted); }
.captions { border-top: 1px solid var(--rule); margin-top: 2em; padding-top: 1em; }
.captions p { margin: 0 0 .5em; }
img { max-width: 100%; height: auto; }
.link { color: var(--accent); text-decoration: underline; text-decoration-color: color-mix(in srgb, var(--accent) 35%, transparent); text-underline-offset: 2px; }
.ref { font: 10px -apple-system, BlinkMacSystemFont, system-ui, sans-serif; color: var(--muted); margin-left: 1px; }
.image-note { display: block; font: 13px -apple-system, BlinkMacSystemFont, system-ui, sans-serif; color: var(--muted);
  border: 1px dashed var(--rule); border-radius: 6px; padding: 8px 10px; margin: 1em 0; }
table { border-collapse: collapse; font-size: .9em; } td, th { border: 1px solid var(--rule); padding: 4px 8px; }
pre, code { font: 13px ui-monospace, "SF Mono", Menlo, Consolas, monospace; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
mark.hl { color: inherit; border-radius: 2px; padding: 0 1px; box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: pointer; }
mark.hl-yellow { background: rgba(255, 214, 10, .45); } mark.hl-green { background: rgba(52, 199, 89, .35); }
mark.hl-blue { background: rgba(64, 156, 255, .32); } mark.hl-pink { background: rgba(255, 105, 160, .32); }
mark.hl-purple { background: rgba(165, 107, 255, .32); }
mark.hl-noted { border-bottom: 2px dotted rgba(0, 0, 0, .45); }
@keyframes hl-flash { 0%, 100% { box-shadow: none; } 40% { box-shadow: 0 0 0 4px rgba(10, 102, 216, .45); } }
mark.hl-flash { animation: hl-flash 1.2s ease 2; }
`;

/** A complete document for the reader's sandboxed iframe. */
export function articleDocument(article: SafeArticle, standfirst: string | null, captions: string[], theme: 'light' | 'dark' | 'system'): string {
  const forced = theme === 'system' ? '' : `:root { color-scheme: ${theme}; }`;
  const lead = standfirst ? `<p class="standfirst">${escapeHtml(standfirst)}</p>` : '';
  const caps = captions.length
    ? `<div class="captions">${captions.map((c) => `<p>${escapeHtml(c)}</p>`).join('')}</div>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}${forced}</style></head><body><article>${lead}${article.html}${caps}</article></body></html>`;
}
