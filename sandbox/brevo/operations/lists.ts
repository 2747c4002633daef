// Contact lists: GET /contacts/lists (paged). Adding contacts to a list goes through POST /contacts `listIds`, as the
// app does; POST /contacts/lists/{listId}/contacts/add is not served.
import { z } from 'zod';
import type { OperationHandler } from './types';
import { listBody } from './views';

/** GET /contacts/lists?limit=&offset=&sort=: `limit` 0–50 (default 10), newest first unless sort=asc. */
export const getLists: OperationHandler = ({ state, account }, { query }) => {
  const limit = z.number().int().catch(10).parse(query['limit']);
  const offset = z.number().int().catch(0).parse(query['offset']);
  const ascending = query['sort'] === 'asc';
  const lists = state.listsOf(account.id).sort((a, b) => (ascending ? a.id - b.id : b.id - a.id));
  return {
    status: 200,
    body: {
      lists: lists.slice(offset, offset + limit).map((list) => listBody(state, list)),
      count: lists.length,
    },
  };
};
