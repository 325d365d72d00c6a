/** Reading a whole filtered list through a paged endpoint, with a ceiling on how much. */
import type { Page } from "@mentora/client";

/** The largest page the API serves. */
export const PAGE_SIZE_MAX = 100;

export interface AllRows<T> {
  rows: T[];
  /** How many the server holds for this filter; more than `rows.length` when cut at the ceiling. */
  total: number;
}

/**
 * Every row of a list, a page at a time, up to `maxRows`. Pages are read one after another
 * rather than at once, so a long list does not earn a rate limit; rows added while reading
 * can shift a page, so a row seen twice is kept once.
 */
export async function fetchAllPages<T extends { id: string }>(
  loadPage: (query: { skip: number; limit: number }) => Promise<Page<T>>,
  maxRows: number,
): Promise<AllRows<T>> {
  const byId = new Map<string, T>();
  let total = 0;
  for (let skip = 0; skip < maxRows; skip += PAGE_SIZE_MAX) {
    const page = await loadPage({ skip, limit: Math.min(PAGE_SIZE_MAX, maxRows - skip) });
    total = page.total;
    for (const row of page.data) if (!byId.has(row.id)) byId.set(row.id, row);
    if (page.data.length === 0 || skip + page.data.length >= page.total) break;
  }
  return { rows: [...byId.values()], total };
}
