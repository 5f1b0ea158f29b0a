// The ids of every clip the list shows, for exporting "these results" when the list is narrowed
// by something a search query cannot say (a sidebar filter, a period on the timeline). Read
// page by page with the list's own call, ids only kept.
export type IdPage = (offset: number, limit: number) => Promise<{ total: number; ids: number[] }>;

const PAGE = 5000;

export async function collectIds(page: IdPage): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const p = await page(offset, PAGE);
    ids.push(...p.ids);
    if (p.ids.length < PAGE || ids.length >= p.total) return ids;
  }
}
