// THE contract between the renderer and the library: every method, its arguments, its
// result, and the events. Types, plus the one runtime list of method names that the
// adapters enumerate — imported by both sides, so a renamed method or a changed field
// breaks the build, not the user.

export type Iso8601 = string;

export interface TagRef {
  id: number;
  name: string;
  colour: string;
}

export interface Tag extends TagRef {
  /** Clips carrying the tag (deleted clips not counted). */
  count: number;
}

export interface ClipSummary {
  id: number;
  uid: string;
  title: string;
  source: string | null;
  author: string | null;
  publishedAt: Iso8601 | null;
  savedAt: Iso8601 | null;
  importedAt: Iso8601;
  wordCount: number;
  starred: boolean;
  tags: TagRef[];
  /** The first words of the body, or a highlighted search snippet (HTML with <mark> only). */
  snippet: string;
  /** In a list asked to collapse stories: the story this clip stands for (its other versions are left out). */
  story?: StoryBadge;
}

/** A story: clips import linked as near-duplicates, one wire story in several outlets or one page saved as it changed. */
export interface StoryBadge {
  /** The story's id: the smallest clip id in it. */
  id: number;
  /** Its live versions (clips). */
  versions: number;
  /** How many different outlets ran it. */
  outlets: number;
  /** 'page': every version has the same address (a page that changed); 'outlets': one story, several outlets. */
  kind: 'page' | 'outlets';
}

/** One version of a story. */
export interface StoryVersion {
  id: number;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Iso8601 | null;
  savedAt: Iso8601 | null;
  importedAt: Iso8601;
  wordCount: number;
}

export interface Story extends Omit<StoryBadge, 'versions'> {
  /** The first version's headline. */
  title: string;
  /** Oldest first (for a page, in the order it was saved). */
  versions: StoryVersion[];
}

/** What differs between two clips' texts (headline, standfirst, body), word by word. */
export interface VersionDiff {
  from: StoryVersion;
  to: StoryVersion;
  /** The new text in order: unchanged runs, and what was removed (del) or added (add). */
  parts: { op: 'same' | 'add' | 'del'; text: string }[];
  /** Words added and removed. */
  added: number;
  removed: number;
  /** The texts differ too much to compare word by word in the middle: shown as replaced whole. */
  truncated: boolean;
}

export interface NearDuplicate {
  id: number;
  title: string;
  source: string | null;
  publishedAt: Iso8601 | null;
  similarity: number;
}

export interface Clip extends ClipSummary {
  standfirst: string | null;
  site: string | null;
  url: string | null;
  modifiedAt: Iso8601 | null;
  language: string | null;
  bodyText: string;
  /** Sanitized when stored; sanitize again before showing. */
  bodyHtml: string;
  captions: string[];
  note: string;
  contentHash: string;
  original: { name: string | null; format: string | null; size: number | null; available: boolean };
  nearDuplicates: NearDuplicate[];
  /** The record fields a person corrected (the clip's values are theirs), with what the import had. */
  corrections: FieldCorrection[];
}

export type SortOrder = 'relevance' | 'newest' | 'oldest' | 'imported' | 'title';

/** A period on the timeline, inclusive, as ISO dates ("2019", "2019-09", "2019-09-20" accepted). */
export interface Period {
  from?: string;
  to?: string;
  /** Only clips without a publication date. */
  undated?: boolean;
}

export interface ListClipsArgs extends Period {
  limit?: number;
  offset?: number;
  sort?: SortOrder;
  tags?: string[];
  source?: string;
  starred?: boolean;
  /** Imported within the last N days. */
  importedWithinDays?: number;
  /** Show each story once (its first version that meets the filters, with its `story`), not every version. */
  collapseStories?: boolean;
}

export interface ClipPage {
  total: number;
  clips: ClipSummary[];
  /** With collapseStories: the versions left out of `total`, each folded under its story's row. */
  folded?: number;
}

export interface SearchArgs extends ListClipsArgs {
  q: string;
  /** The user is still typing: the last word also matches as a prefix ("madu" → maduro). */
  asYouType?: boolean;
  /** Compute facet counts (default: when results are asked for). */
  facets?: boolean;
}

export interface SearchHit {
  id: number;
  title: string;
  source: string | null;
  author: string | null;
  publishedAt: Iso8601 | null;
  /** HTML: escaped text with matches in <mark>…</mark>, nothing else. */
  snippet: string;
  /** The title with matches in <mark>, escaped likewise. */
  titleHtml: string;
  tags: TagRef[];
  starred: boolean;
  savedAt: Iso8601 | null;
  importedAt: Iso8601;
  wordCount: number;
  uid: string;
  /** The query's words stand in one of the clip's highlights (its words or its note). */
  inHighlight?: HighlightHit;
  /** With collapseStories: the story this hit stands for. */
  story?: StoryBadge;
}

/** A highlight a search hit falls in: its words (and note) with the matches in <mark>, escaped. */
export interface HighlightHit {
  colour: HighlightColour;
  html: string;
  noteHtml?: string;
  /** The match is in the note, not the highlighted words. */
  inNote: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** An entity in a facet: `value` is its name; `id` opens it, merges and splits it. */
export interface EntityFacetCount extends FacetCount {
  id: number;
}

/** One outlet (newspaper, site, agency) in the Sources list: `value` is the name its clips show. */
export interface OutletCount extends FacetCount {
  /** null for a name clips carry that no outlet holds yet (it gets one when renamed or merged). */
  id?: number | null;
  /** Other names it was seen under ("latimes", "LA Times"), which find it too. */
  names?: string[];
  /** Its sites ("latimes.com"). */
  sites?: string[];
}

export interface SearchResult {
  total: number;
  /** With collapseStories: matching versions left out of `total`, each folded under its story's hit. */
  folded?: number;
  tookMs: number;
  hits: SearchHit[];
  /** Words that were not in the library and what they were read as ("madurro" → ["maduro"]). */
  corrections: { word: string; replacements: string[] }[];
  /** The query as it was understood after typo correction, when any correction happened. */
  showingResultsFor: string | null;
  /**
   * The settled query's last word, matched as the start of longer words ("madu" → Maduro)
   * because whole it found less than it did while typed; null otherwise.
   */
  prefixFor?: string | null;
  /**
   * Counts of the matches by value. With collapseStories, a story counts once under each value
   * any of its matching versions has: the rows the list shows after narrowing to that value.
   */
  facets: {
    tags: FacetCount[]; sources: FacetCount[]; authors: FacetCount[]; years: FacetCount[];
    /** People, places and organisations named by the matching clips (libraries before migration 9: absent). */
    people?: EntityFacetCount[]; places?: EntityFacetCount[]; organisations?: EntityFacetCount[];
  };
  /** True when the facets were counted over the first 10,000 matches only. */
  facetsPartial?: boolean;
}

export type TimelineGranularity = 'year' | 'month' | 'day';

export interface TimelineArgs extends Period {
  granularity?: TimelineGranularity;
  /** Narrow the counts to a search and the list's filters, so the timeline follows the list. */
  q?: string;
  tags?: string[];
  source?: string;
  starred?: boolean;
  importedWithinDays?: number;
}

export interface Timeline {
  granularity: TimelineGranularity;
  buckets: { period: string; count: number }[];
  undated: number;
  /** Clips of the period dated less precisely than the bars (by year only in a month view): in no bar. */
  imprecise?: number;
}

export interface ClipPatch {
  title?: string;
  author?: string | null;
  source?: string | null;
  /** A day, a month or a year ("2019-09-20", "2019-09", "2019"), or a day with a time. */
  publishedAt?: Iso8601 | null;
  /** An http(s) address. */
  url?: string | null;
  note?: string;
  starred?: boolean;
}

/** The fields of a clip's record a person can correct (clip_corrections.field, as Clip names them). */
export type RecordField = 'title' | 'author' | 'source' | 'publishedAt' | 'url';

/** A field a person corrected: its value is the clip's own; this is what the import had. */
export interface FieldCorrection {
  field: RecordField;
  extracted: string | null;
  correctedAt: Iso8601;
}

/** A highlight's colour (the reader's swatches, the export's labels). */
export type HighlightColour = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const satisfies readonly HighlightColour[];

/**
 * A passage a person marked, anchored as a W3C Web Annotation target: the quote (exact text
 * with a little context each side) finds it again after the body changes; the position is its
 * place in the clip's `bodyText` (UTF-16 offsets, end exclusive), or null when the quote no
 * longer fits the body ("detached": kept and shown, never dropped).
 */
export interface Highlight {
  id: number;
  uid: string;
  clipId: number;
  colour: HighlightColour;
  note: string;
  /** Kept from the team: only this member sees it (on any of their computers). False when the library is not shared. */
  private: boolean;
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number } | null;
  createdAt: Iso8601;
  updatedAt: Iso8601;
}

/** A highlight in the JSON export: its selectors, colour, note and dates, without the library's ids. */
export type ExportHighlight = Omit<Highlight, 'id' | 'clipId' | 'private'> & { private?: true };

/** A new highlight: the words as they stand in the reader, with the text around them. */
export interface NewHighlight {
  clipId: number;
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Where the words stood, as an offset into bodyText, to choose among several places. */
  near?: number;
  colour?: HighlightColour;
  note?: string;
  private?: boolean;
}

/** What a remembered correction does to a new import of its site. */
export type SiteRuleAction = 'replace' | 'drop' | 'set';

export interface NewSiteRule {
  /** A host name without "www." ("bbc.com"). */
  site: string;
  field: RecordField;
  /** replace: `match` → `value`; drop: `match` → nothing; set: always `value`. */
  action: SiteRuleAction;
  /** The extracted value a replace or drop applies to (null for set). For authors, one of several names. */
  match: string | null;
  /** What replace and set put in its place (null for drop). */
  value: string | null;
}

export interface SiteRule extends NewSiteRule {
  id: number;
  createdAt: Iso8601;
}

/** A rule the library offers after the same correction on several clips of one site. */
export interface SiteRuleSuggestion extends NewSiteRule {
  /** How many clips of the site were corrected so. */
  clips: number;
}

/** What an edit of clips' records did. */
export interface RecordEdit {
  /** Clips whose record changed. */
  changed: number;
  /** Gives the changed fields back their values before the edit (undoEdit); null when nothing changed. */
  undoToken: string | null;
  suggestions: SiteRuleSuggestion[];
  /** When an outlet was set: the name it is shown under (one name per outlet: "latimes" is "Los Angeles Times"). */
  outlet?: string | null;
}

export type ImportStatus = 'added' | 'duplicate' | 'failed';

export interface ImportOutcome {
  /** The file as the user named it (for uploads, the uploaded name). */
  file: string;
  status: ImportStatus;
  clipId?: number;
  title?: string;
  /** For a duplicate: the clip it duplicates. */
  duplicateOf?: number;
  /** Why it failed, in words a person understands (never a stack trace). */
  reason?: string;
  /** Clips this one was linked to as near-duplicates. */
  nearDuplicates?: number[];
  warnings?: string[];
}

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  /** True while the folder walk is still finding files (total may grow). */
  scanning: boolean;
  currentFile: string | null;
  added: number;
  duplicates: number;
  failed: number;
  filesPerSecond: number;
  etaSeconds: number | null;
}

export interface ImportSummary {
  jobId: string;
  cancelled: boolean;
  added: number;
  duplicates: number;
  failed: number;
  outcomes: ImportOutcome[];
  elapsedMs: number;
}

/** A clip's fields that re-extraction can change, as Clip names them. */
export type ReextractField =
  | 'title' | 'standfirst' | 'author' | 'source' | 'site' | 'url' | 'publishedAt' | 'modifiedAt' | 'savedAt'
  | 'language' | 'bodyText' | 'bodyHtml' | 'captions';

export interface ReextractOutcome {
  clipId: number;
  /** The clip's title (after re-extraction, when it changed). */
  title: string;
  /** The original file's name as it was imported. */
  file: string | null;
  status: 'changed' | 'unchanged' | 'failed';
  /** For a changed clip: what changed. */
  fields?: ReextractField[];
  /** Fields a person corrected, which re-extraction left as they were. */
  kept?: RecordField[];
  /** Highlights whose words the new text no longer holds: kept, shown as detached. */
  detachedHighlights?: number;
  /** Why it failed ("its original file is missing from the library folder"). */
  reason?: string;
}

export interface ReextractProgress {
  jobId: string;
  done: number;
  total: number;
  /** The title of the clip being read. */
  currentClip: string | null;
  changed: number;
  unchanged: number;
  failed: number;
  clipsPerSecond: number;
  etaSeconds: number | null;
}

export interface ReextractSummary {
  jobId: string;
  cancelled: boolean;
  changed: number;
  unchanged: number;
  failed: number;
  /** Clips a cancel left as they were, not read. */
  notReached: number;
  /** The changed and failed clips (unchanged ones are only counted). */
  outcomes: ReextractOutcome[];
  elapsedMs: number;
}

export interface UploadedFile {
  /** Path relative to the dropped folder, or just the file name. */
  name: string;
  /** File bytes, base64. */
  dataBase64: string;
  lastModified?: number;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  /** How many clips the query matches now. */
  count: number;
}

export interface LibraryInfo {
  path: string;
  clipCount: number;
  tagCount: number;
  schemaVersion: number;
  /** Where the app runs: the renderer shows native menus only in 'electron'. */
  shell: 'electron' | 'browser' | 'cli';
}

export interface ExportDocument {
  cuttings: { format: 'cuttings-export'; version: 1; exportedAt: Iso8601 };
  clips: (Omit<Clip, 'id' | 'nearDuplicates' | 'original' | 'tags' | 'snippet' | 'corrections'> & {
    tags: string[];
    original: { name: string | null; format: string | null; size: number | null };
    /** Present when the clip has any. */
    highlights?: ExportHighlight[];
    /** The people, places and organisations it names, as it writes them (present when any). */
    entities?: ExportEntityMention[];
    /** The other versions of its story it is linked with (near-duplicates), by uid (present when any). */
    storyLinks?: ExportStoryLink[];
  })[];
  tags: { name: string; colour: string }[];
  /** A person's merges and splits of entities: a restore applies them again. */
  entityRules?: ExportEntityRule[];
}

/** Person, place or organisation: the words the query language and the CLI use. */
export type EntityKind = 'person' | 'place' | 'org';

/** One person, place or organisation of the library, with how many live clips name it. */
export interface EntitySummary {
  id: number;
  kind: EntityKind;
  /** Its one name ("Nicolás Maduro"). */
  name: string;
  clips: number;
  mentions: number;
  /** Other names it was seen under, or given by a merge ("Maduro", "Nicolas Maduro"). */
  names: string[];
}

/** What an entity's page shows: when it was named, by whom, with whom, and in which clips. */
export interface EntityPage {
  entity: EntitySummary;
  /** Its live clips per month of publication ("2019-09"), oldest first; clips dated only by year, or not at all, are counted apart. */
  months: { month: string; clips: number; mentions: number }[];
  undated: number;
  /** The outlets naming it in most clips. */
  outlets: FacetCount[];
  /** The entities named in most of its clips. */
  related: (EntityFacetCount & { kind: EntityKind })[];
  /** Its newest clips (at most 50; the list filtered by it holds them all). */
  clips: { id: number; title: string; source: string | null; publishedAt: Iso8601 | null; mentions: number }[];
}

/** An entity named in an exported clip: the name as the clip writes it, and the entity it stood for. */
export interface ExportEntityMention {
  kind: EntityKind;
  name: string;
  entity: string;
  mentions: number;
  firstOffset: number | null;
}

/** A link between two versions of one story: the other clip's uid, and how alike their texts are (0–1). */
export interface ExportStoryLink {
  uid: string;
  similarity: number;
}

/** A merge (`name` goes with the entity named `into`) or a split (`into` null: an entity of its own). */
export interface ExportEntityRule {
  kind: EntityKind;
  name: string;
  into: string | null;
}

/** Where a library connected to a team hub stands; `off` when it is not connected. */
export type SyncState =
  | { state: 'off' }
  | { state: 'synced'; at: Iso8601 }
  | { state: 'syncing'; phase: 'push' | 'pull' | 'originals'; done: number; total: number }
  | { state: 'offline'; since: Iso8601; reason: string }
  | { state: 'attention'; reason: string };

/** The library's connection to a team hub. The member token never leaves the library. */
export interface TeamLink {
  hubUrl: string;
  member: string;
  role: 'editor' | 'reader';
  /** This member's clip notes are kept private (their highlights choose one by one). */
  privateNotes: boolean;
  lastSyncAt: Iso8601 | null;
  /** Local edits waiting to be sent. */
  pending: number;
  status: SyncState;
}

/** A value a clip's field once held, kept when a later edit (here or by another member) replaced it. */
export interface ClipHistoryEntry {
  id: number;
  /** The synced field: title, source, author, publishedAt, url, starred, note, deleted, tag:NAME. */
  field: string;
  /** The value, as JSON (a string, a boolean or null). */
  value: string | boolean | null;
  /** The member who wrote it. */
  by: string;
  /** When it was written, and when it was replaced. */
  at: Iso8601;
  replacedAt: Iso8601;
}

/** A clip deleted on the team hub that can still be restored. */
export interface HubDeletedClip {
  key: string;
  title: string;
  deletedBy: string;
  deletedAt: Iso8601;
  /** The last day it can be restored (ISO date). */
  restorableUntil: string;
}

/** Every method of the Api: name → argument and result. */
export interface ApiMethods {
  libraryInfo: { args: Record<string, never>; result: LibraryInfo };
  listClips: { args: ListClipsArgs; result: ClipPage };
  getClip: { args: { id: number }; result: Clip };
  /** Record fields (title, author, source, publishedAt, url) are kept as corrections; `edit` says how to undo them. */
  updateClip: { args: { id: number; patch: ClipPatch }; result: Clip & { edit: RecordEdit } };
  /** The same outlet or date for several clips at once, as corrections, with one undo. */
  updateClips: { args: { ids: number[]; patch: Pick<ClipPatch, 'source' | 'publishedAt'> }; result: RecordEdit };
  /** Gives the fields an edit changed their values before it (a later change to the same field is overwritten). */
  undoEdit: { args: { undoToken: string }; result: { restored: number } };
  /** A clip's highlights in text order; detached ones last. */
  listHighlights: { args: { clipId: number }; result: Highlight[] };
  /** Anchors the words in the clip's text; refused when they are not in it. */
  addHighlight: { args: NewHighlight; result: Highlight };
  updateHighlight: { args: { id: number; colour?: HighlightColour; note?: string; private?: boolean }; result: Highlight };
  /** Answers the highlight as it was, so an undo can add it again. */
  deleteHighlight: { args: { id: number }; result: { deleted: Highlight } };
  listSiteRules: { args: { site?: string }; result: SiteRule[] };
  createSiteRule: { args: NewSiteRule; result: SiteRule };
  deleteSiteRule: { args: { id: number }; result: { deleted: boolean; rule: SiteRule | null } };
  deleteClips: { args: { ids: number[] }; result: { deleted: number; undoToken: string } };
  undoDelete: { args: { undoToken: string }; result: { restored: number } };
  search: { args: SearchArgs; result: SearchResult };
  timeline: { args: TimelineArgs; result: Timeline };
  listTags: { args: Record<string, never>; result: Tag[] };
  createTag: { args: { name: string; colour?: string }; result: Tag };
  tagClips: { args: { ids: number[]; tags: string[] }; result: { changed: number } };
  untagClips: { args: { ids: number[]; tags: string[] }; result: { changed: number } };
  renameTag: { args: { id: number; name: string }; result: Tag };
  recolourTag: { args: { id: number; colour: string }; result: Tag };
  mergeTags: { args: { from: number[]; into: number }; result: Tag };
  deleteTag: { args: { id: number }; result: { deleted: boolean; clipIds: number[]; name: string; colour: string } };
  /** One row per outlet, most clips first. */
  listSources: { args: Record<string, never>; result: OutletCount[] };
  /** `outlet`: any name or site of it. Its clips show the new name; the old one still finds it. */
  renameOutlet: { args: { outlet: string; name: string }; result: OutletCount };
  /** The `from` outlets' clips, names and sites become `into`'s; `into` keeps its name. */
  mergeOutlets: { args: { from: string[]; into: string }; result: { outlet: OutletCount; undoToken: string } };
  undoMergeOutlets: { args: { undoToken: string }; result: { restored: number } };
  listAuthors: { args: Record<string, never>; result: FacetCount[] };
  /** The story a clip belongs to, with its versions; null when no other version of it is in the library. Reads only. */
  storyOf: { args: { id: number }; result: Story | null };
  /** Stories of at least `minVersions` (default 2) versions, the most versions first. Reads only. */
  listStories: { args: { limit?: number; offset?: number; minVersions?: number }; result: { total: number; stories: Story[] } };
  /** What changed from one clip's text to another's, word by word. Reads only. */
  diffClips: { args: { from: number; to: number }; result: VersionDiff };
  /** People, places and organisations with their clip counts, most clips first. */
  listEntities: { args: { kind?: EntityKind; limit?: number }; result: EntitySummary[] };
  /** The `from` entities become `into`: their names find it, their clips count for it; kept across re-extraction. */
  mergeEntities: { args: { from: number[]; into: number }; result: { entity: EntitySummary; undoToken: string } };
  /** One name of an entity becomes an entity of its own, with the clips that write it so. */
  splitEntity: { args: { id: number; name: string }; result: { entity: EntitySummary; undoToken: string } };
  undoEntityChange: { args: { undoToken: string }; result: { restored: number } };
  entityPage: { args: { id: number }; result: EntityPage };
  listSavedSearches: { args: Record<string, never>; result: SavedSearch[] };
  saveSearch: { args: { name: string; query: string }; result: SavedSearch };
  deleteSavedSearch: { args: { id: number }; result: { deleted: boolean } };
  importPaths: { args: { paths: string[] }; result: { jobId: string } };
  importUploads: { args: { files: UploadedFile[] }; result: { jobId: string } };
  cancelImport: { args: { jobId: string }; result: { cancelled: boolean } };
  importResult: { args: { jobId: string }; result: ImportSummary | null };
  loadSamples: { args: Record<string, never>; result: { jobId: string } };
  exportClips: { args: { ids?: number[] }; result: ExportDocument };
  /** The clips' bibliography entries in a citation style, as plain text (one a line) and as HTML. Reads only. */
  citeClips: { args: { ids: number[]; style: CitationStyle }; result: { text: string; html: string } };
  /** Reads clips again from their stored originals with the current extractor, as a job (one at a time). */
  reextractClips: { args: { ids?: number[]; all?: boolean }; result: { jobId: string; total: number } };
  cancelReextract: { args: { jobId: string }; result: { cancelled: boolean } };
  reextractResult: { args: { jobId: string }; result: ReextractSummary | null };
  /**
   * Electron: opens the original with the system's app, by the extension of its sniffed format;
   * a format with no safe viewer is shown in its folder instead (`revealed`). Browser: returns a download URL.
   */
  openOriginal: { args: { id: number }; result: { opened: boolean; url?: string; revealed?: boolean } };
  /** Opens an http(s) link in the system browser (Electron); refused for anything else. */
  openExternal: { args: { url: string }; result: { opened: boolean } };
  /** Electron: shows the stored copy of the original in the system's file manager. */
  revealOriginal: { args: { id: number }; result: { shown: boolean } };
  /**
   * Compiles a press review as a job (review-progress, review-finished). The window's call
   * writes a file to download (browser mode: `downloadUrl` in the summary); the desktop app
   * asks where to save first (desktop.compileReviewTo), the CLI writes to --output.
   */
  compileReview: { args: ReviewRequest; result: { jobId: string; clips: number } };
  cancelReview: { args: { jobId: string }; result: { cancelled: boolean } };
  /** The summary of a finished review job; null while it runs. */
  reviewResult: { args: { jobId: string }; result: ReviewSummary | null };
  /** The library's team hub, or null when it is not shared. */
  teamLibrary: { args: Record<string, never>; result: TeamLink | null };
  /** Connects the library to a team hub with a member's token and shares it; refused with the hub's reason. */
  connectTeamLibrary: { args: { hubUrl: string; token: string; privateNotes?: boolean }; result: TeamLink };
  /** Stops sharing: the library keeps every clip it has, and edits are no longer sent. */
  disconnectTeamLibrary: { args: Record<string, never>; result: { disconnected: boolean } };
  /** Whether this member's clip notes stay private (shared by default). */
  setPrivateNotes: { args: { on: boolean }; result: TeamLink };
  /** Syncs now rather than at the next moment the background sync would. */
  syncNow: { args: Record<string, never>; result: SyncState };
  /** Values the clip's fields held before a later edit, newest first. Reads only. */
  clipHistory: { args: { id: number }; result: ClipHistoryEntry[] };
  /** Makes an old value the clip's current one again, as a new edit (the current value goes into the history). */
  restoreClipHistory: { args: { id: number; entryId: number }; result: Clip };
  /** Clips deleted on the team hub in the last 30 days. */
  listHubDeleted: { args: Record<string, never>; result: HubDeletedClip[] };
  /** Brings a clip deleted on the hub back, for every member. */
  restoreHubDeleted: { args: { key: string }; result: { restored: boolean } };
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

/** What the renderer holds: one async function per method. */
export type Api = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** Events the library pushes to the renderer. */
export interface ApiEvents {
  'import-progress': ImportProgress;
  'import-finished': ImportSummary;
  /** Clips or tags changed (by an import, another window, the CLI…): refresh views. */
  'library-changed': { reason: string };
  /** An import began (from the window, a menu, "Open With" or the command line of the app). */
  'import-started': { jobId: string };
  'reextract-progress': ReextractProgress;
  'reextract-finished': ReextractSummary;
  'review-progress': ReviewProgress;
  'review-finished': ReviewSummary;
  /** The team library's sync state changed (synced, syncing with progress, offline, needs attention). */
  'sync-state': SyncState;
}
export type ApiEventName = keyof ApiEvents;

/** An error the user should read: `message` is meant for people. */
export interface ApiErrorBody {
  error: { code: 'bad-request' | 'not-found' | 'unauthorized' | 'conflict' | 'internal'; message: string };
}

/** One item of a native context menu the window asks the shell to show. */
export interface MenuChoice {
  id: string;
  label: string;
  enabled?: boolean;
  /** Draw a separator above this item. */
  separatorBefore?: boolean;
}

/** What the application menu asks the window to do (the window owns these views). */
export type ShellCommand =
  | { command: 'toggle-sidebar' }
  | { command: 'show-shortcuts' }
  | { command: 'focus-search' }
  /** File → Export…: the window asks which clips and which format, then calls desktop.exportTo. */
  | { command: 'export' }
  /** File → Re-extract Whole Library…: the window asks to confirm, then re-extracts and shows the progress. */
  | { command: 'reextract-library' }
  /** File → Site Rules…: the corrections remembered per site, to look at or delete. */
  | { command: 'site-rules' }
  /** File → Team Library…: share the library through a team hub, see its sync state, restore deleted clips. */
  | { command: 'team-library' }
  /** File → Press Review…: the window asks which clips and how, then calls desktop.compileReviewTo. */
  | { command: 'press-review' }
  /** A short message for the window to show (an export or backup finished, or failed). */
  | { command: 'notify'; message: string; error?: boolean };

/**
 * Desktop-only calls, carried over the same IPC channel as the Api. They are not Api methods:
 * browser mode and the CLI have no native dialogs or menus.
 */
export interface ShellMethods {
  /** Paths the preload read from File objects the user dropped or picked (webUtils.getPathForFile). */
  importDropped: { args: { paths: string[] }; result: { jobId: string } | null };
  /** Shows the native Import dialog and imports what was chosen; null when cancelled. */
  chooseAndImport: { args: { kind: 'files' | 'folder' }; result: { jobId: string } | null };
  /** Shows a native context menu and answers the chosen item's id (null when dismissed). */
  popupMenu: { args: { items: MenuChoice[] }; result: { chosen: string | null } };
  /** Asks where to save (a native dialog) and writes the export there; null when cancelled. */
  exportTo: { args: ExportRequest; result: { output: string; clips: number } | null };
  /** Asks where to save the press review (a native dialog), then compiles it there as a job; null when cancelled. */
  compileReviewTo: { args: ReviewRequest; result: { jobId: string; clips: number; output: string } | null };
}
export type ShellMethod = keyof ShellMethods;

/** The files an export can be written as (electron/export/). csl-json, ris and bibtex are for reference managers (Zotero). */
export type ExportFormat = 'json' | 'markdown' | 'html' | 'csv' | 'csl-json' | 'ris' | 'bibtex' | 'highlights';
export const EXPORT_FORMATS = ['json', 'markdown', 'html', 'csv', 'csl-json', 'ris', 'bibtex', 'highlights'] as const satisfies readonly ExportFormat[];

/** The citation styles "Copy citation" and `cuttings cite` offer (electron/export/citation-styles.ts). */
export type CitationStyle = 'apa' | 'chicago' | 'mla';
export const CITATION_STYLES = ['apa', 'chicago', 'mla'] as const satisfies readonly CitationStyle[];

/** Which clips an export holds: the given ids, or the clips a query matches, or all. */
export interface ExportRequest {
  format: ExportFormat;
  ids?: number[];
  /** A search query (filters included), as typed in the search box. */
  query?: string;
}
/** A press review's file (electron/export/review-*.ts). */
export type ReviewFormat = 'pdf' | 'html' | 'docx';
export const REVIEW_FORMATS = ['pdf', 'html', 'docx'] as const satisfies readonly ReviewFormat[];
/** How the contents and the clips are grouped. */
export type ReviewGrouping = 'day' | 'outlet' | 'tag';
export const REVIEW_GROUPINGS = ['day', 'outlet', 'tag'] as const satisfies readonly ReviewGrouping[];
/** What each clip shows below its record: the whole article, its standfirst (or lead), or its highlighted passages. */
export type ReviewContent = 'full' | 'standfirst' | 'highlights';
export const REVIEW_CONTENTS = ['full', 'standfirst', 'highlights'] as const satisfies readonly ReviewContent[];

/** A press review: which clips (ids, or a search query with its tag:/after:/before: filters), and how. */
export interface ReviewRequest {
  format: ReviewFormat;
  ids?: number[];
  query?: string;
  /** Default "Press review". */
  title?: string;
  /** Who compiled it, for the title page. */
  compiledBy?: string;
  /** Default 'day'. */
  group?: ReviewGrouping;
  /** Default 'full'. */
  content?: ReviewContent;
}

export interface ReviewProgress {
  jobId: string;
  /** reading: clips read and composed (done of total clips); printing: the PDF is laid out; saving: the file is written. */
  stage: 'reading' | 'printing' | 'saving';
  done: number;
  total: number;
}

export interface ReviewSummary {
  jobId: string;
  status: 'done' | 'cancelled' | 'failed';
  format: ReviewFormat;
  clips: number;
  /** The file's name ("Press review 2026-12-03.pdf"). */
  fileName: string;
  /** Where it was written (the desktop app and the CLI); null for a download. */
  output: string | null;
  /** Browser mode: where the window downloads it (GET api/review/<jobId>?token=…). */
  downloadUrl?: string;
  /** Why it failed, in words a person can act on. */
  error?: string;
  bytes?: number;
  elapsedMs: number;
}
export const SHELL_METHODS = ['importDropped', 'chooseAndImport', 'popupMenu', 'exportTo', 'compileReviewTo'] as const satisfies readonly ShellMethod[];
type MissingShell = Exclude<ShellMethod, (typeof SHELL_METHODS)[number]>;
export const SHELL_METHODS_COMPLETE: [MissingShell] extends [never] ? true : never = true;

/** The one IPC channel between the window and the main process. */
export const IPC_CHANNEL = 'cuttings:call';
/** Events and menu commands pushed from the main process to the window. */
export const IPC_EVENT_CHANNEL = 'cuttings:event';
export const IPC_COMMAND_CHANNEL = 'cuttings:command';

/** What only the desktop app's preload adds to the bridge. */
export interface DesktopBridge {
  /**
   * Imports files the user dropped on the window or picked in it. The preload reads their paths
   * itself; the page never hands the main process a path (a script in the page could name any file).
   */
  importFiles(files: File[]): Promise<{ jobId: string } | null>;
  /** The native Import dialog (files or one folder). */
  chooseAndImport(kind: 'files' | 'folder'): Promise<{ jobId: string } | null>;
  /** A native context menu; resolves with the chosen item's id, or null. */
  popupMenu(items: MenuChoice[]): Promise<string | null>;
  /** Commands from the application menu. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
  /** Exports to a file or folder the user chooses in a native save dialog; null when cancelled. */
  exportTo(request: ExportRequest): Promise<{ output: string; clips: number } | null>;
  /** Asks where to save a press review, then compiles it there (progress as review-* events); null when cancelled. */
  compileReviewTo(request: ReviewRequest): Promise<{ jobId: string; clips: number; output: string } | null>;
}

/** What the preload exposes as window.cuttings (and what browser mode builds over HTTP). */
export interface CuttingsBridge {
  api: Api;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Present only in the desktop app. */
  desktop?: DesktopBridge;
}

/* Browser mode's request sizes (electron/http/ enforces them; the window's uploads keep to them). */
/**
 * Largest request body. The biggest requests are the window's upload batches: base64 in JSON,
 * about 32 MB for its 24 MB batches (renderer/src/import/dropped-files.ts). The whole body is
 * held while it is decoded, so this bounds the memory one request can take.
 */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/**
 * Largest single file that fits in one request of that size: base64 turns 3 bytes into 4, and
 * 64 KB are left for the JSON around it (the name, at most 4,096 characters, even escaped).
 */
export const MAX_UPLOAD_FILE_BYTES = Math.floor((MAX_REQUEST_BYTES - 64 * 1024) / 4) * 3;

/** The method names, as a runtime list (for adapters that enumerate the contract). */
export const API_METHODS = [
  'libraryInfo', 'listClips', 'getClip', 'updateClip', 'updateClips', 'undoEdit', 'deleteClips', 'undoDelete', 'search',
  'timeline', 'listTags', 'createTag', 'tagClips', 'untagClips', 'renameTag', 'recolourTag',
  'mergeTags', 'deleteTag', 'listSources', 'renameOutlet', 'mergeOutlets', 'undoMergeOutlets', 'listAuthors',
  'storyOf', 'listStories', 'diffClips',
  'listEntities', 'mergeEntities', 'splitEntity', 'undoEntityChange', 'entityPage', 'listSavedSearches', 'saveSearch',
  'deleteSavedSearch', 'importPaths', 'importUploads', 'cancelImport', 'importResult',
  'loadSamples', 'exportClips', 'citeClips', 'openOriginal', 'openExternal', 'revealOriginal',
  'reextractClips', 'cancelReextract', 'reextractResult',
  'listSiteRules', 'createSiteRule', 'deleteSiteRule',
  'listHighlights', 'addHighlight', 'updateHighlight', 'deleteHighlight',
  'compileReview', 'cancelReview', 'reviewResult',
  'teamLibrary', 'connectTeamLibrary', 'disconnectTeamLibrary', 'setPrivateNotes', 'syncNow',
  'clipHistory', 'restoreClipHistory', 'listHubDeleted', 'restoreHubDeleted',
] as const satisfies readonly ApiMethod[];

// Compile-time proof that API_METHODS names every method of ApiMethods.
type MissingFromList = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: [MissingFromList] extends [never] ? true : never = true;
