// The mirror ledger (custom entity `mirror`): one item per source item copied to the other side, claimed BEFORE the
// copy is written (docs/sync-design.md §3), so retries, redelivered events and overlapping pull windows never write
// twice. A claim is created with FAIL_IF_EXISTS, so of concurrent claimers exactly one wins. A claim carries a lease:
// when its holder crashes, the item is not lost but reclaimed once the lease has run out, by a transaction whose
// condition is that the stale claim is still the one stored (its token unchanged), so of concurrent reclaimers exactly
// one wins too. A reclaimer must read the target side before writing, since the crashed holder may have written.
import { randomUUID } from 'node:crypto';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';
import { IntegrationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { MirrorLedger } from '../sync/ports/mirror-ledger';
import type {
  ClaimOutcome,
  CompleteOutcome,
  MirrorClaim,
  MirrorContext,
  MirrorItem,
  MirrorOrigin,
} from '../sync/records/mirror';
import type { PreparedWrite } from '../sync/records/prepared-write';
import { createIfAbsent, transactIfHolds } from './entity-writes';
import { mirrorKey } from './keys';
import { kvsWrites } from './prepared-write';
import { STORAGE_SYSTEM, storageCall } from './storage-errors';
import { parseStored } from './stored-record';
import { Timestamp, type Clock } from './time';

const MIRROR_ENTITY = 'mirror';
/** Rounds of "write, lost a race, read again" before giving up; each lost round means another writer made progress. */
const MAX_ROUNDS = 3;
const MAX_LEASE_MS = 24 * 60 * 60 * 1000;

const common = {
  instanceId: z.string().min(1),
  claimToken: z.string().min(1),
  claimedAt: Timestamp,
  attempt: z.number().int().nonnegative(),
  issueId: z.string().optional(),
  ticketId: z.string().optional(),
};

const MirrorRecordSchema = z.discriminatedUnion('state', [
  z.object({ ...common, state: z.literal('claimed'), leaseExpiresAt: Timestamp }),
  z.object({
    ...common,
    state: z.literal('done'),
    completedAt: Timestamp,
    targetId: z.string().min(1),
    createdByApp: z.boolean(),
  }),
]);
type MirrorRecord = z.output<typeof MirrorRecordSchema>;

const LeaseSchema = z.number().int().positive().max(MAX_LEASE_MS);
const TokenOfAnyRecord = z.looseObject({
  claimToken: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

/**
 * The condition "the item is still exactly what was read": its claim token is unchanged. It is built from the raw
 * value, so that a corrupt record can be replaced just as safely as a stale one.
 */
function unchangedSince(raw: unknown) {
  const token = TokenOfAnyRecord.safeParse(raw);
  const filter = new Filter<MirrorRecord>();
  if (token.success && token.data.claimToken !== undefined) {
    return filter.and('claimToken', FilterConditions.equalTo(token.data.claimToken));
  }
  // An absent item (or one without a token) has no claimToken attribute.
  return filter.and('claimToken', FilterConditions.notExists());
}

function raceLost(): IntegrationError {
  return new IntegrationError('conflict', 'The mirror ledger entry kept changing; try again.', {
    system: STORAGE_SYSTEM,
  });
}

export class KvsMirrorLedger implements MirrorLedger {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async claim(item: MirrorItem, options: { leaseMs: number } & MirrorContext): Promise<ClaimOutcome> {
    const leaseMs = LeaseSchema.parse(options.leaseMs);
    const key = mirrorKey(item);
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const now = this.clock();
      const fresh = this.claimRecord(item, now, leaseMs, 1, options);
      if (await createIfAbsent(MIRROR_ENTITY, key, fresh, 'claiming an item')) {
        return { status: 'claimed', claim: this.claimOf(item, fresh) };
      }
      const raw = await this.getRaw(key);
      if (raw === undefined) continue; // released between the two calls: claim again
      const current = parseStored(MirrorRecordSchema, raw, { store: MIRROR_ENTITY, key }, this.logger);
      if (current?.state === 'done') {
        return { status: 'done', targetId: current.targetId, createdByApp: current.createdByApp };
      }
      if (current !== undefined && Date.parse(current.leaseExpiresAt) > now.getTime()) {
        return { status: 'in-progress', leaseExpiresAt: current.leaseExpiresAt };
      }
      // Stale (or corrupt, which is treated the same way: the item must not be lost, and the caller reads first).
      const next = this.claimRecord(item, now, leaseMs, (current?.attempt ?? 0) + 1, {
        issueId: options.issueId ?? current?.issueId,
        ticketId: options.ticketId ?? current?.ticketId,
      });
      const won = await transactIfHolds('reclaiming an item', (tx) =>
        tx.set(key, next, { entityName: MIRROR_ENTITY, conditions: unchangedSince(raw) }),
      );
      if (won) {
        this.logger.info('Reclaimed a mirror item after its lease ran out', { key, attempt: next.attempt });
        return { status: 'reclaimed', claim: this.claimOf(item, next) };
      }
    }
    throw raceLost();
  }

  async complete(
    claim: MirrorClaim,
    targetId: string,
    origin?: MirrorOrigin,
    alongside: readonly PreparedWrite[] = [],
  ): Promise<CompleteOutcome> {
    const target = z.string().min(1).max(255).parse(targetId);
    if (await this.completeHeldClaim(claim, target, origin, alongside)) return { status: 'completed' };
    // The claim is no longer the one stored (taken over, or completed by someone else): settle it by reading.
    if (origin) await this.recordOrigin(origin.item, origin.sourceId, origin.context);
    const outcome = await this.completeByReading(claim, target);
    for (const write of alongside) await write.apply();
    return outcome;
  }

  /**
   * The common case in one request and no read: the claim as this worker made it is still stored, so the completed
   * record is built from the claim and written on that condition, with the origin record in the same transaction.
   * False when the condition did not hold (or the claim does not say when it was made).
   */
  private async completeHeldClaim(
    claim: MirrorClaim,
    target: string,
    origin: MirrorOrigin | undefined,
    alongside: readonly PreparedWrite[],
  ) {
    if (claim.claimedAt === undefined) return false;
    const writes = kvsWrites(alongside);
    const key = mirrorKey(claim.item);
    const now = this.clock().toISOString();
    const done: MirrorRecord = {
      instanceId: claim.item.instanceId,
      state: 'done',
      claimToken: claim.token,
      claimedAt: claim.claimedAt,
      attempt: claim.attempt,
      completedAt: now,
      targetId: target,
      createdByApp: false,
      ...this.context(claim.context ?? {}),
    };
    const stillHeld = new Filter<MirrorRecord>()
      .and('claimToken', FilterConditions.equalTo(claim.token))
      .and('state', FilterConditions.equalTo('claimed'));
    const completed = await transactIfHolds('completing an item', (tx) => {
      let next = tx.set(key, done, { entityName: MIRROR_ENTITY, conditions: stillHeld });
      if (origin) {
        next = next.set(mirrorKey(origin.item), this.originRecord(origin, now), {
          entityName: MIRROR_ENTITY,
        });
      }
      return writes.reduce((built, write) => write.addTo(built), next);
    });
    if (completed) writes.forEach((write) => write.stored());
    return completed;
  }

  private async completeByReading(claim: MirrorClaim, target: string): Promise<CompleteOutcome> {
    const key = mirrorKey(claim.item);
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const raw = await this.getRaw(key);
      const current =
        raw === undefined
          ? undefined
          : parseStored(MirrorRecordSchema, raw, { store: MIRROR_ENTITY, key }, this.logger);
      if (current?.state === 'done') {
        return current.targetId === target
          ? { status: 'completed' }
          : { status: 'already-done', targetId: current.targetId };
      }
      // The target has been written, so "done" is the truth even if this claim's lease ran out and someone reclaimed
      // the item meanwhile: recording it stops that reclaimer (or any later one) from writing a second copy.
      const now = this.clock().toISOString();
      const done: MirrorRecord = {
        instanceId: claim.item.instanceId,
        state: 'done',
        claimToken: claim.token,
        claimedAt: current?.claimedAt ?? now,
        attempt: claim.attempt,
        completedAt: now,
        targetId: target,
        createdByApp: false,
        ...this.context(current ?? {}),
      };
      const written = await transactIfHolds('completing an item', (tx) =>
        tx.set(key, done, { entityName: MIRROR_ENTITY, conditions: unchangedSince(raw) }),
      );
      if (written) return { status: 'completed' };
    }
    throw raceLost();
  }

  async release(claim: MirrorClaim): Promise<boolean> {
    const key = mirrorKey(claim.item);
    // Only this very claim: a holder whose lease ran out must not delete the claim of whoever took the item over.
    const stillHeld = new Filter<MirrorRecord>()
      .and('claimToken', FilterConditions.equalTo(claim.token))
      .and('state', FilterConditions.equalTo('claimed'));
    return transactIfHolds('releasing an item', (tx) =>
      tx.delete(key, { entityName: MIRROR_ENTITY, conditions: stillHeld }),
    );
  }

  async reopenAfter(claim: MirrorClaim, afterMs: number): Promise<boolean> {
    const key = mirrorKey(claim.item);
    const raw = await this.getRaw(key);
    const current =
      raw === undefined
        ? undefined
        : parseStored(MirrorRecordSchema, raw, { store: MIRROR_ENTITY, key }, this.logger);
    if (current?.state !== 'claimed' || current.claimToken !== claim.token) return false;
    const leaseExpiresAt = new Date(this.clock().getTime() + Math.max(0, afterMs)).toISOString();
    // Only ever shortens the lease: a later takeover is what the caller asks for, never a longer hold.
    if (Date.parse(leaseExpiresAt) >= Date.parse(current.leaseExpiresAt)) return true;
    return transactIfHolds('reopening an item', (tx) =>
      tx.set(
        key,
        { ...current, leaseExpiresAt },
        { entityName: MIRROR_ENTITY, conditions: unchangedSince(raw) },
      ),
    );
  }

  async recordOrigin(item: MirrorItem, sourceId: string, context: MirrorContext = {}): Promise<void> {
    const record = this.originRecord({ item, sourceId, context }, this.clock().toISOString());
    await storageCall('recording an item created by the app', () =>
      kvs.entity<MirrorRecord>(MIRROR_ENTITY).set(mirrorKey(item), record),
    );
  }

  private originRecord(origin: MirrorOrigin, now: string): MirrorRecord {
    return {
      instanceId: origin.item.instanceId,
      state: 'done',
      claimToken: randomUUID(),
      claimedAt: now,
      attempt: 0,
      completedAt: now,
      targetId: z.string().min(1).max(255).parse(origin.sourceId),
      createdByApp: true,
      ...this.context(origin.context ?? {}),
    };
  }

  private claimRecord(
    item: MirrorItem,
    now: Date,
    leaseMs: number,
    attempt: number,
    context: MirrorContext,
  ): MirrorRecord & { state: 'claimed' } {
    return {
      instanceId: item.instanceId,
      state: 'claimed',
      claimToken: randomUUID(),
      claimedAt: now.toISOString(),
      leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(),
      attempt,
      ...this.context(context),
    };
  }

  private claimOf(item: MirrorItem, record: MirrorRecord & { state: 'claimed' }): MirrorClaim {
    return {
      item,
      token: record.claimToken,
      leaseExpiresAt: record.leaseExpiresAt,
      attempt: record.attempt,
      claimedAt: record.claimedAt,
      context: this.context(record),
    };
  }

  /** Only the context attributes that are set: entity attributes cannot hold undefined. */
  private context(context: MirrorContext): MirrorContext {
    return {
      ...(context.issueId === undefined ? {} : { issueId: context.issueId }),
      ...(context.ticketId === undefined ? {} : { ticketId: context.ticketId }),
    };
  }

  private async getRaw(key: string): Promise<unknown> {
    return storageCall('reading the mirror ledger', () => kvs.entity<unknown>(MIRROR_ENTITY).get(key));
  }
}
