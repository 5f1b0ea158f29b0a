// The people, places and organisations a clip names, found in the extraction worker (the
// recogniser is CPU work) and grouped to one row per entity (library/entity-names.ts), so the
// thread that owns the library only writes them, in the import's own transaction.
import { recogniseEntities } from '../entities/recognise.ts';
import { groupMentions, type ClipMention, type ClipText, type EntitySpan } from '../library/entity-names.ts';

/**
 * Null when the recogniser cannot run (its model file missing or unreadable): the clip is
 * still worth importing, and a later re-extraction finds its entities.
 */
export function recogniseClip(clip: ClipText, language: string | null | undefined): ClipMention[] | null {
  const lang = language ?? undefined;
  const spans: { span: EntitySpan; inBody: boolean }[] = [];
  try {
    for (const text of [clip.title, clip.standfirst]) {
      if (text) for (const span of recogniseEntities(text, lang)) spans.push({ span, inBody: false });
    }
    for (const span of recogniseEntities(clip.bodyText, lang)) spans.push({ span, inBody: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES') return null;
    throw e;
  }
  return groupMentions(spans);
}
