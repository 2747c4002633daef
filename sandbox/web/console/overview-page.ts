// The console's start page: what is running, and the five-minute tour through the sync loop, whose steps are the
// README's walkthrough itself (readme-walkthrough.ts), so the two always agree step by step.
import { html, type Html } from './html';
import { stepHtml, type WalkthroughStep } from './readme-walkthrough';

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
  /** the README's walkthrough steps, or why they could not be read */
  walkthrough: { ok: true; steps: WalkthroughStep[] } | { ok: false; reason: string };
}

export function overviewPage(input: OverviewInput): Html {
  const { tour, walkthrough } = input;
  const steps = !tour
    ? html`<p class="hint">No demo data: start with <code>npm start -- --reset</code> to seed it.</p>`
    : walkthrough.ok
      ? html`<ol class="tour" data-testid="walkthrough">
          ${walkthrough.steps.map((step) => html`<li value="${step.number}">${stepHtml(step.markdown)}</li>`)}
        </ol>`
      : html`<p class="hint">The steps are in the README, which could not be read: ${walkthrough.reason}</p>`;
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
      ${input.dataDir ? html`State is kept in <code>${input.dataDir}</code> for the next start; <code>npm start -- --reset</code> starts clean.` : 'State is kept in memory only.'}
      Ctrl-C in the terminal stops the sandbox.
    </p>
    <h2>Five-minute tour</h2>
    <p class="hint">The README's walkthrough, step by step.</p>
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
