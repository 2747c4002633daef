// Scripted failures for tests: the next N requests answer with a given error (e.g. 429 RATE_LIMIT_EXCEEDED) without
// touching state, so app code can be exercised under KVS rate limiting or outages. A fault can be aimed at some
// calls only (an endpoint, an operation, an entity, a key prefix); the others pass.
import type { KvsReply } from './types';

/** What an item of a call does: single calls and batches by their endpoint, transaction items by their list. */
export type KvsFaultOp = 'get' | 'set' | 'delete' | 'query' | 'check';

/** Selects the calls a fault hits; every given criterion must hold. Without one, a fault hits any call. */
export interface KvsFaultMatch {
  /** the SDK endpoint, exactly as sent (e.g. '/api/v1/set', '/api/v1/entity/set', '/api/v1/transaction'), or a list */
  path?: string | readonly string[];
  /** the operation of at least one item (a transaction with a set item matches 'set'), or a list */
  op?: KvsFaultOp | readonly KvsFaultOp[];
  /** the entity of at least one item (plain keys and secrets have none) */
  entity?: string;
  /** the key of at least one item starts with this (queries have no key) */
  keyPrefix?: string;
}

/** One item a call touches, read from the request body as @forge/kvs sends it (wire.ts). */
interface CallItem {
  op: KvsFaultOp;
  entity?: string;
  key?: string;
}

interface Fault {
  status: number;
  code: string;
  message: string;
  remaining: number;
  match?: KvsFaultMatch;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function itemOf(op: KvsFaultOp, value: unknown): CallItem {
  if (!isRecord(value)) return { op };
  const { key, entityName } = value;
  return {
    op,
    ...(typeof entityName === 'string' ? { entity: entityName } : {}),
    ...(typeof key === 'string' ? { key } : {}),
  };
}

const itemsOf = (op: KvsFaultOp, list: unknown): CallItem[] =>
  Array.isArray(list) ? list.map((value) => itemOf(op, value)) : [];

/** The items of one call: `{key, entityName?}` at the top of single calls, in the array of batches, in a transaction's lists. */
function callItems(path: string, body: unknown): CallItem[] {
  const route = path.replace(/^\/api\/v1\//, '');
  if (route === 'transaction') {
    if (!isRecord(body)) return [];
    return [
      ...itemsOf('set', body['set']),
      ...itemsOf('delete', body['delete']),
      ...itemsOf('check', body['check']),
    ];
  }
  const op = route.split('/').pop();
  if (op !== 'get' && op !== 'set' && op !== 'delete' && op !== 'query') return [];
  return route.startsWith('batch/') ? itemsOf(op, body) : [itemOf(op, body)];
}

const listOf = <T>(value: T | readonly T[]): readonly T[] =>
  Array.isArray(value) ? (value as readonly T[]) : [value as T];

function matches(match: KvsFaultMatch | undefined, path: string, body: unknown): boolean {
  if (!match) return true;
  if (match.path !== undefined && !listOf(match.path).includes(path)) return false;
  if (match.op === undefined && match.entity === undefined && match.keyPrefix === undefined) return true;
  const ops = match.op === undefined ? undefined : listOf(match.op);
  return callItems(path, body).some(
    (item) =>
      (ops === undefined || ops.includes(item.op)) &&
      (match.entity === undefined || item.entity === match.entity) &&
      (match.keyPrefix === undefined || (item.key !== undefined && item.key.startsWith(match.keyPrefix))),
  );
}

export class FaultInjector {
  private readonly queue: Fault[] = [];

  add(code: string, status: number, count: number, message: string, match?: KvsFaultMatch): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be a positive integer');
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new Error('failNext: status must be 4xx or 5xx');
    this.queue.push({ status, code, message, remaining: count, ...(match ? { match } : {}) });
  }

  /**
   * The reply of the first pending failure that matches this call (`path` as the SDK sends it, `body` the parsed
   * request body), consuming one occurrence; undefined when none matches.
   */
  take(path: string, body: unknown): KvsReply | undefined {
    const index = this.queue.findIndex((candidate) => matches(candidate.match, path, body));
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.splice(index, 1);
    return { status: fault.status, body: { code: fault.code, message: fault.message } };
  }

  clear(): void {
    this.queue.length = 0;
  }
}
