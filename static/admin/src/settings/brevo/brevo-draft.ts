// The Brevo account editor's working copy: text exactly as typed, rows with stable keys for React, the "all / chosen"
// lists split in two, and a row's list id as the picker holds it (text). `toBrevoAccountInput` sends it as the
// contract's input without judging it: every row goes, blank or not, so that the backend's row-numbered messages
// (`projectLists.1.listId`) point at the row the admin sees.
import type { BrevoAccountInput, BrevoAccountView, BrevoEvents } from '../../brevo-view';
import { newRowKey, type NameChoice } from '../editor/draft';

type Keyed<Row> = Row & { rowKey: string };

export type AttributeMappingRow = Keyed<{ source: string; attribute: string }>;
export type ProjectListRow = Keyed<{ projectKey: string; listId: string }>;

export interface BrevoDraft {
  id: string | undefined;
  hasApiKey: boolean;
  name: string;
  /** a new key to store; '' keeps the stored one */
  apiKey: string;
  active: boolean;
  projects: NameChoice;
  issueTypes: NameChoice;
  jql: string;
  events: BrevoEvents;
  contactRoles: string[];
  attributeMappings: AttributeMappingRow[];
  projectLists: ProjectListRow[];
}

/** The default field mapping, what a new account starts with (README.md, "Brevo accounts"). */
export const DEFAULT_ATTRIBUTE_MAPPINGS: ReadonlyArray<{ source: string; attribute: string }> = [
  { source: 'accountId', attribute: 'JIRA_ACCOUNT_ID' },
  { source: 'displayName', attribute: 'FIRSTNAME' },
  { source: 'issueKey', attribute: 'LAST_TICKET_KEY' },
  { source: 'status', attribute: 'LAST_TICKET_STATUS' },
  { source: 'priority', attribute: 'LAST_TICKET_PRIORITY' },
  { source: 'created', attribute: 'LAST_TICKET_DATE' },
  { source: 'resolution', attribute: 'LAST_TICKET_RESOLUTION' },
];

export const DEFAULT_EVENTS: BrevoEvents = {
  issueCreated: true,
  issueUpdated: true,
  issueResolved: true,
  statusChanged: true,
  commentAdded: true,
  versionReleased: false,
  sprintClosed: false,
  teamCapacity: false,
};

function keyed<Row extends object>(rows: readonly Row[]): Keyed<Row>[] {
  return rows.map((row) => ({ ...row, rowKey: newRowKey() }));
}

function choiceOf(list: 'all' | string[]): NameChoice {
  return list === 'all' ? { all: true, names: [] } : { all: false, names: [...list] };
}

function listOf(choice: NameChoice): 'all' | string[] {
  return choice.all ? 'all' : choice.names;
}

/** A row's list as the backend takes it: the id the picker holds, or `null` when none (or no number) was chosen. */
export function listIdOf(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null;
}

/** An empty row for the mapping table. */
export function newAttributeRow(): AttributeMappingRow {
  return { rowKey: newRowKey(), source: '', attribute: '' };
}

/** An empty row for the project → list table. */
export function newProjectListRow(): ProjectListRow {
  return { rowKey: newRowKey(), projectKey: '', listId: '' };
}

/** The default mapping rows, as fresh rows (each with its own key). */
export function defaultAttributeRows(): AttributeMappingRow[] {
  return keyed(DEFAULT_ATTRIBUTE_MAPPINGS);
}

/** A new account: the contract's defaults (sync off until the connection has been tested). */
export function emptyBrevoDraft(): BrevoDraft {
  return {
    id: undefined,
    hasApiKey: false,
    name: '',
    apiKey: '',
    active: false,
    projects: { all: true, names: [] },
    issueTypes: { all: true, names: [] },
    jql: '',
    events: { ...DEFAULT_EVENTS },
    contactRoles: ['reporter'],
    attributeMappings: defaultAttributeRows(),
    projectLists: [],
  };
}

export function brevoDraftFromView(view: BrevoAccountView): BrevoDraft {
  return {
    id: view.id,
    hasApiKey: view.hasApiKey,
    name: view.name,
    apiKey: '',
    active: view.active,
    projects: choiceOf(view.projects),
    issueTypes: choiceOf(view.issueTypes),
    jql: view.jql ?? '',
    events: { ...view.events },
    contactRoles: [...view.contactRoles],
    attributeMappings: keyed(view.attributeMappings),
    projectLists: keyed(view.projectLists.map((row) => ({ ...row, listId: String(row.listId) }))),
  };
}

export function toBrevoAccountInput(draft: BrevoDraft): BrevoAccountInput {
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    kind: 'brevo',
    name: draft.name,
    ...(draft.apiKey === '' ? {} : { apiKey: draft.apiKey }),
    active: draft.active,
    projects: listOf(draft.projects),
    issueTypes: listOf(draft.issueTypes),
    jql: draft.jql,
    events: { ...draft.events },
    contactRoles: [...draft.contactRoles],
    attributeMappings: draft.attributeMappings.map(({ source, attribute }) => ({ source, attribute })),
    projectLists: draft.projectLists.map(({ projectKey, listId }) => ({
      projectKey,
      listId: listIdOf(listId),
    })),
  };
}

/** Adds or removes one contact role, keeping the contract's order (reporter, assignee, request participants). */
export function withRole(
  roles: readonly string[],
  role: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const chosen = new Set(roles);
  if (on) chosen.add(role);
  else chosen.delete(role);
  return order.filter((candidate) => chosen.has(candidate));
}

/**
 * The mapped attributes the last connection test found missing that are still mapped (names compared as Brevo keeps
 * them: upper case), so the "Create missing attributes" button offers only what the saved mapping needs.
 */
export function stillMissing(missing: readonly string[], rows: readonly AttributeMappingRow[]): string[] {
  const mapped = new Set(rows.map((row) => row.attribute.trim().toUpperCase()));
  return missing.filter((name) => mapped.has(name.toUpperCase()));
}

/** Projects a list may be picked for: the chosen projects, or every project Jira offers when "all" are in scope. */
export function listableProjects(
  draft: Pick<BrevoDraft, 'projects'>,
  jiraProjects: ReadonlyArray<{ key: string; name: string }>,
): Array<{ key: string; name: string }> {
  if (draft.projects.all) return [...jiraProjects];
  return draft.projects.names.map(
    (key) =>
      jiraProjects.find((project) => project.key.toUpperCase() === key.toUpperCase()) ?? { key, name: key },
  );
}
