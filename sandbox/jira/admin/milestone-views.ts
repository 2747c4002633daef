// Plain, typed views of versions and sprints for the console's Releases page (not the REST representation).
import type { JiraCore } from '../service/core';
import { sprintIdsOf } from '../service/fields/sprint-field';
import type { Issue, Sprint, SprintState, Version } from '../state/types';

export interface VersionView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly released: boolean;
  readonly archived: boolean;
  /** `yyyy-MM-dd` */
  readonly releaseDate: string | null;
  /** issues with this version in Fix versions */
  readonly issueCount: number;
}

export interface ProjectReleasesView {
  readonly key: string;
  readonly name: string;
  readonly versions: readonly VersionView[];
}

export interface SprintView {
  readonly id: number;
  readonly name: string;
  readonly goal: string;
  readonly state: SprintState;
  readonly boardId: number;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly completeDate: Date | null;
  /** issues with this sprint in their Sprint field */
  readonly issueCount: number;
  /** of those, the ones in a done-category status */
  readonly doneCount: number;
}

export interface ReleasesView {
  readonly projects: readonly ProjectReleasesView[];
  /** newest first */
  readonly sprints: readonly SprintView[];
}

const dateOrNull = (epochMs: number | undefined): Date | null =>
  epochMs === undefined ? null : new Date(epochMs);

function versionView(issues: readonly Issue[], version: Version): VersionView {
  return {
    id: version.id,
    name: version.name,
    description: version.description,
    released: version.released,
    archived: version.archived,
    releaseDate: version.releaseDate ?? null,
    issueCount: issues.filter((issue) => {
      const fixVersions = issue.values.get('fixVersions');
      return Array.isArray(fixVersions) && fixVersions.includes(version.id);
    }).length,
  };
}

function sprintView(core: JiraCore, issues: readonly Issue[], sprint: Sprint): SprintView {
  const inSprint = issues.filter((issue) => sprintIdsOf(issue).includes(sprint.id));
  return {
    id: sprint.id,
    name: sprint.name,
    goal: sprint.goal,
    state: sprint.state,
    boardId: sprint.originBoardId,
    startDate: dateOrNull(sprint.startDate),
    endDate: dateOrNull(sprint.endDate),
    completeDate: dateOrNull(sprint.completeDate),
    issueCount: inSprint.length,
    doneCount: inSprint.filter((issue) => core.store.requireStatus(issue.statusId).category === 'done')
      .length,
  };
}

export function releasesView(core: JiraCore): ReleasesView {
  const issues = [...core.store.issues.values()];
  return {
    projects: [...core.store.projects.values()].map((project) => ({
      key: project.key,
      name: project.name,
      versions: project.versions.map((version) =>
        versionView(
          issues.filter((issue) => issue.projectId === project.id),
          version,
        ),
      ),
    })),
    sprints: [...core.store.sprints.values()]
      .sort((a, b) => b.id - a.id)
      .map((sprint) => sprintView(core, issues, sprint)),
  };
}
