// Jira issue activity → events on the Brevo contacts the issue concerns (docs/product.md, "Brevo events"). The issue
// is re-read, so late events describe it as it is; nothing leaves Jira for an issue with a security level, and a
// comment only when it is customer-facing (the same fail-closed rule as the ticket sync). Each event goes to each
// contact exactly once through the copy-once step: Brevo does not deduplicate events, so a lost answer is looked
// for on the contact's timeline by its `sync_ref` before anything is sent again.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  BREVO_EVENT_NAMES,
  commentProperty,
  contactAttributes,
  inBrevoScope,
  issueEventProperties,
  type BrevoEventKind,
  type BrevoValue,
  type ContactPerson,
  type IssueFacts,
} from '../../domain/brevo-event';
import { adfToPlainText } from '../../domain/content';
import { isAppWrittenComment } from '../../domain/echo';
import type { JiraIssue } from '../../domain/jira';
import { sameName } from '../../domain/names';
import { commentPrivacy } from '../../domain/privacy';
import { describeError, IntegrationError } from '../../lib/errors';
import { copyOnce } from '../copy-once';
import type { BrevoJob } from '../jobs';
import type { EventSink, SyncLevel } from '../ports';
import type { BrevoAccountSettings, BrevoDeps, ContactRole } from './deps';

const OPERATION = 'issue-event-to-brevo';
const CONTACT_CACHE_SCOPE = 'brevo-contact';
// The short cache keeps entries for an hour at most (store/short-cache).
const CONTACT_CACHE_SECONDS = 60 * 60;
/** how far back a lost event is looked for on the contact's timeline, before the Jira event's own time */
const FIND_WINDOW_MS = 60 * 60 * 1000;
const ISSUE_FIELDS = ['priority', 'reporter', 'assignee', 'created', 'resolution'];

export type BrevoResult = { status: 'done' } | { status: 'retry'; reason: string; retryAfterMs?: number };

const named = z.looseObject({ name: z.string() }).nullish();
const person = z.looseObject({ accountId: z.string() }).nullish();

function facts(issue: JiraIssue, siteUrl: string | undefined): IssueFacts {
  const fields = z
    .looseObject({
      priority: named.catch(null),
      resolution: named.catch(null),
      created: z.string().nullish().catch(null),
    })
    .parse(issue.fields);
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    priority: fields.priority?.name ?? null,
    issueType: issue.issueType,
    projectKey: issue.projectKey,
    created: fields.created ?? null,
    resolution: fields.resolution?.name ?? null,
    url: siteUrl === undefined ? null : `${siteUrl.replace(/\/+$/, '')}/browse/${issue.key}`,
  };
}

const PARTICIPANTS_FIELD = 'Request participants';
const people = z.array(z.looseObject({ accountId: z.string() })).catch([]);

function accountIdsFor(
  issue: JiraIssue,
  roles: readonly ContactRole[],
  participantsField: string | undefined,
) {
  const fields = z
    .looseObject({ reporter: person.catch(null), assignee: person.catch(null) })
    .parse(issue.fields);
  const ids = roles.flatMap((role) => {
    if (role === 'reporter') return fields.reporter ? [fields.reporter.accountId] : [];
    if (role === 'assignee') return fields.assignee ? [fields.assignee.accountId] : [];
    if (participantsField === undefined) return [];
    return people.parse(issue.fields[participantsField]).map((participant) => participant.accountId);
  });
  return [...new Set(ids)];
}

/** Request participants are a Jira Service Management field whose id differs per site: it is found by its name. */
async function participantsFieldId(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
): Promise<string | undefined> {
  if (!account.contactRoles.includes('requestParticipants')) return undefined;
  return (await deps.jira.listFields()).find((field) => sameName(field.name, PARTICIPANTS_FIELD))?.id;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** An e-mail address names one contact whatever its case (Brevo matches contacts case-insensitively). */
function emailDigest(email: string): string {
  return digest(email.trim().toLowerCase());
}

/** What only the Jira event knows, as event properties of one kind. */
function kindProperties(job: BrevoJob, kind: BrevoEventKind, comment: CommentFacts | undefined) {
  const properties: Record<string, BrevoValue> = {};
  if (kind === 'statusChanged' && job.statusChange) {
    properties.from_status = job.statusChange.from;
    properties.to_status = job.statusChange.to;
  }
  if (kind === 'issueUpdated' && job.changes) {
    properties.changed_fields = job.changes.map((change) => change.field).join(', ');
    for (const change of job.changes)
      properties[`new_${change.field.replace(/[^A-Za-z0-9_-]/g, '_')}`] = change.to;
  }
  if (kind === 'commentAdded' && comment) {
    properties.comment = comment.text;
    properties.comment_author = comment.authorName;
    properties.comment_id = comment.id;
  }
  return properties;
}

interface CommentFacts {
  id: string;
  text: string;
  authorName: string;
}

/** The comment when it may leave Jira, or the reason it may not. */
async function shareableComment(
  deps: BrevoDeps,
  job: BrevoJob,
  issue: JiraIssue,
): Promise<{ ok: true; comment: CommentFacts } | { ok: false; reason: string }> {
  if (!job.commentId) return { ok: false, reason: 'the event names no comment' };
  const comment = await deps.jira.getComment(job.issueId, job.commentId);
  if (!comment) return { ok: false, reason: 'the comment was deleted before it could be sent' };
  if (isAppWrittenComment(comment.properties)) {
    return { ok: false, reason: 'the comment was copied from a support ticket by this app' };
  }
  const privacy = commentPrivacy(comment, { securityLevel: issue.securityLevel });
  if (!privacy.shareable)
    return { ok: false, reason: `the comment is not customer-facing: ${privacy.reason}` };
  return {
    ok: true,
    comment: {
      id: comment.id,
      text: commentProperty(adfToPlainText(comment.body)),
      authorName: comment.authorName,
    },
  };
}

async function log(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  job: BrevoJob,
  level: SyncLevel,
  message: string,
  retry = false,
) {
  await deps.log.append({
    level,
    instanceId: account.id,
    issueId: job.issueId,
    issueKey: job.issueKey,
    operation: OPERATION,
    message,
    ...(retry ? { retry: { kind: 'outbound', payload: job } } : {}),
  });
}

/**
 * Makes sure the contact exists and is on the lists mapped to the issue's project; returns its attributes. A known
 * contact on the same lists is not upserted again: its attributes change with every event, so they ride on the event
 * itself (`contact_properties`), which costs no request of its own.
 */
async function ensureContact(
  deps: BrevoDeps,
  sink: EventSink,
  account: BrevoAccountSettings,
  contact: ContactPerson,
  issue: IssueFacts,
) {
  const attributes = contactAttributes(account.attributeMappings, contact, issue);
  const listIds = account.projectLists
    .filter((mapping) => sameName(mapping.projectKey, issue.projectKey))
    .map((mapping) => mapping.listId);
  const state = digest(JSON.stringify(listIds));
  const cacheId = `${account.id}-${emailDigest(contact.email)}`;
  if ((await deps.cache.get(CONTACT_CACHE_SCOPE, cacheId)) !== state) {
    await sink.upsertContact({ email: contact.email, attributes, listIds });
    await deps.cache.set(CONTACT_CACHE_SCOPE, cacheId, state, CONTACT_CACHE_SECONDS);
  }
  return attributes;
}

const USER_CACHE_SCOPE = 'jira-user';
const USER_CACHE_SECONDS = 60 * 60;
const cachedUser = z.object({ accountId: z.string(), displayName: z.string(), email: z.string().nullable() });

/** A Jira user's name and visible e-mail, read once an hour at most: a burst of events costs one read per person. */
async function jiraUser(deps: BrevoDeps, accountId: string) {
  // Account ids hold characters a storage key cannot (`712020:alice`): the cache is keyed by their digest.
  const cacheId = digest(accountId);
  const cached = cachedUser.safeParse(await deps.cache.get(USER_CACHE_SCOPE, cacheId));
  if (cached.success) return cached.data;
  const user = await deps.jira.getUser(accountId);
  if (user) await deps.cache.set(USER_CACHE_SCOPE, cacheId, user, USER_CACHE_SECONDS);
  return user;
}

async function contactsOf(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  job: BrevoJob,
  issue: JiraIssue,
  participantsField: string | undefined,
): Promise<ContactPerson[]> {
  const contacts: ContactPerson[] = [];
  for (const accountId of accountIdsFor(issue, account.contactRoles, participantsField)) {
    const user = await jiraUser(deps, accountId);
    if (!user?.email) {
      await log(
        deps,
        account,
        job,
        'info',
        `Not sent to ${user?.displayName ?? 'a Jira user'}: their e-mail address is hidden by their Atlassian ` +
          'profile visibility, and the app never guesses one.',
      );
      continue;
    }
    contacts.push({ accountId, displayName: user.displayName, email: user.email });
  }
  return contacts;
}

async function sendAll(deps: BrevoDeps, account: BrevoAccountSettings, sink: EventSink, job: BrevoJob) {
  const participantsField = await participantsFieldId(deps, account);
  const issue = await deps.jira.getIssue(job.issueId, [
    ...ISSUE_FIELDS,
    ...(participantsField === undefined ? [] : [participantsField]),
  ]);
  if (!issue) {
    return log(
      deps,
      account,
      job,
      'warn',
      `Jira issue ${job.issueKey} no longer exists, or the app can no longer browse it, so nothing was sent.`,
    );
  }
  // An issue security level restricts who may see the issue: nothing of it leaves Jira (invariant 3).
  if (issue.securityLevel !== null) {
    return log(
      deps,
      account,
      job,
      'info',
      `Not sent: ${issue.key} has a security level, so it stays in Jira.`,
    );
  }
  if (!inBrevoScope(account, issue.projectKey, issue.issueType)) return undefined;
  if (account.jql && !(await deps.jira.issueMatchesJql(issue.id, account.jql))) {
    return log(deps, account, job, 'info', `Not sent: ${issue.key} does not match the account's JQL filter.`);
  }
  let kinds = job.events.filter((kind) => account.events[kind]);
  let comment: CommentFacts | undefined;
  if (kinds.includes('commentAdded')) {
    const shared = await shareableComment(deps, job, issue);
    if (shared.ok) comment = shared.comment;
    else {
      kinds = kinds.filter((kind) => kind !== 'commentAdded');
      await log(deps, account, job, 'warn', `Comment not sent: ${shared.reason}.`);
    }
  }
  if (kinds.length === 0) return undefined;
  const issueFacts = facts(issue, await deps.siteUrl());
  for (const contact of await contactsOf(deps, account, job, issue, participantsField)) {
    const attributes = await ensureContact(deps, sink, account, contact, issueFacts);
    for (const kind of kinds) {
      const name = BREVO_EVENT_NAMES[kind];
      const syncRef = `${job.issueId}:${job.jiraEventId}:${kind}`;
      const result = await copyOnce(
        deps.ledger,
        {
          item: {
            kind: 'event',
            instanceId: account.id,
            eventId: `${syncRef}:${emailDigest(contact.email)}`,
          },
          context: { issueId: job.issueId },
          describe: `${name} for ${issue.key} to ${contact.displayName}`,
          find: async () =>
            (await sink.findEvent(
              contact.email,
              name,
              syncRef,
              new Date(Date.parse(job.eventDate) - FIND_WINDOW_MS),
            ))
              ? syncRef
              : undefined,
          write: async () => {
            await sink.sendEvent({
              name,
              email: contact.email,
              eventDate: job.eventDate,
              contactProperties: attributes,
              properties: {
                ...issueEventProperties(issueFacts, job.eventDate),
                ...kindProperties(job, kind, comment),
                sync_ref: syncRef,
              },
            });
            return syncRef;
          },
        },
        deps.copy,
      );
      if (result.status === 'busy') {
        throw new IntegrationError('transient', `${name} for ${issue.key} is being sent by another worker.`, {
          system: 'sync',
        });
      }
      if (result.status !== 'done') {
        await log(deps, account, job, 'info', `Sent ${name} for ${issue.key} to ${contact.displayName}.`);
      }
    }
  }
  return undefined;
}

export async function sendBrevoEvents(
  deps: BrevoDeps,
  job: BrevoJob,
  options: { finalAttempt: boolean },
): Promise<BrevoResult> {
  const read = await deps.readAccount(job.accountId);
  if (!read.ok) return { status: 'retry', reason: read.reason };
  const account = read.account;
  // A removed or paused account sends nothing: the admin turned it off.
  if (!account?.active) return { status: 'done' };
  try {
    const sink = await deps.openEventSink(account);
    if (!sink) {
      await log(
        deps,
        account,
        job,
        'error',
        `Brevo account "${account.name}" has no API key: enter it on the app's settings page.`,
        true,
      );
      return { status: 'done' };
    }
    await sendAll(deps, account, sink, job);
    return { status: 'done' };
  } catch (error) {
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !options.finalAttempt) {
      // Brevo's own wait (Retry-After or x-sib-ratelimit-reset) decides when the job comes back.
      const retryAfterMs = error.details.retryAfterMs;
      return {
        status: 'retry',
        reason: describeError(error),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    await log(
      deps,
      account,
      job,
      'error',
      transient ? `Gave up after repeated failures: ${describeError(error)}` : describeError(error),
      true,
    );
    return { status: 'done' };
  }
}
