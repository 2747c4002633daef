// /api/v1/query: plain keys only (never secrets or entity items), filtered by one `key BEGINS_WITH prefix` clause,
// in byte order of the key, paged by an opaque cursor.
import { badRequest } from './errors';
import { decodeCursor, encodeCursor } from './cursor';
import { toWireItem } from './item-wire';
import { compareKeys } from './keys';
import type { KvsContext } from './targets';
import type { KvsReply } from './types';
import { parseBody, queryBodySchema, type WireCondition } from './wire';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

function prefixOf(where: WireCondition[] | undefined): string {
  if (where === undefined || where.length === 0) return '';
  const [clause, ...rest] = where;
  if (clause === undefined || rest.length > 0) {
    throw badRequest('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause');
  }
  if (clause.property !== 'key') {
    throw badRequest(
      'QUERY_WHERE_FIELD_INVALID',
      `Field '${clause.property}' is not supported; only 'key' is`,
    );
  }
  if (clause.condition !== 'BEGINS_WITH') {
    throw badRequest(
      'INVALID_FILTER_CONDITION',
      `Condition '${clause.condition}' is not supported; only BEGINS_WITH is`,
    );
  }
  const [prefix, ...extra] = clause.values;
  if (typeof prefix !== 'string' || extra.length > 0) {
    throw badRequest('INVALID_FILTER_VALUES', 'BEGINS_WITH takes exactly one string value');
  }
  return prefix;
}

export function queryPlainKeys(ctx: KvsContext, body: unknown): KvsReply {
  const request = parseBody(queryBodySchema, body);
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badRequest('LIST_QUERY_LIMIT_EXCEEDED', `The limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const prefix = prefixOf(request.where);
  const scope = `query:${prefix}`;
  const after = request.after === undefined ? undefined : decodeCursor(scope, request.after).key;

  const matching = ctx.store
    .entries({ kind: 'plain' })
    .filter(([key]) => key.startsWith(prefix) && (after === undefined || compareKeys(key, after) > 0))
    .sort(([a], [b]) => compareKeys(a, b));
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  const fields = request.options?.metadataFields;
  return {
    status: 200,
    body: {
      data: page.map(([key, item]) => toWireItem(key, item, fields)),
      ...(matching.length > limit && last ? { cursor: encodeCursor(scope, { key: last[0] }) } : {}),
    },
  };
}
