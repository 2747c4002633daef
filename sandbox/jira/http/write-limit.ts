// Charges a REST write to an issue against Jira's per-issue write limit (the emulator's 429 jira-per-issue-on-write).
import type { JiraCore } from '../service/core';
import type { Issue } from '../state/types';
import { rateLimited } from './errors';

/** Counts a REST write against the issue's per-issue budget; 429 `jira-per-issue-on-write` when spent. */
export function chargeIssueWrite(core: JiraCore, issue: Issue): void {
  const charge = core.writeLimiter.charge(issue.id);
  if (!charge.allowed) throw rateLimited('jira-per-issue-on-write', charge.retryAfterSeconds);
}
