// The stored items of every key space, with TTL expiry judged against the injected clock: an expired item is
// invisible to every operation from the moment it expires.
import type { Namespace, StoredItem } from './types';

export interface SpaceDump {
  ns: Namespace;
  items: Array<[string, StoredItem]>;
}

interface Space {
  ns: Namespace;
  items: Map<string, StoredItem>;
}

function spaceId(ns: Namespace): string {
  return ns.kind === 'entity' ? `entity:${ns.entityName}` : ns.kind;
}

export class ItemStore {
  private readonly spaces = new Map<string, Space>();

  constructor(private readonly now: () => number) {}

  private items(ns: Namespace): Map<string, StoredItem> {
    const id = spaceId(ns);
    let space = this.spaces.get(id);
    if (!space) {
      space = { ns, items: new Map() };
      this.spaces.set(id, space);
    }
    return space.items;
  }

  private isLive(item: StoredItem): boolean {
    return item.expiresAt === undefined || item.expiresAt > this.now();
  }

  get(ns: Namespace, key: string): StoredItem | undefined {
    const item = this.items(ns).get(key);
    return item && this.isLive(item) ? item : undefined;
  }

  put(ns: Namespace, key: string, item: StoredItem): void {
    this.items(ns).set(key, item);
  }

  /** Returns whether a live item was removed. */
  delete(ns: Namespace, key: string): boolean {
    const existed = this.get(ns, key) !== undefined;
    this.items(ns).delete(key);
    return existed;
  }

  /** Live items of one key space, in no particular order. */
  entries(ns: Namespace): Array<[string, StoredItem]> {
    return [...this.items(ns)].filter(([, item]) => this.isLive(item));
  }

  size(): number {
    let count = 0;
    for (const space of this.spaces.values()) count += this.entries(space.ns).length;
    return count;
  }

  clear(): void {
    this.spaces.clear();
  }

  /** Live items only: an expired item is gone for every reader, so it is not worth persisting. */
  dump(): SpaceDump[] {
    return [...this.spaces.values()].map(({ ns }) => ({ ns, items: this.entries(ns) }));
  }

  load(spaces: SpaceDump[]): void {
    this.clear();
    for (const { ns, items } of spaces) {
      for (const [key, item] of items) this.put(ns, key, item);
    }
  }
}
