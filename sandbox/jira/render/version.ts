// A project version (release) as Jira's REST API, issue fields and version events show it (the spec's `Version`).
import type { JiraCore } from '../service/core';
import type { JsonObject } from '../state/json';
import type { Project, Version } from '../state/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-01-15` → `15/Jan/26`, the site's default "Day/Month/Year Format" (`d/MMM/yy`) Jira Cloud renders. */
function userDate(isoDate: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = MONTHS[Number(match?.[2]) - 1];
  if (!match?.[1] || !match[3] || !month) return undefined;
  return `${Number(match[3])}/${month}/${match[1].slice(2)}`;
}

/** The emulator clock's date in UTC, `yyyy-MM-dd`: what "today" means for release dates and `overdue`. */
export function clockDate(core: JiraCore): string {
  return new Date(core.clock.now()).toISOString().slice(0, 10);
}

/**
 * `overdue` is reported for unreleased versions with a release date, true once that date has passed; the display
 * dates (`userReleaseDate`, `userStartDate`) accompany the ISO ones.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/
 */
export function renderVersion(core: JiraCore, project: Project, version: Version): JsonObject {
  const userStart = version.startDate === undefined ? undefined : userDate(version.startDate);
  const userRelease = version.releaseDate === undefined ? undefined : userDate(version.releaseDate);
  return {
    self: `${core.baseUrl()}/rest/api/3/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: version.archived,
    released: version.released,
    ...(version.startDate !== undefined ? { startDate: version.startDate } : {}),
    ...(version.releaseDate !== undefined ? { releaseDate: version.releaseDate } : {}),
    ...(!version.released && version.releaseDate !== undefined
      ? { overdue: version.releaseDate < clockDate(core) }
      : {}),
    ...(userStart !== undefined ? { userStartDate: userStart } : {}),
    ...(userRelease !== undefined ? { userReleaseDate: userRelease } : {}),
    projectId: Number(project.id),
  };
}
