// Cuttings' own JSON export: every clip with its metadata, body, tags, star, note, highlights,
// entities and its links to the other versions of its story. It
// re-imports losslessly (the same uid, dates, tags and colours), so it doubles as a backup
// format and a way to move clips between libraries.
import type Database from 'better-sqlite3';
import type { ExportDocument, ImportOutcome } from '../api.ts';
import { insertClip, tagsOfClips, type ClipRow } from '../library/clips.ts';
import { exportHighlight, highlightsOfClips, restoreHighlights } from '../library/highlights.ts';
import { entityMentionsOfClips, entityRules, mentionsFromExport, restoreEntityRules, writeClipEntities } from '../library/entities.ts';
import { storeOriginal } from '../library/originals.ts';
import { restoreStoryLinks, storyLinksOfClips } from '../library/stories.ts';
import { resolveOutlet } from '../library/outlets.ts';
import { ensureTagId, tagClips } from '../library/tags.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { onClipsAdded } from '../search/index-hooks.ts';
import { contentHash, simhash } from './fingerprints.ts';
import type { StoreContext } from './store-clip.ts';
import { toExportClip } from '../export/clip-records.ts';

export interface Original {
  name: string;
  bytes: Uint8Array;
}

export function buildExportDocument(db: Database.Database, ids?: number[]): ExportDocument {
  const rows = (
    ids
      ? db.prepare('SELECT * FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids))
      : db.prepare('SELECT * FROM clips WHERE deleted_at IS NULL ORDER BY id').all()
  ) as ClipRow[];
  const tags = tagsOfClips(db, rows.map((r) => r.id));
  const highlights = highlightsOfClips(db, rows.map((r) => r.id));
  const entities = entityMentionsOfClips(db, rows.map((r) => r.id));
  const rules = entityRules(db);
  const stories = storyLinksOfClips(db, rows.map((r) => r.id));
  const usedTags = new Map<string, string>();
  for (const list of tags.values()) for (const t of list) usedTags.set(t.name, t.colour);
  return {
    cuttings: { format: 'cuttings-export', version: 1, exportedAt: new Date().toISOString() },
    tags: [...usedTags].map(([name, colour]) => ({ name, colour })),
    clips: rows.map((r) => {
      const { id: _id, ...clip } = toExportClip(r, (tags.get(r.id) ?? []).map((t) => t.name));
      const marked = highlights.get(r.id);
      const named = entities.get(r.id);
      const linked = stories.get(r.id);
      return {
        ...clip,
        ...(marked ? { highlights: marked.map(exportHighlight) } : {}),
        ...(named ? { entities: named } : {}),
        ...(linked ? { storyLinks: linked } : {}),
      };
    }),
    // A person's merges and splits of entities, so a restore keeps them.
    ...(rules.length ? { entityRules: rules } : {}),
  };
}

export function isExportDocument(value: unknown): value is ExportDocument {
  const v = value as ExportDocument;
  return !!v && typeof v === 'object' && v.cuttings?.format === 'cuttings-export' && Array.isArray(v.clips);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function importExportDocument(ctx: StoreContext, display: string, original: Original, json: string): ImportOutcome[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return [{ file: display, status: 'failed', reason: 'not a valid Cuttings export (the JSON is damaged)' }];
  }
  if (!isExportDocument(doc)) return [{ file: display, status: 'failed', reason: 'not a Cuttings export' }];
  // The stored copy is this export document itself, whatever its clips call their originals
  // ("article.hta" included): it is kept, opened and downloaded as .json.
  const copy = storeOriginal(ctx.libraryDir, original.bytes, 'cuttings-json');
  const outcomes: ImportOutcome[] = [];
  const colours = new Map(doc.tags?.map((t) => [t.name, t.colour]) ?? []);
  // Merges and splits first, so the clips' entities are linked as the person had them.
  if (Array.isArray(doc.entityRules) && doc.entityRules.length) {
    const rules = doc.entityRules;
    writeTransaction(ctx.db, () => restoreEntityRules(ctx.db, rules));
  }
  for (const [i, c] of doc.clips.entries()) {
    const label = `${display} › ${str(c.title) ?? `clip ${i + 1}`}`;
    try {
      const bodyText = str(c.bodyText) ?? '';
      const title = str(c.title)?.trim() || 'Untitled clipping';
      const hash = contentHash(bodyText.trim() ? bodyText : title);
      // One write transaction from the duplicate check on: another process restoring the same
      // export at once finds this clip, rather than adding it a second time.
      const stored = writeTransaction(ctx.db, () => {
        const dup = ctx.db
          .prepare('SELECT id, title FROM clips WHERE (content_hash = ? OR uid = ?) AND deleted_at IS NULL LIMIT 1')
          .get(hash, str(c.uid) ?? '') as { id: number; title: string } | undefined;
        if (dup) return { dup };
        const id = insertClip(ctx.db, {
          uid: str(c.uid) ?? undefined,
          title,
          standfirst: str(c.standfirst),
          author: str(c.author),
          // The library's own name for the outlet, as an import of the page would be named.
          source: resolveOutlet(ctx.db, { name: str(c.source), site: str(c.site), url: str(c.url) }),
          site: str(c.site),
          url: str(c.url),
          publishedAt: str(c.publishedAt),
          modifiedAt: str(c.modifiedAt),
          savedAt: str(c.savedAt),
          importedAt: str(c.importedAt) ?? undefined,
          language: str(c.language),
          bodyText,
          // Stored HTML is re-sanitized when shown; an export edited by hand cannot inject script.
          bodyHtml: str(c.bodyHtml) ?? '',
          captions: Array.isArray(c.captions) ? c.captions.filter((x): x is string => typeof x === 'string') : [],
          contentHash: hash,
          simhash: simhash(bodyText),
          originalName: str(c.original?.name) ?? original.name,
          originalFormat: str(c.original?.format) ?? 'cuttings-json',
          originalPath: copy.relativePath,
          originalSize: typeof c.original?.size === 'number' ? c.original.size : original.bytes.byteLength,
          starred: c.starred === true,
          note: str(c.note) ?? '',
        });
        const tagNames = Array.isArray(c.tags) ? c.tags.filter((t): t is string => typeof t === 'string') : [];
        for (const t of tagNames) ensureTagId(ctx.db, t, colours.get(t));
        tagClips(ctx.db, [id], tagNames);
        onClipsAdded(ctx.db, [id]);
        // After the clip's words are counted: restoring a highlight counts its note in.
        if (Array.isArray(c.highlights)) restoreHighlights(ctx.db, id, c.highlights);
        if (Array.isArray(c.entities)) writeClipEntities(ctx.db, id, mentionsFromExport(c.entities));
        return { id };
      });
      const { dup } = stored;
      if (dup) {
        outcomes.push({ file: label, status: 'duplicate', duplicateOf: dup.id, title: dup.title, reason: `already in the library as "${dup.title}"` });
      } else outcomes.push({ file: label, status: 'added', clipId: stored.id!, title });
    } catch (e) {
      outcomes.push({ file: label, status: 'failed', reason: `could not be restored (${(e as Error).message})` });
    }
  }
  // Stories last, once every clip is in: a link needs both its versions. A clip already in the
  // library (a duplicate) is linked too, so restoring into a library that has some of them
  // still gives the export's stories.
  const storyLinks = doc.clips
    .filter((c) => typeof c.uid === 'string' && Array.isArray(c.storyLinks) && c.storyLinks.length > 0)
    .map((c) => ({ uid: c.uid, links: c.storyLinks! }));
  if (storyLinks.length) {
    try {
      writeTransaction(ctx.db, () => restoreStoryLinks(ctx.db, storyLinks));
    } catch (e) {
      outcomes.push({ file: display, status: 'failed', reason: `its clips were restored, but not which of them are versions of one story (${(e as Error).message})` });
    }
  }
  if (outcomes.length === 0) outcomes.push({ file: display, status: 'failed', reason: 'the export holds no clips' });
  return outcomes;
}
