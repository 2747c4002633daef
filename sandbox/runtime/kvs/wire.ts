// Request bodies exactly as @forge/kvs 1.6.5 sends them (storage-api.js, query.js, entity-query.js,
// transaction-api.js). Shapes are checked here; rules that have their own documented error codes (keys, values,
// limits, conditions) are checked by the operations so they can answer with those codes.
import { z } from 'zod';
import { invalidBody } from './errors';

const metadataFieldSchema = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
const metadataOptionsSchema = z.object({ metadataFields: z.array(metadataFieldSchema).optional() });

export const ttlSchema = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type Ttl = z.infer<typeof ttlSchema>;

const conditionSchema = z.object({
  property: z.string(),
  condition: z.string(),
  values: z.array(z.unknown()),
});
export type WireCondition = z.infer<typeof conditionSchema>;

export const filtersSchema = z.object({
  and: z.array(conditionSchema).optional(),
  or: z.array(conditionSchema).optional(),
});
export type WireFilters = z.infer<typeof filtersSchema>;

// Batch and transaction writes take a TTL only: keyPolicy and returnValue are rejected, as on the service.
const ttlOnlyOptionsSchema = z.strictObject({ ttl: ttlSchema.optional() });

export const getBodySchema = z.object({ key: z.string(), options: metadataOptionsSchema.optional() });
export const entityGetBodySchema = getBodySchema.extend({ entityName: z.string() });

export const setBodySchema = z.object({
  key: z.string(),
  value: z.unknown(),
  options: z
    .object({
      ttl: ttlSchema.optional(),
      keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
      returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
      returnMetadataFields: z.array(metadataFieldSchema).optional(),
    })
    .optional(),
});
export const entitySetBodySchema = setBodySchema.extend({ entityName: z.string() });
export type SetBody = z.infer<typeof setBodySchema>;

export const deleteBodySchema = z.object({ key: z.string() });
export const entityDeleteBodySchema = deleteBodySchema.extend({ entityName: z.string() });

export const queryBodySchema = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z.array(conditionSchema).optional(),
  options: metadataOptionsSchema.optional(),
});

export const entityQueryBodySchema = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: z.object({ condition: z.string(), values: z.array(z.unknown()) }).optional(),
  filters: filtersSchema.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  limit: z.number().optional(),
  cursor: z.string().optional(),
  options: metadataOptionsSchema.optional(),
});
export type EntityQueryBody = z.infer<typeof entityQueryBodySchema>;

export const batchSetBodySchema = z.array(
  z.object({
    key: z.string(),
    value: z.unknown(),
    entityName: z.string().optional(),
    options: ttlOnlyOptionsSchema.optional(),
  }),
);
export const batchGetBodySchema = z.array(
  z.object({ key: z.string(), entityName: z.string().optional(), options: metadataOptionsSchema.optional() }),
);
export const batchDeleteBodySchema = z.array(
  z.object({ key: z.string(), entityName: z.string().optional() }),
);

export const transactionBodySchema = z.object({
  set: z
    .array(
      z.object({
        key: z.string(),
        value: z.unknown(),
        entityName: z.string().optional(),
        conditions: filtersSchema.optional(),
        options: ttlOnlyOptionsSchema.optional(),
      }),
    )
    .optional(),
  delete: z
    .array(
      z.object({ key: z.string(), entityName: z.string().optional(), conditions: filtersSchema.optional() }),
    )
    .optional(),
  check: z.array(z.object({ key: z.string(), entityName: z.string(), conditions: filtersSchema })).optional(),
});
export type TransactionBody = z.infer<typeof transactionBodySchema>;

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    throw invalidBody(issues.join('; '));
  }
  return parsed.data;
}
