// The passages a person highlighted in a clip, as the press review's 'highlights' content shows
// them. The library's highlights module owns the table; this is the review's view of it.
import type Database from 'better-sqlite3';
import { listHighlights } from '../library/highlights.ts';
export interface ReviewHighlight {
  /** The highlighted text exactly as it was marked. */
  quote: string;
  /** The colour it was marked in (a CSS colour or a colour name). */
  colour: string;
  note: string | null;
}

/** A clip's highlights, in the order they appear in its text. */
export type HighlightSource = (clipId: number) => ReviewHighlight[];

/** The library's highlights (electron/library/highlights.ts), detached ones included: their exact text is kept. */
export function libraryHighlights(db: Database.Database): HighlightSource {
  return (clipId) => listHighlights(db, clipId).map((h) => ({ quote: h.quote.exact, colour: h.colour, note: h.note.trim() || null }));
}
