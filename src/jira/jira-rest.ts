// The Jira port over @forge/api. Writes that must not echo back (comments from tickets, escalated issues, remote links)
// go asApp(), so ignoreSelf filters their events; permission checks for Custom UI callers go asUser().
import { route } from '@forge/api';
import type { z } from 'zod';
import type { AdfDoc } from '../domain/content';
import type { JiraComment, JiraField, JiraIssue } from '../domain/jira';
import { IntegrationError } from '../lib/errors';
import { logger } from '../lib/logger';
import type { JiraPort } from '../sync/ports/jira';
import type { JiraUserPort } from '../sync/ports/jira-user';
import type {
  CommentForSync,
  CreateMetaField,
  IssueChangeGroup,
  RemoteLinkInput,
} from '../sync/records/jira';
import type { SyncJson } from '../sync/records/json';
import { evaluateCommentForSync } from './comment-expression';
import type { JiraHttp } from './http';
import {
  deleteIssueProperty,
  getIssueProperty,
  searchIssuesWithProperty,
  setIssueProperty,
} from './issue-properties';
import {
  changelogPageSchema,
  commentPageSchema,
  commentSchema,
  createdCommentSchema,
  createdIssueSchema,
  createMetaFieldsSchema,
  createMetaIssueTypesSchema,
  fieldListSchema,
  assignableUserListSchema,
  issueCountSchema,
  issueFieldsSearchSchema,
  issueSchema,
  issueSearchSchema,
  jiraUserSchema,
  serverInfoSchema,
  issueTypeListSchema,
  permissionsSchema,
  projectLeadSchema,
  projectSchema,
  projectSearchSchema,
  remoteLinkListSchema,
  statusListSchema,
} from './schemas';

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new IntegrationError(
      'malformed',
      `Jira returned an unexpected ${what}: ${result.error.issues[0]?.message ?? ''}`,
      {
        system: 'jira',
      },
    );
  }
  return result.data;
}

async function orUndefinedWhenMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof IntegrationError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

const PAGE = 50;
/** An issue's comments and changelog are read 100 at a time, up to 10,000 entries (readPages refuses more). */
const HISTORY_PAGING = { pageSize: 100, maxPages: 100 };

/** A comment as GET comment returns it with expand=properties, in the sync's terms. */
function toJiraComment(issueId: string, comment: z.infer<typeof commentSchema>): JiraComment {
  return {
    id: comment.id,
    issueId,
    authorAccountId: comment.author?.accountId ?? null,
    authorName: comment.author?.displayName ?? 'Unknown user',
    body: comment.body,
    created: comment.created,
    updated: comment.updated,
    visibility: comment.visibility ?? null,
    jsdPublic: comment.jsdPublic,
    properties: Object.fromEntries((comment.properties ?? []).map((p) => [p.key, p.value])),
  };
}
/** Jira's assignable-user search looks only at the first 1,000 users (findAssignableUsers in the REST reference). */
const ASSIGNABLE_WINDOW = 1000;
const ASSIGNABLE_PAGE = 100;
/** The fields every JiraIssue is made of; callers add their own (mapped fields, sprint, fixVersions…). */
const ISSUE_FIELDS = ['summary', 'status', 'issuetype', 'project', 'security'] as const;

/** An issue as GET issue and the enhanced search return it, in the sync's terms. */
function toJiraIssue(issue: z.infer<typeof issueSchema>): JiraIssue {
  const rawFields: Record<string, unknown> = { ...issue.fields };
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary ?? '',
    status: issue.fields.status?.name ?? '',
    issueType: issue.fields.issuetype?.name ?? '',
    projectKey: issue.fields.project?.key ?? issue.key.replace(/-\d+$/, ''),
    securityLevel: issue.fields.security
      ? (issue.fields.security.name ?? issue.fields.security.id ?? 'unnamed')
      : null,
    fields: rawFields,
  };
}
/** A createmeta list still going after this many pages (2,000 issue types or fields) is refused: see readPages. */
const MAX_PAGES = 40;

/** How the createmeta lists are paged (items per request, most requests); tests shrink them to reach the guards. */
export interface PagingOptions {
  pageSize?: number;
  maxPages?: number;
}

interface OffsetPage<T> {
  items: T[];
  total?: number | undefined;
  maxResults?: number | undefined;
}

/**
 * Reads a list paged with startAt / maxResults / total (createmeta; "Pagination" in
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#pagination). The next page starts after the
 * items received, since Jira may answer fewer than asked for
 * (https://confluence.atlassian.com/jirakb/changing-maxresults-parameter-for-jira-rest-api-779160706.html); the list
 * ends when `total` is reached or, without a total, at a page shorter than its size. An empty page ends it whatever `total` says, and a list still going after
 * `maxPages` requests is refused as malformed: a server that never finishes cannot keep an invocation looping, and a
 * truncated list is never taken for the whole. Undefined when a page is not found (404).
 */
async function readPages<T>(
  what: string,
  paging: Required<PagingOptions>,
  fetchPage: (startAt: number, maxResults: number) => Promise<OffsetPage<T> | undefined>,
): Promise<T[] | undefined> {
  const items: T[] = [];
  let startAt = 0;
  for (let request = 0; request < paging.maxPages; request++) {
    const page = await fetchPage(startAt, paging.pageSize);
    if (page === undefined) return undefined;
    items.push(...page.items);
    startAt += page.items.length;
    const more =
      page.total !== undefined
        ? startAt < page.total
        : page.items.length >= (page.maxResults ?? paging.pageSize);
    if (page.items.length === 0 || !more) return items;
  }
  throw new IntegrationError(
    'malformed',
    `Jira kept paging ${what} past ${paging.maxPages} pages of ${paging.pageSize}`,
    { system: 'jira' },
  );
}

export class JiraRest implements JiraPort {
  private fieldCache: Promise<JiraField[]> | undefined;
  private readonly paging: Required<PagingOptions>;

  constructor(
    private readonly http: JiraHttp,
    paging: PagingOptions = {},
  ) {
    this.paging = { pageSize: paging.pageSize ?? PAGE, maxPages: paging.maxPages ?? MAX_PAGES };
  }

  async getIssue(
    issueIdOrKey: string,
    extraFieldIds: readonly string[] = [],
  ): Promise<JiraIssue | undefined> {
    const fields = [...ISSUE_FIELDS, ...extraFieldIds].join(',');
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/issue/${issueIdOrKey}?fields=${fields}`),
    );
    if (raw === undefined) return undefined;
    return toJiraIssue(parse(issueSchema, raw, 'issue'));
  }

  async getComment(issueId: string, commentId: string): Promise<JiraComment | undefined> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/issue/${issueId}/comment/${commentId}?expand=properties`),
    );
    if (raw === undefined) return undefined;
    return toJiraComment(issueId, parse(commentSchema, raw, 'comment'));
  }

  async getCommentForSync(issueId: string, commentId: string): Promise<CommentForSync | undefined> {
    const evaluated = await evaluateCommentForSync(this.http, issueId, commentId);
    if (evaluated === 'not-understood') {
      // Still one decision on the same facts, from the two REST reads the expression stands for.
      logger.warn('Jira did not evaluate the comment expression; reading the comment and the issue instead', {
        issueId,
        commentId,
      });
      const [comment, issue] = await Promise.all([
        this.getComment(issueId, commentId),
        this.getIssue(issueId),
      ]);
      return issue && { issue: { key: issue.key, securityLevel: issue.securityLevel }, comment };
    }
    if (evaluated === undefined || evaluated.comment !== undefined) return evaluated;
    // Not among the comments the expression saw: GET comment tells a deleted comment from one it did not match.
    return { issue: evaluated.issue, comment: await this.getComment(issueId, commentId) };
  }

  async listComments(issueId: string): Promise<JiraComment[]> {
    const comments = await readPages('comments', HISTORY_PAGING, async (startAt, maxResults) => {
      const raw = await orUndefinedWhenMissing(
        this.http.request(
          'app',
          route`/rest/api/3/issue/${issueId}/comment?expand=properties&orderBy=created&startAt=${startAt}&maxResults=${maxResults}`,
        ),
      );
      if (raw === undefined) return undefined;
      const page = parse(commentPageSchema, raw, 'comment page');
      return {
        items: page.comments.map((comment) => toJiraComment(issueId, comment)),
        total: page.total,
        maxResults: page.maxResults,
      };
    });
    return comments ?? [];
  }

  async listChangelog(issueId: string): Promise<IssueChangeGroup[]> {
    const groups = await readPages('changelog', HISTORY_PAGING, async (startAt, maxResults) => {
      const raw = await orUndefinedWhenMissing(
        this.http.request(
          'app',
          route`/rest/api/3/issue/${issueId}/changelog?startAt=${startAt}&maxResults=${maxResults}`,
        ),
      );
      if (raw === undefined) return undefined;
      const page = parse(changelogPageSchema, raw, 'changelog page');
      return {
        items: page.values.map((group) => ({
          id: group.id,
          created: group.created,
          items: group.items.map((item) => ({
            field: item.field,
            fieldId: item.fieldId ?? null,
            fromText: item.fromString ?? null,
            toText: item.toString ?? null,
          })),
        })),
        total: page.total,
        maxResults: page.maxResults,
      };
    });
    return groups ?? [];
  }

  async getProjectLead(projectKey: string): Promise<string | undefined> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/project/${projectKey}`),
    );
    return raw === undefined ? undefined : parse(projectLeadSchema, raw, 'project').lead?.accountId;
  }

  async addComment(
    issueId: string,
    body: AdfDoc,
    properties: ReadonlyArray<{ key: string; value: unknown }>,
  ): Promise<{ id: string }> {
    const raw = await this.http.request('app', route`/rest/api/3/issue/${issueId}/comment`, {
      method: 'POST',
      body: { body, properties },
    });
    return { id: parse(createdCommentSchema, raw, 'created comment').id };
  }

  async findCommentWithProperty(
    issueId: string,
    key: string,
    matches: (value: unknown) => boolean,
  ): Promise<string | undefined> {
    // Newest first: a copy being looked for after a crash is recent.
    for (let startAt = 0; ; startAt += PAGE) {
      const raw = await orUndefinedWhenMissing(
        this.http.request(
          'app',
          route`/rest/api/3/issue/${issueId}/comment?expand=properties&orderBy=-created&startAt=${startAt}&maxResults=${PAGE}`,
        ),
      );
      if (raw === undefined) return undefined;
      const page = parse(commentPageSchema, raw, 'comment page');
      const found = page.comments.find((c) =>
        (c.properties ?? []).some((p) => p.key === key && matches(p.value)),
      );
      if (found) return found.id;
      if (page.comments.length < PAGE || (page.total !== undefined && startAt + PAGE >= page.total))
        return undefined;
    }
  }

  listFields(): Promise<JiraField[]> {
    this.fieldCache ??= this.http.request('app', route`/rest/api/3/field`).then((raw) =>
      parse(fieldListSchema, raw, 'field list').map((f) => ({
        id: f.id,
        name: f.name,
        type: f.schema?.type ?? null,
        itemsType: f.schema?.items ?? null,
        custom: f.custom ?? false,
      })),
    );
    return this.fieldCache;
  }

  async createIssue(
    fields: Record<string, unknown>,
    properties: ReadonlyArray<{ key: string; value: unknown }> = [],
  ): Promise<{ id: string; key: string }> {
    const raw = await this.http.request('app', route`/rest/api/3/issue`, {
      method: 'POST',
      body: { fields, ...(properties.length > 0 ? { properties } : {}) },
    });
    return parse(createdIssueSchema, raw, 'created issue');
  }

  async getUser(
    accountId: string,
  ): Promise<{ accountId: string; displayName: string; email: string | null } | undefined> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/user?accountId=${accountId}`),
    );
    if (raw === undefined) return undefined;
    const user = parse(jiraUserSchema, raw, 'user');
    // Jira leaves emailAddress out when the user's profile visibility hides it from apps: never guess one.
    return {
      accountId: user.accountId,
      displayName: user.displayName ?? accountId,
      email: user.emailAddress ?? null,
    };
  }

  async siteUrl(): Promise<string> {
    const raw = await this.http.request('app', route`/rest/api/3/serverInfo`);
    return parse(serverInfoSchema, raw, 'server info').baseUrl;
  }

  /** The first issue a JQL search finds (enhanced search; a read, so it is retried like one). */
  private async firstMatch(jql: string): Promise<{ id: string; key: string } | undefined> {
    const raw = await this.http.request('app', route`/rest/api/3/search/jql`, {
      method: 'POST',
      idempotent: true,
      body: { jql, fields: ['summary'], maxResults: 1 },
    });
    const issue = parse(issueSearchSchema, raw, 'search result').issues[0];
    return issue ? { id: issue.id, key: issue.key } : undefined;
  }

  async searchIssues(
    jql: string,
    fields: readonly string[],
    page: { nextPageToken?: string; maxResults: number },
  ): Promise<{ issues: JiraIssue[]; nextPageToken?: string }> {
    // Enhanced search (POST /rest/api/3/search/jql): a read, so retried like one; pages carry only a token.
    const raw = await this.http.request('app', route`/rest/api/3/search/jql`, {
      method: 'POST',
      idempotent: true,
      body: {
        jql,
        fields: [...new Set([...ISSUE_FIELDS, ...fields])],
        maxResults: page.maxResults,
        ...(page.nextPageToken !== undefined ? { nextPageToken: page.nextPageToken } : {}),
      },
    });
    const result = parse(issueFieldsSearchSchema, raw, 'search result');
    return {
      issues: result.issues.map(toJiraIssue),
      ...(result.nextPageToken !== undefined ? { nextPageToken: result.nextPageToken } : {}),
    };
  }

  async countIssues(jql: string): Promise<number> {
    const raw = await this.http.request('app', route`/rest/api/3/search/approximate-count`, {
      method: 'POST',
      idempotent: true,
      body: { jql },
    });
    return parse(issueCountSchema, raw, 'issue count').count;
  }

  async listAssignableUsers(projectKey: string): Promise<Array<{ accountId: string; displayName: string }>> {
    // Jira takes the users in [startAt, startAt + maxResults) and only then keeps the assignable ones, so a page can be
    // short, or even empty, while more follow: the walk covers the whole 1,000-user window the operation searches
    // (findAssignableUsers in the REST v3 reference) instead of stopping at a short page.
    const users = new Map<string, { accountId: string; displayName: string }>();
    for (let startAt = 0; startAt < ASSIGNABLE_WINDOW; startAt += ASSIGNABLE_PAGE) {
      const raw = await this.http.request(
        'app',
        route`/rest/api/3/user/assignable/search?project=${projectKey}&startAt=${startAt}&maxResults=${ASSIGNABLE_PAGE}`,
      );
      for (const user of parse(assignableUserListSchema, raw, 'assignable users')) {
        users.set(user.accountId, {
          accountId: user.accountId,
          displayName: user.displayName ?? user.accountId,
        });
      }
    }
    return [...users.values()];
  }

  async issueMatchesJql(issueId: string, jql: string): Promise<boolean> {
    return (await this.firstMatch(`id = ${Number(issueId)} AND (${jql})`)) !== undefined;
  }

  async validateJql(jql: string): Promise<{ ok: true; anyMatch: boolean } | { ok: false; message: string }> {
    // The search itself, not POST /rest/api/3/jql/parse: it is what the sync runs, so it also refuses what parses but
    // cannot be searched (an unbounded query, a project the app cannot see), and it reports whether anything matches.
    try {
      return { ok: true, anyMatch: (await this.firstMatch(jql)) !== undefined };
    } catch (error) {
      if (error instanceof IntegrationError && error.kind === 'validation' && error.details.status === 400) {
        return { ok: false, message: error.details.detail ?? 'Jira refused the JQL.' };
      }
      throw error;
    }
  }

  async findIssueByProperty(
    key: string,
    path: string,
    value: string,
  ): Promise<{ id: string; key: string } | undefined> {
    // JQL sees the property because manifest.yml indexes it (jira:entityProperty); a value is quoted as a JQL string.
    return this.firstMatch(`issue.property[${key}].${path} = ${JSON.stringify(value)}`);
  }

  // Issue properties (the JQL-searchable links, sync/links-property.ts): see issue-properties.ts.
  getIssueProperty(issueId: string, key: string): Promise<{ value: unknown } | undefined> {
    return getIssueProperty(this.http, issueId, key);
  }

  setIssueProperty(issueId: string, key: string, value: SyncJson): Promise<void> {
    return setIssueProperty(this.http, issueId, key, value);
  }

  deleteIssueProperty(issueId: string, key: string): Promise<void> {
    return deleteIssueProperty(this.http, issueId, key);
  }

  searchIssuesWithProperty(
    jql: string,
    key: string,
    page: { nextPageToken?: string; maxResults: number },
  ): Promise<{ issues: Array<{ id: string; property: unknown }>; nextPageToken?: string }> {
    return searchIssuesWithProperty(this.http, jql, key, page);
  }

  async projectExists(projectKey: string): Promise<boolean> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/project/${projectKey}`),
    );
    return raw !== undefined && parse(projectSchema, raw, 'project').key.length > 0;
  }

  async createMetaIssueTypes(projectKey: string): Promise<Array<{ id: string; name: string }> | undefined> {
    return readPages('create metadata (issue types)', this.paging, async (startAt, maxResults) => {
      const raw = await orUndefinedWhenMissing(
        this.http.request(
          'app',
          route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?startAt=${startAt}&maxResults=${maxResults}`,
        ),
      );
      if (raw === undefined) return undefined;
      const page = parse(createMetaIssueTypesSchema, raw, 'create metadata');
      const items = page.issueTypes ?? page.createMetaIssueType ?? [];
      return {
        items: items.map((t) => ({ id: t.id, name: t.name })),
        total: page.total,
        maxResults: page.maxResults,
      };
    });
  }

  async createMetaFields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]> {
    const fields = await readPages('create metadata (fields)', this.paging, async (startAt, maxResults) => {
      const raw = await this.http.request(
        'app',
        route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes/${issueTypeId}?startAt=${startAt}&maxResults=${maxResults}`,
      );
      const page = parse(createMetaFieldsSchema, raw, 'create metadata');
      return {
        items: (page.fields ?? []).map((f): CreateMetaField => ({
          fieldId: f.fieldId,
          name: f.name,
          required: f.required,
          hasDefaultValue: f.hasDefaultValue ?? false,
          type: f.schema?.type ?? null,
          itemsType: f.schema?.items ?? null,
          allowedValues: (f.allowedValues ?? []).map((v) => ({
            id: v.id ?? '',
            name: v.value ?? v.name ?? '',
          })),
        })),
        total: page.total,
        maxResults: page.maxResults,
      };
    });
    return fields ?? [];
  }

  async upsertRemoteLink(issueId: string, link: RemoteLinkInput): Promise<void> {
    // Jira updates the existing link when the globalId matches, so creating twice is safe.
    await this.http.request('app', route`/rest/api/3/issue/${issueId}/remotelink`, {
      method: 'POST',
      idempotent: true,
      body: {
        globalId: link.globalId,
        application: { name: link.applicationName, type: link.applicationType },
        object: { url: link.url, title: link.title, ...(link.summary ? { summary: link.summary } : {}) },
      },
    });
  }

  async deleteRemoteLink(issueId: string, globalId: string): Promise<void> {
    await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/issue/${issueId}/remotelink?globalId=${globalId}`, {
        method: 'DELETE',
      }),
    );
  }

  async listRemoteLinkGlobalIds(issueId: string): Promise<string[]> {
    const raw = await this.http.request('app', route`/rest/api/3/issue/${issueId}/remotelink`);
    return parse(remoteLinkListSchema, raw, 'remote links').flatMap((l) => (l.globalId ? [l.globalId] : []));
  }

  async listStatuses(): Promise<Array<{ id: string; name: string }>> {
    const raw = await this.http.request('app', route`/rest/api/3/status`);
    return parse(statusListSchema, raw, 'status list').map((s) => ({ id: s.id, name: s.name }));
  }

  async listIssueTypes(): Promise<Array<{ id: string; name: string }>> {
    const raw = await this.http.request('app', route`/rest/api/3/issuetype`);
    return parse(issueTypeListSchema, raw, 'issue type list').map((t) => ({ id: t.id, name: t.name }));
  }

  async listProjects(): Promise<Array<{ id: string; key: string; name: string }>> {
    const projects: Array<{ id: string; key: string; name: string }> = [];
    for (let startAt = 0; ; startAt += PAGE) {
      const raw = await this.http.request(
        'app',
        route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${PAGE}&orderBy=key`,
      );
      const page = parse(projectSearchSchema, raw, 'project page');
      projects.push(...page.values.map((p) => ({ id: p.id, key: p.key, name: p.name ?? p.key })));
      // `isLast` is the documented end marker; without it a short page is the last. An empty page always ends the
      // loop, so a server that keeps saying "not last" cannot keep it going.
      const last = page.isLast ?? page.values.length < PAGE;
      if (last || page.values.length === 0) return projects;
    }
  }
}

/** Checks made as the Custom UI caller: what that user may see and do, decided by Jira itself. */
export class JiraAsUser implements JiraUserPort {
  constructor(private readonly http: JiraHttp) {}

  async canBrowseIssue(issueId: string): Promise<boolean> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('user', route`/rest/api/3/issue/${issueId}?fields=summary`),
    );
    return raw !== undefined;
  }

  async hasIssuePermissions(
    issueId: string,
    permissions: readonly string[],
  ): Promise<Record<string, boolean>> {
    const keys = permissions.join(',');
    const raw = await this.http.request(
      'user',
      route`/rest/api/3/mypermissions?issueId=${issueId}&permissions=${keys}`,
    );
    const parsed = parse(permissionsSchema, raw, 'permissions');
    return Object.fromEntries(permissions.map((p) => [p, parsed.permissions[p]?.havePermission === true]));
  }

  async isJiraAdmin(): Promise<boolean> {
    const raw = await this.http.request('user', route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
    return parse(permissionsSchema, raw, 'permissions').permissions.ADMINISTER?.havePermission === true;
  }
}
