// What every use case of the emulated Jira shares (store, clock, events, limits, indexed properties), and the
// permission check.
import type { EventBus } from '../events/bus';
import type { IssueWriteLimiter } from '../faults/issue-write-limiter';
import type { PropertyIndex } from '../jql/property-index';
import type { Clock } from '../state/clock';
import { holdsPermission, type PermissionKey } from '../state/permissions';
import type { JiraStore } from '../state/store';
import type { Actor } from '../state/types';

/** Everything the use cases of the emulated site share. */
export interface JiraCore {
  store: JiraStore;
  clock: Clock;
  events: EventBus;
  writeLimiter: IssueWriteLimiter;
  appAccountId: string;
  /** the issue property paths JQL can search: the installed app's jira:entityProperty modules */
  propertyIndex: PropertyIndex;
  baseUrl(): string;
}

export function can(core: JiraCore, actor: Actor, key: PermissionKey, projectId?: string): boolean {
  return holdsPermission(core.store.grants.get(actor.accountId), key, projectId);
}
