// /api/v1/batch/{set,get,delete}: at most 25 items, best effort. A malformed request fails as a whole; an item that
// breaks a key, value or entity rule (or, for get and delete, is missing) is reported in failedKeys while the other
// items still apply.
import { badRequest, KvsError, keyNotFound } from './errors';
import { expiryFrom, toWireItem, type WireItem } from './item-wire';
import { resolveTarget, storableValueFor, writeItem, type KvsContext } from './targets';
import type { KvsReply } from './types';
import { batchDeleteBodySchema, batchGetBodySchema, batchSetBodySchema, parseBody } from './wire';

export const MAX_BATCH_ITEMS = 25;

interface ItemRef {
  key: string;
  entityName?: string;
}
interface FailedKey extends ItemRef {
  error: { code: string; message: string };
}

function refOf({ key, entityName }: ItemRef): ItemRef {
  return entityName === undefined ? { key } : { key, entityName };
}

function assertBatchSize(items: unknown[]): void {
  if (items.length > MAX_BATCH_ITEMS) {
    throw badRequest('BAD_REQUEST', `A batch may hold at most ${MAX_BATCH_ITEMS} items; got ${items.length}`);
  }
}

/** Runs each item on its own; rule violations become failedKeys, anything else is a real fault and propagates. */
function runEach<I extends ItemRef, S>(
  items: I[],
  run: (item: I) => S,
): { successfulKeys: S[]; failedKeys: FailedKey[] } {
  const successfulKeys: S[] = [];
  const failedKeys: FailedKey[] = [];
  for (const item of items) {
    try {
      successfulKeys.push(run(item));
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      failedKeys.push({ ...refOf(item), error: { code: error.code, message: error.message } });
    }
  }
  return { successfulKeys, failedKeys };
}

export function batchSet(ctx: KvsContext, body: unknown): KvsReply {
  const items = parseBody(batchSetBodySchema, body);
  assertBatchSize(items);
  const result = runEach(items, (item) => {
    const target = resolveTarget(ctx, item.key, item.entityName);
    const value = storableValueFor(target, item.value);
    writeItem(ctx, target, value, expiryFrom(ctx.now(), item.options?.ttl));
    return refOf(item);
  });
  return { status: 200, body: result };
}

export function batchGet(ctx: KvsContext, body: unknown): KvsReply {
  const items = parseBody(batchGetBodySchema, body);
  assertBatchSize(items);
  const result = runEach(items, (item): WireItem & ItemRef => {
    const target = resolveTarget(ctx, item.key, item.entityName);
    const stored = ctx.store.get(target.ns, target.key);
    if (!stored) throw keyNotFound();
    return { ...refOf(item), ...toWireItem(target.key, stored, item.options?.metadataFields) };
  });
  return { status: 200, body: result };
}

export function batchDelete(ctx: KvsContext, body: unknown): KvsReply {
  const items = parseBody(batchDeleteBodySchema, body);
  assertBatchSize(items);
  const result = runEach(items, (item) => {
    const target = resolveTarget(ctx, item.key, item.entityName);
    if (!ctx.store.delete(target.ns, target.key)) throw keyNotFound();
    return refOf(item);
  });
  return { status: 200, body: result };
}
