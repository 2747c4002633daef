// The contacts of a milestone while a Brevo account collects them (sync/milestones): plain keys
// `milestone-contact:<accountId>:<milestoneRef>:<contactId>` (one per contact), `milestone-roster:<accountId>:<ref>:<page>`
// (the contacts of one collected page) and `milestone-done:<accountId>:<ref>` (the events went out). Only gets and
// sets, never queries: KVS queries are eventually consistent (docs/forge-platform.md §3.2), and a contact written by the
// last page must be seen by the send that follows it. Records carry a TTL, so a run abandoned half-way (the account
// was deleted) cleans up after itself.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { settleWithConcurrency } from '../lib/concurrency';
import type { Logger } from '../lib/logger';
import type { MilestoneContactStore } from '../sync/ports/milestone-contact-store';
import type { MilestoneContact } from '../sync/records/milestone-contact';
import { isKeyPart } from './keys';
import { STORAGE_SYSTEM, storageCall } from './storage-errors';
import { parseStored } from './stored-record';
import { IntegrationError } from '../lib/errors';

/** Far longer than any run (its queue events live 24 h at most), short enough not to linger. */
const TTL = { value: 7, unit: 'DAYS' } as const;
/** One contact's key list stays well inside a KVS value (240 KiB) and a Brevo event (50 KB of properties). */
export const MAX_ISSUE_KEYS_PER_CONTACT = 2_000;
const WRITE_CONCURRENCY = 8;

const ContactSchema = z.object({
  jiraAccountId: z.string(),
  issueKeys: z.array(z.string()),
  firstIssue: z.record(z.string(), z.json()),
});
const RosterSchema = z.object({ contactIds: z.array(z.string()) });

function part(label: string, value: string): string {
  if (!isKeyPart(value)) {
    throw new IntegrationError('validation', `${label} cannot be used in a storage key.`, {
      system: STORAGE_SYSTEM,
    });
  }
  return value;
}

const contactKey = (accountId: string, ref: string, contactId: string) =>
  `milestone-contact:${part('Account id', accountId)}:${part('Milestone', ref)}:${part('Contact id', contactId)}`;
const rosterKey = (accountId: string, ref: string, page: number) =>
  `milestone-roster:${part('Account id', accountId)}:${part('Milestone', ref)}:${String(page)}`;
const doneKey = (accountId: string, ref: string) =>
  `milestone-done:${part('Account id', accountId)}:${part('Milestone', ref)}`;

/** `into` plus the keys of `more` it lacks, in order, at most MAX_ISSUE_KEYS_PER_CONTACT. */
function mergeKeys(into: readonly string[], more: readonly string[]): string[] {
  const keys = [...into];
  const seen = new Set(keys);
  for (const key of more) {
    if (keys.length >= MAX_ISSUE_KEYS_PER_CONTACT) break;
    if (!seen.has(key)) {
      seen.add(key);
      keys.push(key);
    }
  }
  return keys;
}

export class KvsMilestoneContactStore implements MilestoneContactStore {
  constructor(private readonly logger: Logger) {}

  async collect(
    accountId: string,
    milestoneRef: string,
    page: number,
    contacts: ReadonlyArray<{ contactId: string; contact: MilestoneContact }>,
  ): Promise<void> {
    // Records first, roster last: a roster names only contacts whose records exist, and a retried page rewrites both
    // (merging keys is idempotent).
    const results = await settleWithConcurrency(
      contacts,
      WRITE_CONCURRENCY,
      async ({ contactId, contact }) => {
        const earlier = await this.get(accountId, milestoneRef, contactId);
        const merged: MilestoneContact = earlier
          ? { ...earlier, issueKeys: mergeKeys(earlier.issueKeys, contact.issueKeys) }
          : { ...contact, issueKeys: mergeKeys([], contact.issueKeys) };
        const key = contactKey(accountId, milestoneRef, contactId);
        await storageCall('saving a milestone contact', () => kvs.set(key, merged, { ttl: TTL }));
      },
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const key = rosterKey(accountId, milestoneRef, page);
    const roster = { contactIds: contacts.map((entry) => entry.contactId) };
    await storageCall('saving a milestone roster', () => kvs.set(key, roster, { ttl: TTL }));
  }

  async roster(accountId: string, milestoneRef: string, page: number): Promise<string[]> {
    const key = rosterKey(accountId, milestoneRef, page);
    const raw = await storageCall('reading a milestone roster', () => kvs.get<unknown>(key));
    if (raw === undefined) return [];
    return parseStored(RosterSchema, raw, { store: 'plain', key }, this.logger)?.contactIds ?? [];
  }

  async get(
    accountId: string,
    milestoneRef: string,
    contactId: string,
  ): Promise<MilestoneContact | undefined> {
    const key = contactKey(accountId, milestoneRef, contactId);
    const raw = await storageCall('reading a milestone contact', () => kvs.get<unknown>(key));
    if (raw === undefined) return undefined;
    return parseStored(ContactSchema, raw, { store: 'plain', key }, this.logger);
  }

  async remove(accountId: string, milestoneRef: string, contactId: string): Promise<void> {
    const key = contactKey(accountId, milestoneRef, contactId);
    await storageCall('deleting a milestone contact', () => kvs.delete(key));
  }

  async removeRoster(accountId: string, milestoneRef: string, page: number): Promise<void> {
    const key = rosterKey(accountId, milestoneRef, page);
    await storageCall('deleting a milestone roster', () => kvs.delete(key));
  }

  async isDone(accountId: string, milestoneRef: string): Promise<boolean> {
    const key = doneKey(accountId, milestoneRef);
    return (await storageCall('reading a milestone mark', () => kvs.get<unknown>(key))) !== undefined;
  }

  async markDone(accountId: string, milestoneRef: string): Promise<void> {
    const key = doneKey(accountId, milestoneRef);
    // Kept without a TTL: the mark is what makes a version released again send nothing, however much later.
    await storageCall('saving a milestone mark', () => kvs.set(key, { doneAt: new Date().toISOString() }));
  }
}
