// The facts of a Jira issue that Brevo events and contact attributes carry, read from the issue as the app sees it.
import { z } from 'zod';
import type { IssueFacts } from '../../domain/brevo-event';
import type { JiraIssue } from '../../domain/jira';

/** the issue fields issueFacts needs, besides the ones every issue read has */
export const ISSUE_FACT_FIELDS = ['priority', 'created', 'resolution'];

const named = z.looseObject({ name: z.string() }).nullish();
export function issueFacts(issue: JiraIssue, siteUrl: string | undefined): IssueFacts {
  const fields = z
    .looseObject({
      priority: named.catch(null),
      resolution: named.catch(null),
      created: z.string().nullish().catch(null),
    })
    .parse(issue.fields);
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    priority: fields.priority?.name ?? null,
    issueType: issue.issueType,
    projectKey: issue.projectKey,
    created: fields.created ?? null,
    resolution: fields.resolution?.name ?? null,
    url: siteUrl === undefined ? null : `${siteUrl.replace(/\/+$/, '')}/browse/${issue.key}`,
  };
}
