// The Jira port over @forge/api. Writes that must not echo back (comments from tickets, escalated issues, remote links)
// go asApp(), so ignoreSelf filters their events; permission checks for Custom UI callers go asUser().
import { route } from '@forge/api';
import type { z } from 'zod';
import type { AdfDoc } from '../domain/content';
import type { JiraComment, JiraField, JiraIssue } from '../domain/jira';
import { IntegrationError } from '../lib/errors';
import type { CreateMetaField, JiraPort, JiraUserPort, RemoteLinkInput } from '../sync/ports';
import type { JiraHttp } from './http';
import {
  commentPageSchema,
  commentSchema,
  createdCommentSchema,
  createdIssueSchema,
  createMetaFieldsSchema,
  createMetaIssueTypesSchema,
  fieldListSchema,
  issueSchema,
  issueTypeListSchema,
  permissionsSchema,
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

export class JiraRest implements JiraPort {
  private fieldCache: Promise<JiraField[]> | undefined;

  constructor(private readonly http: JiraHttp) {}

  async getIssue(
    issueIdOrKey: string,
    extraFieldIds: readonly string[] = [],
  ): Promise<JiraIssue | undefined> {
    const fields = ['summary', 'status', 'issuetype', 'project', 'security', ...extraFieldIds].join(',');
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/issue/${issueIdOrKey}?fields=${fields}`),
    );
    if (raw === undefined) return undefined;
    const issue = parse(issueSchema, raw, 'issue');
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

  async getComment(issueId: string, commentId: string): Promise<JiraComment | undefined> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/issue/${issueId}/comment/${commentId}?expand=properties`),
    );
    if (raw === undefined) return undefined;
    const comment = parse(commentSchema, raw, 'comment');
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

  async createIssue(fields: Record<string, unknown>): Promise<{ id: string; key: string }> {
    const raw = await this.http.request('app', route`/rest/api/3/issue`, {
      method: 'POST',
      body: { fields },
    });
    return parse(createdIssueSchema, raw, 'created issue');
  }

  async projectExists(projectKey: string): Promise<boolean> {
    const raw = await orUndefinedWhenMissing(
      this.http.request('app', route`/rest/api/3/project/${projectKey}`),
    );
    return raw !== undefined && parse(projectSchema, raw, 'project').key.length > 0;
  }

  async createMetaIssueTypes(projectKey: string): Promise<Array<{ id: string; name: string }> | undefined> {
    const types: Array<{ id: string; name: string }> = [];
    for (let startAt = 0; ; startAt += PAGE) {
      const raw = await orUndefinedWhenMissing(
        this.http.request(
          'app',
          route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?startAt=${startAt}&maxResults=${PAGE}`,
        ),
      );
      if (raw === undefined) return undefined;
      const page = parse(createMetaIssueTypesSchema, raw, 'create metadata');
      const items = page.issueTypes ?? page.createMetaIssueType ?? [];
      types.push(...items.map((t) => ({ id: t.id, name: t.name })));
      if (items.length < PAGE || (page.total !== undefined && types.length >= page.total)) return types;
    }
  }

  async createMetaFields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]> {
    const fields: CreateMetaField[] = [];
    for (let startAt = 0; ; startAt += PAGE) {
      const raw = await this.http.request(
        'app',
        route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes/${issueTypeId}?startAt=${startAt}&maxResults=${PAGE}`,
      );
      const page = parse(createMetaFieldsSchema, raw, 'create metadata');
      const items = page.fields ?? [];
      fields.push(
        ...items.map((f) => ({
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
      );
      if (items.length < PAGE || (page.total !== undefined && fields.length >= page.total)) return fields;
    }
  }

  async upsertRemoteLink(issueId: string, link: RemoteLinkInput): Promise<void> {
    // Jira updates the existing link when the globalId matches, so creating twice is safe.
    await this.http.request('app', route`/rest/api/3/issue/${issueId}/remotelink`, {
      method: 'POST',
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
