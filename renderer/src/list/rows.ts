// Listing rows and search hits become the same kind of row for the list.
import type { ClipSummary, SearchHit } from '../../../electron/api.ts';
import { sanitizeMarks } from '../common/sanitize.ts';
import type { ListRow } from './clip-pager.ts';

export function rowFromSummary(c: ClipSummary): ListRow {
  return {
    id: c.id, title: c.title, titleHtml: null, source: c.source, author: c.author, publishedAt: c.publishedAt,
    importedAt: c.importedAt, tags: c.tags, starred: c.starred, snippet: c.snippet, snippetHtml: null,
  };
}

export function rowFromHit(h: SearchHit): ListRow {
  return {
    id: h.id, title: h.title, titleHtml: sanitizeMarks(h.titleHtml), source: h.source, author: h.author,
    publishedAt: h.publishedAt, importedAt: h.importedAt, tags: h.tags, starred: h.starred, snippet: '',
    snippetHtml: sanitizeMarks(h.snippet),
    inHighlight: h.inHighlight && {
      colour: h.inHighlight.colour,
      // A hit in the note shows the note; otherwise the highlighted words.
      html: sanitizeMarks(h.inHighlight.inNote && h.inHighlight.noteHtml ? h.inHighlight.noteHtml : h.inHighlight.html),
      inNote: h.inHighlight.inNote,
    },
  };
}
