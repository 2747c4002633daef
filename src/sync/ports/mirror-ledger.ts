// The MirrorLedger port: the claims and completions that make each copy happen once (sync/copy-once.ts; adapter:
// store/mirror-ledger.ts).
import type {
  ClaimOutcome,
  CompleteOutcome,
  MirrorClaim,
  MirrorContext,
  MirrorItem,
  MirrorOrigin,
} from '../records/mirror';
import type { PreparedWrite } from '../records/prepared-write';

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
