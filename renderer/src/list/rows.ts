// Listing rows and search hits become the same kind of row for the list.
import type { ClipSummary, SearchHit, StoryBadge, StoryVersion } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import { sanitizeMarks } from '../common/sanitize.ts';
import { versionWhen } from '../stories/story-words.ts';
import type { ListRow } from './clip-pager.ts';

export function rowFromSummary(c: ClipSummary): ListRow {
  return {
    id: c.id, title: c.title, titleHtml: null, source: c.source, author: c.author, publishedAt: c.publishedAt,
    importedAt: c.importedAt, tags: c.tags, starred: c.starred, snippet: c.snippet, snippetHtml: null,
    story: c.story,
  };
}

/** A version of an opened story, under its story's row (`n` of `of`, oldest first). */
export function rowFromVersion(v: StoryVersion, storyRowId: number, kind: StoryBadge['kind'], n: number, of: number): ListRow {
  // The row's date says when it ran; a page's versions say when each was saved.
  const when = kind === 'page' ? versionWhen(v, kind) : `Version ${n} of ${of}`;
  return {
    id: v.id, title: v.title, titleHtml: null, source: v.source, author: v.author, publishedAt: v.publishedAt,
    importedAt: v.importedAt, tags: [], starred: false, snippet: '', snippetHtml: null, versionOf: storyRowId,
    versionNote: [when, plural(v.wordCount, 'word')].join(' · '),
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
    story: h.story,
  };
}
