// /api/v1/transaction: up to 25 set / delete / check operations, each key at most once, all or nothing. Conditions
// apply to custom-entity items only and are judged against the item as stored before the transaction (a missing
// item has no attributes, so `notExists` holds for it). Any failed condition cancels every operation.
import { filterAccepts, parseFilter, type Filter } from './conditions';
import { badRequest, conditionalCheckFailed } from './errors';
import { expiryFrom } from './item-wire';
import { isJsonObject } from './json-value';
import { resolveTarget, storableValueFor, writeItem, type KvsContext, type Target } from './targets';
import type { JsonValue, KvsReply } from './types';
import { parseBody, transactionBodySchema, type WireFilters } from './wire';

export const MAX_TRANSACTION_OPERATIONS = 25;

interface Operation {
  target: Target;
  condition: Filter | undefined;
}

function conditionOf(
  entityName: string | undefined,
  conditions: WireFilters | undefined,
): Filter | undefined {
  if (conditions === undefined) return undefined;
  if (entityName === undefined) {
    throw badRequest('BAD_REQUEST', 'Transaction conditions are only supported on custom entity items');
  }
  return parseFilter(conditions);
}

function assertOperationKeys(keys: string[]): void {
  if (keys.length === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation');
  if (keys.length > MAX_TRANSACTION_OPERATIONS) {
    throw badRequest(
      'BAD_REQUEST',
      `A transaction may hold at most ${MAX_TRANSACTION_OPERATIONS} operations; got ${keys.length}`,
    );
  }
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) {
      throw badRequest('BAD_REQUEST', `Key '${key}' is used more than once in the transaction`);
    }
    seen.add(key);
  }
}

function conditionHolds(ctx: KvsContext, { target, condition }: Operation): boolean {
  if (condition === undefined) return true;
  const stored = ctx.store.get(target.ns, target.key)?.value;
  const attributes: { [key: string]: JsonValue } = isJsonObject(stored) ? stored : {};
  return filterAccepts(condition, attributes);
}

export function transact(ctx: KvsContext, body: unknown): KvsReply {
  const request = parseBody(transactionBodySchema, body);
  const sets = request.set ?? [];
  const deletes = request.delete ?? [];
  const checks = request.check ?? [];
  assertOperationKeys([...sets, ...deletes, ...checks].map((op) => op.key));

  // Validate everything before judging conditions, and judge every condition before writing anything.
  const setOps = sets.map((op) => {
    const target = resolveTarget(ctx, op.key, op.entityName);
    return {
      target,
      condition: conditionOf(op.entityName, op.conditions),
      value: storableValueFor(target, op.value),
      expiresAt: expiryFrom(ctx.now(), op.options?.ttl),
    };
  });
  const deleteOps = deletes.map((op) => ({
    target: resolveTarget(ctx, op.key, op.entityName),
    condition: conditionOf(op.entityName, op.conditions),
  }));
  const checkOps = checks.map((op) => ({
    target: resolveTarget(ctx, op.key, op.entityName),
    condition: conditionOf(op.entityName, op.conditions),
  }));

  const failed = [...setOps, ...deleteOps, ...checkOps].find((op) => !conditionHolds(ctx, op));
  if (failed) throw conditionalCheckFailed(failed.target.key);

  for (const op of setOps) writeItem(ctx, op.target, op.value, op.expiresAt);
  for (const op of deleteOps) ctx.store.delete(op.target.ns, op.target.key);
  return { status: 204 };
}
