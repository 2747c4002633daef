// Releases and sprints as the sync sees them (docs/product.md, "Releases and sprints"): a released Jira version and a
// closed sprint, the note a released fix leaves on each linked ticket, and the properties of the Brevo events they
// become. Pure rules; sync/milestones reads Jira and writes TeamSupport and Brevo.
import { cutToBytes, type BrevoValue } from './brevo-event';

/** A Jira version that was released; the id is Jira's (digits), the date as Jira keeps it (`YYYY-MM-DD`). */
export interface ReleasedVersion {
  type: 'version';
  id: string;
  name: string;
  releaseDate?: string | undefined;
  projectId: string;
}

/** A Jira Software sprint that was closed; dates are ISO-8601 as Jira sent them. */
export interface ClosedSprint {
  type: 'sprint';
  id: string;
  name: string;
  goal?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  completeDate?: string | undefined;
}

export type Milestone = ReleasedVersion | ClosedSprint;

/**
 * Names the milestone across flows: `version-<id>` or `sprint-<id>`. It is the Brevo `sync_ref` of the milestone's
 * events, so one milestone reaches each contact once whatever happens to the version later (unreleased, released again).
 */
export function milestoneRef(milestone: Pick<Milestone, 'type' | 'id'>): string {
  return `${milestone.type}-${milestone.id}`;
}

/** The note id of a release on one issue's tickets: the same version and issue never write a second note. */
export function releaseNoteId(versionId: string, issueId: string): string {
  return `release:${versionId}:${issueId}`;
}

/** The copy-once key of the release's status move on one ticket (the ticket is the rest of the ledger key). */
export function releaseStatusId(versionId: string): string {
  return `release-status:${versionId}`;
}

/**
 * The release date the note shows: the version's own date when Jira has one, otherwise the day (UTC) the release
 * reached the app, both as `YYYY-MM-DD` so every note reads the same whatever the agent's locale.
 */
export function releaseDateText(version: Pick<ReleasedVersion, 'releaseDate'>, releasedAt: string): string {
  if (version.releaseDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(version.releaseDate)) {
    return version.releaseDate;
  }
  const at = new Date(releasedAt);
  return Number.isNaN(at.getTime()) ? 'date not set' : at.toISOString().slice(0, 10);
}

/** The sentence on a linked ticket when the fix of its issue ships: `Fixed in 2.1 (released 2025-03-14): SUP-12 …`. */
export function releaseNoteSentence(
  version: Pick<ReleasedVersion, 'name' | 'releaseDate'>,
  releasedAt: string,
  issue: { key: string; summary: string },
): string {
  const summary = issue.summary.trim();
  return `Fixed in ${version.name} (released ${releaseDateText(version, releasedAt)}): ${issue.key}${summary === '' ? '' : ` ${summary}`}`;
}

export function releaseStatusSetMessage(versionName: string, status: string): string {
  return `Ticket status set to "${status}" because ${versionName} was released.`;
}

export function releaseStatusUnknownMessage(
  versionName: string,
  wanted: string,
  ticket: { ticketType: string; status: string },
): string {
  return (
    `${versionName} was released, but no ${ticket.ticketType} ticket status is named "${wanted}", so the ticket ` +
    `status was left as "${ticket.status}". Pick a status that exists under "Releases" in the instance's settings.`
  );
}

export function releaseSecuredMessage(issueKey: string, versionName: string): string {
  return `Release ${versionName} not announced for ${issueKey}: the issue has a security level, so nothing of it leaves Jira.`;
}

/** Brevo refuses event properties over 50 KB in total (domain/brevo-event); the key list gets at most this much. */
const ISSUE_KEYS_BUDGET_BYTES = 40 * 1024;

/** What one contact's milestone event says about their own issues. */
export interface ContactIssues {
  issueKeys: readonly string[];
  /** the project of the contact's first issue (a version belongs to one project) */
  projectKey: string;
}

function issueKeyProperties(issues: ContactIssues): Record<string, BrevoValue> {
  return {
    issue_keys: cutToBytes(issues.issueKeys.join(', '), ISSUE_KEYS_BUDGET_BYTES),
    issue_count: issues.issueKeys.length,
  };
}

/** The properties of `jira_version_released` / `jira_sprint_closed` for one contact. */
export function milestoneEventProperties(
  milestone: Milestone,
  issues: ContactIssues,
): Record<string, BrevoValue> {
  if (milestone.type === 'version') {
    return {
      version: milestone.name,
      version_id: milestone.id,
      release_date: milestone.releaseDate ?? null,
      project: issues.projectKey,
      ...issueKeyProperties(issues),
    };
  }
  return {
    sprint: milestone.name,
    sprint_id: Number(milestone.id),
    goal: milestone.goal ?? null,
    end_date: milestone.endDate ?? null,
    complete_date: milestone.completeDate ?? null,
    ...issueKeyProperties(issues),
  };
}

/** Digits only: the id goes into JQL (`fixVersion = <id>`) and storage keys, so nothing else may pass. */
export const MILESTONE_ID_PATTERN = /^\d{1,18}$/;

/**
 * The JQL of a milestone's issues, narrowed by `scope` (a Brevo account's projects, types and filter), in a stable
 * order so that pages can be continued across invocations. A sprint counts only its issues in a done status.
 */
export function milestoneJql(milestone: Pick<Milestone, 'type' | 'id'>, scope?: string): string {
  if (!MILESTONE_ID_PATTERN.test(milestone.id)) throw new Error(`not a Jira id: ${milestone.id}`);
  const own =
    milestone.type === 'version'
      ? `fixVersion = ${milestone.id}`
      : `sprint = ${milestone.id} AND statusCategory = Done`;
  return `${own}${scope === undefined ? '' : ` AND ${scope}`} ORDER BY id ASC`;
}
