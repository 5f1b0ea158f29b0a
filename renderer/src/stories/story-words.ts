// What a story is called where it is shown: "3 outlets" for one story several outlets ran,
// "Page changed · 2 versions" for one page saved as it changed, and each version's own line.
import type { StoryBadge, StoryVersion } from '../../../electron/api.ts';
import { formatDate, formatDateTime, plural } from '../common/format.ts';

export function storyLabel(s: Pick<StoryBadge, 'kind' | 'versions' | 'outlets'>): string {
  if (s.kind === 'page') return `Page changed · ${plural(s.versions, 'version')}`;
  // Two saves of one outlet's story under two addresses are versions, not outlets.
  return s.outlets === s.versions ? plural(s.outlets, 'outlet') : `${plural(s.versions, 'version')} · ${plural(s.outlets, 'outlet')}`;
}

/** When a version of a page was saved; a version of a story: when it was published. */
export function versionWhen(v: StoryVersion, kind: StoryBadge['kind']): string {
  if (kind === 'page') return v.savedAt ? `Saved ${formatDateTime(v.savedAt)}` : `Imported ${formatDateTime(v.importedAt)}`;
  return v.publishedAt ? formatDate(v.publishedAt) : 'Undated';
}
