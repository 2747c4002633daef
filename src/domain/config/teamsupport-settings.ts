// The settings every TeamSupport instance has, shared by what the admin page sends and what is stored, so the two
// cannot drift apart.
import { z } from 'zod';
import { BaseUrlSchema } from './base-url';
import { CorrelationFieldSchema } from './correlation-field';
import { CopyEarlierActionsSchema } from './copy-earlier-actions';
import { whenParsed } from './cross-field';
import {
  FieldMappingsSchema,
  ProjectMappingsSchema,
  StatusMappingsSchema,
  TypeMappingsSchema,
} from './mappings';
import { allOrNames } from './name-list';
import { ExtraProjectKeysSchema, ProjectKeySchema } from './project-key';
import { optionalText, requiredText } from './text';
import { DEFAULT_TIME_ZONE, TimeZoneSchema } from './time-zone';

export const INSTANCE_NAME_MAX_LENGTH = 80;
export const DEFAULT_COMMENT_ACTION_TYPE = 'Comment';

/** Every switch starts off: sync is turned on only after the admin has tested the connection. */
function flag(label: string) {
  return z.boolean({ error: `${label} must be true or false.` }).default(false);
}

/**
 * The organization's 24-hour request limit (docs/teamsupport-api.md §12): TeamSupport sends no figure, so the admin
 * tells the app, which meters its own requests against it and slows the pull down before it is reached
 * (domain/request-budget.ts). 5,000 is what organizations got by default.
 */
export const DEFAULT_DAILY_REQUEST_LIMIT = 5_000;
const DAILY_REQUEST_LIMIT_MESSAGE =
  'TeamSupport requests a day must be a whole number from 100 to 1,000,000: ' +
  "your organization's 24-hour API limit (5,000 unless TeamSupport changed it).";

const DailyRequestLimitSchema = z
  .number({ error: DAILY_REQUEST_LIMIT_MESSAGE })
  .int(DAILY_REQUEST_LIMIT_MESSAGE)
  .min(100, DAILY_REQUEST_LIMIT_MESSAGE)
  .max(1_000_000, DAILY_REQUEST_LIMIT_MESSAGE)
  .optional();

/** The limit the app meters an instance against: unset (documents stored before the setting existed) is 5,000. */
export function dailyRequestLimitOf(instance: { dailyRequestLimit?: number | undefined }): number {
  return instance.dailyRequestLimit ?? DEFAULT_DAILY_REQUEST_LIMIT;
}

/** A TeamSupport status name, checked as the status mapping's cells are (docs/resolver-contract.md). */
const STATUS_NAME_MAX_LENGTH = 255;
const StatusNameSchema = z
  .string()
  .max(
    STATUS_NAME_MAX_LENGTH,
    `Status after release is too long: use at most ${STATUS_NAME_MAX_LENGTH} characters.`,
  );

/**
 * The settings of a TeamSupport instance, shared by what the admin page sends and what is stored.
 * Field names are the resolver contract (docs/resolver-contract.md, "TeamSupport InstanceInput"); `timeZone` and
 * `extraProjectKeys` are our additions (docs/architecture.md).
 */
export const teamSupportSettingsShape = {
  name: requiredText({
    label: 'Name',
    max: INSTANCE_NAME_MAX_LENGTH,
    blank: 'Enter a name for this instance.',
  }),
  baseUrl: BaseUrlSchema,
  organizationId: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'Enter the TeamSupport Organization ID (Admin → My Company).'
          : 'Organization ID must be sent as text of digits, e.g. "1234567".',
    })
    .trim()
    .regex(
      /^\d{1,18}$/,
      'Organization ID must contain digits only: copy it from TeamSupport Admin → My Company.',
    ),
  active: flag('Synchronization active'),
  defaultProjectKey: optionalText(ProjectKeySchema, 'Default project key'),
  alwaysUseDefaultProjectKey: flag('Always use default project key'),
  pullActionTypes: allOrNames({ one: 'action type', many: 'action types' }),
  commentActionType: requiredText({
    label: 'Comment action type',
    max: 255,
    blank: `Enter the action type for comments coming from Jira (usually "${DEFAULT_COMMENT_ACTION_TYPE}").`,
  }).default(DEFAULT_COMMENT_ACTION_TYPE),
  actionsVisibleOnPortal: flag('Actions visible on portal'),
  updateTicketStatus: flag('Update ticket status'),
  includeNonRequiredFields: flag('Include non-required fields'),
  ticketTypes: allOrNames({ one: 'ticket type', many: 'ticket types' }),
  correlationField: optionalText(CorrelationFieldSchema, 'Correlation field'),
  // TeamSupport returns dates in the org's local time without an offset (docs/teamsupport-api.md §11); this zone is
  // what lets the app read them as instants.
  timeZone: optionalText(TimeZoneSchema, 'Time zone').transform((zone) => zone ?? DEFAULT_TIME_ZONE),
  fieldMappings: FieldMappingsSchema,
  typeMappings: TypeMappingsSchema,
  statusMappings: StatusMappingsSchema,
  projectMappings: ProjectMappingsSchema,
  // Optional, default []: documents stored before this setting existed read as "no extra projects".
  extraProjectKeys: ExtraProjectKeysSchema,
  // Releases (docs/product.md, "Releases and sprints"). On by default, unlike the switches above: a note on a ticket
  // is what linking an issue is for, and documents stored before the option existed read as on.
  announceReleases: z.boolean({ error: 'Announce releases must be true or false.' }).default(true),
  releaseNoteVisibleOnPortal: flag('Release note visible on portal'),
  // unset: a release leaves the ticket's status alone
  releaseStatus: optionalText(StatusNameSchema, 'Status after release'),
  // Optional: unset reads as 5,000 (dailyRequestLimitOf), so documents stored before the setting existed stay valid.
  dailyRequestLimit: DailyRequestLimitSchema,
  // Faster sync (README, "Latency"): a ticket with recent activity is re-checked every `hotCheckSeconds` for
  // `hotWindowMinutes`, at most `hotTicketCap` tickets at a time (0 turns it off). Unset reads as the defaults
  // (10 min, 45 s, 20) in src/sync/inbound/hot-settings.ts, so documents stored before the settings existed stay valid.
  hotWindowMinutes: wholeNumber('Hot window', 1, 60).optional(),
  hotCheckSeconds: wholeNumber('Hot check interval', 30, 60).optional(),
  hotTicketCap: wholeNumber('Hot tickets at a time', 0, 50).optional(),
  // Whether a ticket's actions from before it was linked reach the issue (docs/product.md, "Linking tickets to
  // issues"); unset reads as on for escalation, off for linking (copy-earlier-actions.ts).
  copyEarlierActions: CopyEarlierActionsSchema,
};

/** A whole number within bounds, with a message naming the setting. */
function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** Rules between fields of the settings, applied to input and stored instances alike. */
export const teamSupportSettingsRules = [
  checkTeamSupportSettings,
  whenParsed(['alwaysUseDefaultProjectKey', 'defaultProjectKey']),
] as const;

function checkTeamSupportSettings(
  settings: { alwaysUseDefaultProjectKey: boolean; defaultProjectKey?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (settings.alwaysUseDefaultProjectKey && settings.defaultProjectKey === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['defaultProjectKey'],
      message: 'Enter a default project key, or turn off "Always use default project key".',
    });
  }
}
