// Issue entity properties over Jira REST v3, as the app (the IssuePropertyPort part of JiraRest): read, write and
// remove one property, and search issues with a property's value beside each. Writes are PUT and DELETE, which
// JiraHttp retries like reads: writing the same value again changes nothing, so a lost answer is simply retried.
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/
import { route } from '@forge/api';
import { z } from 'zod';
import { IntegrationError } from '../lib/errors';
import type { SyncJson } from '../sync/records/json';
import type { JiraHttp } from './http';

const propertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

const propertySearchSchema = z.looseObject({
  issues: z.array(
    z.looseObject({ id: z.string(), properties: z.record(z.string(), z.unknown()).optional() }),
  ),
  nextPageToken: z.string().optional(),
});

function parsed<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new IntegrationError('malformed', `Jira returned an unexpected ${what}`, { system: 'jira' });
  }
  return result.data;
}

async function unlessMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof IntegrationError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

export async function getIssueProperty(
  http: JiraHttp,
  issueId: string,
  key: string,
): Promise<{ value: unknown } | undefined> {
  const raw = await unlessMissing(http.request('app', route`/rest/api/3/issue/${issueId}/properties/${key}`));
  return raw === undefined ? undefined : { value: parsed(propertySchema, raw, 'issue property').value };
}

export async function setIssueProperty(
  http: JiraHttp,
  issueId: string,
  key: string,
  value: SyncJson,
): Promise<void> {
  await http.request('app', route`/rest/api/3/issue/${issueId}/properties/${key}`, {
    method: 'PUT',
    body: value,
  });
}

export async function deleteIssueProperty(http: JiraHttp, issueId: string, key: string): Promise<void> {
  // Absent already (removed by an earlier attempt whose answer was lost, or never written): nothing to do.
  await unlessMissing(
    http.request('app', route`/rest/api/3/issue/${issueId}/properties/${key}`, { method: 'DELETE' }),
  );
}

export async function searchIssuesWithProperty(
  http: JiraHttp,
  jql: string,
  key: string,
  page: { nextPageToken?: string; maxResults: number },
): Promise<{ issues: Array<{ id: string; property: unknown }>; nextPageToken?: string }> {
  // Enhanced search with `properties` (up to 5 keys) and no fields: the issue id and the one property per issue.
  const raw = await http.request('app', route`/rest/api/3/search/jql`, {
    method: 'POST',
    idempotent: true,
    body: {
      jql,
      fields: ['id'],
      properties: [key],
      maxResults: page.maxResults,
      ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
    },
  });
  const result = parsed(propertySearchSchema, raw, 'search result');
  return {
    issues: result.issues.map((issue) => ({ id: issue.id, property: issue.properties?.[key] })),
    ...(result.nextPageToken === undefined ? {} : { nextPageToken: result.nextPageToken }),
  };
}
