// get / set / delete of one item: plain keys, secrets and entity items share these, differing only in key space.
import type { z } from 'zod';
import { badRequest, keyAlreadyExists, keyNotFound } from './errors';
import { expiryFrom, toWireItem } from './item-wire';
import { resolveTarget, storableValueFor, writeItem, type KvsContext, type Target } from './targets';
import type { KvsReply } from './types';
import {
  deleteBodySchema,
  entityDeleteBodySchema,
  entityGetBodySchema,
  entitySetBodySchema,
  getBodySchema,
  parseBody,
  setBodySchema,
  type SetBody,
} from './wire';

export type Space = 'plain' | 'secret' | 'entity';

const NO_CONTENT: KvsReply = { status: 204 };

/** Parses the body (entity calls also carry entityName) and resolves the item it names. */
function parseKeyed<T extends { key: string }>(
  ctx: KvsContext,
  space: Space,
  plainSchema: z.ZodType<T>,
  entitySchema: z.ZodType<T & { entityName: string }>,
  body: unknown,
): { request: T; target: Target } {
  if (space === 'entity') {
    const request = parseBody(entitySchema, body);
    return { request, target: resolveTarget(ctx, request.key, request.entityName) };
  }
  const request = parseBody(plainSchema, body);
  return { request, target: resolveTarget(ctx, request.key, undefined, space) };
}

export function getItem(ctx: KvsContext, space: Space, body: unknown): KvsReply {
  const { request, target } = parseKeyed(ctx, space, getBodySchema, entityGetBodySchema, body);
  const item = ctx.store.get(target.ns, target.key);
  if (!item) throw keyNotFound();
  return { status: 200, body: toWireItem(target.key, item, request.options?.metadataFields) };
}

function assertSetOptions(options: SetBody['options']): void {
  if (options?.returnValue !== undefined && options.keyPolicy !== 'OVERRIDE') {
    throw badRequest('BAD_REQUEST', "returnValue is only allowed with keyPolicy 'OVERRIDE'");
  }
  if (options?.returnMetadataFields !== undefined && options.returnValue === undefined) {
    throw badRequest('BAD_REQUEST', 'returnMetadataFields needs returnValue');
  }
}

export function setItem(ctx: KvsContext, space: Space, body: unknown): KvsReply {
  const { request, target } = parseKeyed(ctx, space, setBodySchema, entitySetBodySchema, body);
  const { options } = request;
  assertSetOptions(options);
  const value = storableValueFor(target, request.value);
  const expiresAt = expiryFrom(ctx.now(), options?.ttl);
  if (options?.keyPolicy === 'FAIL_IF_EXISTS' && ctx.store.get(target.ns, target.key)) {
    throw keyAlreadyExists(target.key);
  }
  const { previous, current } = writeItem(ctx, target, value, expiresAt);
  const fields = options?.returnMetadataFields;
  switch (options?.returnValue) {
    case 'LATEST':
      return { status: 200, body: toWireItem(target.key, current, fields) };
    case 'PREVIOUS':
      return previous ? { status: 200, body: toWireItem(target.key, previous, fields) } : NO_CONTENT;
    case undefined:
      return NO_CONTENT;
  }
}

/** Deleting a missing key succeeds (the SDK would also accept a 404 KEY_NOT_FOUND here). */
export function deleteItem(ctx: KvsContext, space: Space, body: unknown): KvsReply {
  const { target } = parseKeyed(ctx, space, deleteBodySchema, entityDeleteBodySchema, body);
  ctx.store.delete(target.ns, target.key);
  return NO_CONTENT;
}
