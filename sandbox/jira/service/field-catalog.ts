// Every field of the emulated site (system, Sprint, custom) and the writable fields of one create/edit screen.
import type { Project } from '../state/types';
import type { JiraCore } from './core';
import { customFieldDefinition } from './fields/custom-fields';
import type { FieldDefinition } from './fields/definition';
import { sprintFieldDefinition } from './fields/sprint-field';
import { systemFields } from './fields/system-fields';

export type { FieldDefinition, FieldWriter } from './fields/definition';

/** Every field of the site: system fields first, then Jira Software's Sprint, then custom fields in creation order. */
export function fieldCatalog(core: JiraCore): FieldDefinition[] {
  return [
    ...systemFields(),
    sprintFieldDefinition(),
    ...[...core.store.customFields.values()].map(customFieldDefinition),
  ];
}

/** System fields every create/edit screen has, besides project and issue type. */
export const SCREEN_SYSTEM_FIELDS = [
  'summary',
  'description',
  'labels',
  'priority',
  'fixVersions',
  'assignee',
  'reporter',
];

export interface ScreenEntry {
  definition: FieldDefinition;
  required: boolean;
}

/** The writable fields of one issue type's screen in a project. */
export function screenFields(core: JiraCore, project: Project, issueTypeId: string): ScreenEntry[] {
  const catalog = fieldCatalog(core);
  const system = SCREEN_SYSTEM_FIELDS.flatMap((id) => {
    const definition = catalog.find((field) => field.id === id);
    return definition ? [{ definition, required: id === 'summary' || id === 'reporter' }] : [];
  });
  const custom = (project.screens.get(issueTypeId) ?? []).flatMap((entry) => {
    const definition = catalog.find((field) => field.id === entry.fieldId);
    return definition ? [{ definition, required: entry.required }] : [];
  });
  return [...system, ...custom];
}
