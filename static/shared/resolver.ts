// The one place the apps call their backend. Every call resolves to an envelope: a failure of the bridge itself (no
// network, the platform rejecting the call) becomes an error envelope too, so screens handle a single shape.
import { invoke } from '@forge/bridge';
import type { z } from 'zod';
import { CLIENT_ERROR_CODES, parseEnvelope, type Envelope } from './envelope';

export type ResolverPayload = Record<string, unknown>;

export async function callResolver<T>(
  functionKey: string,
  payload: ResolverPayload,
  dataSchema: z.ZodType<T>,
): Promise<Envelope<T>> {
  let raw: unknown;
  try {
    raw = await invoke(functionKey, payload);
  } catch (cause) {
    console.error(`invoke(${functionKey}) failed`, cause);
    return {
      ok: false,
      error: {
        code: CLIENT_ERROR_CODES.unreachable,
        message: 'The app could not reach its backend. Check your connection and try again.',
      },
    };
  }
  return parseEnvelope(raw, dataSchema, functionKey);
}
