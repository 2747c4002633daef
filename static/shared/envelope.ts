// The resolver envelope (docs/resolver-contract.md, "Resolver contract"), parsed rather than trusted: the backend is
// deployed separately from the UI, so a reply of the wrong shape must surface as an error, not as undefined fields.
import { z } from 'zod';

export const ResolverErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

export type ResolverError = z.infer<typeof ResolverErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** Codes the UI produces itself when no envelope came back at all. */
export const CLIENT_ERROR_CODES = {
  unreachable: 'BRIDGE_ERROR',
  malformed: 'INVALID_RESPONSE',
} as const;

const FailureSchema = z.object({ ok: z.literal(false), error: ResolverErrorSchema });
const SuccessSchema = z.object({ ok: z.literal(true), data: z.unknown() });

/** Reads a raw resolver result into an envelope whose `data` has been checked against `dataSchema`. */
export function parseEnvelope<T>(raw: unknown, dataSchema: z.ZodType<T>, functionKey: string): Envelope<T> {
  const failure = FailureSchema.safeParse(raw);
  if (failure.success) return { ok: false, error: failure.data.error };
  const success = SuccessSchema.safeParse(raw);
  const data = success.success ? dataSchema.safeParse(success.data.data) : undefined;
  if (data?.success) return { ok: true, data: data.data };
  return {
    ok: false,
    error: {
      code: CLIENT_ERROR_CODES.malformed,
      message: `The app's backend sent an unexpected reply to ${functionKey}. Reload the page; if it keeps happening, contact your Jira administrator.`,
    },
  };
}

/** `details.issues` of an INVALID_INPUT error: one message per field path, e.g. `fieldMappings.1.jiraField`. */
const IssuesDetailsSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssuesOf(error: ResolverError): FieldIssue[] {
  const parsed = IssuesDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.issues : [];
}
