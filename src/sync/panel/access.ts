// Invariant 6 for the panel: every call requires that the caller can browse the issue, asked of Jira as the caller.
// Linking and unlinking also require Link Issues on the issue: a link is an issue link in all but name (Jira shows it
// among the issue's links), so the permission that guards "link issue" guards it too.
import { fail, type Failure } from '../../lib/envelope';
import type { PanelDeps, PanelIssue } from './deps';

export const LINK_PERMISSION = 'LINK_ISSUES';

const CANNOT_SEE = 'You cannot see this issue, so its support tickets are not shown.';

/** undefined when the caller may go on; a FORBIDDEN failure otherwise (nothing has been read or changed yet). */
export async function checkIssueAccess(
  deps: PanelDeps,
  issue: PanelIssue,
  need: 'browse' | 'link',
): Promise<Failure | undefined> {
  if (need === 'browse') {
    return (await deps.caller.canBrowseIssue(issue.id)) ? undefined : fail('FORBIDDEN', CANNOT_SEE);
  }
  // Both asked at once: waiting for one before sending the other would double the panel's latency. A failed
  // permission read matters only when the issue is visible (Jira may refuse it for an issue the caller cannot see).
  const [browse, permissions] = await Promise.allSettled([
    deps.caller.canBrowseIssue(issue.id),
    deps.caller.hasIssuePermissions(issue.id, [LINK_PERMISSION]),
  ]);
  if (browse.status === 'rejected') throw browse.reason;
  if (!browse.value) return fail('FORBIDDEN', CANNOT_SEE);
  if (permissions.status === 'rejected') throw permissions.reason;
  if (permissions.value[LINK_PERMISSION] !== true) {
    return fail(
      'FORBIDDEN',
      `You need the "Link issues" permission on ${issue.key} to link or unlink support tickets.`,
      { permission: LINK_PERMISSION },
    );
  }
  return undefined;
}
