// Contact lists: GET /contacts/lists (paged) and POST /contacts/lists/{listId}/contacts/add.
import { z } from 'zod';
import { apiErrors } from '../http/reply';
import type { ContactRecord } from '../model';
import { addLists } from './contacts';
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

const addBody = z.union([
  z.object({ emails: z.array(z.string()) }),
  z.object({ ids: z.array(z.number().int()) }),
  z.object({ extIds: z.array(z.string()) }),
]);

/**
 * POST /contacts/lists/{listId}/contacts/add: exactly one of emails, ids, extIds. Contacts that do not exist are
 * reported under `failure`; a contact already on the list counts as a success (nothing to change).
 */
export const addContactToList: OperationHandler = ({ state, account, now }, { params, body }) => {
  const listId = Number(params['listId']);
  if (!state.list(account.id, listId)) throw apiErrors.notFound('List ID does not exist');
  const parsed = addBody.safeParse(body);
  if (!parsed.success) throw apiErrors.invalid('Pass exactly one of emails, ids or extIds');
  const request = parsed.data;
  const entries: Array<[string | number, ContactRecord | undefined]> =
    'emails' in request
      ? request.emails.map((email) => [email, state.contactByEmail(account.id, email)])
      : 'ids' in request
        ? request.ids.map((id) => [id, state.contactById(account.id, id)])
        : request.extIds.map((extId) => [extId, state.contactByExtId(account.id, extId)]);
  const success: Array<string | number> = [];
  const failure: Array<string | number> = [];
  for (const [identifier, found] of entries) {
    if (!found) {
      failure.push(identifier);
      continue;
    }
    const contact = structuredClone(found);
    addLists(contact, [listId]);
    contact.modifiedAt = now.toISOString();
    state.putContact(contact);
    success.push(identifier);
  }
  return { status: 201, body: { contacts: { success, failure, total: entries.length } } };
};
