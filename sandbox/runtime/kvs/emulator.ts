/*
 * Forge KVS + Custom Entity Store emulator: answers the HTTP calls that the real, unmodified @forge/kvs 1.6.5 makes
 * through `__forge_fetch__` (docs/forge-platform.md §6.3), in process, with the service's rules. Pure: no I/O except
 * loading `file` in the constructor and `save()`.
 *
 * Fidelity choices. "Documented" = Atlassian's KVS / custom-entity error tables and limits pages, or the SDK's source
 * and test fixtures. Everything else is our choice where the service is undocumented; app code should not depend on it.
 * - Errors are `{code, message}`: 400 for validation, 404 for a missing key, 409 for conflicts. Documented codes used:
 *   KEY_TOO_SHORT (empty plain key) / EMPTY_KEY (empty entity key), KEY_TOO_LONG, INVALID_KEY, MAX_SIZE, MAX_DEPTH,
 *   INVALID_ENTITY_VALUE, LIST_QUERY_LIMIT_EXCEEDED, QUERY_WHERE_INVALID, QUERY_WHERE_FIELD_INVALID,
 *   INVALID_FILTER_CONDITION, INVALID_FILTER_VALUES, INSUFFICIENT_FILTER_VALUES, EMPTY_FILTER_OPERATOR,
 *   INVALID_FILTER_OPERATORS_COMBINATION, COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE, KEY_NOT_FOUND (404),
 *   CONDITIONAL_CHECK_FAILED. Malformed bodies and undocumented rule breaks (batch > 25 items, transaction > 25
 *   operations or a repeated key, conditions on plain keys, wrong partition arity, > 100 conditions, TTL > 1 year,
 *   a foreign cursor, returnValue without keyPolicy OVERRIDE, keyPolicy in batch/transaction) answer
 *   400 BAD_REQUEST, the generic code of the SDK's fixtures.
 * - Our choices: FAIL_IF_EXISTS on a live key -> 409 KEY_ALREADY_EXISTS; a failed transaction condition -> status 409
 *   (the code is documented, the status is not); an undeclared entity -> 400 INVALID_ENTITY_TYPE; an undeclared index
 *   -> 400 INVALID_ENTITY_INDEX; an attribute that the manifest does not declare -> 400 INVALID_ENTITY_VALUE (this can
 *   only make the sandbox stricter than production). Integer attributes are 32-bit signed and floats are 0 or of
 *   magnitude [1e-130, 1e126) (documented).
 * - Metadata: createdAt/updatedAt are epoch SECONDS and expireTime an ISO-8601 instant without milliseconds (our
 *   reading of the SDK's fixtures, which mostly use seconds). Replies carry only the metadata fields asked for.
 * - set answers 204 unless returnValue is asked for; PREVIOUS with no previous item is also 204, as the SDK expects.
 *   delete of a missing key answers 204 (the SDK treats a 404 the same). batch get/delete report a missing key as a
 *   failedKeys entry KEY_NOT_FOUND, as in the SDK's fixtures.
 * - TTL: an expired item is hidden from every operation at once, judged by `now()`. The service only promises
 *   deletion within 48 h, so production may serve it a little longer. An overwrite without ttl clears the expiry.
 * - Queries: keys in byte order. Plain query limit default 10, 1..100. Entity query limit default 10 (our choice),
 *   1..100, ordered by range value then key; DESC reverses both. The entity page limit is applied BEFORE filters
 *   (inferred from the DynamoDB-style store behind it): a filtered page can be short or empty and still carry a
 *   cursor, so app code must page until there is no cursor. Cursors are opaque and refused by any other query.
 *   Queries are strongly consistent here; the service's are only eventually consistent.
 * - Filters on a missing attribute: NOT_EQUAL_TO and NOT_CONTAINS hold, every other comparison fails (unverified).
 *   Transaction conditions are judged against the item before the transaction; a missing item has no attributes,
 *   so `check(key, notExists(...))` holds for it (DynamoDB ConditionCheck semantics, unverified for Forge).
 * - "Each key at most once" in a transaction is applied to the key string, across plain keys and entities.
 * - Requests are handled synchronously, so concurrent SDK calls are serialised: of two FAIL_IF_EXISTS claims on
 *   one key exactly one wins, as on the service.
 */
import { EntityRegistry } from './entity-schema';
import { KvsError } from './errors';
import { batchDelete, batchGet, batchSet } from './batch';
import { queryEntities } from './entity-query';
import { FaultInjector, type KvsFaultMatch } from './fault-injector';
import { ItemStore } from './item-store';
import { readStateFile, writeStateFile } from './persistence';
import { queryPlainKeys } from './plain-query';
import { deleteItem, getItem, setItem } from './single-ops';
import type { KvsContext } from './targets';
import { transact } from './transaction';
import type { EntityDecl, KvsReply } from './types';

export type { EntityDecl, EntityIndexDecl, KvsReply, JsonValue } from './types';
export { entitiesFromManifest } from './manifest-entities';

export interface KvsEmulatorOptions {
  entities: EntityDecl[];
  /** epoch milliseconds; defaults to Date.now */
  now?: () => number;
  /** state file: loaded by the constructor when it exists, written by save() */
  file?: string;
}

type Route = (ctx: KvsContext, body: unknown) => KvsReply;

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/api/v1/get', (ctx, body) => getItem(ctx, 'plain', body)],
  ['/api/v1/set', (ctx, body) => setItem(ctx, 'plain', body)],
  ['/api/v1/delete', (ctx, body) => deleteItem(ctx, 'plain', body)],
  ['/api/v1/secret/get', (ctx, body) => getItem(ctx, 'secret', body)],
  ['/api/v1/secret/set', (ctx, body) => setItem(ctx, 'secret', body)],
  ['/api/v1/secret/delete', (ctx, body) => deleteItem(ctx, 'secret', body)],
  ['/api/v1/entity/get', (ctx, body) => getItem(ctx, 'entity', body)],
  ['/api/v1/entity/set', (ctx, body) => setItem(ctx, 'entity', body)],
  ['/api/v1/entity/delete', (ctx, body) => deleteItem(ctx, 'entity', body)],
  ['/api/v1/query', queryPlainKeys],
  ['/api/v1/entity/query', queryEntities],
  ['/api/v1/batch/set', batchSet],
  ['/api/v1/batch/get', batchGet],
  ['/api/v1/batch/delete', batchDelete],
  ['/api/v1/transaction', transact],
]);

export class KvsEmulator {
  private readonly ctx: KvsContext;
  private readonly store: ItemStore;
  private readonly faults = new FaultInjector();
  private readonly file: string | undefined;

  constructor(options: KvsEmulatorOptions) {
    const now = options.now ?? Date.now;
    this.store = new ItemStore(now);
    this.ctx = { store: this.store, entities: new EntityRegistry(options.entities), now };
    this.file = options.file;
    if (this.file !== undefined) {
      const saved = readStateFile(this.file);
      if (saved) this.store.load(saved);
    }
  }

  /** One KVS call: `path` as the SDK sends it (e.g. '/api/v1/get'), `body` the parsed JSON request body. */
  handle(path: string, body: unknown): KvsReply {
    const fault = this.faults.take(path, body);
    if (fault) return fault;
    const route = ROUTES.get(path);
    if (!route) return { status: 404, body: { code: 'NOT_FOUND', message: `Unknown KVS endpoint: ${path}` } };
    try {
      return route(this.ctx, body);
    } catch (error) {
      if (error instanceof KvsError) return error.toReply();
      const message = error instanceof Error ? error.message : String(error);
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message } };
    }
  }

  /**
   * The next `count` calls answer `status {code, message}` instead of running, e.g. failNext('RATE_LIMIT_EXCEEDED',
   * 429). With `match`, only the calls it selects (endpoint path, item op, entity, key prefix; a batch or transaction
   * matches when any item does) fail and use the fault up; the others pass, e.g.
   * failNext('INTERNAL_SERVER_ERROR', 503, 1, undefined, { entity: 'mirror', op: 'set' }).
   */
  failNext(
    code: string,
    status: number,
    count = 1,
    message = `${code} (injected by the sandbox)`,
    match?: KvsFaultMatch,
  ): void {
    for (const path of match?.path === undefined ? [] : [match.path].flat()) {
      if (!ROUTES.has(path))
        throw new Error(`failNext: '${path}' is not a KVS endpoint (${[...ROUTES.keys()].join(', ')})`);
    }
    this.faults.add(code, status, count, message, match);
  }

  /** Removes every item and pending fault. */
  clear(): void {
    this.store.clear();
    this.faults.clear();
  }

  /** Live (unexpired) items across plain keys, secrets and entities. */
  size(): number {
    return this.store.size();
  }

  /** Writes all live state to `file` atomically; does nothing without a file. */
  save(): void {
    if (this.file !== undefined) writeStateFile(this.file, this.store.dump());
  }
}
