// A link between a Jira issue and a ticket, as stored (sync/ports/link-repository.ts), and what creating, paging and
// syncing one answers.

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

/** What a sync of one link writes on it: a success when `error` is absent. */
export interface LinkSyncUpdate {
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
