// The standfirst an export shows: none when the body already opens with it (many pages repeat
// it as their first paragraph). The same rule as the reader's (renderer/src/reader/Reader.tsx).
export function standfirstToShow(c: { standfirst: string | null; bodyText: string }): string | null {
  if (!c.standfirst?.trim()) return null;
  const flat = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const lead = flat(c.standfirst);
  return lead && flat(c.bodyText.slice(0, c.standfirst.length + 200)).startsWith(lead) ? null : c.standfirst;
}
