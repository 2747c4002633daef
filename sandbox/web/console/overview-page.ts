// The console's start page: what is running, and the five-minute tour through the sync loop (the README's
// walkthrough follows the same steps).
import { html, type Html } from './html';

export interface Tour {
  /** the demo issue with a linked ticket */
  issueKey: string;
  ticketNumber: number;
  /** an unlinked ticket to escalate by setting the correlation field to NEW */
  escalateTicketNumber: number;
  correlationField: string;
  /** the e-mail address of the Brevo contact the demo issues' events go to (their reporter's); absent in old tours */
  brevoContact?: string | undefined;
}

export interface OverviewInput {
  tour: Tour | undefined;
  jiraUrl: string;
  teamSupportUrl: string;
  brevoUrl: string;
  functions: { key: string; handler: string; kinds: string; timeoutSeconds: number }[];
  counters: Html;
  dataDir: string | undefined;
}

export function overviewPage(input: OverviewInput): Html {
  const { tour } = input;
  const steps = tour
    ? html`<ol class="tour">
        <li>
          Open <a href="/jira/browse/${tour.issueKey}">${tour.issueKey}</a>. The app's issue panel (right)
          lists the linked ticket #${tour.ticketNumber}.
        </li>
        <li>
          Add a comment on ${tour.issueKey}. Within a few seconds ticket
          <a href="/teamsupport/tickets/${tour.ticketNumber}">#${tour.ticketNumber}</a> has a new action
          carrying your comment. A restricted comment (role or group) is not copied: the
          <a href="/events">event log</a> says why.
        </li>
        <li>
          On ticket <a href="/teamsupport/tickets/${tour.ticketNumber}">#${tour.ticketNumber}</a>, add an
          action as an agent (type Comment). Press <em>Run the pull now</em> (top right): the action arrives
          on ${tour.issueKey} as a comment.
        </li>
        ${
          tour.brevoContact
            ? html`<li>
                On ${tour.issueKey}, move the issue to In Progress. Open <a href="/brevo">Brevo</a>, then
                ${tour.brevoContact}: the contact's timeline shows <code>jira_issue_status_changed</code> with
                the status it moved from and to.
              </li>`
            : ''
        }
        <li>
          On ${tour.issueKey}, move the issue to Done. The ticket's status becomes Closed (the demo maps Done
          → Closed).
        </li>
        <li>
          On ticket
          <a href="/teamsupport/tickets/${tour.escalateTicketNumber}">#${tour.escalateTicketNumber}</a>, set
          <em>${tour.correlationField}</em> to <code>NEW</code> and run the pull: a new Jira issue appears,
          linked to the ticket, and its key is written back to the field.
        </li>
        <li>
          Open <a href="/jira#releases">Releases</a> and release version 2.1 of SUP: ticket
          <a href="/teamsupport/tickets/${tour.ticketNumber}">#${tour.ticketNumber}</a> gets one action "Fixed
          in 2.1", and the customer's <a href="/brevo">Brevo</a> timeline one
          <code>jira_version_released</code>. Unreleasing and releasing again sends nothing new.
        </li>
        <li>
          Open the <a href="/admin">admin page</a> for the instance settings, the Brevo account's status, the
          sync log and the errors report.
        </li>
      </ol>`
    : html`<p class="hint">No demo data: start with <code>npm start -- --reset</code> to seed it.</p>`;
  const functions = input.functions.map(
    (fn) =>
      html`<li>
        <code>${fn.key}</code> → <code>${fn.handler}</code> (${fn.kinds}, ${fn.timeoutSeconds} s)
      </li>`,
  );
  return html`<h1>Support Ticket Sync — sandbox</h1>
    <p>
      The app's real handlers from <code>manifest.yml</code> run here against emulators of Jira Cloud
      (<code>${input.jiraUrl}</code>), TeamSupport (<code>${input.teamSupportUrl}</code>) and Brevo
      (<code>${input.brevoUrl}</code>). Nothing leaves this machine.
      ${input.dataDir ? html`State is kept in <code>${input.dataDir}</code>; <code>npm start -- --reset</code> starts clean.` : 'State is kept in memory only.'}
    </p>
    <h2>Five-minute tour</h2>
    ${steps}
    <div data-live id="overview-counters">
      <h2>Requests by target</h2>
      ${input.counters}
    </div>
    <h2>Hosted functions</h2>
    <ul>
      ${functions}
    </ul>`;
}
