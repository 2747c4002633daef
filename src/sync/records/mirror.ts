// What the MirrorLedger (sync/ports/mirror-ledger.ts) keeps and answers: the items copied at most once, the claims on
// them, and where each copy came from.

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
