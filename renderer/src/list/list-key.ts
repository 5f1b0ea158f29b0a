// The list's key: the whole question it asks (the query, its sort, whether a word is still
// being typed, and the filters), as one string. A pager and the facets are made from the key,
// so each answers exactly one question.
import type { ListClipsArgs, SortOrder } from '../../../electron/api.ts';

export type ListQuestion = Omit<ListClipsArgs, 'limit' | 'offset'> & { q: string; sort: SortOrder; asYouType: boolean };

/** The question the list asks, back from its key (JSON drops the filters left unset). */
export function parseListKey(key: string): ListQuestion {
  return JSON.parse(key) as ListQuestion;
}
