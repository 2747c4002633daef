// Where the backend's INVALID_INPUT issues land in the editor. Paths are the contract's (`baseUrl`,
// `fieldMappings.1.jiraField`, `ticketTypes.0`); each control's DOM id is derived from its path, so a message in the
// error summary can move focus to the control it is about.
import type { FieldIssue } from '../../../../shared/envelope';

export function controlId(path: string): string {
  return `instance-${path.replace(/\./g, '-')}`;
}

export function messageId(path: string): string {
  return `${controlId(path)}-message`;
}

/** Messages for exactly this path. */
export function messagesAt(issues: readonly FieldIssue[], path: string): string[] {
  return issues.filter((issue) => issue.path === path).map((issue) => issue.message);
}

/** Messages for this path and any path below it (a list field and its entries: `ticketTypes`, `ticketTypes.2`). */
export function messagesUnder(issues: readonly FieldIssue[], path: string): string[] {
  return issues
    .filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
    .map((issue) => issue.message);
}

const LABELS: Record<string, string> = {
  name: 'Name',
  baseUrl: 'Server address',
  organizationId: 'Organization ID',
  apiToken: 'API token',
  timeZone: 'Time zone',
  dailyRequestLimit: 'TeamSupport requests a day',
  hotWindowMinutes: 'Hot window',
  hotCheckSeconds: 'Hot check interval',
  hotTicketCap: 'Hot tickets at a time',
  active: 'Synchronization active',
  updateTicketStatus: 'Update ticket status',
  commentActionType: 'Action type for Jira comments',
  actionsVisibleOnPortal: 'Actions visible on the customer portal',
  pullActionTypes: 'Action types copied to Jira',
  includeNonRequiredFields: 'Include non-required fields',
  ticketTypes: 'Ticket types',
  defaultProjectKey: 'Default project key',
  alwaysUseDefaultProjectKey: 'Always use the default project key',
  projectMappings: 'Product and version mappings',
  extraProjectKeys: 'Extra projects',
  fieldMappings: 'Field mappings',
  typeMappings: 'Type mappings',
  statusMappings: 'Status mappings',
  correlationField: 'Correlation field',
  // Brevo accounts
  apiKey: 'API key',
  projects: 'Projects',
  issueTypes: 'Issue types',
  jql: 'JQL filter',
  events: 'Events',
  contactRoles: 'Contact roles',
  attributeMappings: 'Attribute mappings',
  projectLists: 'Project lists',
};

const COLUMNS: Record<string, string> = {
  jiraField: 'Jira field',
  ticketField: 'TeamSupport field',
  ticketType: 'Ticket type',
  issueType: 'Jira issue type',
  jiraStatus: 'Jira status',
  ticketStatus: 'TeamSupport status',
  product: 'Product',
  version: 'Version',
  projectKey: 'Project key',
  source: 'Jira value',
  attribute: 'Brevo attribute',
  listId: 'Brevo list',
};

/** "Field mappings, row 2, Jira field" for `fieldMappings.1.jiraField`; the path itself when it is unknown. */
export function describePath(path: string): string {
  if (path === '') return 'Instance';
  const [field = '', index, column] = path.split('.');
  const label = LABELS[field] ?? path;
  if (index === undefined) return label;
  const position = /^\d+$/.test(index) ? `${Number(index) + 1}` : index;
  if (column === undefined) return `${label}, entry ${position}`;
  return `${label}, row ${position}, ${COLUMNS[column] ?? column}`;
}

/** The control to focus for a path: the path's own control, else the closest one above it. */
export function focusTargetFor(path: string, root: ParentNode = document): HTMLElement | undefined {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const element = root.querySelector(`#${CSS.escape(controlId(segments.slice(0, length).join('.')))}`);
    if (element instanceof HTMLElement) return element;
  }
  return undefined;
}

/** Which issues an edit makes stale: they are dropped until the next save reports again. */
export type StaleIssues = (path: string) => boolean;

/** The issues of these paths and of everything below them. */
export function under(...paths: string[]): StaleIssues {
  return (issuePath) => paths.some((path) => issuePath === path || issuePath.startsWith(`${path}.`));
}

/** The issues of exactly these paths. */
export function exactly(...paths: string[]): StaleIssues {
  return (issuePath) => paths.includes(issuePath);
}
