// A storage write one store prepares and another applies with its own, all or nothing (store/prepared-write.ts).

/**
 * A storage write one store prepares and another applies in the same transaction, all or nothing (a link's sync state
 * and a sync-log entry ride on the ledger completion of the copy they describe); `apply` writes it on its own.
 */
export interface PreparedWrite {
  readonly description: string;
  /** false when its condition did not hold (e.g. the link was removed meanwhile) */
  apply(): Promise<boolean>;
}
