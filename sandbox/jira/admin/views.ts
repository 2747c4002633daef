// Plain, typed views of issues and comments for the sandbox page (not the REST representation the app reads).
import { isJsdPublic } from '../render/comment';
import { adfToText } from '../service/adf-text';
import type { JiraCore } from '../service/core';
import { sprintIdsOf } from '../service/fields/sprint-field';
import type { Comment, CommentVisibility, Issue, SprintState } from '../state/types';

export interface CommentView {
  readonly id: string;
  readonly author: string;
  /** true when the app wrote it (asApp) */
  readonly byApp: boolean;
  readonly text: string;
  readonly created: Date;
  readonly visibility: CommentVisibility | null;
  /** JSM internal note (`sd.public.comment` = `{internal: true}`) */
  readonly internal: boolean;
}

export interface IssueView {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly issueType: string;
  readonly status: string;
  readonly statusCategory: string;
  readonly created: Date;
  readonly updated: Date;
  readonly comments: readonly CommentView[];
  readonly remoteLinks: readonly { readonly title: string; readonly url: string }[];
  /** names of the versions in Fix versions */
  readonly fixVersions: readonly string[];
  /** the sprints in the Sprint field, oldest first (closed ones stay) */
  readonly sprints: readonly { readonly id: number; readonly name: string; readonly state: SprintState }[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function commentView(core: JiraCore, comment: Comment): CommentView {
  const author = core.store.users.get(comment.authorId);
  return {
    id: comment.id,
    author: author?.displayName ?? comment.authorId,
    byApp: author?.accountType === 'app',
    text: adfToText(comment.body) ?? '',
    created: new Date(comment.created),
    visibility: comment.visibility ?? null,
    internal: !isJsdPublic(comment),
  };
}

function remoteLinkView(link: Issue['remoteLinks'][number]): { title: string; url: string } {
  const object = link.object;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return { title: '', url: '' };
  return { title: text(object.title), url: text(object.url) };
}

function fixVersionNames(core: JiraCore, issue: Issue): string[] {
  const ids = issue.values.get('fixVersions');
  const project = core.store.requireProject(issue.projectId);
  return Array.isArray(ids)
    ? project.versions.filter((version) => ids.includes(version.id)).map((version) => version.name)
    : [];
}

export function issueView(core: JiraCore, issue: Issue): IssueView {
  const { store } = core;
  const status = store.requireStatus(issue.statusId);
  return {
    id: issue.id,
    key: issue.key,
    projectKey: store.requireProject(issue.projectId).key,
    summary: text(issue.values.get('summary')),
    issueType: store.issueTypes.get(issue.issueTypeId)?.name ?? issue.issueTypeId,
    status: status.name,
    statusCategory: status.category,
    created: new Date(issue.created),
    updated: new Date(issue.updated),
    comments: store.commentsOf(issue.id).map((comment) => commentView(core, comment)),
    remoteLinks: issue.remoteLinks.map(remoteLinkView),
    fixVersions: fixVersionNames(core, issue),
    sprints: sprintIdsOf(issue).flatMap((id) => {
      const sprint = store.sprints.get(id);
      return sprint ? [{ id: sprint.id, name: sprint.name, state: sprint.state }] : [];
    }),
  };
}
