// The settings every Brevo account has, shared by what the admin page sends and what is stored, so the two cannot
// drift apart (docs/resolver-contract.md, "Brevo InstanceInput").
import { z } from 'zod';
import {
  AttributeSourceSchema,
  BrevoAttributeNameSchema,
  BrevoListIdSchema,
  CONTACT_ROLES,
  DEFAULT_ATTRIBUTE_MAPPINGS,
  EVENT_DEFAULTS,
  JqlFilterSchema,
  type BrevoEventKey,
} from './brevo-rules';
import { whenParsed } from './cross-field';
import { forEachDuplicate, nameKey } from './duplicates';
import { ALL, allOrNames } from './name-list';
import { ProjectKeySchema } from './project-key';
import { optionalText, requiredText } from './text';
import { INSTANCE_NAME_MAX_LENGTH } from './teamsupport-settings';

const MAX_ROWS = 200;

/** A Jira project key as people type it (`sup`), kept upper case as Jira spells keys. */
const ProjectKeyInputSchema = z
  .string({ error: 'Enter a Jira project key, e.g. SUP.' })
  .toUpperCase()
  .pipe(ProjectKeySchema);

/** `'all'`, or a non-empty list of project keys, each once: an empty list would silently send nothing. */
const ProjectScopeSchema = z
  .union(
    [
      z.literal(ALL),
      z
        .array(ProjectKeyInputSchema)
        .min(1, 'Choose at least one project, or use "all" for every project.')
        .max(MAX_ROWS, `Too many projects: choose at most ${MAX_ROWS}, or use "all".`)
        .superRefine((keys, ctx) => {
          forEachDuplicate(
            keys,
            (key) => key,
            (index) => {
              ctx.addIssue({
                code: 'custom',
                path: [index],
                message: `${keys[index] ?? ''} is listed twice: list each project once.`,
              });
            },
          );
        }),
    ],
    { error: 'Use "all" or a list of Jira project keys.' },
  )
  .default(ALL);

function flag(label: string, fallback: boolean) {
  return z.boolean({ error: `${label} must be true or false.` }).default(fallback);
}

const EVENT_LABELS: Record<BrevoEventKey, string> = {
  issueCreated: 'Issue created',
  issueUpdated: 'Issue updated',
  issueResolved: 'Issue resolved',
  statusChanged: 'Status changed',
  commentAdded: 'Comment added',
  versionReleased: 'Version released',
  sprintClosed: 'Sprint closed',
  teamCapacity: 'Team capacity',
};

/** Which events the account sends; a switch left out takes its default, so older inputs keep working. */
const EventsSchema = z
  .strictObject(
    {
      issueCreated: flag(EVENT_LABELS.issueCreated, EVENT_DEFAULTS.issueCreated),
      issueUpdated: flag(EVENT_LABELS.issueUpdated, EVENT_DEFAULTS.issueUpdated),
      issueResolved: flag(EVENT_LABELS.issueResolved, EVENT_DEFAULTS.issueResolved),
      statusChanged: flag(EVENT_LABELS.statusChanged, EVENT_DEFAULTS.statusChanged),
      commentAdded: flag(EVENT_LABELS.commentAdded, EVENT_DEFAULTS.commentAdded),
      versionReleased: flag(EVENT_LABELS.versionReleased, EVENT_DEFAULTS.versionReleased),
      sprintClosed: flag(EVENT_LABELS.sprintClosed, EVENT_DEFAULTS.sprintClosed),
      teamCapacity: flag(EVENT_LABELS.teamCapacity, EVENT_DEFAULTS.teamCapacity),
    },
    { error: 'Send the events as an object of switches, e.g. { "issueCreated": true }.' },
  )
  .default({ ...EVENT_DEFAULTS });

/** Whose contact an issue's events go to; at least one role, each once. */
const ContactRolesSchema = z
  .array(
    z.enum(CONTACT_ROLES, {
      error: `Contact roles are ${CONTACT_ROLES.join(', ')}.`,
    }),
    { error: 'Send the contact roles as a list, e.g. ["reporter"].' },
  )
  .min(1, 'Choose at least one role whose contact receives the events (usually the reporter).')
  .superRefine((roles, ctx) => {
    forEachDuplicate(
      roles,
      (role) => role,
      (index) => {
        ctx.addIssue({ code: 'custom', path: [index], message: `${roles[index] ?? ''} is listed twice.` });
      },
    );
  })
  .default(['reporter']);

/**
 * Jira value → Brevo attribute. Each attribute is written by one row only (two rows would overwrite each other on
 * every event); one Jira value may fill several attributes.
 */
const AttributeMappingsSchema = z
  .array(z.strictObject({ source: AttributeSourceSchema, attribute: BrevoAttributeNameSchema }), {
    error: 'Send the attribute mappings as a list of rows.',
  })
  .max(MAX_ROWS, `Too many attribute mappings: keep at most ${MAX_ROWS} rows.`)
  .superRefine((rows, ctx) => {
    forEachDuplicate(
      rows,
      (row) => (row.attribute === '' ? undefined : row.attribute),
      (index) => {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'attribute'],
          message: `${rows[index]?.attribute ?? ''} is filled by two rows: map each attribute once (edit or remove this row).`,
        });
      },
    );
  })
  .default(DEFAULT_ATTRIBUTE_MAPPINGS.map((row) => ({ ...row })));

/** Jira project → Brevo list its issues' contacts join; one list per project. */
const ProjectListsSchema = z
  .array(z.strictObject({ projectKey: ProjectKeyInputSchema, listId: BrevoListIdSchema }), {
    error: 'Send the project lists as a list of rows.',
  })
  .max(MAX_ROWS, `Too many project lists: keep at most ${MAX_ROWS} rows.`)
  .superRefine((rows, ctx) => {
    forEachDuplicate(
      rows,
      (row) => row.projectKey,
      (index) => {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'projectKey'],
          message: `Project ${rows[index]?.projectKey ?? ''} is mapped twice: give each project one list (edit or remove this row).`,
        });
      },
    );
  })
  .default([]);

/**
 * The settings of a Brevo account, shared by what the admin page sends and what is stored. Field names are the
 * resolver contract (docs/resolver-contract.md, "Brevo InstanceInput").
 */
export const brevoSettingsShape = {
  name: requiredText({
    label: 'Name',
    max: INSTANCE_NAME_MAX_LENGTH,
    blank: 'Enter a name for this Brevo account.',
  }),
  // Off until the admin has tested the connection, as for TeamSupport instances.
  active: flag('Synchronization active', false),
  projects: ProjectScopeSchema,
  issueTypes: allOrNames({ one: 'issue type', many: 'issue types' }),
  jql: optionalText(JqlFilterSchema, 'JQL filter'),
  events: EventsSchema,
  contactRoles: ContactRolesSchema,
  attributeMappings: AttributeMappingsSchema,
  projectLists: ProjectListsSchema,
};

/** Rules between fields, applied to input and stored accounts alike. */
export const brevoSettingsRules = [checkBrevoSettings, whenParsed(['projects', 'projectLists'])] as const;

function checkBrevoSettings(
  settings: { projects: string[] | typeof ALL; projectLists: Array<{ projectKey: string }> },
  ctx: z.RefinementCtx,
): void {
  const { projects } = settings;
  if (projects === ALL) return;
  const inScope = new Set(projects.map(nameKey));
  settings.projectLists.forEach((row, index) => {
    if (inScope.has(nameKey(row.projectKey))) return;
    ctx.addIssue({
      code: 'custom',
      path: ['projectLists', index, 'projectKey'],
      message: `${row.projectKey} is not one of the projects this account covers: add it under Projects, or remove this row.`,
    });
  });
}
