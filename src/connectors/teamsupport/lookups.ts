// The organization's lookup lists (docs/teamsupport-api.md §4, §6), read once per connector object — that is, once per
// invocation — because names must be turned into ids for every write (PUT takes ids only, actions take ActionTypeID
// only). These lists are filtered in memory by the server, so they are requested without any query parameter
// (docs/teamsupport-api.md §10). The lists an admin rarely changes (ticket types, statuses, action types) are also kept
// in a LookupCache across invocations when one is given, so a comment sent to a ticket costs no lookup request of the
// organization's daily allowance; the connection test reads them fresh and refreshes the cache.
import { z } from 'zod';
import type { TeamSupportClient } from './client';
import {
  lookupSchemas,
  parseWire,
  type WireNamed,
  type WireTicketStatus,
  type WireTicketType,
  type WireUser,
  type WireVersion,
} from './schemas';

/** TeamSupport compares lookup names ignoring case and surrounding blanks. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function findByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  return items.find((item) => sameName(nameOf(item), name));
}

const sortByPosition = <T extends { Position: number }>(items: T[]): T[] =>
  [...items].sort((a, b) => a.Position - b.Position);

/** One lazily loaded value; a failed load is forgotten so the next call tries again. */
class Memo<T> {
  private value: Promise<T> | undefined;

  get(load: () => Promise<T>): Promise<T> {
    if (!this.value) {
      const loading = load();
      this.value = loading;
      loading.catch(() => {
        if (this.value === loading) this.value = undefined;
      });
    }
    return this.value;
  }
}

/** Where lookup lists outlive an invocation (the app's short cache): raw answers, parsed again when read. */
export interface LookupCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: z.core.util.JSONType): Promise<void>;
}

const rawAnswer = z.json();

export class TeamSupportLookups {
  /** true while the connection test runs: lists come from TeamSupport and refresh the cache */
  private fresh = false;

  private readonly ticketTypeList = new Memo<WireTicketType[]>();
  private readonly statusList = new Memo<WireTicketStatus[]>();
  private readonly actionTypeList = new Memo<WireNamed[]>();
  private readonly severityList = new Memo<WireNamed[]>();
  private readonly productList = new Memo<WireNamed[]>();
  private readonly userList = new Memo<WireUser[]>();
  private readonly versionLists = new Map<string, Memo<WireVersion[]>>();

  constructor(
    private readonly client: TeamSupportClient,
    private readonly cache?: LookupCache,
  ) {}

  /** Reads the cached lists from TeamSupport again (and stores them), e.g. for the connection test. */
  readFresh(): void {
    this.fresh = true;
  }

  ticketTypes(): Promise<WireTicketType[]> {
    return this.ticketTypeList.get(() =>
      this.cachedList('/properties/tickettypes', 'TicketTypes', lookupSchemas.ticketTypes).then(
        sortByPosition,
      ),
    );
  }

  /** Every status of every ticket type; statuses belong to one type each (docs/teamsupport-api.md §4). */
  ticketStatuses(): Promise<WireTicketStatus[]> {
    return this.statusList.get(() =>
      this.cachedList('/properties/ticketstatuses', 'TicketStatuses', lookupSchemas.ticketStatuses).then(
        sortByPosition,
      ),
    );
  }

  async statusesOfType(ticketTypeId: string): Promise<WireTicketStatus[]> {
    return (await this.ticketStatuses()).filter((status) => status.TicketTypeID === ticketTypeId);
  }

  actionTypes(): Promise<WireNamed[]> {
    return this.actionTypeList.get(() =>
      this.cachedList('/properties/actiontypes', 'ActionTypes', lookupSchemas.actionTypes).then(
        sortByPosition,
      ),
    );
  }

  severities(): Promise<WireNamed[]> {
    return this.severityList.get(() =>
      this.list('/properties/ticketseverities', 'TicketSeverities', lookupSchemas.severities).then(
        sortByPosition,
      ),
    );
  }

  products(): Promise<WireNamed[]> {
    return this.productList.get(() => this.list('/products', 'Products', lookupSchemas.products));
  }

  versions(productId: string): Promise<WireVersion[]> {
    if (!/^\d+$/.test(productId)) return Promise.resolve([]);
    let memo = this.versionLists.get(productId);
    if (!memo) {
      memo = new Memo<WireVersion[]>();
      this.versionLists.set(productId, memo);
    }
    return memo.get(() => this.list(`/products/${productId}/versions`, 'Versions', lookupSchemas.versions));
  }

  users(): Promise<WireUser[]> {
    return this.userList.get(() => this.list('/users', 'Users', lookupSchemas.users));
  }

  private async list<T>(path: string, root: string, schema: z.ZodType<{ items: T[] }>): Promise<T[]> {
    return this.client.get(path, {
      parse: (json) => parseWire(schema, json, { what: `a ${root} list`, root }).items,
    });
  }

  /** A list from the cache when it holds one that still parses; otherwise from TeamSupport, then cached. */
  private async cachedList<T>(path: string, root: string, schema: z.ZodType<{ items: T[] }>): Promise<T[]> {
    const cache = this.cache;
    if (!cache) return this.list(path, root, schema);
    if (!this.fresh) {
      const cached = schema.safeParse(await cache.get(root).catch(() => undefined));
      if (cached.success) return cached.data.items;
    }
    let raw: z.core.util.JSONType | undefined;
    const items = await this.client.get(path, {
      parse: (json) => {
        const answer = rawAnswer.safeParse(json);
        if (answer.success) raw = answer.data;
        return parseWire(schema, json, { what: `a ${root} list`, root }).items;
      },
    });
    if (raw !== undefined) await cache.set(root, raw).catch(() => undefined);
    return items;
  }
}
