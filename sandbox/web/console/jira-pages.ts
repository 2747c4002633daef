// The Jira side of the console: the issue list with the releases (each project's versions with Release / Unrelease,
// the sprints with Close sprint), and a minimal issue view (summary, status with its transitions, fix versions and
// sprints, comments with an add-comment box that can restrict the comment) with the app's real issue panel beside it.
import type { IssueView, JiraAdmin, SprintView, VersionView } from '../../jira';
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
const VERSION_COLUMNS = ['Version', 'Status', 'Release date', { label: 'Issues', numeric: true }, ''];
const SPRINT_COLUMNS = [
  'Sprint',
  'State',
  'Dates (UTC)',
  { label: 'Issues', numeric: true },
  { label: 'Done', numeric: true },
  '',
];

/** The Jira pages' own navigation: the issues, and the releases below them on the same page. */
function jiraNav(): Html {
  return html`<p class="filters">
    Jira: <a href="/jira#issues">Issues</a> · <a href="/jira#releases">Releases</a>
  </p>`;
}

function versionRow(version: VersionView): Html {
  // Each button posts to an action that goes through the Jira admin, so the version events fire as in Jira.
  const action = version.released ? 'unrelease' : 'release';
  return html`<tr data-testid="version-${version.id}">
    <td>${version.name}${version.archived ? html` <span class="badge">archived</span>` : ''}</td>
    <td>
      <span class="lozenge ${version.released ? 'lozenge-done' : ''}"
        >${version.released ? 'Released' : 'Unreleased'}</span
      >
    </td>
    <td>${version.releaseDate ?? ''}</td>
    <td class="num">${version.issueCount}</td>
    <td>
      <form method="post" action="/actions/jira-version/${version.id}/${action}" class="inline">
        <button type="submit">${version.released ? 'Unrelease' : 'Release'}</button>
      </form>
    </td>
  </tr>`;
}

function sprintDates(sprint: SprintView): string {
  const day = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : '…');
  if (!sprint.startDate) return '';
  const end = sprint.completeDate ? `${day(sprint.completeDate)} (closed)` : day(sprint.endDate);
  return `${day(sprint.startDate)} → ${end}`;
}

function sprintRow(sprint: SprintView): Html {
  const state = { future: 'new', active: 'indeterminate', closed: 'done' }[sprint.state];
  return html`<tr data-testid="sprint-${sprint.id}">
    <td>${sprint.name}${sprint.goal ? html`<div class="hint">${sprint.goal}</div>` : ''}</td>
    <td><span class="lozenge lozenge-${state}">${sprint.state}</span></td>
    <td>${sprintDates(sprint)}</td>
    <td class="num">${sprint.issueCount}</td>
    <td class="num">${sprint.doneCount}</td>
    <td>
      ${
        sprint.state === 'active'
          ? html`<form method="post" action="/actions/jira-sprint/${sprint.id}/close" class="inline">
              <button type="submit">Close sprint</button>
            </form>`
          : ''
      }
    </td>
  </tr>`;
}

/** Each project's versions and every sprint, with the buttons that release, unrelease and close. */
function releasesSection({ jira }: JiraPageInput): Html {
  const { projects, sprints } = jira.releases();
  const versionTables = projects.map(
    (project) =>
      html`<h3>${project.key} · ${project.name}</h3>
        ${table({
          columns: VERSION_COLUMNS,
          rows: project.versions.map(versionRow),
          empty: 'No versions.',
        })}`,
  );
  return html`<section id="releases">
    <h1>Releases</h1>
    <p class="hint">
      Releasing a version sends <code>avi:jira:released:version</code>; closing a sprint sends
      <code>avi:jira-software:closed:sprint</code>. Both act as the console's user.
    </p>
    <div data-live id="jira-releases">
      <h2>Versions</h2>
      ${versionTables}
      <h2>Sprints</h2>
      ${table({ columns: SPRINT_COLUMNS, rows: sprints.map(sprintRow), empty: 'No sprints.' })}
    </div>
  </section>`;
}

export function issueListPage(input: JiraPageInput): Html {
  const rows = input.jira.issueViews().map(
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
  return html`${jiraNav()}
    <h1 id="issues">Jira issues</h1>
    <p class="hint">
      The Jira emulator's issues. Open one to comment, transition it, and see the app's issue panel.
    </p>
    <div data-live id="issue-list">${table({ columns: ISSUE_COLUMNS, rows, empty: 'None.' })}</div>
    ${releasesSection(input)}`;
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
  const sprints = issue.sprints.map(
    (sprint) => html`<li>${sprint.name} <span class="badge">${sprint.state}</span></li>`,
  );
  return html`${jiraNav()}
    <p class="crumbs"><a href="/jira">Jira issues</a> / ${issue.projectKey}</p>
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
        <div data-live id="issue-planning-${issue.id}">
          <h2>Details</h2>
          <dl>
            <dt>Fix versions</dt>
            <dd data-testid="issue-fix-versions">
              ${issue.fixVersions.length > 0 ? issue.fixVersions.join(', ') : html`<span class="hint">None</span>`}
            </dd>
            <dt>Sprint</dt>
            <dd data-testid="issue-sprints">
              ${
                sprints.length > 0
                  ? html`<ul>
                      ${sprints}
                    </ul>`
                  : html`<span class="hint">None</span>`
              }
            </dd>
          </dl>
          <p class="hint"><a href="/jira#releases">Releases</a></p>
        </div>
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
