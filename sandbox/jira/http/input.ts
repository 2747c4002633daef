// Typed parsing of request bodies and queries the spec check let through (issue updates, comments, properties,
// paging), with Jira's 400 for what is left.
import { z } from 'zod';
import { JsonSchema } from '../state/json';
import { badRequest } from './errors';

/** Parses what the spec check already let through into typed values; leftovers are plain 400s. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(
    result.error.issues.map(
      (issue) => `${where}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
    ),
  );
}

export const EntityPropertyInput = z.object({ key: z.string(), value: JsonSchema });

export const IssueUpdateBody = z.looseObject({
  fields: z.record(z.string(), z.unknown()).default({}),
  update: z.record(z.string(), z.array(z.unknown())).default({}),
  properties: z.array(EntityPropertyInput).default([]),
  transition: z.looseObject({ id: z.string().optional() }).optional(),
});

export const CommentBody = z.looseObject({
  body: z.unknown(),
  visibility: z
    .looseObject({
      type: z.enum(['group', 'role']),
      value: z.string().optional(),
      identifier: z.string().nullable().optional(),
    })
    .optional(),
  properties: z.array(EntityPropertyInput).default([]),
});

export const PageQuery = z.object({
  startAt: z.number().int().min(0).default(0),
  maxResults: z.number().int().min(0).default(50),
});

export const tokens = z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional();

/** `expand=a,b` as a set of names. */
export function expandSet(value: unknown): Set<string> {
  return new Set(
    (typeof value === 'string' ? value : '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
}
