// A storage write one store prepares and another applies inside its own transaction, all or nothing: a link's sync
// state and a sync-log entry are written with the ledger completion of the copy they describe, so a copied item costs
// one storage request instead of three (docs/reliability.md, "What a copy costs"). Also applied on its own when there
// is no transaction to ride on; its conditions hold either way.
import type { PreparedWrite } from '../sync/records/prepared-write';
import { transactIfHolds } from './entity-writes';

export type Transaction = Parameters<Parameters<typeof transactIfHolds>[1]>[0];

export class KvsPreparedWrite implements PreparedWrite {
  constructor(
    readonly description: string,
    /** adds the write (with its conditions) to a transaction */
    readonly addTo: (tx: Transaction) => Transaction,
    /** runs once the write is stored (e.g. the console line of a sync-log entry) */
    private readonly onStored: () => void = () => undefined,
  ) {}

  stored(): void {
    this.onStored();
  }

  async apply(): Promise<boolean> {
    const written = await transactIfHolds(this.description, (tx) => this.addTo(tx));
    if (written) this.stored();
    return written;
  }
}

/** The KVS writes among `writes`; a write prepared by anything else cannot join a KVS transaction. */
export function kvsWrites(writes: readonly PreparedWrite[]): KvsPreparedWrite[] {
  return writes.map((write) => {
    if (write instanceof KvsPreparedWrite) return write;
    throw new TypeError(`"${write.description}" was not prepared by the KVS store`);
  });
}
