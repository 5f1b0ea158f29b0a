// The team library's wire protocol: what a desktop library and a hub say to each other.
// Types only, plus the few constants both sides must agree on. The hub (electron/hub/) and
// the desktop side (electron/sync/) both import this file; neither imports the other.
//
// The model is versioned objects, field by field. Every shared thing is an object of a kind
// with a stable key, made of fields. Each field holds a JSON value and the hybrid logical
// clock (electron/sync/hlc.ts) of the edit that set it. The later clock wins a field; the
// value it replaces is kept in the hub's history, never dropped. The hub stamps every
// winning write with a sequence number from one PostgreSQL sequence, and a client pulls what
// is newer than the last number it saw (Zotero's library versions, per field).

/** A JSON value as it travels. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The kinds of shared object, and their keys:
 * - `clip`: the clip's content hash when it was first shared (kept if re-extraction changes
 *   the text), so the same article imported by two members is one clip;
 * - `tag`: the tag name, lower-cased;
 * - `highlight`: the highlight's uid;
 * - `outlet`: the site (host name) an outlet name belongs to;
 * - `saved_search`: the saved search's name, lower-cased;
 * - `entity_rule`: a merge or split of entities, by the rule's own key.
 */
export type ObjectKind = 'clip' | 'tag' | 'highlight' | 'outlet' | 'saved_search' | 'entity_rule';

export const OBJECT_KINDS: readonly ObjectKind[] = ['clip', 'tag', 'highlight', 'outlet', 'saved_search', 'entity_rule'];

/**
 * The fields of a clip:
 * - `record`: what extraction produced ({@link ClipRecord}); set at import, replaced by a
 *   re-extraction;
 * - `title`, `source`, `author`, `publishedAt`, `url`: the record as people see it, corrections
 *   included (a value equal to the record's own is no correction);
 * - `starred` (boolean), `note` (string; private when the member keeps notes private);
 * - `deleted` (boolean): see {@link DELETION_RULE};
 * - `tag:<name lower-cased>` (boolean): tags merge as sets of additions and removals, one
 *   field per tag, so two members tagging the same clip both keep their tags.
 *
 * Of a tag: `name` (as written), `colour`. Of a highlight: `clip` (the clip's key), `anchor`
 * (the W3C selectors, JSON), `colour`, `note`, `deleted`; a private highlight is private in
 * every field. Of an outlet: `name`. Of a saved search: `name`, `query`, `deleted`. Of an
 * entity rule: `rule` (JSON), `deleted`.
 */
export const CLIP_EDIT_FIELDS = ['title', 'source', 'author', 'publishedAt', 'url', 'starred', 'note', 'deleted'] as const;
export const TAG_FIELD_PREFIX = 'tag:';

/** What extraction produced for a clip: the JSON export's clip, less what people edit. */
export interface ClipRecord {
  uid: string;
  title: string;
  standfirst: string | null;
  author: string | null;
  source: string | null;
  site: string | null;
  url: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  savedAt: string | null;
  importedAt: string;
  language: string | null;
  bodyText: string;
  bodyHtml: string;
  captions: string[];
  contentHash: string;
  /** The original file; `sha256` names it in the hub's store of originals. */
  original: { name: string | null; format: string | null; size: number | null; sha256: string | null };
  /** The people, places and organisations extraction found, as the JSON export writes them. */
  entities?: Json;
}

/**
 * A deletion wins over an edit only when it came later. On both sides: a clip is deleted when
 * its `deleted` field is true with a clock later than every other field's; an edit with a later
 * clock than a deletion brings the clip back (`deleted` becomes false at the edit's clock).
 * A deleted clip stays restorable from the hub for this long.
 */
export const DELETION_RULE = 'later-wins';
export const RESTORE_DAYS = 30;

/** One field's new value, as a desktop library pushes it. */
export interface Change {
  kind: ObjectKind;
  key: string;
  field: string;
  value: Json;
  /** The edit's hybrid logical clock (hlc.ts); the later one wins. */
  hlc: string;
  /** Seen only by the member who made it (their other machines included). */
  private?: boolean;
}

/** A change as the hub holds it: numbered, and signed by the member who made it. */
export interface StoredChange extends Change {
  seq: number;
  member: string;
}

/** POST /v1/changes */
export interface PushRequest {
  /** The pushing library's own id, for the hub's log and the member's sessions. */
  library: string;
  changes: Change[];
}

export interface PushResponse {
  /** Changes that now hold their field. */
  accepted: number;
  /** Changes that lost to a later clock; each is in the history, and the winner will be pulled again. */
  superseded: number;
  /** Changes already there (the same field, clock and value): a retried push. */
  repeated: number;
  /** The hub's newest sequence number after this push. */
  seq: number;
}

/** GET /v1/changes?since=N&limit=M[&wait=S]: winning field values numbered above N, in order. */
export interface PullResponse {
  changes: StoredChange[];
  /** The number to ask from next time: the last change's, or `since` when there were none. */
  next: number;
  /** True when more changes wait beyond this page. */
  more: boolean;
}

/** One superseded value of a field, as GET /v1/history?kind=K&key=KEY returns them. */
export interface HistoryEntry {
  kind: ObjectKind;
  key: string;
  field: string;
  value: Json;
  hlc: string;
  member: string;
  /** The clock of the value that replaced it. */
  supersededBy: string;
  recordedAt: string;
}

/** GET /v1/deleted: clips deleted on the hub and still restorable. */
export interface DeletedClip {
  key: string;
  title: string;
  deletedBy: string;
  deletedAt: string;
  /** The last day it can be restored (ISO date). */
  restorableUntil: string;
}

/** GET /v1/whoami */
export interface MemberInfo {
  member: string;
  role: MemberRole;
  /** The hub's own id, the same from every hub process on one database. */
  hub: string;
  /** The hub's newest sequence number. */
  seq: number;
}

export type MemberRole = 'editor' | 'reader';

/** An error body the hub sends with any 4xx/5xx. */
export interface HubError {
  error: string;
}

/** POST /v1/originals/missing: which of these originals (by SHA-256) the hub does not hold yet. */
export interface OriginalsMissingRequest {
  hashes: string[];
}
export interface OriginalsMissingResponse {
  missing: string[];
}

/** GET /v1/object?kind=K&key=KEY: every field the object holds now that the member may see. */
export type ObjectResponse = StoredChange[];

/** Paths, all under the hub's root; originals are addressed by the SHA-256 of their bytes. */
export const HUB_PATHS = {
  whoami: '/v1/whoami',
  changes: '/v1/changes',
  history: '/v1/history',
  deleted: '/v1/deleted',
  object: '/v1/object',
  originalsMissing: '/v1/originals/missing',
  original: (sha256: string) => `/v1/originals/${sha256}`,
} as const;

/** A pull page's size when the client does not ask for one, and the most the hub sends. */
export const PULL_PAGE = 2000;
export const PULL_PAGE_MAX = 10000;
/** The longest a pull may wait for a change to arrive (GET /v1/changes?wait=S). */
export const PULL_WAIT_MAX_SECONDS = 30;
