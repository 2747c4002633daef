// The Jira emulator's admin: site setup plus actions "as" a user or the app (create, edit, comment, transition),
// run through the REST use cases without permission checks, so the changelog and product events are the same.
import { JSM_PUBLIC_COMMENT_PROPERTY, renderComment } from '../render/comment';
import { renderIssue } from '../render/issue';
import { textToAdf } from '../service/adf-text';
import { addComment, deleteComment, updateComment, visibleCommentById } from '../service/comments';
import { createIssue, deleteIssue, editIssue, visibleIssue } from '../service/issues';
import { availableTransitions, transitionIssue } from '../service/transitions';
import type { Json, JsonObject } from '../state/json';
import type { AdminCommentInput, AdminIssueInput, PrincipalRef } from './inputs';
import { MilestoneSetup } from './milestones';
import { issueView, type IssueView } from './views';

/**
 * Setup and "as a user" actions for tests and the sandbox page. Actions go through the same use cases as the REST
 * API (validation, changelog, events) but skip permission checks: the admin is setting the scene.
 */
export class JiraAdmin extends MilestoneSetup {
  // ---- actions "as" a principal: same validation, changelog and events as REST --------------------------------

  createIssue(as: PrincipalRef, input: AdminIssueInput): { id: string; key: string } {
    const description =
      input.description === undefined
        ? {}
        : {
            description:
              typeof input.description === 'string' ? textToAdf(input.description) : input.description,
          };
    const issue = createIssue(this.core, this.caller(as), {
      fields: {
        project: { key: input.project },
        issuetype: { name: input.issueType },
        summary: input.summary,
        ...description,
        ...input.fields,
      },
      update: {},
      properties: Object.entries(input.properties ?? {}).map(([key, value]) => ({ key, value })),
    });
    return { id: issue.id, key: issue.key };
  }

  editIssue(as: PrincipalRef, issueRef: string, fields: Record<string, unknown>): void {
    const caller = this.caller(as);
    editIssue(this.core, caller, visibleIssue(this.core, caller, issueRef), {
      fields,
      update: {},
      properties: [],
    });
  }

  /** By transition id, or by the name of the target status. */
  transitionIssue(
    as: PrincipalRef,
    issueRef: string,
    target: { transitionId: string } | { toStatus: string },
  ): void {
    const caller = this.caller(as);
    const issue = visibleIssue(this.core, caller, issueRef);
    const transitionId =
      'transitionId' in target
        ? target.transitionId
        : availableTransitions(this.core, caller, issue).find(
            (a) => a.target.name.toLowerCase() === target.toStatus.toLowerCase(),
          )?.transition.id;
    if (!transitionId)
      throw new Error(
        `No transition from the current status of ${issue.key} to ${'toStatus' in target ? target.toStatus : ''}`,
      );
    transitionIssue(this.core, caller, issue, transitionId, { fields: {}, update: {} });
  }

  deleteIssue(as: PrincipalRef, issueRef: string): void {
    const caller = this.caller(as);
    deleteIssue(this.core, caller, visibleIssue(this.core, caller, issueRef));
  }

  addComment(as: PrincipalRef, issueRef: string, input: AdminCommentInput): { id: string } {
    const caller = this.caller(as);
    const properties = {
      ...input.properties,
      ...(input.internal ? { [JSM_PUBLIC_COMMENT_PROPERTY]: { internal: true } } : {}),
    };
    const comment = addComment(this.core, caller, visibleIssue(this.core, caller, issueRef), {
      body: typeof input.body === 'string' ? textToAdf(input.body) : input.body,
      ...(input.visibility ? { visibility: input.visibility } : {}),
      properties: Object.entries(properties).map(([key, value]) => ({ key, value })),
    });
    return { id: comment.id };
  }

  updateComment(as: PrincipalRef, commentId: string, input: Omit<AdminCommentInput, 'internal'>): void {
    const caller = this.caller(as);
    const { issue, comment } = visibleCommentById(this.core, caller, commentId);
    updateComment(this.core, caller, issue, comment, {
      body: typeof input.body === 'string' ? textToAdf(input.body) : input.body,
      ...(input.visibility ? { visibility: input.visibility } : {}),
      properties: Object.entries(input.properties ?? {}).map(([key, value]) => ({ key, value })),
    });
  }

  deleteComment(as: PrincipalRef, commentId: string): void {
    const caller = this.caller(as);
    const { issue, comment } = visibleCommentById(this.core, caller, commentId);
    deleteComment(this.core, caller, issue, comment);
  }

  /**
   * Puts the issue under an issue security level, or takes it out (`null`): a setup step, with no changelog or event.
   * GET issue shows it in the `security` field, Jira expressions as `issue.securityLevel`.
   */
  setSecurityLevel(issueRef: string, level: { id: string; name: string; description?: string } | null): void {
    const issue = visibleIssue(this.core, this.caller('app'), issueRef);
    if (level === null) issue.values.delete('security');
    else issue.values.set('security', { ...level });
  }

  setIssueProperty(issueRef: string, key: string, value: Json): void {
    visibleIssue(this.core, this.caller('app'), issueRef).properties.set(key, value);
  }

  // ---- reads: the REST representation, as the app would see it ------------------------------------------------

  issue(issueRef: string): JsonObject {
    const issue = visibleIssue(this.core, this.caller('app'), issueRef);
    return renderIssue(this.core, issue, {
      fields: [],
      defaultFields: '*all',
      expand: new Set(['changelog']),
      properties: ['*all'],
    });
  }

  issues(): JsonObject[] {
    return [...this.store.issues.values()].map((issue) => this.issue(issue.id));
  }

  comments(issueRef: string): JsonObject[] {
    const issue = visibleIssue(this.core, this.caller('app'), issueRef);
    return this.store
      .commentsOf(issue.id)
      .map((comment) => renderComment(this.core, comment, { properties: true }));
  }

  // ---- typed views for the sandbox page ------------------------------------------------------------------------

  issueView(issueRef: string): IssueView {
    return issueView(this.core, visibleIssue(this.core, this.caller('app'), issueRef));
  }

  /** Every issue, newest first. */
  issueViews(): IssueView[] {
    return [...this.store.issues.values()]
      .sort((a, b) => b.created - a.created || Number(b.id) - Number(a.id))
      .map((issue) => issueView(this.core, issue));
  }

  /** The transitions `as` may take from the issue's current status. */
  transitionsOf(as: PrincipalRef, issueRef: string): { id: string; name: string; toStatus: string }[] {
    const caller = this.caller(as);
    return availableTransitions(this.core, caller, visibleIssue(this.core, caller, issueRef)).map(
      ({ transition, target }) => ({ id: transition.id, name: transition.name, toStatus: target.name }),
    );
  }

  /** What a comment can be restricted to: the site's project roles and groups. */
  commentRestrictions(): { roles: string[]; groups: string[] } {
    return { roles: [...this.store.roles].sort(), groups: [...this.store.groups].sort() };
  }

  /** A compact view of the configuration, for the sandbox page. */
  summary(): JsonObject {
    return {
      projects: [...this.store.projects.values()].map((p) => ({
        id: p.id,
        key: p.key,
        name: p.name,
        issues: [...this.store.issues.values()].filter((i) => i.projectId === p.id).length,
      })),
      users: [...this.store.users.values()].map((u) => ({
        accountId: u.accountId,
        displayName: u.displayName,
        accountType: u.accountType,
      })),
      statuses: [...this.store.statuses.values()].map((s) => ({
        id: s.id,
        name: s.name,
        category: s.category,
      })),
      issueTypes: [...this.store.issueTypes.values()].map((t) => ({ id: t.id, name: t.name })),
      customFields: [...this.store.customFields.values()].map((f) => ({
        id: f.id,
        name: f.name,
        kind: f.kind,
      })),
    };
  }
}
