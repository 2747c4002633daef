// The figures of a Brevo account's status on the admin page that no other record holds, under plain keys:
//
// - `brevo-stats:<accountId>`: when the account's last job succeeded and the rate-limit quota Brevo last reported to
//   it. Written once per successful job (not per request): one write, plus one read when the job saw no quota.
// - `brevo-contact:<accountId>:<digest>`: one marker per contact the app created or updated, keyed by the digest of
//   the e-mail address (sync/brevo/contacts.ts `emailDigest`), so no address lands in a key. Written only when the
//   contact cache misses, which is at most once an hour per contact, next to the upsert it stands for; counted with a
//   paged prefix query (100 keys a request, docs/forge-platform.md §3.2) when an admin opens the status.
//
// Both carry a TTL of a year (the longest KVS allows), refreshed by every write: a contact that has not been touched
// for a year stops counting, and the records of a deleted account go away on their own.
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { Budget } from '../lib/budget';
import type { Logger } from '../lib/logger';
import type { BrevoStatsStore } from '../sync/ports/brevo-stats-store';
import type { BrevoAccountStats } from '../sync/records/brevo-stats';
import type { SinkRateLimit } from '../sync/records/sink';
import { fetchPage, MAX_PAGE_SIZE } from './entity-pages';
import { isKeyPart } from './keys';
import { storageCall } from './storage-errors';
import { parseStored } from './stored-record';
import { Timestamp, type Clock } from './time';

const STATS_PREFIX = 'brevo-stats:';
const CONTACT_PREFIX = 'brevo-contact:';
const TTL = { value: 365, unit: 'DAYS' } as const;
/** left for the rest of the resolver call when the time budget stops a count */
const PAGE_RESERVE_MS = 3_000;

const RateLimitSchema = z.object({
  remaining: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  resetSeconds: z.number().nonnegative().nullable(),
  at: Timestamp,
});

const StatsSchema = z.object({ lastSuccessAt: Timestamp, rateLimit: RateLimitSchema.optional() });

const DigestSchema = z.string().regex(/^[0-9a-f]{8,64}$/);

/** The key of an account's record; undefined for an id that cannot be part of a key (no such account, then). */
function statsKey(accountId: string): string | undefined {
  return isKeyPart(accountId) ? `${STATS_PREFIX}${accountId}` : undefined;
}

function contactPrefix(accountId: string): string | undefined {
  return isKeyPart(accountId) ? `${CONTACT_PREFIX}${accountId}:` : undefined;
}

function newer(a: SinkRateLimit | undefined, b: SinkRateLimit | undefined): SinkRateLimit | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a.at) >= Date.parse(b.at) ? a : b;
}

export class KvsBrevoStatsStore implements BrevoStatsStore {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async recordSuccess(accountId: string, at: Date, rateLimit: SinkRateLimit | undefined): Promise<void> {
    const key = statsKey(accountId);
    if (key === undefined) return;
    try {
      // A job that made no Brevo request (everything sent already, or nothing in scope) keeps the quota an earlier
      // job saw; a job that made one replaces it without reading first.
      const earlier = rateLimit === undefined ? await this.read(accountId) : undefined;
      const quota = newer(rateLimit, earlier?.rateLimit);
      const value: BrevoAccountStats = {
        lastSuccessAt: at.toISOString(),
        ...(quota === undefined ? {} : { rateLimit: RateLimitSchema.parse(quota) }),
      };
      await storageCall('recording a Brevo job', () => kvs.set(key, value, { ttl: TTL }));
    } catch (error) {
      this.logger.warn("Could not record a Brevo job's success for the status page", { accountId, error });
    }
  }

  async read(accountId: string): Promise<BrevoAccountStats | undefined> {
    const key = statsKey(accountId);
    if (key === undefined) return undefined;
    const raw = await storageCall('reading the Brevo status', () => kvs.get<unknown>(key));
    if (raw === undefined) return undefined;
    const stats = parseStored(StatsSchema, raw, { store: 'plain', key }, this.logger);
    if (stats === undefined) return undefined;
    return {
      lastSuccessAt: stats.lastSuccessAt,
      ...(stats.rateLimit === undefined ? {} : { rateLimit: stats.rateLimit }),
    };
  }

  async markContact(accountId: string, emailDigest: string): Promise<void> {
    const prefix = contactPrefix(accountId);
    if (prefix === undefined || !DigestSchema.safeParse(emailDigest).success) return;
    try {
      await storageCall('marking a Brevo contact', () =>
        kvs.set(`${prefix}${emailDigest}`, { at: this.clock().toISOString() }, { ttl: TTL }),
      );
    } catch (error) {
      this.logger.warn('Could not mark a Brevo contact for the status page', { accountId, error });
    }
  }

  async countContacts(
    accountId: string,
    options: { max: number; budget: Budget },
  ): Promise<{ count: number; complete: boolean }> {
    const prefix = contactPrefix(accountId);
    if (prefix === undefined) return { count: 0, complete: true };
    const query = (cursor: string | undefined) => {
      const builder = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(MAX_PAGE_SIZE);
      return (cursor === undefined ? builder : builder.cursor(cursor)).getMany();
    };
    let count = 0;
    let cursor: string | undefined;
    do {
      if (count >= options.max || options.budget.remainingMs() < PAGE_RESERVE_MS) {
        return { count, complete: false };
      }
      const page = await fetchPage('counting Brevo contacts', query, cursor);
      count += page.results.length;
      cursor = page.cursor;
    } while (cursor !== undefined);
    return { count, complete: true };
  }
}
