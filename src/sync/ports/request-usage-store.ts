// The RequestUsageStore port: each TeamSupport instance's metered requests of the last day (adapter:
// store/teamsupport-usage.ts).
import type { RequestUsage } from '../../domain/request-usage';

/**
 * Each TeamSupport instance's requests per hour over the last day, metered by the app because TeamSupport limits
 * requests per 24 hours and reports nothing about what is left (docs/teamsupport-api.md §12). Added to once per
 * invocation that used the instance (sync/request-meter.ts), never once per request.
 */
export interface RequestUsageStore {
  /** the instance's record; undefined when there is none, or when it is corrupt (logged); throws when storage fails */
  read(instanceId: string): Promise<RequestUsage | undefined>;
  /**
   * Adds `change` so that additions made at the same time by other invocations are all kept. `known` is the record
   * as this invocation last read it, which saves reading it again. Never throws: a failure is logged and the change
   * is lost (the figure then errs low). Returns the record as finally written, undefined when the write failed.
   */
  add(instanceId: string, change: RequestUsage, known?: RequestUsage): Promise<RequestUsage | undefined>;
}
