// Links between Jira issues and tickets, as items of the custom entity `link`.
//
// A ticket is linked to at most one issue per instance, and an issue to any number of tickets. That is TeamSupport's
// own model (a ticket carries one Jira issue key, and the correlation field holds one key) and the one the mirror
// ledger relies on: an action is mirrored once (`<instanceId>:action:<actionId>`), so it can land on one issue only.
// The link is therefore keyed `<instanceId>:<ticketId>`: creating it is atomic (FAIL_IF_EXISTS), creating the same link
// twice is a no-op, two issues racing for one ticket cannot both win, and the link of a ticket is a strongly
// consistent `get` rather than an eventually consistent index query. Issues are found through the `by-issue` index and
// an instance's links through `by-instance`, page by page; nothing here loads every link to find one.
import { Filter, FilterConditions, kvs, Sort } from '@forge/kvs';
import { z } from 'zod';
import { unlimitedBudget, type Budget } from '../lib/budget';
import { IntegrationError } from '../lib/errors';
import { redactText, type Logger } from '../lib/logger';
import type { LinkRepository } from '../sync/ports/link-repository';
import type {
  CreateLinkResult,
  Link,
  LinkPage,
  LinkRef,
  LinkSyncUpdate,
  NewLink,
} from '../sync/records/link';
import type { PreparedWrite } from '../sync/records/prepared-write';
import { allPages, fetchPage, MAX_PAGE_SIZE, type PageQuery } from './entity-pages';
import { createIfAbsent, removeAll, transactIfHolds } from './entity-writes';
import { linkKey } from './keys';
import { KvsPreparedWrite } from './prepared-write';
import { STORAGE_SYSTEM, storageCall } from './storage-errors';
import { parseResults, parseStored } from './stored-record';
import { Timestamp, type Clock } from './time';

const LINK_ENTITY = 'link';
const MAX_ERROR_LENGTH = 1_000;
/** Time kept in reserve when bulk removal runs against a budget: one more page and its deletes. */
const PAGE_RESERVE_MS = 3_000;
/** A create that keeps meeting a link that vanishes before it can be read gives up after this many rounds. */
const MAX_CREATE_ROUNDS = 3;

const IdText = z.string().min(1).max(128);
/** A ticket with more failing items than this forgets the oldest: those errors are resolved by hand (Retry). */
const MAX_OPEN_ERRORS = 20;

/** The link's open-error items after an outcome (issue 20): a failed item is added, a resolved one dropped. */
function openErrorsAfter(current: Link, outcome: LinkSyncUpdate): Pick<Link, 'openErrors'> {
  let items = current.openErrors ?? [];
  if (outcome.error !== undefined && outcome.errorItem !== undefined && !items.includes(outcome.errorItem)) {
    items = [...items, outcome.errorItem].slice(-MAX_OPEN_ERRORS);
  }
  if (outcome.error === undefined && outcome.resolvedItem !== undefined) {
    items = items.filter((item) => item !== outcome.resolvedItem);
  }
  return items.length === 0 ? {} : { openErrors: items };
}

const LinkSchema: z.ZodType<Link> = z.object({
  instanceId: IdText,
  ticketId: IdText,
  ticketNumber: z.string().min(1).max(128),
  issueId: IdText,
  issueKey: z.string().min(1).max(255),
  linkedAt: Timestamp,
  lastSyncAt: Timestamp.optional(),
  lastError: z.string().optional(),
  lastErrorAt: Timestamp.optional(),
  actionsReadAt: Timestamp.optional(),
  copiedUpTo: Timestamp.optional(),
  copiedUpToIds: z.array(z.string().min(1).max(32)).max(500).optional(),
  openErrors: z.array(z.string().min(1).max(1_000)).max(MAX_OPEN_ERRORS).optional(),
  copiesEarlierActions: z.boolean().optional(),
});

const NewLinkSchema = z.object({
  instanceId: IdText,
  ticketId: IdText,
  ticketNumber: z.string().trim().min(1).max(128),
  issueId: IdText,
  issueKey: z.string().trim().min(1).max(255),
  // only `true` is stored: a link without it copies what comes after it, as links always did
  copiesEarlierActions: z
    .boolean()
    .optional()
    .transform((copies) => (copies === true ? true : undefined)),
});

function query(index: 'by-issue' | 'by-instance', partition: string): PageQuery {
  return (cursor) => {
    const builder = kvs
      .entity<unknown>(LINK_ENTITY)
      .query()
      .index(index, { partition: [partition] })
      .sort(Sort.ASC)
      .limit(MAX_PAGE_SIZE);
    return (cursor === undefined ? builder : builder.cursor(cursor)).getMany();
  };
}

function joining(issueId: string) {
  // The condition that makes updates and removals safe against a concurrent relink of the ticket to another issue.
  return new Filter<Link>().and('issueId', FilterConditions.equalTo(issueId));
}

/** The attributes that change after a link is made: equal to what was read, or absent as it was. */
const SYNC_ATTRIBUTES = ['lastSyncAt', 'lastErrorAt', 'actionsReadAt'] as const;

/** The link is still exactly as read: same issue, and nobody recorded a sync or an error on it since. */
function asRead(link: Link) {
  let filter = joining(link.issueId);
  for (const attribute of SYNC_ATTRIBUTES) {
    const value = link[attribute];
    filter = filter.and(
      attribute,
      value === undefined ? FilterConditions.notExists() : FilterConditions.equalTo(value),
    );
  }
  return filter;
}

/** The link after a sync with this outcome: success clears the error; an error keeps the last success. */
function afterSync(current: Link, outcome: LinkSyncUpdate): Link {
  const at = outcome.at.toISOString();
  const { openErrors: _open, ...unchanged } = current;
  const openErrors = openErrorsAfter(current, outcome);
  if (outcome.error !== undefined) {
    return {
      ...unchanged,
      ...openErrors,
      lastError: redactText(outcome.error).slice(0, MAX_ERROR_LENGTH),
      lastErrorAt: at,
    };
  }
  const { lastError: _error, lastErrorAt: _errorAt, ...rest } = unchanged;
  return {
    ...rest,
    ...openErrors,
    lastSyncAt: at,
    ...(outcome.actionsReadAt === undefined ? {} : { actionsReadAt: outcome.actionsReadAt.toISOString() }),
    ...(outcome.copiedUpTo === undefined ? {} : { copiedUpTo: outcome.copiedUpTo.toISOString() }),
    // Only the newest few: a minute with more actions than this is checked against the ledger instead.
    ...(outcome.copiedUpToIds === undefined ? {} : { copiedUpToIds: outcome.copiedUpToIds.slice(-500) }),
  };
}

export class KvsLinkRepository implements LinkRepository {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async create(input: NewLink): Promise<CreateLinkResult> {
    const fields = NewLinkSchema.parse(input);
    const key = linkKey(fields.instanceId, fields.ticketId);
    const { copiesEarlierActions, ...identity } = fields;
    const link: Link = {
      ...identity,
      linkedAt: this.clock().toISOString(),
      ...(copiesEarlierActions ? { copiesEarlierActions } : {}),
    };
    for (let round = 1; round <= MAX_CREATE_ROUNDS; round++) {
      if (await createIfAbsent(LINK_ENTITY, key, link, 'creating a link')) return { status: 'created', link };
      const raw = await this.getRaw(key);
      if (raw === undefined) continue; // removed between the two calls: try the create again
      const existing = parseStored(LinkSchema, raw, { store: LINK_ENTITY, key }, this.logger);
      if (existing === undefined) {
        // A corrupt link would block its ticket for good (it cannot be listed or unlinked), so it is replaced.
        await storageCall('replacing a corrupt link', () => kvs.entity<Link>(LINK_ENTITY).set(key, link));
        this.logger.warn('Replaced a corrupt link record', { key });
        return { status: 'created', link };
      }
      return existing.issueId === link.issueId
        ? { status: 'exists', link: existing }
        : { status: 'ticket-linked-elsewhere', link: existing };
    }
    throw new IntegrationError('conflict', 'The link kept changing while it was being created; try again.', {
      system: STORAGE_SYSTEM,
    });
  }

  async getByTicket(instanceId: string, ticketId: string): Promise<Link | undefined> {
    const key = linkKey(instanceId, ticketId);
    const raw = await this.getRaw(key);
    return raw === undefined
      ? undefined
      : parseStored(LinkSchema, raw, { store: LINK_ENTITY, key }, this.logger);
  }

  async listByIssue(issueId: string): Promise<Link[]> {
    const links: Link[] = [];
    for await (const page of allPages('listing the links of an issue', query('by-issue', issueId))) {
      links.push(...parseResults(LinkSchema, page.results, LINK_ENTITY, this.logger).map((r) => r.value));
    }
    return links;
  }

  async pageByInstance(instanceId: string, cursor?: string): Promise<LinkPage> {
    const page = await fetchPage(
      'listing the links of an instance',
      query('by-instance', instanceId),
      cursor,
    );
    const links = parseResults(LinkSchema, page.results, LINK_ENTITY, this.logger).map((r) => r.value);
    return page.cursor === undefined ? { links } : { links, cursor: page.cursor };
  }

  async countByInstance(instanceId: string): Promise<number> {
    let count = 0;
    // Corrupt items count too: they are the instance's, and deleting the instance removes them.
    for await (const page of allPages(
      'counting the links of an instance',
      query('by-instance', instanceId),
    )) {
      count += page.results.length;
    }
    return count;
  }

  async recordSync(ref: LinkRef, outcome: LinkSyncUpdate): Promise<boolean> {
    const current = await this.getByTicket(ref.instanceId, ref.ticketId);
    if (current === undefined || current.issueId !== ref.issueId) return false;
    // Conditional, so that an update racing an unlink cannot bring the link back.
    return transactIfHolds('recording a link sync', (tx) =>
      tx.set(linkKey(ref.instanceId, ref.ticketId), afterSync(current, outcome), {
        entityName: LINK_ENTITY,
        conditions: joining(ref.issueId),
      }),
    );
  }

  prepareSync(link: Link, outcome: LinkSyncUpdate): PreparedWrite {
    const current = LinkSchema.parse(link);
    const key = linkKey(current.instanceId, current.ticketId);
    return new KvsPreparedWrite('recording a link sync', (tx) =>
      tx.set(key, afterSync(current, outcome), { entityName: LINK_ENTITY, conditions: asRead(current) }),
    );
  }

  async remove(ref: LinkRef): Promise<boolean> {
    return this.removeIfJoining(linkKey(ref.instanceId, ref.ticketId), ref.issueId);
  }

  async removeByIssue(issueId: string): Promise<number> {
    let removed = 0;
    // Keys come from the index, so corrupt items of the issue go too.
    for await (const page of allPages('listing the links of an issue', query('by-issue', issueId))) {
      for (const { key } of page.results) if (await this.removeIfJoining(key, issueId)) removed += 1;
    }
    return removed;
  }

  async removeByInstance(
    instanceId: string,
    options: { budget?: Budget } = {},
  ): Promise<{ removed: number; complete: boolean }> {
    const budget = options.budget ?? unlimitedBudget;
    const operation = 'removing the links of an instance';
    let removed = 0;
    let cursor: string | undefined;
    do {
      if (budget.remainingMs() < PAGE_RESERVE_MS) return { removed, complete: false };
      const page = await fetchPage(operation, query('by-instance', instanceId), cursor);
      removed += await removeAll(
        LINK_ENTITY,
        page.results.map((r) => r.key),
        operation,
      );
      cursor = page.cursor;
    } while (cursor !== undefined);
    return { removed, complete: true };
  }

  private async getRaw(key: string): Promise<unknown> {
    return storageCall('reading a link', () => kvs.entity<unknown>(LINK_ENTITY).get(key));
  }

  private async removeIfJoining(key: string, issueId: string): Promise<boolean> {
    return transactIfHolds('removing a link', (tx) =>
      tx.delete(key, { entityName: LINK_ENTITY, conditions: joining(issueId) }),
    );
  }
}
