// Reads a query string into typed values following the operation's parameter schemas, as Jira does, so the spec
// check can report what is wrong.
import { z } from 'zod';
import type { OperationContract } from '../contract/spec';

const ParameterSchema = z.object({
  type: z.string().optional(),
  items: z.object({ type: z.string().optional() }).optional(),
});

function scalar(type: string | undefined, raw: string): unknown {
  if (type === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
  if (type === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/**
 * Turns the query string into typed values following the operation's parameter schemas: arrays accept repeated
 * and comma-separated values (as Jira does), numbers and booleans are converted when well-formed and left as
 * strings otherwise, so the schema check reports them.
 */
export function coerceQuery(operation: OperationContract, search: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    const parameter = operation.queryParameters.find((p) => p.name === name);
    const schema = ParameterSchema.safeParse(parameter?.schema ?? {});
    const type = schema.success ? schema.data.type : undefined;
    if (type === 'array') {
      const itemType = schema.success ? schema.data.items?.type : undefined;
      out[name] = values.flatMap((value) => value.split(',')).map((item) => scalar(itemType, item.trim()));
    } else {
      out[name] = scalar(type, values[values.length - 1] ?? '');
    }
  }
  return out;
}
