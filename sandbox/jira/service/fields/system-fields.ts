// The system fields of the emulated Jira (summary, description, status, priority, labels, assignee, reporter, fix
// versions, resolution, security level...) with their parsers, rendering and changelog text.
import { z } from 'zod';
import { DONE_RESOLUTION } from '../resolution';
import { renderComment } from '../../render/comment';
import {
  renderIssueType,
  renderPriority,
  renderProjectRef,
  renderStatus,
  renderUserById,
} from '../../render/entities';
import { renderVersion } from '../../render/version';
import { formatJiraDate } from '../../state/clock';
import type { Json, JsonObject } from '../../state/json';
import type { ChangeItem } from '../../state/types';
import type { JiraCore } from '../core';
import {
  asAdfText,
  asId,
  asStringArray,
  asText,
  singleChange,
  type Described,
  type FieldDefinition,
} from './definition';
import {
  adfParser,
  labelParser,
  labelsParser,
  priorityParser,
  textParser,
  userParser,
  versionParser,
  versionsParser,
} from './parsers';

/** An issue's security level as stored in `values` under `security`. */
export const SecurityLevelJson = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
});

function systemField(
  id: string,
  name: string,
  schema: JsonObject,
  render: FieldDefinition['render'],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return {
    id,
    name,
    custom: false,
    schema: { ...schema, system: id },
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [id],
    render,
    ...extra,
  };
}

function userChange(core: JiraCore): (value: Json | undefined) => Described {
  return (value) => {
    const accountId = asId(value);
    const user = accountId ? core.store.users.get(accountId) : undefined;
    return { id: accountId, text: user?.displayName ?? null };
  };
}

export function systemFields(): FieldDefinition[] {
  return [
    systemField('summary', 'Summary', { type: 'string' }, (issue) => issue.values.get('summary') ?? null, {
      writer: { parse: textParser('Summary'), changes: singleChange('summary', 'summary', false, asText) },
    }),
    systemField(
      'description',
      'Description',
      { type: 'string' },
      (issue) => issue.values.get('description') ?? null,
      {
        writer: { parse: adfParser, changes: singleChange('description', 'description', false, asAdfText) },
      },
    ),
    systemField(
      'labels',
      'Labels',
      { type: 'array', items: 'string' },
      (issue) => issue.values.get('labels') ?? [],
      {
        writer: {
          parse: labelsParser,
          item: labelParser,
          changes: (before, after) => {
            const from = asStringArray(before).join(' ');
            const to = asStringArray(after).join(' ');
            return from === to
              ? []
              : [
                  {
                    field: 'labels',
                    fieldId: 'labels',
                    fieldtype: 'jira',
                    from: null,
                    fromString: from,
                    to: null,
                    toString: to,
                  },
                ];
          },
        },
        autoCompleteUrl: (core) => `${core.baseUrl()}/rest/api/1.0/labels/suggest?query=`,
      },
    ),
    systemField(
      'priority',
      'Priority',
      { type: 'priority' },
      (issue, core) => {
        const priority = core.store.priorities.get(asId(issue.values.get('priority')) ?? '');
        return priority ? renderPriority(core, priority) : null;
      },
      {
        writer: {
          parse: priorityParser,
          changes: (before, after, core, project) =>
            singleChange('priority', 'priority', false, (value) => {
              const id = asId(value);
              return { id, text: id ? (core.store.priorities.get(id)?.name ?? null) : null };
            })(before, after, core, project),
        },
        allowedValues: (core) => [...core.store.priorities.values()].map((p) => renderPriority(core, p)),
      },
    ),
    systemField(
      'fixVersions',
      'Fix versions',
      { type: 'array', items: 'version' },
      (issue, core) => {
        const project = core.store.requireProject(issue.projectId);
        return asStringArray(issue.values.get('fixVersions')).flatMap((id) => {
          const version = project.versions.find((v) => v.id === id);
          return version ? [renderVersion(core, project, version)] : [];
        });
      },
      {
        clauseNames: ['fixVersion'],
        writer: {
          parse: versionsParser,
          item: versionParser,
          changes: (before, after, _core, project) => {
            const from = asStringArray(before);
            const to = asStringArray(after);
            const name = (id: string): string | null =>
              project.versions.find((v) => v.id === id)?.name ?? null;
            const item = (fromId: string | null, toId: string | null): ChangeItem => ({
              field: 'Fix Version',
              fieldId: 'fixVersions',
              fieldtype: 'jira',
              from: fromId,
              fromString: fromId ? name(fromId) : null,
              to: toId,
              toString: toId ? name(toId) : null,
            });
            return [
              ...from.filter((id) => !to.includes(id)).map((id) => item(id, null)),
              ...to.filter((id) => !from.includes(id)).map((id) => item(null, id)),
            ];
          },
        },
        allowedValues: (core, project) => project.versions.map((v) => renderVersion(core, project, v)),
      },
    ),
    ...(['assignee', 'reporter'] as const).map((role) =>
      systemField(
        role,
        role === 'assignee' ? 'Assignee' : 'Reporter',
        { type: 'user' },
        (issue, core) => renderUserById(core, asId(issue.values.get(role))),
        {
          writer: {
            parse: userParser(role),
            changes: (before, after, core, project) =>
              singleChange(role, role, false, userChange(core))(before, after, core, project),
          },
          autoCompleteUrl: (core) => `${core.baseUrl()}/rest/api/3/user/search?query=`,
        },
      ),
    ),
    systemField('issuetype', 'Issue Type', { type: 'issuetype' }, (issue, core) =>
      renderIssueType(core, core.store.requireIssueType(issue.issueTypeId)),
    ),
    systemField('project', 'Project', { type: 'project' }, (issue, core) =>
      renderProjectRef(core, core.store.requireProject(issue.projectId)),
    ),
    systemField('status', 'Status', { type: 'status' }, (issue, core) =>
      renderStatus(core, core.store.requireStatus(issue.statusId)),
    ),
    systemField('creator', 'Creator', { type: 'user' }, (issue, core) =>
      renderUserById(core, issue.creatorId),
    ),
    systemField('created', 'Created', { type: 'datetime' }, (issue) => formatJiraDate(issue.created)),
    systemField('updated', 'Updated', { type: 'datetime' }, (issue) => formatJiraDate(issue.updated)),
    systemField('statuscategorychangedate', 'Status Category Changed', { type: 'datetime' }, (issue) =>
      formatJiraDate(issue.statusCategoryChanged),
    ),
    systemField('resolution', 'Resolution', { type: 'resolution' }, (issue, core) =>
      issue.values.get('resolution') === DONE_RESOLUTION.id
        ? { ...DONE_RESOLUTION, self: `${core.baseUrl()}/rest/api/3/resolution/${DONE_RESOLUTION.id}` }
        : null,
    ),
    systemField(
      'resolutiondate',
      'Resolved',
      { type: 'datetime' },
      (issue) => issue.values.get('resolutiondate') ?? null,
      {
        clauseNames: ['resolutiondate', 'resolved'],
      },
    ),
    // Issue security: set by admin.setSecurityLevel (a setup step; schemes are not modelled), read-only over REST.
    systemField('security', 'Security Level', { type: 'securitylevel' }, (issue, core) => {
      const level = SecurityLevelJson.safeParse(issue.values.get('security'));
      return level.success
        ? {
            self: `${core.baseUrl()}/rest/api/3/securitylevel/${level.data.id}`,
            id: level.data.id,
            name: level.data.name,
            description: level.data.description ?? '',
          }
        : null;
    }),
    systemField(
      'comment',
      'Comment',
      { type: 'comments-page' },
      (issue, core) => {
        const comments = core.store.commentsOf(issue.id).map((c) => renderComment(core, c));
        return {
          comments,
          self: `${core.baseUrl()}/rest/api/3/issue/${issue.id}/comment`,
          maxResults: comments.length,
          total: comments.length,
          startAt: 0,
        };
      },
      { navigable: false },
    ),
  ];
}
