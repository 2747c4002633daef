// The console's form actions: what a Jira user or a TeamSupport agent does (comment, transition, release a version,
// close a sprint, …), performed through the emulators' admin APIs (the same use cases as their REST APIs, with the
// same events), each form parsed with zod first.
import { z } from 'zod';
import type { ConsoleDeps } from './console-deps';
import { escapeHtml } from './html';
import { ISSUE_KEY, safeBack } from './paths';

export type ActionDeps = Pick<ConsoleDeps, 'jira' | 'ts' | 'accountId' | 'pull'>;

const commentForm = z.object({
  body: z.string().trim().min(1, 'The comment is empty'),
  visibility: z
    .string()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return undefined;
      const match = /^(role|group):(.+)$/.exec(value);
      if (!match?.[2]) {
        ctx.addIssue({ code: 'custom', message: `Unknown restriction "${value}"` });
        return z.NEVER;
      }
      return { type: match[1] === 'role' ? ('role' as const) : ('group' as const), value: match[2] };
    }),
  internal: z.literal('yes').optional(),
});
const transitionForm = z.object({ transitionId: z.string().min(1, 'No transition chosen') });
const actionForm = z.object({
  description: z.string().trim().min(1, 'The action is empty'),
  agent: z.string().min(1, 'No agent chosen'),
  actionType: z.string().min(1, 'No action type chosen'),
  portal: z.literal('yes').optional(),
});
const statusForm = z.object({ status: z.string().min(1, 'No status chosen') });
const fieldForm = z.object({ field: z.string().min(1), value: z.string().trim() });
const backForm = z.object({ back: z.string().default('/') });

/** Plain text as the HTML a TeamSupport agent's editor would save: paragraphs and line breaks, all text escaped. */
function textToTicketHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** Performs one form action; answers where to go back to and what to say. */
export async function performAction(
  deps: ActionDeps,
  url: URL,
  form: Record<string, string>,
): Promise<{ back: string; notice: string }> {
  const parts = url.pathname.split('/').filter(Boolean);
  const [, system, ref, verb] = parts;
  if (system === 'run-pull' && parts.length === 2) {
    const back = safeBack(backForm.parse(form).back, '/');
    await deps.pull.runNow();
    return { back, notice: 'The scheduled pull ran. See the event log for what it did.' };
  }
  if (system === 'jira' && ref !== undefined && ISSUE_KEY.test(ref) && parts.length === 4) {
    const back = `/jira/browse/${ref}`;
    if (verb === 'comment') {
      const input = commentForm.parse(form);
      deps.jira.admin.addComment(deps.accountId, ref, {
        body: input.body,
        ...(input.visibility ? { visibility: input.visibility } : {}),
        internal: input.internal === 'yes',
      });
      return { back, notice: 'Comment added.' };
    }
    if (verb === 'transition') {
      const { transitionId } = transitionForm.parse(form);
      deps.jira.admin.transitionIssue(deps.accountId, ref, { transitionId });
      return { back, notice: `${ref} is now ${deps.jira.admin.issueView(ref).status}.` };
    }
  }
  // Releases: through the Jira admin as the console's user, so avi:jira:released:version / unreleased:version and
  // avi:jira-software:closed:sprint fire as they would in Jira.
  if (system === 'jira-version' && ref !== undefined && /^\d+$/.test(ref) && parts.length === 4) {
    if (verb === 'release' || verb === 'unrelease') {
      if (verb === 'release') deps.jira.admin.releaseVersion(deps.accountId, ref);
      else deps.jira.admin.unreleaseVersion(deps.accountId, ref);
      const version = deps.jira.admin
        .releases()
        .projects.flatMap((project) => project.versions)
        .find((candidate) => candidate.id === ref);
      return {
        back: '/jira',
        notice: `${version?.name ?? ref} is ${version?.released ? 'released' : 'unreleased'}.`,
      };
    }
  }
  if (system === 'jira-sprint' && ref !== undefined && /^\d+$/.test(ref) && parts.length === 4) {
    if (verb === 'close') {
      deps.jira.admin.closeSprint(deps.accountId, Number(ref));
      const sprint = deps.jira.admin.releases().sprints.find((candidate) => candidate.id === Number(ref));
      return { back: '/jira', notice: `${sprint?.name ?? `Sprint ${ref}`} is closed.` };
    }
  }
  const number = Number(ref);
  if (system === 'teamsupport' && Number.isInteger(number) && parts.length === 4) {
    const back = `/teamsupport/tickets/${number}`;
    const org = deps.ts.org();
    if (verb === 'action') {
      const input = actionForm.parse(form);
      org.addAction(number, {
        description: textToTicketHtml(input.description),
        actionType: input.actionType,
        creator: input.agent,
        isVisibleOnPortal: input.portal === 'yes',
      });
      return { back, notice: 'Action added. Run the pull to bring it to Jira.' };
    }
    if (verb === 'status') {
      const { status } = statusForm.parse(form);
      org.setStatus(number, status);
      return { back, notice: `Status set to ${status}.` };
    }
    if (verb === 'field') {
      const { field, value } = fieldForm.parse(form);
      org.setCustomField(number, field, value === '' ? null : value);
      return { back, notice: `${field} saved.` };
    }
  }
  throw new NoSuchAction();
}

/** The URL names no action. */
export class NoSuchAction extends Error {}
