// Checks every Api call's arguments before a handler sees them. Calls arrive from a renderer
// that shows hostile articles, from HTTP and from the command line: nothing is trusted.
// Numbers also arrive as strings (query strings, CLI flags) and are coerced here, once.
import { CITATION_STYLES, HIGHLIGHT_COLOURS, type ApiArgs, type ApiMethod } from '../api.ts';
import { REVIEW_CONTENTS, REVIEW_FORMATS, REVIEW_GROUPINGS, type ReviewRequest } from '../api.ts';

export class BadRequestError extends Error {}

type Check<T> = (v: unknown, field: string) => T;

const fail = (field: string, what: string): never => {
  throw new BadRequestError(`${field} ${what}`);
};

export const str = (max = 10_000): Check<string> => (v, f) => {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return fail(f, 'must be text');
  if (v.length > max) return fail(f, `is too long (at most ${max} characters)`);
  return v;
};
export const int = (min = 0, max = Number.MAX_SAFE_INTEGER): Check<number> => (v, f) => {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) return fail(f, 'must be a whole number');
  if (n < min || n > max) return fail(f, `must be between ${min} and ${max}`);
  return n;
};
export const bool: Check<boolean> = (v, f) => {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  if (typeof v !== 'boolean') return fail(f, 'must be true or false');
  return v;
};
export const oneOf = <T extends string>(...values: T[]): Check<T> => (v, f) => {
  if (typeof v !== 'string' || !values.includes(v as T)) return fail(f, `must be one of ${values.join(', ')}`);
  return v as T;
};
export const arrayOf = <T>(item: Check<T>, max = 100_000): Check<T[]> => (v, f) => {
  // A single value where a list is expected (?tags=x) is a list of one.
  const list = Array.isArray(v) ? v : typeof v === 'string' || typeof v === 'number' ? [v] : fail(f, 'must be a list');
  if (list.length > max) return fail(f, `has too many items (at most ${max})`);
  return list.map((x, i) => item(x, `${f}[${i}]`));
};
export const nullable = <T>(c: Check<T>): Check<T | null> => (v, f) => (v === null ? null : c(v, f));
export const optional = <T>(c: Check<T>): Check<T | undefined> => (v, f) => (v === undefined || v === '' ? undefined : c(v, f));
const isoDate: Check<string> = (v, f) => {
  const s = str(40)(v, f);
  if (!/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(s)) return fail(f, 'must be a date like 2019, 2019-09 or 2019-09-20');
  return s;
};
/**
 * A publication date a person sets: a year, a month or a day that exists ("2019", "2019-09",
 * "2019-09-20"), or a day with a time as the import records it ("2019-09-20T15:17").
 */
const recordDate: Check<string> = (v, f) => {
  const s = str(40)(v, f).trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(s);
  const bad = () => fail(f, 'must be a date: a day, a month or a year, like 2019-09-20, 2019-09 or 2019');
  if (!m) return bad();
  const [, y, mo, d, h, min] = m;
  if (+y < 1 || (mo && (+mo < 1 || +mo > 12))) return bad();
  if (d && (+d < 1 || +d > new Date(Date.UTC(+y, +mo, 0)).getUTCDate())) return bad();
  if (h && (+h > 23 || +min > 59)) return bad();
  return s;
};
/** A web address: http or https, with a host (a clip's link opens in the browser). */
const webUrl: Check<string> = (v, f) => {
  const s = str(8_192)(v, f).trim();
  try {
    const u = new URL(s);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname) return s;
  } catch {
    /* not a URL at all */
  }
  return fail(f, 'must be a web address starting with http:// or https://');
};

/**
 * An object with exactly the keys of `shape`, each checked. Keys are matched as own properties
 * only, on both sides: `key in shape` would also find what every object inherits, and let
 * `__proto__` (an own key once JSON.parse has made it one), `constructor` or `toString` through.
 * The result is built by defining each checked key, so no key can reach a prototype either.
 */
export const object = <T>(shape: { [K in keyof T]: Check<T[K]> }): Check<T> => (v, f) => {
  if (v === undefined || v === null) v = {};
  if (typeof v !== 'object' || Array.isArray(v)) return fail(f, 'must be an object');
  const src = v as Record<string, unknown>;
  const name = (key: string) => (f === 'arguments' ? key : `${f}.${key}`);
  for (const key of Object.keys(src)) if (!Object.hasOwn(shape, key)) fail(name(key), 'is not a known argument');
  const out = {} as T;
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const value = shape[key](Object.hasOwn(src, key) ? src[key] : undefined, name(key));
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
};

const none = object<Record<string, never>>({});
const id = int(1);
const ids = arrayOf(int(1), 100_000);
const tagNames = arrayOf(str(200), 1_000);
const colour = str(7);
const sort = oneOf('relevance', 'newest', 'oldest', 'imported', 'title');
const listShape = {
  limit: optional(int(0, 10_000)),
  offset: optional(int(0)),
  sort: optional(sort),
  tags: optional(tagNames),
  source: optional(str(500)),
  starred: optional(bool),
  importedWithinDays: optional(int(0, 36_500)),
  from: optional(isoDate),
  to: optional(isoDate),
  undated: optional(bool),
  collapseStories: optional(bool),
};

/** A press review: which clips and how (the desktop app's compileReviewTo checks the same). */
export const reviewRequest = object<ReviewRequest>({
  format: oneOf(...REVIEW_FORMATS),
  ids: optional(ids),
  query: optional(str(2_000)),
  title: optional(str(300)),
  compiledBy: optional(str(200)),
  group: optional(oneOf(...REVIEW_GROUPINGS)),
  content: optional(oneOf(...REVIEW_CONTENTS)),
});

const validators: { [M in ApiMethod]: Check<ApiArgs<M>> } = {
  libraryInfo: none,
  listClips: object(listShape),
  getClip: object({ id }),
  updateClip: object({
    id,
    patch: object({
      title: optional(str(2_000)),
      author: optional(nullable(str(2_000))),
      source: optional(nullable(str(2_000))),
      publishedAt: optional(nullable(recordDate)),
      url: optional(nullable(webUrl)),
      note: optional(str(1_000_000)),
      starred: optional(bool),
    }),
  }),
  updateClips: object({
    ids,
    patch: object({ source: optional(nullable(str(2_000))), publishedAt: optional(nullable(recordDate)) }),
  }),
  undoEdit: object({ undoToken: str(100) }),
  listSiteRules: object({ site: optional(str(500)) }),
  createSiteRule: object({
    site: str(500),
    field: oneOf('author', 'source'),
    action: oneOf('replace', 'drop', 'set'),
    match: nullable(str(2_000)),
    value: nullable(str(2_000)),
  }),
  deleteSiteRule: object({ id }),
  listHighlights: object({ clipId: id }),
  addHighlight: object({
    clipId: id,
    exact: str(20_000),
    prefix: optional(str(200)),
    suffix: optional(str(200)),
    near: optional(int(0)),
    colour: optional(oneOf(...HIGHLIGHT_COLOURS)),
    note: optional(str(20_000)),
    private: optional(bool),
  }),
  updateHighlight: object({ id, colour: optional(oneOf(...HIGHLIGHT_COLOURS)), note: optional(str(20_000)), private: optional(bool) }),
  deleteHighlight: object({ id }),
  deleteClips: object({ ids }),
  undoDelete: object({ undoToken: str(100) }),
  search: object({ ...listShape, q: str(2_000), asYouType: optional(bool), facets: optional(bool) }),
  timeline: object({
    granularity: optional(oneOf('year', 'month', 'day')),
    from: optional(isoDate),
    to: optional(isoDate),
    undated: optional(bool),
    q: optional(str(2_000)),
    tags: optional(tagNames),
    source: optional(str(500)),
    starred: optional(bool),
    importedWithinDays: optional(int(0, 36_500)),
  }),
  listTags: none,
  createTag: object({ name: str(200), colour: optional(colour) }),
  tagClips: object({ ids, tags: tagNames }),
  untagClips: object({ ids, tags: tagNames }),
  renameTag: object({ id, name: str(200) }),
  recolourTag: object({ id, colour }),
  mergeTags: object({ from: arrayOf(int(1), 1_000), into: id }),
  deleteTag: object({ id }),
  listSources: none,
  renameOutlet: object({ outlet: str(500), name: str(500) }),
  mergeOutlets: object({ from: arrayOf(str(500), 1_000), into: str(500) }),
  undoMergeOutlets: object({ undoToken: str(100) }),
  listAuthors: none,
  storyOf: object({ id }),
  listStories: object({ limit: optional(int(1, 10_000)), offset: optional(int(0)), minVersions: optional(int(2, 10_000)) }),
  diffClips: object({ from: id, to: id }),
  listEntities: object({ kind: optional(oneOf('person', 'place', 'org')), limit: optional(int(1, 10_000)) }),
  mergeEntities: object({ from: arrayOf(int(1), 1_000), into: id }),
  splitEntity: object({ id, name: str(500) }),
  undoEntityChange: object({ undoToken: str(100) }),
  entityPage: object({ id }),
  listSavedSearches: none,
  saveSearch: object({ name: str(200), query: str(2_000) }),
  deleteSavedSearch: object({ id }),
  importPaths: object({ paths: arrayOf(str(4_096), 100_000) }),
  importUploads: object({
    files: arrayOf(
      object({ name: str(4_096), dataBase64: str(Number.MAX_SAFE_INTEGER), lastModified: optional(int(0)) }),
      100_000,
    ),
  }),
  cancelImport: object({ jobId: str(100) }),
  importResult: object({ jobId: str(100) }),
  loadSamples: none,
  exportClips: object({ ids: optional(ids) }),
  // A citation is copied from a selection: a few thousand clips at most, not a whole library.
  citeClips: object({ ids: arrayOf(int(1), 10_000), style: oneOf(...CITATION_STYLES) }),
  reextractClips: object({ ids: optional(ids), all: optional(bool) }),
  cancelReextract: object({ jobId: str(100) }),
  reextractResult: object({ jobId: str(100) }),
  openOriginal: object({ id }),
  openExternal: object({ url: str(8_192) }),
  revealOriginal: object({ id }),
  compileReview: reviewRequest,
  cancelReview: object({ jobId: str(100) }),
  reviewResult: object({ jobId: str(100) }),
  teamLibrary: none,
  connectTeamLibrary: object({ hubUrl: webUrl, token: str(500), privateNotes: optional(bool) }),
  disconnectTeamLibrary: none,
  setPrivateNotes: object({ on: bool }),
  syncNow: none,
  clipHistory: object({ id }),
  restoreClipHistory: object({ id, entryId: id }),
  listHubDeleted: none,
  restoreHubDeleted: object({ key: str(500) }),
};

export function validateArgs<M extends ApiMethod>(method: M, raw: unknown): ApiArgs<M> {
  const check = validators[method] as Check<ApiArgs<M>> | undefined;
  if (!check) throw new BadRequestError(`unknown method ${String(method)}`);
  return check(raw, 'arguments');
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(validators, name);
}
