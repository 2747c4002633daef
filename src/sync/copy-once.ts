// The one step every write that must happen exactly once goes through: a ticket action from a Jira comment, a Jira
// comment from a ticket action, a note on a ticket, an issue escalated from a ticket (invariants 1, 2 and 8 in
// docs/architecture.md). Its rules:
// - claim the item in the mirror ledger first; of two workers exactly one gets it;
// - a reclaimed item (an earlier holder stopped without completing) is first looked for on the target, by the marker
//   every copy carries, and completed when found;
// - a write that provably did not reach the target is released, so a retry may claim it again at once;
// - a write whose outcome is unknown (no answer, a 5xx after sending, an unreadable success) keeps its claim and is
//   reopened shortly, so the next attempt looks before it writes; it is never repeated blindly;
// - after the write: the origin record (so the pull never copies it back), then the completion. If either fails, the
//   copy still counts as written (its marker keeps it from echoing); the claim runs out and the next attempt finds
//   the copy by its marker and records it then.
import { describeError, IntegrationError, mayHaveApplied } from '../lib/errors';
import type { MirrorLedger } from './ports/mirror-ledger';
import type { MirrorClaim, MirrorContext, MirrorItem } from './records/mirror';
import type { PreparedWrite } from './records/prepared-write';

export interface CopyOnce {
  item: MirrorItem;
  context: MirrorContext;
  /** what is being copied, for messages: "comment 10001 to ticket #12" */
  describe: string;
  /** the id of a copy written earlier, found on the target by its marker; undefined when there is none */
  find(): Promise<string | undefined>;
  /** writes the copy and returns its id on the target */
  write(): Promise<string>;
  /** the item the copy is on its own side, recorded as created by the app so that it is never copied back */
  origin?: (targetId: string) => { item: MirrorItem; sourceId: string };
  /** writes that describe the copy (the link's sync state, a sync-log entry): stored with its completion */
  alongside?: () => readonly PreparedWrite[];
}

export type CopyOnceResult =
  /**
   * written now; `recorded` is false when the ledger (and the `alongside` writes) could not be brought up to date
   * (the ledger is repaired on a later attempt)
   */
  | { status: 'written'; targetId: string; recorded: boolean }
  /** an earlier attempt had written it; now recorded */
  | { status: 'found'; targetId: string }
  /** the ledger says it was copied (or created by the app) before */
  | { status: 'done'; targetId: string; createdByApp: boolean }
  /** another worker holds the claim: try again later */
  | { status: 'busy' };

export interface CopyOnceOptions {
  leaseMs: number;
  /** how soon after an unknown outcome the next attempt may look for the write (time for the target to settle) */
  reopenAfterMs: number;
}

/** The write may have happened: the claim is kept and the next attempt looks on the target before writing. */
export class OutcomeUnknownError extends IntegrationError {
  constructor(describe: string, cause: unknown) {
    super(
      'transient',
      `It is not known whether ${describe} was written (${describeError(cause)}); the next attempt looks for it ` +
        'before writing, so it is never written twice.',
      { system: 'sync', outcomeUnknown: true },
    );
  }
}

/** The completion and the origin record, in one storage request while the claim is still held. */
async function settle(ledger: MirrorLedger, copy: CopyOnce, claim: MirrorClaim, targetId: string) {
  const origin = copy.origin?.(targetId);
  await ledger.complete(
    claim,
    targetId,
    origin && { ...origin, context: copy.context },
    copy.alongside?.() ?? [],
  );
}

export async function copyOnce(
  ledger: MirrorLedger,
  copy: CopyOnce,
  options: CopyOnceOptions,
): Promise<CopyOnceResult> {
  const claimed = await ledger.claim(copy.item, { leaseMs: options.leaseMs, ...copy.context });
  if (claimed.status === 'done') {
    return { status: 'done', targetId: claimed.targetId, createdByApp: claimed.createdByApp };
  }
  if (claimed.status === 'in-progress') return { status: 'busy' };
  const { claim } = claimed;
  if (claimed.status === 'reclaimed') {
    // A failed look-up leaves the claim as it is: the item stays pending and is looked for again later.
    const found = await copy.find();
    if (found !== undefined) {
      await settle(ledger, copy, claim, found);
      return { status: 'found', targetId: found };
    }
  }
  let targetId: string;
  try {
    targetId = await copy.write();
  } catch (error) {
    if (!mayHaveApplied(error)) {
      // Nothing was written: a retry may claim the item again at once. A failed release only delays that retry.
      await ledger.release(claim).catch(() => false);
      throw error;
    }
    await ledger.reopenAfter(claim, options.reopenAfterMs).catch(() => false);
    throw new OutcomeUnknownError(copy.describe, error);
  }
  const recorded = await settle(ledger, copy, claim, targetId).then(
    () => true,
    () => false,
  );
  return { status: 'written', targetId, recorded };
}
