// Every value read back from storage is parsed, never trusted: storage outlives builds, and a record written by an
// older build, a bug or a hand edit must not take a flow down. A record that fails its schema is logged (key and
// issue paths only, never the value) and treated as absent.
import type { z } from 'zod';
import type { Logger } from '../lib/logger';

export interface RecordSource {
  /** the entity name or 'plain' */
  store: string;
  key: string;
}

export function parseStored<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  source: RecordSource,
  logger: Logger,
): T | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  logger.warn('Skipped a corrupt stored record', {
    store: source.store,
    key: source.key,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  });
  return undefined;
}

/** Parses each result of a query page, skipping (and logging) the corrupt ones. */
export function parseResults<T>(
  schema: z.ZodType<T>,
  results: ReadonlyArray<{ key: string; value: unknown }>,
  store: string,
  logger: Logger,
): Array<{ key: string; value: T }> {
  return results.flatMap(({ key, value }) => {
    const parsed = parseStored(schema, value, { store, key }, logger);
    return parsed === undefined ? [] : [{ key, value: parsed }];
  });
}
