// The Jira lines of a Brevo account's connection test: the account's filter runs as a search, and Jira gives the app
// users' e-mail addresses (the contact of an event is found by e-mail: docs/product.md, "Brevo events").
import { brevoScopeJql, type StoredBrevoAccount } from '../../domain/config';
import type { ConnectionCheck } from '../../domain/ticket';
import { BREVO_CHECK, failureText, type BrevoCheckDeps } from './brevo-check-parts';

/** A search with no restriction at all is refused by Jira as unbounded; this one reads at most one recent issue. */
const UNFILTERED_PROBE = 'updated >= -30d';

export async function searchCheck(
  deps: BrevoCheckDeps,
  account: StoredBrevoAccount,
): Promise<ConnectionCheck> {
  const name = BREVO_CHECK.search;
  const scope = brevoScopeJql(account);
  try {
    const verdict = await deps.jira.validateJql(scope ?? UNFILTERED_PROBE);
    if (!verdict.ok) {
      return {
        name,
        ok: false,
        message: `Jira refused the account's filter (${scope ?? ''}): ${verdict.message} Fix the projects, issue types or JQL and save.`,
      };
    }
    if (scope === undefined) {
      return {
        name,
        ok: true,
        message: 'No filter is set, so every issue of every project is in scope; Jira search answered.',
      };
    }
    return {
      name,
      ok: true,
      message: verdict.anyMatch
        ? `Jira runs the filter (${scope}); at least one issue matches it.`
        : `Jira runs the filter (${scope}), but no issue matches it now: check the projects, issue types and JQL.`,
    };
  } catch (error) {
    return { name, ok: false, message: `Jira search could not be run: ${failureText(error)}` };
  }
}

/** Whether Jira gives the app e-mail addresses, tried on the calling admin's own account. */
export async function emailCheck(deps: BrevoCheckDeps, callerAccountId: string): Promise<ConnectionCheck> {
  const name = BREVO_CHECK.email;
  try {
    const user = await deps.jira.getUser(callerAccountId);
    if (user === undefined) {
      return { name, ok: false, message: 'Jira did not return your user record to the app.' };
    }
    if (user.email === null) {
      return {
        name,
        ok: false,
        message:
          'Jira hides your e-mail address from the app, as it will for every user whose profile keeps it private: ' +
          "their events are skipped with a sync-log entry. Users choose this in their Atlassian account's profile " +
          'visibility settings.',
      };
    }
    return {
      name,
      ok: true,
      message:
        'Jira gives the app e-mail addresses (checked with your own account). Users who hide theirs are skipped ' +
        'with a sync-log entry.',
    };
  } catch (error) {
    return { name, ok: false, message: `Jira's user lookup failed: ${failureText(error)}` };
  }
}
