// The interfaces the sync use cases talk through. Adapters live in jira/, connectors/ and store/; use cases never
// import those directly, so each can be tested against the sandbox or replaced by another ticket system.
import type { AdfDoc } from '../domain/content';
import type { JiraComment, JiraField, JiraIssue } from '../domain/jira';
import type { ConnectionCheck, NewAction, Ticket, TicketAction, TicketFieldChange } from '../domain/ticket';
import type { SyncItem } from '../domain/sync-item';
import type {
  BrevoAccountView,
  ConfigDocument,
  ConfigDocumentError,
  ConfigIssue,
  InstanceView,
} from '../domain/config';
import type { Budget } from '../lib/budget';
import type { RequestUsage } from '../domain/request-usage';
import type { InboundJob, OutboundJob } from './jobs';

export interface TicketPage {
  tickets: Ticket[];
  totalRecords: number;
}

export interface NamedItem {
  id: string;
  name: string;
}

export interface TicketStatusItem extends NamedItem {
  ticketType: string;
  isClosed: boolean;
}

/** What the admin expects to exist on the ticket system; checked by testConnection. */
export interface ConnectionExpectations {
  commentActionType: string;
  ticketTypes: 'all' | string[];
  statusNames: string[];
  correlationField?: string | undefined;
}

/**
 * A ticket system (TeamSupport today). Errors are IntegrationError with a kind; a missing ticket is `undefined`,
 * not an error. Implementations cache lookups (types, statuses, action types) for the life of the instance object,
 * which is one invocation.
 */
export interface TicketSystem {
  readonly kind: string;
  getTicket(idOrNumber: string): Promise<Ticket | undefined>;
  /** one page of tickets modified strictly after `since` (UTC); pages are not in modification order */
  listTicketsModifiedSince(since: Date, page: { pageNumber: number; pageSize: number }): Promise<TicketPage>;
  findTicketsByField(field: string, value: string): Promise<Ticket[]>;
  /**
   * Up to `limit` tickets whose subject contains every word of `words` (ignoring case), newest first: the issue
   * panel's search. Bounded: it reads at most two pages of the ticket system's list, so a common word finds the newest
   * and the oldest matches, not every one.
   */
  searchTickets(words: string, limit: number): Promise<Ticket[]>;
  listActions(ticketId: string): Promise<TicketAction[]>;
  createAction(ticketId: string, action: NewAction): Promise<TicketAction>;
  /** sets the status by name within the ticket's type */
  setStatus(ticket: Ticket, statusName: string): Promise<'updated' | 'unchanged' | 'unknown-status'>;
  setTicketType(ticket: Ticket, typeName: string): Promise<'updated' | 'unchanged' | 'unknown-type'>;
  updateFields(ticket: Ticket, changes: TicketFieldChange[]): Promise<void>;
  ticketUrl(ticket: Pick<Ticket, 'id' | 'number'>): string;
  testConnection(expectations: ConnectionExpectations): Promise<ConnectionCheck[]>;
  listTicketTypes(): Promise<NamedItem[]>;
  listStatuses(): Promise<TicketStatusItem[]>;
  listActionTypes(): Promise<NamedItem[]>;
  listProducts(): Promise<NamedItem[]>;
  listVersions(productId: string): Promise<NamedItem[]>;
  listUsers(): Promise<NamedItem[]>;
  /**
   * How many requests this object has sent to the ticket system, each retry included, for systems that limit
   * requests per day (TeamSupport: docs/teamsupport-api.md §12); the invocation records them once (entry/compose.ts)
   */
  requestsSent?(): number;
}

export interface CreateMetaField {
  fieldId: string;
  name: string;
  required: boolean;
  hasDefaultValue: boolean;
  type: string | null;
  itemsType: string | null;
  allowedValues: Array<{ id: string; name: string }>;
}

export interface RemoteLinkInput {
  globalId: string;
  applicationName: string;
  applicationType: string;
  url: string;
  title: string;
  summary?: string;
}

/** One entry of an issue's change history: what changed together, as Jira's changelog lists it. */
export interface IssueChangeGroup {
  /** the changelog id, as the `avi:jira:updated:issue` event of the change carries it */
  id: string;
  /** ISO-8601, as Jira wrote it */
  created: string;
  items: Array<{ field: string; fieldId: string | null; fromText: string | null; toText: string | null }>;
}

/**
 * An issue's entity properties, as the app: the JQL-searchable copy of its links (sync/links-property.ts). A missing
 * issue reads as a missing property; removing a missing property is not an error.
 */
export interface IssuePropertyPort {
  /** undefined when the issue has no such property (or no longer exists) */
  getIssueProperty(issueId: string, key: string): Promise<{ value: unknown } | undefined>;
  /** creates or replaces the whole value (idempotent: writing it again changes nothing) */
  setIssueProperty(issueId: string, key: string, value: SyncJson): Promise<void>;
  deleteIssueProperty(issueId: string, key: string): Promise<void>;
  /** one page of the issues matching `jql`, each with the value of its property `key` (undefined when absent) */
  searchIssuesWithProperty(
    jql: string,
    key: string,
    page: { nextPageToken?: string; maxResults: number },
  ): Promise<{ issues: Array<{ id: string; property: unknown }>; nextPageToken?: string }>;
}

/** A comment about to leave Jira, with what the privacy and echo checks need of its issue (JiraPort.getCommentForSync). */
export interface CommentForSync {
  issue: Pick<JiraIssue, 'key' | 'securityLevel'>;
  comment: JiraComment | undefined;
}

/** Jira as the app itself (asApp): reads for sync decisions, and writes whose events must not echo back. */
export interface JiraPort extends IssuePropertyPort {
  /** undefined when the issue does not exist (or was deleted) */
  getIssue(issueIdOrKey: string, extraFieldIds?: readonly string[]): Promise<JiraIssue | undefined>;
  /** re-reads a comment with its visibility and properties; undefined when it is gone */
  getComment(issueId: string, commentId: string): Promise<JiraComment | undefined>;
  /**
   * What sending a comment out of Jira needs, in one read: the issue's key and security level, and the comment with
   * its visibility and properties (`comment` undefined when it is gone). Undefined when the issue does not exist or
   * the app may not browse it.
   */
  getCommentForSync(issueId: string, commentId: string): Promise<CommentForSync | undefined>;
  addComment(
    issueId: string,
    body: AdfDoc,
    properties: ReadonlyArray<{ key: string; value: unknown }>,
  ): Promise<{ id: string }>;
  /** the id of a comment of the issue carrying property `key` whose value `matches` (read-before-write after a crash) */
  findCommentWithProperty(
    issueId: string,
    key: string,
    matches: (value: unknown) => boolean,
  ): Promise<string | undefined>;
  listFields(): Promise<JiraField[]>;
  /** `properties` are set on the new issue in the same request, so the issue carries its origin from the start */
  createIssue(
    fields: Record<string, unknown>,
    properties?: ReadonlyArray<{ key: string; value: unknown }>,
  ): Promise<{ id: string; key: string }>;
  /** a Jira user's name and, when their privacy settings let the app see it, e-mail address; undefined when unknown */
  getUser(
    accountId: string,
  ): Promise<{ accountId: string; displayName: string; email: string | null } | undefined>;
  /** the site's address (https://<site>.atlassian.net), for links to issues */
  siteUrl(): Promise<string>;
  /**
   * One page of an enhanced JQL search (a read). Each issue carries the JiraIssue fields plus `fields` in its raw
   * `fields`; `nextPageToken` is absent on the last page. Order the JQL (e.g. `ORDER BY id ASC`) to page stably.
   */
  searchIssues(
    jql: string,
    fields: readonly string[],
    page: { nextPageToken?: string; maxResults: number },
  ): Promise<{ issues: JiraIssue[]; nextPageToken?: string }>;
  /** Jira's approximate count of the issues matching `jql` (recently changed issues may be missing) */
  countIssues(jql: string): Promise<number>;
  /** the users who can be assigned issues of the project: the whole window Jira searches (its first 1,000 users) */
  listAssignableUsers(projectKey: string): Promise<Array<{ accountId: string; displayName: string }>>;
  /** the issue's change history, oldest first, every page read (a backfill rebuilds the issue's events from it) */
  listChangelog(issueId: string): Promise<IssueChangeGroup[]>;
  /** the issue's comments with their visibility and properties, oldest first, every page read */
  listComments(issueId: string): Promise<JiraComment[]>;
  /** the account id of the project's lead; undefined when the project names none or does not exist */
  getProjectLead(projectKey: string): Promise<string | undefined>;
  /** whether the issue matches a JQL filter (one search, restricted to the issue) */
  issueMatchesJql(issueId: string, jql: string): Promise<boolean>;
  /**
   * Runs `jql` once (one issue at most): whether Jira accepts it and whether any issue matches. Jira's refusal (a 400,
   * e.g. a syntax error or an unknown field or value) is `ok: false` with Jira's message; other failures throw.
   */
  validateJql(jql: string): Promise<{ ok: true; anyMatch: boolean } | { ok: false; message: string }>;
  /** the issue whose property `key` holds `value` at `path` (an indexed property, see manifest.yml), if any */
  findIssueByProperty(
    key: string,
    path: string,
    value: string,
  ): Promise<{ id: string; key: string } | undefined>;
  projectExists(projectKey: string): Promise<boolean>;
  /** undefined when the project does not exist */
  createMetaIssueTypes(projectKey: string): Promise<Array<{ id: string; name: string }> | undefined>;
  createMetaFields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]>;
  upsertRemoteLink(issueId: string, link: RemoteLinkInput): Promise<void>;
  deleteRemoteLink(issueId: string, globalId: string): Promise<void>;
  listRemoteLinkGlobalIds(issueId: string): Promise<string[]>;
  listStatuses(): Promise<Array<{ id: string; name: string }>>;
  /** every issue type of the site (for the admin's type mappings) */
  listIssueTypes(): Promise<Array<{ id: string; name: string }>>;
  /** every project the app can see (for the admin's project mappings) */
  listProjects(): Promise<Array<{ id: string; key: string; name: string }>>;
}

/** Jira as the Custom UI caller (asUser): used to decide what the caller may see and do. */
export interface JiraUserPort {
  canBrowseIssue(issueId: string): Promise<boolean>;
  hasIssuePermissions(issueId: string, permissions: readonly string[]): Promise<Record<string, boolean>>;
  isJiraAdmin(): Promise<boolean>;
}

// ---------------------------------------------------------------- storage (adapters in store/)
// Stored data is validated on every read: a corrupt record is logged and skipped, and an unusable config document is
// an error value, so bad data never crashes a flow. Storage calls that fail throw IntegrationError with system
// 'forge-storage' ('rate-limited' for a KVS 429, 'transient' for a 5xx) so callers can retry or hand the work over.

/** The `config` document as read; a document that cannot be used is an error value (already logged), never thrown. */
export type ConfigRead = { ok: true; document: ConfigDocument } | { ok: false; error: ConfigDocumentError };

/** Both kinds, each in its own list as the document keeps them. */
export type InstanceViewsRead =
  | { ok: true; instances: InstanceView[]; brevoAccounts: BrevoAccountView[] }
  | { ok: false; error: ConfigDocumentError };

export type SaveResult<View> =
  | { ok: true; instance: View; created: boolean }
  /** the input breaks the rules; each issue addresses a field (INVALID_INPUT) */
  | { ok: false; reason: 'invalid-input'; issues: ConfigIssue[] }
  /** `id` names no configured instance */
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'config-unavailable'; error: ConfigDocumentError };

export type SaveInstanceResult = SaveResult<InstanceView>;
export type SaveBrevoAccountResult = SaveResult<BrevoAccountView>;

export type DeleteInstanceResult =
  | {
      ok: true;
      /** false when no instance had this id; a repeated delete still finishes cleanup left over by a failed one */
      instanceRemoved: boolean;
      linksRemoved: number;
      /** false when the time budget ran out before every link was removed: call deleteInstance again */
      complete: boolean;
    }
  | { ok: false; reason: 'config-unavailable'; error: ConfigDocumentError };

export interface SaveInstanceOptions {
  /**
   * Problems found outside the settings rules (Jira refused the JQL filter): reported with the rules' own, in one
   * round, and nothing is saved while there are any.
   */
  issues?: readonly ConfigIssue[];
}

/**
 * Instance configuration: the `config` document, plus each TeamSupport instance's token and each Brevo account's API
 * key in the secret store. Names are unique across both kinds; deleting takes either.
 */
export interface ConfigRepository {
  read(): Promise<ConfigRead>;
  /** the admin page's view: the settings plus `hasToken` / `hasApiKey`, never the secret */
  listInstanceViews(): Promise<InstanceViewsRead>;
  /**
   * a TeamSupport instance: validates against the instances and accounts; creates when `id` is absent; keeps the
   * stored token when no apiToken is sent
   */
  saveInstance(input: unknown, options?: SaveInstanceOptions): Promise<SaveInstanceResult>;
  /** a Brevo account (`kind: 'brevo'`), by the same rules; keeps the stored API key when no apiKey is sent */
  saveBrevoAccount(input: unknown, options?: SaveInstanceOptions): Promise<SaveBrevoAccountResult>;
  /** removes the instance or account, its secret, its pull watermark and all of its links (idempotent) */
  deleteInstance(id: string, options?: { budget?: Budget }): Promise<DeleteInstanceResult>;
  /** how many links deleteInstance would remove (for the admin's confirmation) */
  countLinks(instanceId: string): Promise<number>;
}

/** Instance tokens, for connectors only: a token is never returned to a resolver, stored elsewhere or logged. */
export interface CredentialStore {
  getToken(instanceId: string): Promise<string | undefined>;
  /** a Brevo account's API key (kept like a token, under the account's id) */
  getBrevoKey(accountId: string): Promise<string | undefined>;
}

/** A Jira issue linked to a ticket. A ticket is linked to at most one issue per instance; an issue to many tickets. */
export interface Link {
  instanceId: string;
  ticketId: string;
  ticketNumber: string;
  /** the immutable issue id; the key is kept for display only */
  issueId: string;
  issueKey: string;
  /** ISO-8601 UTC, as are the other times */
  linkedAt: string;
  lastSyncAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  /**
   * when the pull last read the ticket's actions and handled all of them (our clock): a later listing of the ticket
   * whose modification time is older than that minute needs no new read (sync/inbound/ticket-actions)
   */
  actionsReadAt?: string;
  /** when the newest action handled was created: the next read starts its claims there, not at the link date */
  copiedUpTo?: string;
  /** the actions handled in copiedUpTo's minute (dates have minute precision, so the minute alone cannot tell) */
  copiedUpToIds?: string[];
  /**
   * the items of this ticket whose errors are open (domain/sync-item.ts syncItemKey), so that a later success of one
   * resolves its sync-log errors, and a success with nothing open costs nothing (issue 20)
   */
  openErrors?: string[];
  /**
   * the ticket's actions from before the link are copied too, oldest first (docs/product.md, "Linking tickets to
   * issues"); set once, when the link is made, so a retry of the making cannot change what is copied
   */
  copiesEarlierActions?: boolean;
}

export type NewLink = Pick<Link, 'instanceId' | 'ticketId' | 'ticketNumber' | 'issueId' | 'issueKey'> &
  Pick<Link, 'copiesEarlierActions'>;
export type LinkRef = Pick<Link, 'instanceId' | 'ticketId' | 'issueId'>;

export type CreateLinkResult =
  | { status: 'created'; link: Link }
  /** this very link existed already: nothing was written */
  | { status: 'exists'; link: Link }
  /** the ticket is linked to another issue; `link` is that link */
  | { status: 'ticket-linked-elsewhere'; link: Link };

export interface LinkPage {
  links: Link[];
  /** pass back for the next page within the same invocation (cursors are not stable: never store them) */
  cursor?: string;
}

/** The result of syncing one link: success when `error` is absent. */
export interface LinkSyncOutcome {
  at: Date;
  error?: string;
  /** with `error`: the item that failed, remembered in openErrors (syncItemKey) */
  errorItem?: string;
  /** on success: an item whose errors were resolved, forgotten from openErrors (syncItemKey) */
  resolvedItem?: string;
  /** after a pull that handled every action: when they were read, and the newest one's creation time */
  actionsReadAt?: Date;
  copiedUpTo?: Date;
  copiedUpToIds?: string[];
}

/**
 * A storage write one store prepares and another applies in the same transaction, all or nothing (a link's sync state
 * and a sync-log entry ride on the ledger completion of the copy they describe); `apply` writes it on its own.
 */
export interface PreparedWrite {
  readonly description: string;
  /** false when its condition did not hold (e.g. the link was removed meanwhile) */
  apply(): Promise<boolean>;
}

export interface LinkRepository {
  /** idempotent: creating the same link again is a no-op; of concurrent creations for one ticket exactly one wins */
  create(link: NewLink): Promise<CreateLinkResult>;
  /** the link of one ticket (strongly consistent) */
  getByTicket(instanceId: string, ticketId: string): Promise<Link | undefined>;
  /** every link of an issue, oldest first */
  listByIssue(issueId: string): Promise<Link[]>;
  /** one page (≤ 100) of an instance's links, oldest first */
  pageByInstance(instanceId: string, cursor?: string): Promise<LinkPage>;
  countByInstance(instanceId: string): Promise<number>;
  /** success sets lastSyncAt and clears lastError; failure sets lastError and lastErrorAt; false when the link is gone */
  recordSync(link: LinkRef, outcome: LinkSyncOutcome): Promise<boolean>;
  /**
   * The same update of a link just read, without reading it again; it holds only while the link is as read (not
   * removed, not updated by someone else), so a concurrent error or unlink is never overwritten.
   */
  prepareSync(link: Link, outcome: LinkSyncOutcome): PreparedWrite;
  /** removes the link if it still joins this issue and ticket; false when there was no such link */
  remove(link: LinkRef): Promise<boolean>;
  /** removes every link of an issue (e.g. the issue was deleted); returns how many went */
  removeByIssue(issueId: string): Promise<number>;
  removeByInstance(
    instanceId: string,
    options?: { budget?: Budget },
  ): Promise<{ removed: number; complete: boolean }>;
}

/** A source item that is copied to the other side at most once. */
export type MirrorItem =
  | { kind: 'action'; instanceId: string; actionId: string }
  | { kind: 'comment'; instanceId: string; commentId: string; ticketId: string }
  /** a note the app adds to a ticket once per source event; `noteId` names the event, e.g. `status:<changelogId>` */
  | { kind: 'note'; instanceId: string; noteId: string; ticketId: string }
  /** an event sent once to an event sink (`instanceId` is the Brevo account) */
  | { kind: 'event'; instanceId: string; eventId: string };

/** Proof of a live claim on one item; hand it back to complete or release. */
export interface MirrorClaim {
  item: MirrorItem;
  token: string;
  leaseExpiresAt: string;
  /** 1 for the first claim, one more for each reclaim after a lease ran out */
  attempt: number;
  /** when the claim was made, and the context it carries: what completing it needs without reading it first */
  claimedAt?: string;
  context?: MirrorContext;
}

/** The item a copy is on its own side, recorded with the completion so that it is never copied back. */
export interface MirrorOrigin {
  item: MirrorItem;
  sourceId: string;
  context?: MirrorContext;
}

export type ClaimOutcome =
  /** the item is yours: write it, then complete (or release on failure) */
  | { status: 'claimed'; claim: MirrorClaim }
  /** an earlier claim's lease ran out and is now yours; its holder may have written before it stopped, so read the
   * target side first and complete with what is there instead of writing twice */
  | { status: 'reclaimed'; claim: MirrorClaim }
  /** copied already (to `targetId`), or created by this app from `targetId` (`createdByApp`): skip */
  | { status: 'done'; targetId: string; createdByApp: boolean }
  /** someone else holds a live claim: skip, or retry after the lease */
  | { status: 'in-progress'; leaseExpiresAt: string };

export type CompleteOutcome =
  | { status: 'completed' }
  /** someone else completed the item first, with `targetId` */
  | { status: 'already-done'; targetId: string };

export interface MirrorContext {
  issueId?: string;
  ticketId?: string;
}

export interface MirrorLedger {
  claim(item: MirrorItem, options: { leaseMs: number } & MirrorContext): Promise<ClaimOutcome>;
  /**
   * Records the item as copied to `targetId` (and `origin`, when given, as created by the app), with the `alongside`
   * writes. While the claim is still the one stored this is one conditional transaction and no read; otherwise the
   * completion is settled by reading and the `alongside` writes are applied on their own.
   */
  complete(
    claim: MirrorClaim,
    targetId: string,
    origin?: MirrorOrigin,
    alongside?: readonly PreparedWrite[],
  ): Promise<CompleteOutcome>;
  /** gives a claim up after a failed write so that a retry can claim again; false when the claim was no longer held */
  release(claim: MirrorClaim): Promise<boolean>;
  /**
   * Keeps the claim but lets it be taken over after `afterMs` instead of at the end of its lease: the write's outcome
   * is unknown, and the next attempt (which reclaims, so it looks on the target first) should not wait the whole
   * lease. False when the claim was no longer held.
   */
  reopenAfter(claim: MirrorClaim, afterMs: number): Promise<boolean>;
  /** marks an item this app created on one side (from `sourceId` on the other) so that it is never copied back */
  recordOrigin(item: MirrorItem, sourceId: string, context?: MirrorContext): Promise<void>;
}

/** Where a pull of an instance's changes stands. */
export interface PullCursor {
  /** everything modified up to this instant (ISO-8601 UTC) has been processed */
  watermark: string;
  /** a window being processed: the pages before `nextPage` are done, so a handed-over pull resumes there */
  window?: { since: string; until: string; nextPage: number };
  /**
   * tickets handled in full whose modification time (epoch ms) the next windows still reach: listed again unchanged,
   * they cost nothing, not even a link read (sync/inbound/pull)
   */
  settled?: Record<string, number>;
  /** when the instance's sync log was last pruned (or found small enough): the next check looks past it */
  prunedAt?: string;
  /** when tickets that ask for escalation were last searched for whether listed or not (sync/inbound/pull) */
  sweptAt?: string;
  /** how many tickets that search found still asking: while any do, it runs every cycle */
  asking?: number;
  /** the copies of the last minute per epoch second, for the continuation of a handed-over pull (lib/pacer) */
  paced?: Record<string, number>;
}

export interface CursorStore {
  load(instanceId: string): Promise<PullCursor | undefined>;
  save(instanceId: string, cursor: PullCursor): Promise<void>;
  clear(instanceId: string): Promise<void>;
}

export type SyncJson = string | number | boolean | null | SyncJson[] | { [key: string]: SyncJson };
export type SyncLevel = 'info' | 'warn' | 'error';
/**
 * What an entry of an event-sending flow (Brevo) says became of its item, so the admin's counts of sent, skipped and
 * failed events read a field instead of matching message text (sync/brevo/stats.ts).
 */
export type SyncOutcome = 'sent' | 'skipped' | 'failed';
export type SyncEventStatus = 'open' | 'retried' | 'resolved';

/** What a later "Retry" needs to re-run the failed item exactly once: a job kind and a small JSON payload. */
export interface SyncRetry {
  kind: string;
  payload: SyncJson;
}

export interface NewSyncEvent {
  level: SyncLevel;
  instanceId: string;
  issueId?: string;
  issueKey?: string;
  ticketId?: string;
  ticketNumber?: string;
  /** what was being done, e.g. 'comment-to-action' */
  operation: string;
  message: string;
  retry?: SyncRetry;
  /** set by event-sending flows only; absent on older entries and on every other flow's */
  outcome?: SyncOutcome;
}

export interface SyncEvent extends NewSyncEvent {
  id: string;
  time: string;
  status: SyncEventStatus;
  statusChangedAt?: string;
}

export interface SyncEventQuery {
  instanceId?: string;
  level?: SyncLevel;
  /** one ticket's entries (with `instanceId`; not combined with `level`): the issue panel's per-link health */
  ticketId?: string;
  /** errors not resolved yet (open or retried): the errors report (level 'error' or none; not with `ticketId`) */
  unresolved?: boolean;
  /** 1–100, default 50 */
  limit?: number;
  cursor?: string;
}

export interface SyncEventPage {
  /** newest first */
  entries: SyncEvent[];
  cursor?: string;
}

/** `unchanged`: the entry exists but is not in a state that allows the change (e.g. retried already). */
export type SyncEventChange = 'changed' | 'unchanged' | 'not-found';

export interface SyncLog {
  /** never throws: a failed write is reported on the console and yields undefined */
  append(event: NewSyncEvent): Promise<SyncEvent | undefined>;
  /** whether the instance's log has at least `threshold` entries newer than `since` (one read of at most that many) */
  grownSince(instanceId: string, since: string, threshold: number): Promise<boolean>;
  /** the entry as a write to apply with another (undefined, and reported, when the entry is invalid) */
  prepare(event: NewSyncEvent): PreparedWrite | undefined;
  list(query?: SyncEventQuery): Promise<SyncEventPage>;
  get(id: string): Promise<SyncEvent | undefined>;
  /** open → retried; of two concurrent calls exactly one gets 'changed' */
  markRetried(id: string): Promise<SyncEventChange>;
  /** open or retried → resolved */
  markResolved(id: string): Promise<SyncEventChange>;
  /**
   * Resolves every unresolved error about `item` (domain/sync-item.ts: same instance, ticket, operation and source):
   * a later run of the item succeeded. Reads the ticket's unresolved entries, so call it only when an error of the
   * item is known to be open (Link.openErrors); answers how many were resolved.
   */
  resolveItem(item: SyncItem): Promise<number>;
  /** keeps the newest `keep` entries of an instance (default 1,000) and removes the rest */
  prune(
    instanceId: string,
    options?: { keep?: number; budget?: Budget },
  ): Promise<{ removed: number; complete: boolean }>;
}

// ---------------------------------------------------------------- milestone contacts (adapter in store/)

/** One contact's part of a milestone, collected across invocations (sync/milestones/brevo-collect). */
export interface MilestoneContact {
  jiraAccountId: string;
  /** the contact's own issues in the milestone, in the order they were found, each once */
  issueKeys: string[];
  /** the first of those issues as the events describe it (for the contact's attributes and lists) */
  firstIssue: { [key: string]: SyncJson };
}

/**
 * Who a Brevo account's milestone event goes to, while the milestone's issues are read page by page: one record per
 * contact (`contactId` is a digest of the Jira account id), a roster of each page's contacts, and a mark once the
 * events are sent. Reads are strongly consistent (no queries), so a page written just before is never missed.
 */
export interface MilestoneContactStore {
  /** merges each contact's issue keys into its record and lists the page's contacts in the page's roster */
  collect(
    accountId: string,
    milestoneRef: string,
    page: number,
    contacts: ReadonlyArray<{ contactId: string; contact: MilestoneContact }>,
  ): Promise<void>;
  /** the contact ids of one collected page; [] when there is none (never collected, or sent and removed) */
  roster(accountId: string, milestoneRef: string, page: number): Promise<string[]>;
  get(accountId: string, milestoneRef: string, contactId: string): Promise<MilestoneContact | undefined>;
  remove(accountId: string, milestoneRef: string, contactId: string): Promise<void>;
  removeRoster(accountId: string, milestoneRef: string, page: number): Promise<void>;
  /** whether the milestone's events went out for this account (a second release sends nothing) */
  isDone(accountId: string, milestoneRef: string): Promise<boolean>;
  markDone(accountId: string, milestoneRef: string): Promise<void>;
}

// ---------------------------------------------------------------- short-lived cache (adapter in store/)

/**
 * Copies of slow reads kept for a few seconds, so that re-opening a view is fast. Forge invocations share no memory,
 * so the copies live in KVS. A cache is an optimisation only: a failed read is a miss and a failed write is ignored
 * (both logged), never an error for the caller.
 */
export interface ShortCache {
  /** the value stored under `scope` and `id` if it has not expired; undefined otherwise */
  get(scope: string, id: string): Promise<unknown>;
  set(scope: string, id: string, value: SyncJson, ttlSeconds: number): Promise<void>;
}

// ---------------------------------------------------------------- TeamSupport request usage (adapter in store/)

/**
 * Each TeamSupport instance's requests per hour over the last day, metered by the app because TeamSupport limits
 * requests per 24 hours and reports nothing about what is left (docs/teamsupport-api.md §12). Added to once per
 * invocation that used the instance (sync/request-meter.ts), never once per request.
 */
export interface RequestUsageStore {
  /** the instance's record; undefined when there is none, or when it is corrupt (logged); throws when storage fails */
  read(instanceId: string): Promise<RequestUsage | undefined>;
  /**
   * Adds `change` so that additions made at the same time by other invocations are all kept. `known` is the record
   * as this invocation last read it, which saves reading it again. Never throws: a failure is logged and the change
   * is lost (the figure then errs low). Returns the record as finally written, undefined when the write failed.
   */
  add(instanceId: string, change: RequestUsage, known?: RequestUsage): Promise<RequestUsage | undefined>;
}

/** What a use case sees of the invocation's request meter (sync/request-meter.ts). */
export interface UsageMeter {
  /** the instance's record as stored; undefined when there is none or it cannot be read (logged) */
  read(instanceId: string): Promise<RequestUsage | undefined>;
  /** facts the invocation's record write carries along, e.g. when the pull ran */
  note(instanceId: string, facts: Omit<RequestUsage, 'hours'>): void;
}

// ---------------------------------------------------------------- work queues (adapter in entry/)

/** The Forge queues the sync consumers read; the admin's "Retry" puts a failed item's job back on one of them. */
export interface JobQueues {
  pushOutbound(job: OutboundJob): Promise<void>;
  /** `delaySeconds` (0–900) holds the job back, e.g. the first retry of a ticket set aside by a pull */
  pushInbound(job: InboundJob, options?: { delaySeconds?: number }): Promise<void>;
  /** hands the rest of an instance's pull to the inbound queue (one continuation at a time per instance) */
  continuePull(instanceId: string): Promise<void>;
}

// ---------------------------------------------------------------- event sinks (Brevo today; adapters in connectors/)

export type SinkValue = string | number | boolean | null;

/** A contact as the sink keeps it: upserted with the mapped attributes, and put on the lists mapped to its projects. */
export interface SinkContact {
  email: string;
  /** attribute name (upper case, as Brevo keeps it) → value */
  attributes: Record<string, SinkValue>;
  listIds: number[];
}

/** One event on a contact's timeline, sent once (sync/copy-once). */
export interface SinkEvent {
  /** e.g. `jira_issue_status_changed` */
  name: string;
  email: string;
  /** the Jira event's time, ISO-8601 UTC */
  eventDate: string;
  /** carries `sync_ref`, the marker by which a lost answer is found again (findEvent) */
  properties: Record<string, SinkValue>;
  /** attributes updated with the event */
  contactProperties?: Record<string, SinkValue>;
}

export interface SinkAttribute {
  name: string;
  /** Brevo's attribute types: text, date, float, boolean, id, category, … */
  type: string;
}

/** The sink's request quota as its last answer reported it (Brevo: the x-sib-ratelimit-* headers). */
export interface SinkRateLimit {
  remaining: number;
  limit: number;
  /** seconds until the quota's window resets, when the answer said */
  resetSeconds: number | null;
  /** when that answer arrived, ISO-8601 UTC */
  at: string;
}

/**
 * A customer-engagement system that receives events about Jira issues (Brevo today). Errors are IntegrationError with
 * a kind; a 429 carries `retryAfterMs` from the sink's own headers so the queue job comes back later.
 */
export interface EventSink {
  readonly kind: string;
  upsertContact(contact: SinkContact): Promise<void>;
  /** sends one event; never retried blindly after it may have reached the sink (its outcome is then unknown) */
  sendEvent(event: SinkEvent): Promise<void>;
  /** whether an event named `name` with `properties.sync_ref === syncRef` is on the contact's timeline since `since` */
  findEvent(email: string, name: string, syncRef: string, since: Date): Promise<boolean>;
  listLists(): Promise<Array<{ id: number; name: string }>>;
  listAttributes(): Promise<SinkAttribute[]>;
  createAttribute(attribute: SinkAttribute): Promise<void>;
  /** the account behind the key (API key accepted), for the test-connection checklist */
  account(): Promise<{ email: string; companyName: string }>;
  /** the quota the sink's last answer to this object reported; undefined before any answer, or when it said none */
  rateLimit?(): SinkRateLimit | undefined;
}

// ---------------------------------------------------------------- Brevo account figures (adapter in store/)

/** What the last successful Brevo job of an account left behind for the admin's status view. */
export interface BrevoAccountStats {
  /** ISO-8601 UTC */
  lastSuccessAt: string;
  /** the newest quota Brevo reported to a successful job; kept from an earlier job when a later one made no request */
  rateLimit?: SinkRateLimit;
}

/**
 * Small per-account records for the admin's Brevo status: written once per successful job and once per contact
 * upserted (not per request), read when the admin opens the status. Writes never throw: the figures are a view, and a
 * failure to record one must not fail the job that sent the events (the failure is logged).
 */
export interface BrevoStatsStore {
  recordSuccess(accountId: string, at: Date, rateLimit: SinkRateLimit | undefined): Promise<void>;
  read(accountId: string): Promise<BrevoAccountStats | undefined>;
  /** remembers that the app created or updated this contact (by the digest of its e-mail address) */
  markContact(accountId: string, emailDigest: string): Promise<void>;
  /**
   * How many contacts are marked, counted page by page; stops at `max` or when the budget runs short, and then says
   * `complete: false` (the count is a lower bound).
   */
  countContacts(
    accountId: string,
    options: { max: number; budget: Budget },
  ): Promise<{ count: number; complete: boolean }>;
}
