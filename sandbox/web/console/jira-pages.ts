// The Jira side of the console: the issue list, and a minimal issue view (summary, status with its transitions,
// comments with an add-comment box that can restrict the comment) with the app's real issue panel beside it.
import type { IssueView, JiraAdmin } from '../../jira';
import { html, minuteUtc, type Html } from './html';
import { table } from './table';

export interface JiraPageInput {
  jira: JiraAdmin;
  /** who the console acts as (a Jira user) */
  accountId: string;
}

function statusLozenge(view: Pick<IssueView, 'status' | 'statusCategory'>): Html {
  return html`<span class="lozenge lozenge-${view.statusCategory}" data-testid="issue-status"
    >${view.status}</span
  >`;
}

const ISSUE_COLUMNS = ['Key', 'Summary', 'Type', 'Status', 'Comments', 'Web links'];

export function issueListPage({ jira }: JiraPageInput): Html {
  const rows = jira.issueViews().map(
    (issue) =>
      html`<tr>
        <td><a href="/jira/browse/${issue.key}">${issue.key}</a></td>
        <td>${issue.summary}</td>
        <td>${issue.issueType}</td>
        <td>${statusLozenge(issue)}</td>
        <td>${issue.comments.length}</td>
        <td>${issue.remoteLinks.length}</td>
      </tr>`,
  );
  return html`<h1>Jira issues</h1>
    <p class="hint">
      The Jira emulator's issues. Open one to comment, transition it, and see the app's issue panel.
    </p>
    <div data-live id="issue-list">${table({ columns: ISSUE_COLUMNS, rows, empty: 'None.' })}</div>`;
}

function commentItem(comment: IssueView['comments'][number]): Html {
  const restriction = comment.visibility
    ? html`<span class="badge" title="Restricted comment"
        >🔒 ${comment.visibility.type === 'role' ? 'Role' : 'Group'}: ${comment.visibility.value}</span
      >`
    : '';
  return html`<li class="comment" data-testid="comment">
    <div class="meta">
      <strong>${comment.author}</strong>${comment.byApp ? html` <span class="badge">app</span>` : ''}
      ${restriction}${comment.internal ? html` <span class="badge">internal</span>` : ''}
      <time>${minuteUtc(comment.created)}</time>
    </div>
    <div class="text">${comment.text}</div>
  </li>`;
}

export function issuePage(input: JiraPageInput, key: string): Html {
  const { jira } = input;
  const issue = jira.issueView(key);
  const transitions = jira
    .transitionsOf(input.accountId, issue.key)
    .map(
      (t) =>
        html`<button type="submit" name="transitionId" value="${t.id}" title="${t.name}">
          ${t.toStatus}
        </button>`,
    );
  const { roles, groups } = jira.commentRestrictions();
  const restrictOptions = [
    ...roles.map((role) => html`<option value="role:${role}">Role: ${role}</option>`),
    ...groups.map((group) => html`<option value="group:${group}">Group: ${group}</option>`),
  ];
  const comments = [...issue.comments].reverse().map(commentItem);
  const links = issue.remoteLinks.map(
    (link) =>
      html`<li><a href="${link.url}" target="_blank" rel="noreferrer">${link.title || link.url}</a></li>`,
  );
  const panelUrl = `/ui/issue-panel/?issue=${encodeURIComponent(issue.id)}&key=${encodeURIComponent(issue.key)}&type=${encodeURIComponent(issue.issueType)}&as=${encodeURIComponent(input.accountId)}`;
  return html`<p class="crumbs"><a href="/jira">Jira issues</a> / ${issue.projectKey}</p>
    <div class="issue">
      <section class="issue-main">
        <h1 data-testid="issue-summary"><span class="key">${issue.key}</span> ${issue.summary}</h1>
        <div data-live id="issue-status-${issue.id}" class="status-row">
          ${statusLozenge(issue)} <span class="hint">${issue.issueType}</span>
          <form
            method="post"
            action="/actions/jira/${issue.key}/transition"
            class="inline"
            aria-label="Transition"
          >
            <span class="hint">Move to:</span> ${transitions}
          </form>
        </div>
        <h2>Comments</h2>
        <form method="post" action="/actions/jira/${issue.key}/comment" class="comment-form">
          <label for="comment-body">Add a comment</label>
          <textarea
            id="comment-body"
            name="body"
            rows="3"
            required
            placeholder="Write a comment as alice…"
          ></textarea>
          <div class="row">
            <label for="comment-visibility">Restrict to</label>
            <select id="comment-visibility" name="visibility">
              <option value="">Everyone (not restricted)</option>
              ${restrictOptions}
            </select>
            <label class="check"
              ><input type="checkbox" name="internal" value="yes" /> Internal note (JSM)</label
            >
            <button type="submit">Save comment</button>
          </div>
        </form>
        <ol class="comments" data-live id="issue-comments-${issue.id}">
          ${comments.length > 0 ? comments : html`<li class="hint">No comments yet.</li>`}
        </ol>
      </section>
      <aside class="issue-side">
        <div
          data-live
          id="issue-links-${issue.id}"
          data-reload-panel="${issue.remoteLinks.map((l) => l.url).join(' ')}"
        >
          <h2>Web links</h2>
          ${
            links.length > 0
              ? html`<ul>
                  ${links}
                </ul>`
              : html`<p class="hint">None.</p>`
          }
        </div>
        <h2>Apps</h2>
        <iframe
          id="issue-panel"
          class="panel"
          title="Support tickets (the app's issue panel)"
          src="${panelUrl}"
        ></iframe>
      </aside>
    </div>`;
}
