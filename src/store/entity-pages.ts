// Paging over custom-entity queries. Forge returns at most 100 items per page and may return a short (even empty)
// page that still carries a cursor, so a complete read follows cursors until there is none. Cursors are only handed
// from one page to the next within an invocation; they are not stable enough to store.
import type { ListResult } from '@forge/kvs';
import { storageCall } from './storage-errors';

export const MAX_PAGE_SIZE = 100;

export type PageQuery = (cursor: string | undefined) => Promise<ListResult<unknown>>;

export interface RawPage {
  results: Array<{ key: string; value: unknown }>;
  cursor: string | undefined;
}

export async function fetchPage(operation: string, query: PageQuery, cursor?: string): Promise<RawPage> {
  const page = await storageCall(operation, () => query(cursor));
  // An empty cursor means "no more pages" as much as an absent one does.
  const next = page.nextCursor === undefined || page.nextCursor === '' ? undefined : page.nextCursor;
  return { results: page.results.map(({ key, value }) => ({ key, value })), cursor: next };
}

/** Every page of a query, in order, one request at a time. */
export async function* allPages(operation: string, query: PageQuery): AsyncGenerator<RawPage> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(operation, query, cursor);
    yield page;
    cursor = page.cursor;
  } while (cursor !== undefined);
}
