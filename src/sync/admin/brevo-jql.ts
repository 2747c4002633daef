// The JQL filter of a Brevo account, checked with Jira when it is saved: a filter Jira refuses would make every event
// of the account fail later, one by one, so the admin hears it on the field instead (docs/product.md, "Brevo events").
import { z } from 'zod';
import { JqlFilterSchema, type ConfigIssue, type StoredBrevoAccount } from '../../domain/config';
import { fail, type Failure } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import type { JiraPort } from '../ports/jira';

const JqlOfInputSchema = z.looseObject({ jql: z.string().optional() });

/**
 * What Jira says of the filter in `input`, as issues on the `jql` path. Nothing is asked when there is no filter,
 * when it breaks the app's own rules (those are reported by the settings validation), or when it is the filter
 * already stored: then a Jira outage cannot keep an admin from saving another change, such as turning sync off.
 * Jira being unreachable (rather than refusing the filter) is a failure of the save: the filter stays unchecked.
 */
export async function jqlIssues(
  jira: Pick<JiraPort, 'validateJql'>,
  input: unknown,
  stored: StoredBrevoAccount | undefined,
): Promise<{ ok: true; issues: ConfigIssue[] } | Failure> {
  const parsed = JqlOfInputSchema.safeParse(input);
  const jql = parsed.success ? (parsed.data.jql ?? '').trim() : '';
  if (jql === '' || !JqlFilterSchema.safeParse(jql).success || jql === stored?.jql) {
    return { ok: true, issues: [] };
  }
  try {
    const verdict = await jira.validateJql(jql);
    if (verdict.ok) return { ok: true, issues: [] };
    return {
      ok: true,
      issues: [{ path: 'jql', message: `Jira refused the filter: ${verdict.message}` }],
    };
  } catch (error) {
    return fail(
      'UPSTREAM_ERROR',
      `The JQL filter could not be checked with Jira, so nothing was saved: ${redactText(describeError(error))}. ` +
        'Try again in a moment.',
      { retryable: true },
    );
  }
}
