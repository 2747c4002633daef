// The UsageMeter port: what a use case sees of the invocation's request meter (sync/request-meter.ts).
import type { RequestUsage } from '../../domain/request-usage';

/** What a use case sees of the invocation's request meter (sync/request-meter.ts). */
export interface UsageMeter {
  /** the instance's record as stored; undefined when there is none or it cannot be read (logged) */
  read(instanceId: string): Promise<RequestUsage | undefined>;
  /** facts the invocation's record write carries along, e.g. when the pull ran */
  note(instanceId: string, facts: Omit<RequestUsage, 'hours'>): void;
}
