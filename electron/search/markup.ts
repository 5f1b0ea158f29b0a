// Snippets and titles as the HTML the UI injects: every character of the clip escaped, and
// the only markup <mark>…</mark> around matches. FTS5 marks matches with control characters;
// an article could hold those characters itself, so the marks are re-balanced here rather
// than trusted (an unmatched open or close is dropped, an open mark is closed at the end).

export const OPEN = '\u0001';
export const CLOSE = '\u0002';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** FTS5 output with OPEN/CLOSE marks → escaped HTML with balanced <mark> elements. */
export function markedHtml(text: string): string {
  let out = '';
  let open = false;
  for (const part of text.split(/([\u0001\u0002])/)) {
    if (part === OPEN) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === CLOSE) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(part.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
    }
  }
  return open ? out + '</mark>' : out;
}
