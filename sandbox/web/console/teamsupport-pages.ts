// The TeamSupport side of the console: the ticket list, and a minimal ticket view (actions, add an action as an
// agent with an action type and portal visibility, change the status, set custom fields such as the correlation
// field that asks for a Jira issue).
import { SYSTEM_USER, type ActionSnapshot, type OrgAdmin, type TicketSnapshot } from '../../teamsupport';
import { html, minuteUtc, type Html } from './html';
import { table } from './table';
import { htmlToText } from './html-text';

function names(org: OrgAdmin) {
  const lookups = org.lookups();
  const byId = <T extends { id: number }>(rows: readonly T[], name: (row: T) => string) =>
    new Map(rows.map((row) => [row.id, name(row)]));
  return {
    lookups,
    products: byId(lookups.products, (p) => p.name),
    versions: byId(lookups.versions, (v) => v.versionNumber),
    customers: byId(lookups.customers, (c) => c.name),
    users: byId(lookups.users, (u) => `${u.firstName} ${u.lastName}`),
  };
}

/** System creators have no name: -3 is whoever called the API (here, the app), -1 an unknown sender. */
function creator(action: ActionSnapshot): string {
  if (action.creatorName) return action.creatorName;
  return action.creatorId === SYSTEM_USER.api ? 'API (the app)' : 'Unknown sender';
}

function statusLozenge(ticket: TicketSnapshot): Html {
  return html`<span
    class="lozenge ${ticket.isClosed ? 'lozenge-done' : 'lozenge-indeterminate'}"
    data-testid="ticket-status"
    >${ticket.status ?? '—'}</span
  >`;
}

const TICKET_COLUMNS = ['Number', 'Name', 'Type', 'Product', 'Status', 'Custom fields'];

export function ticketListPage(org: OrgAdmin): Html {
  const n = names(org);
  const rows = org
    .tickets()
    .sort((a, b) => b.ticketNumber - a.ticketNumber)
    .map(
      (ticket) =>
        html`<tr>
          <td><a href="/teamsupport/tickets/${ticket.ticketNumber}">#${ticket.ticketNumber}</a></td>
          <td>${ticket.name}</td>
          <td>${ticket.ticketType ?? ''}</td>
          <td>${ticket.productId === null ? '' : (n.products.get(ticket.productId) ?? '')}</td>
          <td>${statusLozenge(ticket)}</td>
          <td>
            ${Object.entries(ticket.customFields)
              .filter(([, value]) => value)
              .map(([field, value]) => html`<code>${field}=${value}</code> `)}
          </td>
        </tr>`,
    );
  return html`<h1>TeamSupport tickets</h1>
    <p class="hint">
      The TeamSupport emulator's tickets (organization ${org.organizationId}). Open one to add an action as an
      agent, change its status or ask for a Jira issue.
    </p>
    <div data-live id="ticket-list">${table({ columns: TICKET_COLUMNS, rows, empty: 'None.' })}</div>`;
}

export function ticketPage(
  org: OrgAdmin,
  ticketNumber: number,
  jiraIssueExists: (key: string) => boolean,
): Html {
  const ticket = org.ticket(ticketNumber);
  const n = names(org);
  const base = `/actions/teamsupport/${ticket.ticketNumber}`;
  const actions = org.actions(ticket.ticketId).map(
    (action) =>
      html`<li class="comment" data-testid="action">
        <div class="meta">
          <strong>${creator(action)}</strong>
          <span class="badge">${action.actionType ?? `system ${action.systemActionTypeId}`}</span>
          ${action.isVisibleOnPortal ? html`<span class="badge">on portal</span>` : html`<span class="badge">private</span>`}
          <time>${minuteUtc(action.dateCreated)}</time>
        </div>
        <div class="text">${htmlToText(action.description)}</div>
      </li>`,
  );
  const statuses = n.lookups.ticketStatuses
    .filter((status) => status.ticketTypeId === ticket.ticketTypeId)
    .map(
      (status) =>
        html`<option value="${status.name}" ${status.id === ticket.ticketStatusId ? html` selected` : ''}>
          ${status.name}
        </option>`,
    );
  const fields = Object.entries(ticket.customFields).map(([apiName, value]) => {
    const label = n.lookups.customFields.find((field) => field.apiName === apiName)?.name ?? apiName;
    const id = `field-${apiName}`;
    const jiraLink =
      value && jiraIssueExists(value) ? html` <a href="/jira/browse/${value}">open ${value}</a>` : '';
    return html`<form method="post" action="${base}/field" class="row">
      <input type="hidden" name="field" value="${apiName}" />
      <label for="${id}">${label}</label>
      <input
        id="${id}"
        name="value"
        value="${value ?? ''}"
        placeholder="${apiName === 'JiraIssueKey' ? 'NEW, or an issue key' : ''}"
      />
      <button type="submit">Save ${label}</button>${jiraLink}
    </form>`;
  });
  const agents = n.lookups.users.map((user) => html`<option>${user.firstName} ${user.lastName}</option>`);
  const actionTypes = n.lookups.actionTypes.map((type) => html`<option>${type.name}</option>`);
  const product = ticket.productId === null ? '—' : (n.products.get(ticket.productId) ?? '—');
  const version = ticket.reportedVersionId === null ? '' : (n.versions.get(ticket.reportedVersionId) ?? '');
  return html`<p class="crumbs"><a href="/teamsupport">TeamSupport tickets</a></p>
    <div class="issue">
      <section class="issue-main">
        <h1 data-testid="ticket-name"><span class="key">#${ticket.ticketNumber}</span> ${ticket.name}</h1>
        <div data-live id="ticket-status-${ticket.ticketId}" class="status-row">
          ${statusLozenge(ticket)}
          <span class="hint">${ticket.ticketType ?? ''} · ${product} ${version}</span>
          <form method="post" action="${base}/status" class="inline">
            <label for="ticket-status">Change status to</label>
            <select id="ticket-status" name="status">
              ${statuses}
            </select>
            <button type="submit">Change status</button>
          </form>
        </div>
        <h2>Actions</h2>
        <form method="post" action="${base}/action" class="comment-form">
          <label for="action-body">Add an action</label>
          <textarea
            id="action-body"
            name="description"
            rows="3"
            required
            placeholder="Write as an agent…"
          ></textarea>
          <div class="row">
            <label for="action-agent">Agent</label
            ><select id="action-agent" name="agent">
              ${agents}
            </select>
            <label for="action-type">Action type</label
            ><select id="action-type" name="actionType">
              ${actionTypes}
            </select>
            <label class="check"
              ><input type="checkbox" name="portal" value="yes" checked /> Visible on portal</label
            >
            <button type="submit">Add action</button>
          </div>
        </form>
        <ol class="comments" data-live id="ticket-actions-${ticket.ticketId}">
          ${actions}
        </ol>
      </section>
      <aside class="issue-side">
        <h2>Custom fields</h2>
        <div data-live id="ticket-fields-${ticket.ticketId}" class="fields">${fields}</div>
        <h2>Details</h2>
        <dl data-live id="ticket-details-${ticket.ticketId}">
          <dt>Customers</dt>
          <dd>${ticket.customerIds.map((id) => n.customers.get(id) ?? String(id)).join(', ') || '—'}</dd>
          <dt>Assignee</dt>
          <dd>${ticket.userId === null ? '—' : (n.users.get(ticket.userId) ?? '—')}</dd>
          <dt>Modified</dt>
          <dd>${minuteUtc(ticket.dateModified)}</dd>
        </dl>
      </aside>
    </div>`;
}
