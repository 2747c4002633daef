// What the platform tells a Custom UI resolver about the call: the caller (from the invocation's principal, never the
// payload) and, for the issue panel, the issue it is open on. Parsed, not trusted: a call without a caller is refused,
// one from a module without an issue is invalid.
import { z } from 'zod';
import { fail, invalidInput, type Failure } from '../lib/envelope';
import type { AdminCall } from '../sync/admin/deps';
import type { PanelCall } from '../sync/panel/deps';

const IssueSchema = z.looseObject({
  // Jira sends ids as strings; a number is accepted and read as its digits.
  id: z
    .union([z.string(), z.number().int().nonnegative().transform(String)])
    .pipe(z.string().regex(/^\d{1,18}$/)),
  key: z.string().min(1).max(255),
});

const ContextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  // Only for the link back to the issue in ticket notes: a missing or odd value leaves the link out.
  siteUrl: z
    .url({ protocol: /^https$/ })
    .optional()
    .catch(undefined),
  extension: z.looseObject({ issue: z.unknown().optional() }).optional(),
});

const SIGNED_OUT = 'Sign in to Jira to use the app.';

export interface ResolverRequest {
  payload: unknown;
  context: unknown;
}

export function adminCallOf(request: ResolverRequest): { ok: true; call: AdminCall } | Failure {
  const context = ContextSchema.safeParse(request.context);
  const accountId = context.success ? context.data.accountId : undefined;
  if (accountId === undefined) return fail('FORBIDDEN', SIGNED_OUT);
  return { ok: true, call: { accountId, payload: request.payload } };
}

export function panelCallOf(request: ResolverRequest): { ok: true; call: PanelCall } | Failure {
  const context = ContextSchema.safeParse(request.context);
  const accountId = context.success ? context.data.accountId : undefined;
  if (!context.success || accountId === undefined) return fail('FORBIDDEN', SIGNED_OUT);
  const issue = IssueSchema.safeParse(context.data.extension?.issue);
  if (!issue.success) {
    return invalidInput(
      [{ path: 'context.extension.issue', message: 'The issue panel was opened without an issue.' }],
      'This call needs the issue the panel is open on.',
    );
  }
  return {
    ok: true,
    call: {
      accountId,
      issue: { id: issue.data.id, key: issue.data.key },
      siteUrl: context.data.siteUrl,
      payload: request.payload,
    },
  };
}
