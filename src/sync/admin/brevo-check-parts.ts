// What the lines of a Brevo account's connection test share: their names (the UI and the tests know them), what they
// need, and how a failure is worded for the admin (redacted: invariant 5).
import type { StoredBrevoAccount } from '../../domain/config';
import type { ConnectionCheck } from '../../domain/ticket';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import type { EventSink } from '../ports/event-sink';
import type { JiraPort } from '../ports/jira';

export const BREVO_CHECK = {
  apiKey: 'API key accepted',
  lists: 'Lists found',
  attributes: 'Attributes present',
  search: 'Jira search works with the filter',
  email: 'User e-mail lookup available',
} as const;

export interface BrevoConnectionReport {
  checks: ConnectionCheck[];
  /** mapped attributes Brevo does not have (what "Create missing attributes" would create) */
  missingAttributes: string[];
}

/** What the checks need: Jira as the app, the account's sink (undefined: no key stored), and the calling admin. */
export interface BrevoCheckDeps {
  jira: Pick<JiraPort, 'validateJql' | 'getUser'>;
  openEventSink(account: StoredBrevoAccount): Promise<EventSink | undefined>;
}

export function failureText(error: unknown): string {
  return redactText(describeError(error));
}
