// What the issue panel's use cases need from the outside world, all behind ports — the shared ones
// (sync/copy-deps.ts: Jira as the app for remote links, whose events must not echo back), Jira as the caller, the
// panel's cache of ticket details — and who is calling.
import type { Logger } from '../../lib/logger';
import type { CopyDeps } from '../copy-deps';
import type { JiraUserPort } from '../ports/jira-user';
import type { ShortCache } from '../ports/short-cache';

export interface PanelDeps extends CopyDeps {
  /** as the caller: what they may see and do */
  caller: JiraUserPort;
  cache: ShortCache;
  now(): Date;
  logger: Logger;
}

/** The issue the panel is open on, as the platform reports it (`context.extension.issue`), never from the payload. */
export interface PanelIssue {
  /** immutable: links are keyed on it */
  id: string;
  /** for display and notes only (keys change when an issue moves) */
  key: string;
}

/** One resolver call from the panel: the caller and the issue come from the platform, the payload from the UI. */
export interface PanelCall {
  accountId: string;
  issue: PanelIssue;
  /** the Jira site, when the platform says (used for the link back to the issue in ticket notes) */
  siteUrl?: string | undefined;
  payload: unknown;
}
