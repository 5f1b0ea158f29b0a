// Re-extraction: clips read again from their stored originals (originals/…) with the current
// extractor, on the import's worker pool, and written back in batches, each batch one write
// transaction — so the window stays responsive, and a cancel keeps every batch that finished.
// What a person did (tags, star, note, corrected fields) is kept: see library/reextract.ts.
//
// Each clip ends as one outcome: changed, unchanged, or failed with a reason (its original is
// missing, cannot be read, holds no text any more…); one bad clip never stops the others.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ReextractOutcome, ReextractProgress, ReextractSummary } from '../api.ts';
import type { ClipRow } from '../library/clips.ts';
import { writeClipEntities } from '../library/entities.ts';
import type { ClipMention } from '../library/entity-names.ts';
import { ReadOnlyLibraryError } from '../library/library-errors.ts';
import type { Library } from '../library/open-library.ts';
import {
  applyLearnedRules, correctionsOf, planReextraction, writeReextraction, type ExtractedFields, type ReextractPlan,
} from '../library/reextract.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { onClipsAdded, onClipsRemoved } from '../search/index-hooks.ts';
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE } from './fingerprints.ts';
import { InFlight } from './in-flight.ts';
import { DEFAULT_MAX_FILE_BYTES, readSourceFile } from './read-source.ts';
import { ProgressThrottle } from './progress-throttle.ts';
import { confirmedNear, loadSimhashIndex, type StoreContext } from './store-clip.ts';
import type { Attachment } from './types.ts';
import { WorkerPool } from './worker-pool.ts';
import { WriteBatch } from './write-batch.ts';

/** Clips written per transaction, and the longest a finished clip waits to be written. Smaller
 * than an import's batches: re-extraction rewrites rows the window is showing, and every
 * transaction holds the write lock that the window's own edits wait for. */
const WRITE_BATCH = 64;
const WRITE_BATCH_CHARS = 16 * 1024 * 1024;
const WRITE_WAIT_MS = 1000;

export type ReextractTarget = { ids: number[] } | { all: true };

export interface ReextractOptions {
  pool?: WorkerPool;
  maxFileBytes?: number;
  onProgress?(p: ReextractProgress): void;
  /** Least milliseconds between progress events (the last one is always sent). */
  progressIntervalMs?: number;
  /** Clips written per transaction (default 64). */
  batchSize?: number;
}

/** A clip read again, waiting to be written. */
interface Pending {
  id: number;
  fields: ExtractedFields;
  /** What the recogniser found in it now (null: it could not run; the stored ones stay). */
  entities: ClipMention[] | null;
}

/** The clip as re-extraction needs it before reading its original. */
interface ClipToRead {
  id: number;
  title: string;
  original_path: string | null;
  original_name: string | null;
  /** Images of the page's "_files" folder were inlined at import (see keptImages). */
  inlined: number;
}

export class ReextractJob {
  readonly id = crypto.randomUUID();
  readonly total: number;
  private readonly ids: number[];
  private cancelledFlag = false;
  private outcomes: ReextractOutcome[] = [];
  private counts = { changed: 0, unchanged: 0, failed: 0 };
  private done = 0;
  private current: string | null = null;
  private started = Date.now();
  private pool: WorkerPool | null = null;
  private readonly throttle: ProgressThrottle;

  constructor(private readonly library: Library, target: ReextractTarget, private readonly options: ReextractOptions = {}) {
    if (library.db.readonly) throw new ReadOnlyLibraryError();
    this.ids = 'all' in target
      ? (library.db.prepare('SELECT id FROM clips WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[])
      : [...new Set(target.ids)];
    this.total = this.ids.length;
    this.throttle = new ProgressThrottle({
      intervalMs: options.progressIntervalMs,
      started: this.started,
      count: () => ({ done: this.done, total: this.total }),
      send: (pace) => this.options.onProgress?.({
        jobId: this.id,
        done: this.done,
        total: this.total,
        currentClip: this.current,
        ...this.counts,
        clipsPerSecond: pace.perSecond,
        etaSeconds: pace.etaSeconds,
      }),
    });
  }

  cancel(): void {
    this.cancelledFlag = true;
    // Clips handed to the workers but not started are dropped: the cancel takes effect now.
    this.pool?.drop(this);
  }

  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  private record(o: ReextractOutcome): void {
    this.counts[o.status]++;
    this.done++;
    // Unchanged clips are only counted: a whole library's worth would say nothing.
    if (o.status !== 'unchanged') this.outcomes.push(o);
  }

  private fail(clip: { id: number; title: string; original_name: string | null }, reason: string): void {
    this.record({ clipId: clip.id, title: clip.title, file: clip.original_name, status: 'failed', reason });
    this.progress();
  }

  private progress(force = false): void {
    this.throttle.emit(force);
  }

  async run(): Promise<ReextractSummary> {
    const { db, dir } = this.library;
    this.progress(true);
    const ownPool = !this.options.pool;
    const pool = (this.pool = this.options.pool ?? new WorkerPool());
    const ctx: StoreContext = { db, libraryDir: dir, simhashes: loadSimhashIndex(db) };
    /** Fingerprints this job has changed (the index above still holds the old ones too). */
    const rehashed = new Map<number, string | null>();
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const readClip = db.prepare(
      `SELECT id, title, original_path, original_name,
              (original_format = 'html' AND instr(body_html, ' src="data:image/') > 0) AS inlined
       FROM clips WHERE id = ? AND deleted_at IS NULL`,
    );
    const oldHtml = db.prepare('SELECT body_html FROM clips WHERE id = ?').pluck();

    let next = 0;
    const inFlight = new InFlight(pool);
    const batch = new WriteBatch<Pending>(
      { size: this.options.batchSize ?? WRITE_BATCH, chars: WRITE_BATCH_CHARS, waitMs: WRITE_WAIT_MS },
      (items) => {
        this.write(ctx, rehashed, items);
        this.progress();
      },
    );

    const readOne = async (id: number, held: { bytes: number }): Promise<void> => {
      const clip = readClip.get(id) as ClipToRead | undefined;
      if (!clip) return this.fail({ id, title: `Clip ${id}`, original_name: null }, `there is no clip ${id} in this library`);
      this.current = clip.title;
      if (!clip.original_path) return this.fail(clip, 'no copy of its original file was kept in the library');
      const file = path.join(dir, clip.original_path);
      if (!fs.existsSync(file)) return this.fail(clip, 'its original file is missing from the library folder');
      const read = readSourceFile(file, maxBytes);
      if (!read.ok) return this.fail(clip, `its original file could not be read (${read.reason})`);
      held.bytes = read.bytes.byteLength;
      const name = clip.original_name ?? path.basename(clip.original_path);
      const images = clip.inlined ? imagePlaceholders(read.bytes) : null;
      const res = await pool.extract(read.bytes, name, undefined, { attachments: images?.attachments, owner: this });
      if (!res.ok && res.stopped) return; // dropped by a cancel before it was started
      if (!res.ok) return this.fail(clip, res.reason);
      const ex = res.extraction;
      if (ex.format === 'cuttings-json') return this.fail(clip, 'it came from a Cuttings export, which keeps no original page to read again');
      const p = res.prepared;
      const fields: ExtractedFields = {
        title: p.title, standfirst: ex.standfirst, author: ex.author, source: ex.source, site: ex.site, url: ex.url,
        publishedAt: ex.publishedAt, modifiedAt: ex.modifiedAt, savedAt: ex.savedAt, language: ex.language,
        bodyText: ex.bodyText,
        bodyHtml: images ? keptImages(ex.bodyHtml, images.placeholders, oldHtml.get(id) as string) : ex.bodyHtml,
        captions: ex.captions, wordCount: p.wordCount, contentHash: p.contentHash, simhash: p.simhash,
      };
      batch.add({ id, fields, entities: p.entities }, fields.bodyHtml.length + fields.bodyText.length);
    };

    const launch = (id: number) =>
      inFlight.add((held) =>
        readOne(id, held).catch((e: unknown) => {
          this.fail({ id, title: `Clip ${id}`, original_name: null }, `could not be read again (${(e as Error).message})`);
        }),
      );

    try {
      for (;;) {
        while (inFlight.hasRoom && next < this.ids.length && !this.cancelledFlag) launch(this.ids[next++]);
        if (!inFlight.size) break;
        await inFlight.any();
        batch.flushIfDue();
      }
      // What finished before a cancel is kept.
      batch.flush();
    } finally {
      if (ownPool) await pool.close();
    }
    this.current = null;
    this.progress(true);
    return {
      jobId: this.id,
      cancelled: this.cancelledFlag,
      ...this.counts,
      notReached: this.total - this.done,
      outcomes: this.outcomes,
      elapsedMs: Date.now() - this.started,
    };
  }

  /** One batch, one write transaction: plans made under the lock, from the rows as they are now. */
  private write(ctx: StoreContext, rehashed: Map<number, string | null>, items: Pending[]): void {
    const { db } = ctx;
    const outcomes: ReextractOutcome[] = [];
    try {
      writeTransaction(db, () => {
        const ids = items.map((it) => it.id);
        const rows = new Map(
          (db.prepare('SELECT * FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as ClipRow[])
            .map((r) => [r.id, r]),
        );
        const corrections = correctionsOf(db, ids);
        const plans: { plan: ReextractPlan; row: ClipRow }[] = [];
        for (const it of items) {
          const row = rows.get(it.id);
          if (!row) {
            outcomes.push({ clipId: it.id, title: it.fields.title, file: null, status: 'failed', reason: 'the clip was deleted while it was being read again' });
            continue;
          }
          plans.push({ row, plan: planReextraction(row, applyLearnedRules(db, it.fields), corrections.get(it.id)) });
        }
        // The typo vocabulary counts the words of each clip: the old words leave before the
        // rows change, the new ones come in after (index-hooks.ts).
        const reindexed = plans.filter((p) => p.plan.indexedTextChanged).map((p) => p.plan.id);
        onClipsRemoved(db, reindexed);
        for (const { plan, row } of plans) {
          const anchors = writeReextraction(db, plan);
          // The extracted mentions are replaced; a person's merges and splits stay (entities.ts).
          const found = items.find((it) => it.id === plan.id)?.entities;
          if (found) writeClipEntities(db, plan.id, found);
          if (plan.simhashChanged) this.relink(ctx, rehashed, plan);
          outcomes.push({
            clipId: plan.id,
            title: plan.next.title,
            file: row.original_name,
            status: plan.changed.length ? 'changed' : 'unchanged',
            fields: plan.changed.length ? plan.changed : undefined,
            kept: plan.kept.length ? plan.kept : undefined,
            detachedHighlights: anchors?.detached || undefined,
          });
        }
        onClipsAdded(db, reindexed);
      });
    } catch (e) {
      // The whole batch rolled back: none of it changed.
      ctx.simhashes = loadSimhashIndex(db);
      rehashed.clear();
      const reason = (e as { code?: string }).code?.startsWith('SQLITE_BUSY')
        ? 'the library was kept busy by another Cuttings window or command for too long; re-extract it again'
        : `could not be saved in the library (${(e as Error).message})`;
      outcomes.length = 0;
      for (const it of items) outcomes.push({ clipId: it.id, title: it.fields.title, file: null, status: 'failed', reason });
    }
    for (const o of outcomes) this.record(o);
  }

  /** The clip's fingerprint changed: its near-duplicate links are worked out again. */
  private relink(ctx: StoreContext, rehashed: Map<number, string | null>, plan: ReextractPlan): void {
    const { db } = ctx;
    const hash = plan.next.simhash;
    db.prepare('DELETE FROM near_duplicates WHERE clip_id = ? OR other_id = ?').run(plan.id, plan.id);
    rehashed.set(plan.id, hash);
    if (!hash) return;
    // The index keeps the old fingerprints of clips this job changed: each candidate is measured
    // against its fingerprint as it is now.
    const seen = new Set<number>([plan.id]);
    const candidates: { id: number; distance: number }[] = [];
    for (const c of ctx.simhashes.near(hash)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const now = rehashed.has(c.id) ? rehashed.get(c.id)! : undefined;
      if (now === null) continue;
      const distance = now === undefined ? c.distance : hammingDistance(now, hash);
      if (distance <= NEAR_DUPLICATE_MAX_DISTANCE) candidates.push({ id: c.id, distance });
    }
    const link = db.prepare('INSERT OR IGNORE INTO near_duplicates (clip_id, other_id, similarity) VALUES (?, ?, ?)');
    for (const n of confirmedNear(ctx, plan.next.bodyText, candidates)) {
      link.run(plan.id, n.id, n.similarity);
      link.run(n.id, plan.id, n.similarity);
    }
    ctx.simhashes.add(plan.id, hash);
  }
}

// ---------------------------------------------------------------- a saved page's own images
//
// A page saved "complete" keeps its images in a folder beside it ("Page_files/"). The import
// inlined them into the clip's HTML, but the stored original is the page alone, so reading it
// again would lose them. Each local image the page names is handed to the extractor as a
// placeholder; the placeholders the article keeps are then given back the images the clip
// already had, in order — when there are as many of them as the clip had. Otherwise which is
// which cannot be told, and the placeholders are left out.

interface Placeholders {
  attachments: Attachment[];
  /** The placeholder's base64 → its number. */
  placeholders: Map<string, number>;
}

const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function imagePlaceholders(bytes: Uint8Array): Placeholders {
  const html = new TextDecoder().decode(bytes);
  const refs = new Set<string>();
  for (const m of html.matchAll(IMG_SRC)) {
    const ref = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/&amp;/g, '&');
    if (ref && !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//')) refs.add(ref);
  }
  const attachments: Attachment[] = [];
  const placeholders = new Map<string, number>();
  for (const ref of refs) {
    const n = attachments.length;
    const bytes = new TextEncoder().encode(`cuttings re-extraction placeholder ${n}`);
    attachments.push({ ref, mime: 'image/png', bytes });
    placeholders.set(Buffer.from(bytes).toString('base64'), n);
  }
  return { attachments, placeholders };
}

const DATA_IMG = /(<img\b[^>]*?\ssrc=")(data:image\/[a-z+]+;base64,[^"]*)("[^>]*>)/g;

export function keptImages(fresh: string, placeholders: Map<string, number>, old: string): string {
  const isPlaceholder = (src: string) => src.startsWith('data:image/png;base64,') && placeholders.has(src.slice('data:image/png;base64,'.length));
  const srcs = [...fresh.matchAll(DATA_IMG)].map((m) => m[2]);
  const found = srcs.filter(isPlaceholder).length;
  if (!found) return fresh;
  // Images written into the page itself (data: URLs in the original) are read again as they are.
  const ownImages = new Set(srcs.filter((s) => !isPlaceholder(s)));
  const images = [...old.matchAll(DATA_IMG)].map((m) => m[2]).filter((s) => !ownImages.has(s));
  let i = 0;
  return fresh.replace(DATA_IMG, (whole, pre: string, src: string, post: string) => {
    if (!isPlaceholder(src)) return whole;
    return found === images.length ? `${pre}${images[i++]}${post}` : '';
  });
}
