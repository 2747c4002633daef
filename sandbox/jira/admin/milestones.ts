// Releases and sprints for tests and the console: versions created, released and unreleased, issues given fix
// versions, sprints planned, started, filled and closed. Releasing, unreleasing and closing act "as" a principal and
// go through the same use cases as REST, so their product events fire; the rest sets the scene silently.
import { editIssue, visibleIssue } from '../service/issues';
import { addIssuesToSprint, closeSprint, createSprint, requireSprint, startSprint } from '../service/sprints';
import { createVersion, updateVersion, visibleVersion } from '../service/versions';
import type { PrincipalRef, SprintInput } from './inputs';
import { releasesView, type ReleasesView } from './milestone-views';
import { SiteSetup } from './setup';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(value: string | undefined, what: string): string | undefined {
  if (value !== undefined && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))))
    throw new Error(`${what} must be a date like 2026-12-01, not ${value}`);
  return value;
}

function instant(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what} must be an ISO 8601 instant, not ${value}`);
  return ms;
}

export class MilestoneSetup extends SiteSetup {
  /** An unreleased version of the project (no event, as a setup step). */
  createVersion(
    projectKey: string,
    input: { name: string; description?: string; releaseDate?: string; startDate?: string },
  ): { id: string } {
    const releaseDate = isoDate(input.releaseDate, 'releaseDate');
    const startDate = isoDate(input.startDate, 'startDate');
    const version = createVersion(this.core, this.caller('app'), this.project(projectKey), {
      name: input.name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(releaseDate !== undefined ? { releaseDate } : {}),
      ...(startDate !== undefined ? { startDate } : {}),
    });
    return { id: version.id };
  }

  /**
   * Releases the version on `releaseDate` (default: the emulator clock's date) and emits
   * `avi:jira:released:version`; a version released already is left alone and nothing is emitted.
   */
  releaseVersion(as: PrincipalRef, versionId: string, options: { releaseDate?: string } = {}): void {
    const caller = this.caller(as);
    const found = visibleVersion(this.core, caller, versionId);
    if (found.version.released) return;
    const releaseDate = isoDate(options.releaseDate, 'releaseDate');
    updateVersion(this.core, caller, found, {
      released: true,
      ...(releaseDate !== undefined ? { releaseDate } : {}),
    });
  }

  /** Emits `avi:jira:unreleased:version` when the version was released; otherwise nothing happens. */
  unreleaseVersion(as: PrincipalRef, versionId: string): void {
    const caller = this.caller(as);
    updateVersion(this.core, caller, visibleVersion(this.core, caller, versionId), { released: false });
  }

  /** Replaces the issue's Fix versions through the edit use case: "Fix Version" changelog and `updated:issue`. */
  setFixVersions(as: PrincipalRef, issueRef: string, versionIds: string[]): void {
    const caller = this.caller(as);
    editIssue(this.core, caller, visibleIssue(this.core, caller, issueRef), {
      fields: { fixVersions: versionIds.map((id) => ({ id })) },
      update: {},
      properties: [],
    });
  }

  /** A future sprint (no event, as a setup step). */
  createSprint(input: SprintInput): { id: number } {
    const startDate = instant(input.startDate, 'startDate');
    const endDate = instant(input.endDate, 'endDate');
    const sprint = createSprint(this.core, {
      name: input.name,
      ...(input.goal !== undefined ? { goal: input.goal } : {}),
      ...(input.originBoardId !== undefined ? { originBoardId: input.originBoardId } : {}),
      ...(startDate !== undefined ? { startDate } : {}),
      ...(endDate !== undefined ? { endDate } : {}),
    });
    return { id: sprint.id };
  }

  startSprint(sprintId: number): void {
    startSprint(this.core, requireSprint(this.core, sprintId));
  }

  /** Puts issues (ids or keys) in an open sprint; a setup step: no changelog, no event. */
  addToSprint(sprintId: number, issueRefs: string[]): void {
    const caller = this.caller('app');
    const ids = issueRefs.map((ref) => visibleIssue(this.core, caller, ref).id);
    addIssuesToSprint(this.core, requireSprint(this.core, sprintId), ids);
  }

  /** Closes an active sprint now and emits `avi:jira-software:closed:sprint`; a closed sprint is left alone. */
  closeSprint(as: PrincipalRef, sprintId: number): void {
    closeSprint(this.core, this.caller(as).actor, requireSprint(this.core, sprintId));
  }

  /** Every project's versions and every sprint, for the console's Releases page. */
  releases(): ReleasesView {
    return releasesView(this.core);
  }
}
