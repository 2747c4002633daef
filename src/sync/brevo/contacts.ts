// Who an issue's Brevo events go to, and the contact each of them is on Brevo: the people in the account's contact
// roles, with the e-mail address Jira lets the app see (never a guessed one), upserted once an hour at most. Shared by
// every Brevo flow (issue activity, milestones, capacity, backfill).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contactAttributes, type ContactPerson, type IssueFacts } from '../../domain/brevo-event';
import type { JiraIssue } from '../../domain/jira';
import { sameName } from '../../domain/names';
import type { EventSink } from '../ports/event-sink';
import type { SinkValue } from '../records/sink';
import type { BrevoAccountSettings, BrevoDeps, ContactRole } from './deps';

const CONTACT_CACHE_SCOPE = 'brevo-contact';
// The short cache keeps entries for an hour at most (store/short-cache).
const CONTACT_CACHE_SECONDS = 60 * 60;
const USER_CACHE_SCOPE = 'jira-user';
const USER_CACHE_SECONDS = 60 * 60;

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** An e-mail address names one contact whatever its case (Brevo matches contacts case-insensitively). */
export function emailDigest(email: string): string {
  return digest(email.trim().toLowerCase());
}

const PARTICIPANTS_FIELD = 'Request participants';
const person = z.looseObject({ accountId: z.string() }).nullish();
const people = z.array(z.looseObject({ accountId: z.string() })).catch([]);

/** The account ids of the people in `roles` on the issue, each once. */
export function accountIdsFor(
  issue: JiraIssue,
  roles: readonly ContactRole[],
  participantsField: string | undefined,
): string[] {
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
export async function participantsFieldId(
  deps: Pick<BrevoDeps, 'jira'>,
  account: Pick<BrevoAccountSettings, 'contactRoles'>,
): Promise<string | undefined> {
  if (!account.contactRoles.includes('requestParticipants')) return undefined;
  return (await deps.jira.listFields()).find((field) => sameName(field.name, PARTICIPANTS_FIELD))?.id;
}

/** The issue fields an account's contact roles need read, besides the ones a flow reads anyway. */
export function contactFields(participantsField: string | undefined): string[] {
  return ['reporter', 'assignee', ...(participantsField === undefined ? [] : [participantsField])];
}

const cachedUser = z.object({ accountId: z.string(), displayName: z.string(), email: z.string().nullable() });

/** A Jira user's name and visible e-mail, read once an hour at most: a burst of events costs one read per person. */
export async function jiraUser(deps: Pick<BrevoDeps, 'jira' | 'cache'>, accountId: string) {
  // Account ids hold characters a storage key cannot (`712020:alice`): the cache is keyed by their digest.
  const cacheId = digest(accountId);
  const cached = cachedUser.safeParse(await deps.cache.get(USER_CACHE_SCOPE, cacheId));
  if (cached.success) return cached.data;
  const user = await deps.jira.getUser(accountId);
  if (user) await deps.cache.set(USER_CACHE_SCOPE, cacheId, user, USER_CACHE_SECONDS);
  return user;
}

/**
 * The people behind `accountIds` whose e-mail Jira shows; `onHidden` hears of each one without (their Atlassian profile
 * hides it, and the app never guesses one).
 */
export async function contactsFor(
  deps: Pick<BrevoDeps, 'jira' | 'cache'>,
  accountIds: readonly string[],
  onHidden: (displayName: string) => Promise<unknown>,
): Promise<ContactPerson[]> {
  const contacts: ContactPerson[] = [];
  for (const accountId of accountIds) {
    const user = await jiraUser(deps, accountId);
    if (!user?.email) {
      await onHidden(user?.displayName ?? 'a Jira user');
      continue;
    }
    contacts.push({ accountId, displayName: user.displayName, email: user.email });
  }
  return contacts;
}

/** The message for a person whose e-mail address Jira does not show. */
export function hiddenEmailMessage(displayName: string): string {
  return (
    `Not sent to ${displayName}: their e-mail address is hidden by their Atlassian profile visibility, and the app ` +
    'never guesses one.'
  );
}

/**
 * Makes sure the contact exists and is on the lists mapped to the issue's project; returns its attributes. A known
 * contact on the same lists is not upserted again: its attributes change with every event, so they ride on the event
 * itself (`contact_properties`), which costs no request of its own. An upsert also marks the contact for the admin's
 * count of contacts linked (`stats`, one storage write at most once an hour per contact; store/brevo-stats.ts).
 */
export async function ensureContact(
  deps: Pick<BrevoDeps, 'cache'> & Partial<Pick<BrevoDeps, 'stats'>>,
  sink: EventSink,
  account: BrevoAccountSettings,
  contact: ContactPerson,
  issue: IssueFacts,
): Promise<Record<string, SinkValue>> {
  const attributes = contactAttributes(account.attributeMappings, contact, issue);
  const listIds = account.projectLists
    .filter((mapping) => sameName(mapping.projectKey, issue.projectKey))
    .map((mapping) => mapping.listId);
  const state = digest(JSON.stringify(listIds));
  const cacheId = `${account.id}-${emailDigest(contact.email)}`;
  if ((await deps.cache.get(CONTACT_CACHE_SCOPE, cacheId)) !== state) {
    await sink.upsertContact({ email: contact.email, attributes, listIds });
    await deps.cache.set(CONTACT_CACHE_SCOPE, cacheId, state, CONTACT_CACHE_SECONDS);
    await deps.stats?.markContact(account.id, emailDigest(contact.email));
  }
  return attributes;
}
