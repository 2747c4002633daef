// Each TeamSupport instance's metered requests under the plain key `ts-usage:<instanceId>` (docs/resolver-contract.md,
// "Storage keys"): requests per hour over the last day, when the scheduled pull last ran and when it last warned that
// it slowed down (domain/request-usage.ts, domain/request-budget.ts). One small record per instance, written once per
// invocation that used TeamSupport, with a TTL of two days renewed by every write, so a deleted instance's record goes
// away on its own.
//
// Several invocations add to the same record (the pull, queue jobs, the issue panel), so a plain read-modify-write
// would lose counts. Plain keys have no conditional write in Forge KVS (transaction conditions hold for custom
// entities only, docs/forge-platform.md §3.2), but a set can atomically return the value it replaced
// (`keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS'`). So an addition writes over the record as it last saw it and
// learns from the answer what it overwrote: whatever another invocation added in between comes back as a difference
// and is added in the next round (`lostBetween`). However the writes interleave, the counts add up once every writer
// has settled. A writer settles as soon as two of its writes follow each other with no other in between: it writes
// back what it lost at once, steps back for a random, growing pause (full jitter, as lib/retry backs off) when that
// met another writer too, and after MAX_ROUNDS gives up and logs it (the figure is then off by what it still owed).
// Measured in the sandbox: four invocations adding at the very same moment settle within four writes each.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { SLOW_PACES } from '../domain/request-budget';
import {
  addUsage,
  EMPTY_USAGE,
  isEmptyUsage,
  lostBetween,
  WINDOW_HOURS,
  type RequestUsage,
} from '../domain/request-usage';
import type { Logger } from '../lib/logger';
import type { RequestUsageStore } from '../sync/ports/request-usage-store';
import { isKeyPart } from './keys';
import { storageCall } from './storage-errors';
import { parseStored } from './stored-record';
import { Timestamp, type Clock } from './time';

const KEY_PREFIX = 'ts-usage:';
const TTL = { value: 2, unit: 'DAYS' } as const;
const MAX_ROUNDS = 10;
/** the longest wait between rounds grows from `base` and stops at `max`; each wait is a random part of it */
const ROUND_PAUSE_MS = { base: 50, max: 1_000 } as const;

const UsageSchema: z.ZodType<RequestUsage> = z.object({
  // Hour numbers since the epoch; a count may be below zero for a moment while a correction is on its way.
  hours: z
    .record(z.string().regex(/^\d{1,10}$/), z.number().int())
    .refine((hours) => Object.keys(hours).length <= 2 * WINDOW_HOURS, 'Too many hourly buckets.'),
  pulledAt: Timestamp.optional(),
  warned: z.partialRecord(z.enum(SLOW_PACES), Timestamp).optional(),
});

/** The key of an instance's record; undefined for an id that cannot be part of a key (no such instance, then). */
export function usageKey(instanceId: string): string | undefined {
  return isKeyPart(instanceId) ? `${KEY_PREFIX}${instanceId}` : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class KvsRequestUsageStore implements RequestUsageStore {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly pause: (ms: number) => Promise<void> = sleep,
    private readonly random: () => number = Math.random,
  ) {}

  async read(instanceId: string): Promise<RequestUsage | undefined> {
    const key = usageKey(instanceId);
    if (key === undefined) return undefined;
    const raw = await storageCall('reading TeamSupport request usage', () => kvs.get<unknown>(key));
    return raw === undefined
      ? undefined
      : parseStored(UsageSchema, raw, { store: 'plain', key }, this.logger);
  }

  async add(
    instanceId: string,
    change: RequestUsage,
    known?: RequestUsage,
  ): Promise<RequestUsage | undefined> {
    const key = usageKey(instanceId);
    if (key === undefined || isEmptyUsage(change)) return known;
    try {
      let base = known ?? (await this.read(instanceId)) ?? EMPTY_USAGE;
      let owed = change;
      for (let round = 1; ; round++) {
        const next = addUsage(base, owed, this.clock());
        const replaced = await storageCall('recording TeamSupport request usage', () =>
          kvs.set<RequestUsage, unknown>(key, next, {
            keyPolicy: 'OVERRIDE',
            returnValue: 'PREVIOUS',
            ttl: TTL,
          }),
        );
        // Nothing there: the record expired or was removed, and what was written is all there is. A corrupt value is
        // taken as the one last seen (it cannot tell what was added).
        const found =
          replaced === undefined
            ? EMPTY_USAGE
            : (parseStored(UsageSchema, replaced.value, { store: 'plain', key }, this.logger) ?? base);
        owed = lostBetween(base, found, next);
        base = next;
        if (isEmptyUsage(owed)) return next;
        if (round >= MAX_ROUNDS) {
          this.logger.warn('Gave up recording TeamSupport request usage: other invocations kept writing it', {
            instanceId,
            rounds: round,
          });
          return next;
        }
        // What a write lost is written back at once: the window in which another writer can come between is one
        // request. Only when that write met another too does the writer step back for a random, growing pause, so
        // that writers who keep meeting fall out of step (waiting after every write would only widen the window).
        if (round % 2 === 0) {
          const ceiling = Math.min(ROUND_PAUSE_MS.max, ROUND_PAUSE_MS.base * 2 ** (round / 2 - 1));
          await this.pause(Math.round(this.random() * ceiling));
        }
      }
    } catch (error) {
      // The figure is a meter: a failure to record it must never fail the sync that made the requests.
      this.logger.warn('Could not record TeamSupport request usage', { instanceId, error });
      return undefined;
    }
  }
}
