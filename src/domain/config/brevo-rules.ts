// The field rules of a Brevo account that are Brevo's or Jira's rather than ours: attribute names, list ids, the JQL
// filter, the Jira fields an attribute can be filled from. Kept apart from the account's shape so each is tested alone.
import { z } from 'zod';

/**
 * Brevo keeps contact attribute names in capitals and expects them so in contact bodies
 * (https://developers.brevo.com/reference/create-attribute, https://developers.brevo.com/reference/create-contact):
 * letters, digits and underscores, starting with a letter. What people type is upper-cased first (`last_ticket_key`).
 */
export const BREVO_ATTRIBUTE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
export const BREVO_ATTRIBUTE_MAX_LENGTH = 50;

/**
 * Attributes that identify the contact rather than describe it. Writing one from a Jira field would re-key or merge
 * contacts (`EMAIL` inside `attributes` changes the address: https://developers.brevo.com/reference/update-contact),
 * so none of them can be a mapping target; the app sets the e-mail address itself from the Jira user.
 */
export const BREVO_IDENTIFIER_ATTRIBUTES: readonly string[] = [
  'EMAIL',
  'EXT_ID',
  'SMS',
  'WHATSAPP',
  'LANDLINE_NUMBER',
];

export const BrevoAttributeNameSchema = z
  .string({ error: 'Enter a Brevo attribute name, e.g. LAST_TICKET_KEY.' })
  .trim()
  .toUpperCase()
  .min(1, { error: 'Enter a Brevo attribute name, e.g. LAST_TICKET_KEY, or remove this row.', abort: true })
  .max(
    BREVO_ATTRIBUTE_MAX_LENGTH,
    `The attribute name is too long: use at most ${BREVO_ATTRIBUTE_MAX_LENGTH} characters.`,
  )
  .regex(BREVO_ATTRIBUTE_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a Brevo attribute name: use capital letters A–Z, digits and _, starting ` +
      'with a letter, e.g. LAST_TICKET_KEY.',
  })
  .refine((name) => !BREVO_IDENTIFIER_ATTRIBUTES.includes(name), {
    error: (issue) =>
      `${String(issue.input)} identifies the contact in Brevo and cannot be filled from a Jira field (the app ` +
      'sets the e-mail address from the Jira user): choose another attribute.',
  });

/** Brevo list ids are positive integers (https://developers.brevo.com/reference/get-lists). */
export const BrevoListIdSchema = z
  .int({ error: 'Choose a Brevo list (its id is a whole number, e.g. 22).' })
  .positive('Brevo list ids are positive whole numbers, e.g. 22: choose a list.');

/** The Jira values an attribute can be filled from (docs/resolver-contract.md, "Brevo InstanceInput"). */
export const ATTRIBUTE_SOURCES = [
  'accountId',
  'displayName',
  'issueKey',
  'summary',
  'status',
  'priority',
  'created',
  'resolution',
  'projectKey',
  'issueType',
] as const;

export type AttributeSource = (typeof ATTRIBUTE_SOURCES)[number];

/**
 * The Brevo attribute type each source fits. Brevo drops a value that does not match the attribute's type without
 * an error (https://developers.brevo.com/reference/create-contact, `attributes`), so the connection test compares
 * types and "Create missing attributes" creates each with this type.
 */
export const ATTRIBUTE_SOURCE_TYPES: Readonly<Record<AttributeSource, 'text' | 'date'>> = {
  accountId: 'text',
  displayName: 'text',
  issueKey: 'text',
  summary: 'text',
  status: 'text',
  priority: 'text',
  created: 'date',
  resolution: 'text',
  projectKey: 'text',
  issueType: 'text',
};

export const AttributeSourceSchema = z.enum(ATTRIBUTE_SOURCES, {
  error: `Choose what fills the attribute: one of ${ATTRIBUTE_SOURCES.join(', ')}.`,
});

/** The default field mapping (README.md, "Brevo accounts"): what a new account starts with. */
export const DEFAULT_ATTRIBUTE_MAPPINGS: ReadonlyArray<{ source: AttributeSource; attribute: string }> = [
  { source: 'accountId', attribute: 'JIRA_ACCOUNT_ID' },
  { source: 'displayName', attribute: 'FIRSTNAME' },
  { source: 'issueKey', attribute: 'LAST_TICKET_KEY' },
  { source: 'status', attribute: 'LAST_TICKET_STATUS' },
  { source: 'priority', attribute: 'LAST_TICKET_PRIORITY' },
  { source: 'created', attribute: 'LAST_TICKET_DATE' },
  { source: 'resolution', attribute: 'LAST_TICKET_RESOLUTION' },
];

export const CONTACT_ROLES = ['reporter', 'assignee', 'requestParticipants'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/**
 * The events an account can send and whether a new account sends them. Issue activity is on by default; milestones
 * and capacity feed campaigns and dashboards, which an admin sets up on purpose.
 */
export const EVENT_DEFAULTS = {
  issueCreated: true,
  issueUpdated: true,
  issueResolved: true,
  statusChanged: true,
  commentAdded: true,
  versionReleased: false,
  sprintClosed: false,
  teamCapacity: false,
} as const;

export type BrevoEventKey = keyof typeof EVENT_DEFAULTS;

/**
 * The filter is combined with the app's own clauses (`(<filter>) AND project in (…)`), so it must stay a bare
 * condition: a length that fits a search request with those clauses, and no ORDER BY, which would end the condition
 * part and make the combined query invalid (https://support.atlassian.com/jira-software-cloud/docs/jql-keywords/,
 * ORDER BY).
 */
export const JQL_MAX_LENGTH = 2_000;

/** Whether the JQL has an ORDER BY outside quoted strings (`summary ~ "order by"` is a condition, not a clause). */
export function hasOrderBy(jql: string): boolean {
  const unquoted = jql.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  return /\border\s+by\b/i.test(unquoted);
}

export const JqlFilterSchema = z
  .string()
  .max(
    JQL_MAX_LENGTH,
    `The JQL filter is too long: use at most ${JQL_MAX_LENGTH.toLocaleString('en')} characters.`,
  )
  .refine((jql) => !hasOrderBy(jql), {
    error:
      'Remove ORDER BY from the JQL filter: it only selects issues (the app adds its own clauses to it), and the ' +
      'order does not matter.',
  });
