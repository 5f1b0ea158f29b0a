// An entity filter (person:"Nicolas Maduro") added to or taken out of the search text, as a
// click on a person, place or organisation in the sidebar does.
import type { EntityKind } from '../../../electron/api.ts';

function token(kind: EntityKind, name: string): string {
  return `${kind}:"${name.replace(/"/g, '').trim()}"`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pattern(kind: EntityKind, name: string): RegExp {
  return new RegExp(`(^|\\s)${escape(token(kind, name))}(?=\\s|$)`, 'i');
}

export function hasEntityFilter(q: string, kind: EntityKind, name: string): boolean {
  return pattern(kind, name).test(q);
}

/** The query with the filter taken out if it has it, else with it added at the end. */
export function toggleEntityFilter(q: string, kind: EntityKind, name: string): string {
  const re = pattern(kind, name);
  if (re.test(q)) return q.replace(re, '$1').replace(/\s{2,}/g, ' ').trim();
  return `${q.trim()} ${token(kind, name)}`.trim();
}
