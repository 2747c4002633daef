// What the Brevo use case needs from the outside world, all behind ports, and the account settings it reads.
import type { AttributeMapping, BrevoEventKind } from '../../domain/brevo-event';
import type { CopyOnceOptions } from '../copy-once';
import type { BrevoStatsStore } from '../ports/brevo-stats-store';
import type { EventSink } from '../ports/event-sink';
import type { JiraPort } from '../ports/jira';
import type { MirrorLedger } from '../ports/mirror-ledger';
import type { ShortCache } from '../ports/short-cache';
import type { SyncLog } from '../ports/sync-log';

export type ContactRole = 'reporter' | 'assignee' | 'requestParticipants';

/** The settings of a Brevo account the use case acts on (the admin page's "Brevo account"). */
export interface BrevoAccountSettings {
  id: string;
  name: string;
  active: boolean;
  projects: 'all' | readonly string[];
  issueTypes: 'all' | readonly string[];
  jql?: string | undefined;
  events: Readonly<Record<BrevoEventKind, boolean>>;
  contactRoles: readonly ContactRole[];
  attributeMappings: readonly AttributeMapping[];
  projectLists: ReadonlyArray<{ projectKey: string; listId: number }>;
}

export type AccountRead =
  { ok: true; account: BrevoAccountSettings | undefined } | { ok: false; reason: string };

export interface BrevoDeps {
  jira: JiraPort;
  ledger: MirrorLedger;
  log: SyncLog;
  /** remembers which contacts are up to date, so an unchanged contact is not upserted again */
  cache: ShortCache;
  /** the account's figures for the admin's status: a job's success, the contacts upserted (sync/brevo/stats.ts) */
  stats: BrevoStatsStore;
  copy: CopyOnceOptions;
  readAccount(accountId: string): Promise<AccountRead>;
  /** undefined when the account has no API key */
  openEventSink(account: BrevoAccountSettings): Promise<EventSink | undefined>;
  /** the Jira site's address, for links to issues in events; undefined when unknown */
  siteUrl(): Promise<string | undefined>;
}
