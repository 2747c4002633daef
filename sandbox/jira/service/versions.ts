// Project versions (releases): create, change, release and unrelease, with the permission checks and the
// `avi:jira:released:version` / `avi:jira:unreleased:version` events Jira sends
// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/).
import { fieldErrors, forbidden, notFound } from '../http/errors';
import { clockDate, renderVersion } from '../render/version';
import type { Project, Version } from '../state/types';
import { can, type JiraCore } from './core';
import type { Caller } from './issues';

const MAX_NAME_LENGTH = 255;
const MAX_DESCRIPTION_BYTES = 16_384;

export interface VersionFound {
  project: Project;
  version: Version;
}

/** What a create or an update may set; absent members are left as they are. */
export interface VersionChanges {
  name?: string;
  description?: string;
  archived?: boolean;
  released?: boolean;
  releaseDate?: string;
  startDate?: string;
}

const notVisible = (id: string) => notFound(`Could not find version for id '${id}'`);

/** The version if it exists and the caller may browse its project; otherwise 404 like Jira. */
export function visibleVersion(core: JiraCore, caller: Caller, id: string): VersionFound {
  const found = core.store.versionById(id);
  if (!found) throw notVisible(id);
  if (caller.enforcePermissions && !can(core, caller.actor, 'BROWSE_PROJECTS', found.project.id))
    throw notVisible(id);
  return found;
}

/** Versions are administered: Administer Jira, or Administer Projects in the version's project. */
function requireAdministration(core: JiraCore, caller: Caller, project: Project, action: string): void {
  if (!caller.enforcePermissions) return;
  if (can(core, caller.actor, 'ADMINISTER') || can(core, caller.actor, 'ADMINISTER_PROJECTS', project.id))
    return;
  throw forbidden(
    `You must have global or project administrator permissions in order to ${action} versions.`,
  );
}

function checkText(project: Project, changes: VersionChanges, self?: Version): void {
  const errors: Record<string, string> = {};
  if (changes.name !== undefined) {
    const name = changes.name.trim();
    if (name === '') errors.name = 'You must specify a valid version name';
    else if (name.length > MAX_NAME_LENGTH)
      errors.name = `The version name must not be longer than ${MAX_NAME_LENGTH} characters.`;
    else if (project.versions.some((v) => v !== self && v.name.toLowerCase() === name.toLowerCase()))
      errors.name = 'A version with this name already exists in this project.';
  }
  if (
    changes.description !== undefined &&
    Buffer.byteLength(changes.description, 'utf8') > MAX_DESCRIPTION_BYTES
  )
    errors.description = `The description must not be longer than ${MAX_DESCRIPTION_BYTES} bytes.`;
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
}

export function createVersion(
  core: JiraCore,
  caller: Caller,
  project: Project,
  changes: VersionChanges & { name: string },
): Version {
  requireAdministration(core, caller, project, 'create');
  checkText(project, changes);
  const id = core.store.nextId('version');
  const version: Version = {
    id,
    name: changes.name.trim(),
    description: changes.description ?? '',
    released: changes.released ?? false,
    archived: changes.archived ?? false,
    ...(changes.releaseDate !== undefined ? { releaseDate: changes.releaseDate } : {}),
    ...(changes.startDate !== undefined ? { startDate: changes.startDate } : {}),
  };
  project.versions.push(version);
  return version;
}

/**
 * Applies the changes; `released: true` on an unreleased version releases it (on the release date given, else on
 * the emulator clock's date, which replaces a planned date as Jira's release dialog proposes today) and emits
 * `avi:jira:released:version`; `released: false` on a released one emits `avi:jira:unreleased:version`. "If the
 * version is released a request to release again is ignored" (the spec's `Version.released`): no event.
 */
export function updateVersion(
  core: JiraCore,
  caller: Caller,
  found: VersionFound,
  changes: VersionChanges,
): void {
  const { project, version } = found;
  requireAdministration(core, caller, project, 'edit');
  checkText(project, changes, version);
  if (changes.name !== undefined) version.name = changes.name.trim();
  if (changes.description !== undefined) version.description = changes.description;
  if (changes.archived !== undefined) version.archived = changes.archived;
  if (changes.startDate !== undefined) version.startDate = changes.startDate;
  const releasing = changes.released === true && !version.released;
  if (changes.releaseDate !== undefined) version.releaseDate = changes.releaseDate;
  else if (releasing) version.releaseDate = clockDate(core);
  if (changes.released === undefined || changes.released === version.released) return;
  version.released = changes.released;
  core.events.emit({
    eventType: version.released ? 'avi:jira:released:version' : 'avi:jira:unreleased:version',
    atlassianId: caller.actor.accountId,
    version: renderVersion(core, project, version),
  });
}
