// /api/v1/entity/query: one index per query. An item belongs to an index only when it has every partition attribute
// and the range attribute; results are ordered by range value, then key. Like the DynamoDB-style store behind it,
// the page limit bounds the items read from the index BEFORE filters apply, so a filtered page may hold fewer items
// than the limit (even none) while a cursor still points at more.
import { createHash } from 'node:crypto';
import {
  compareScalars,
  filterAccepts,
  parseFilter,
  parseRangeCondition,
  satisfies,
  type Scalar,
} from './conditions';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import type { IndexDef } from './entity-schema';
import { badRequest } from './errors';
import { toWireItem } from './item-wire';
import { isJsonObject } from './json-value';
import { compareKeys } from './keys';
import type { KvsContext } from './targets';
import type { JsonValue, KvsReply, StoredItem } from './types';
import { entityQueryBodySchema, parseBody, type EntityQueryBody } from './wire';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
const MAX_CONDITIONS = 100;

interface IndexRow {
  key: string;
  item: StoredItem;
  attributes: { [key: string]: JsonValue };
  range: Scalar | undefined;
}

function isScalar(value: JsonValue | undefined): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

// A range attribute has one declared type, so mixed types only arise from `any`; order them numbers, strings, booleans.
function typeRank(value: Scalar): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

function compareRange(a: Scalar | undefined, b: Scalar | undefined): number {
  if (a === undefined || b === undefined) return 0;
  return typeRank(a) - typeRank(b) || (compareScalars(a, b) ?? Number(a) - Number(b));
}

function comparePosition(row: CursorPosition, other: CursorPosition): number {
  return compareRange(row.range, other.range) || compareKeys(row.key, other.key);
}

function attribute(attributes: { [key: string]: JsonValue }, name: string): JsonValue | undefined {
  return Object.hasOwn(attributes, name) ? attributes[name] : undefined;
}

function rowIn(index: IndexDef, partition: Scalar[], key: string, item: StoredItem): IndexRow | undefined {
  const attributes = item.value;
  if (!isJsonObject(attributes)) return undefined;
  if (!index.partition.every((name, i) => attribute(attributes, name) === partition[i])) return undefined;
  if (index.range === undefined) return { key, item, attributes, range: undefined };
  const range = index.range.kind === 'key' ? key : attribute(attributes, index.range.name);
  return isScalar(range) ? { key, item, attributes, range } : undefined;
}

function partitionValues(index: IndexDef, raw: unknown[] | undefined): Scalar[] {
  const values = raw ?? [];
  if (values.length !== index.partition.length) {
    throw badRequest(
      'BAD_REQUEST',
      `Index '${index.name}' takes ${index.partition.length} partition value(s) (${index.partition.join(', ') || 'none'}); got ${values.length}`,
    );
  }
  return values.map((value) => {
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
    throw badRequest('BAD_REQUEST', 'Partition values must be strings, numbers or booleans');
  });
}

function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badRequest(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      `The page limit must be set between 1 and ${MAX_PAGE_SIZE}`,
    );
  }
  return size;
}

function cursorScope(request: EntityQueryBody): string {
  const { entityName, indexName, partition, range, filters, sort } = request;
  const digest = createHash('sha256').update(
    JSON.stringify([entityName, indexName, partition, range, filters, sort]),
  );
  return `entity:${digest.digest('hex').slice(0, 16)}`;
}

export function queryEntities(ctx: KvsContext, body: unknown): KvsReply {
  const request = parseBody(entityQueryBodySchema, body);
  const schema = ctx.entities.require(request.entityName);
  const index = schema.index(request.indexName);
  const limit = pageSize(request.limit);
  const partition = partitionValues(index, request.partition);
  const range = request.range === undefined ? undefined : parseRangeCondition(request.range);
  if (range && index.range === undefined) {
    throw badRequest(
      'BAD_REQUEST',
      `Index '${index.name}' has no range attribute to apply a where condition to`,
    );
  }
  const filter = request.filters === undefined ? undefined : parseFilter(request.filters);
  if ((range ? 1 : 0) + (filter?.clauses.length ?? 0) > MAX_CONDITIONS) {
    throw badRequest('BAD_REQUEST', `A query may have at most ${MAX_CONDITIONS} conditions`);
  }
  const direction = request.sort === 'DESC' ? -1 : 1;
  const scope = cursorScope(request);
  const after = request.cursor === undefined ? undefined : decodeCursor(scope, request.cursor);

  const rows = ctx.store
    .entries({ kind: 'entity', entityName: schema.name })
    .map(([key, item]) => rowIn(index, partition, key, item))
    .filter((row): row is IndexRow => row !== undefined)
    .filter((row) => range === undefined || satisfies(range, row.range))
    .filter((row) => after === undefined || direction * comparePosition(row, after) > 0)
    .sort((a, b) => direction * comparePosition(a, b));

  const window = rows.slice(0, limit);
  const last = window.at(-1);
  const fields = request.options?.metadataFields;
  return {
    status: 200,
    body: {
      data: window
        .filter((row) => filter === undefined || filterAccepts(filter, row.attributes))
        .map((row) => toWireItem(row.key, row.item, fields)),
      ...(rows.length > limit && last
        ? { cursor: encodeCursor(scope, { key: last.key, range: last.range }) }
        : {}),
    },
  };
}
