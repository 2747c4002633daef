// The Brevo side of the console: the emulator's accounts with their contacts (e-mail address, attributes, lists) and
// lists with their members, and one contact's event timeline as Brevo shows a contact's activity, newest first, with
// the properties that say what happened (issue key, status from → to, comment). Read-only: in the sandbox, Brevo
// only receives what the app sends (sandbox/brevo/README.md lists what the emulator keeps).
import type { AccountAdmin, BrevoEmulator, ContactView, EventView } from '../../brevo';
import { html, type Html } from './html';
import { ISSUE_KEY } from './paths';
import { table } from './table';

export type BrevoConsole = Pick<BrevoEmulator, 'accounts' | 'appUrl' | 'baseUrl'>;

/** A long-lived sandbox can collect many events; the page shows the newest. */
const TIMELINE_SHOWN = 200;

/** An event or contact time as the console shows it: to the second, in UTC (events of one minute stay apart). */
export function secondUtc(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** A property or attribute value as text: strings as they are, anything else as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined ? '' : JSON.stringify(value);
}

function contactLabel(contact: Pick<ContactView, 'id' | 'email' | 'extId'>): string {
  return contact.email ?? (contact.extId === null ? `#${contact.id}` : `ext_id ${contact.extId}`);
}

function contactLink(contact: Pick<ContactView, 'id' | 'email' | 'extId'>): Html {
  return html`<a href="/brevo/contacts/${contact.id}">${contactLabel(contact)}</a>`;
}

function attributeCodes(attributes: ContactView['attributes']): Html[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => html`<code>${name}=${shown(value)}</code> `);
}

/** The contact's events, newest `event_date` first (the order of `AccountAdmin.timeline`, also for contacts without an e-mail). */
function timelineOf(account: AccountAdmin, contactId: number): EventView[] {
  return account
    .events({ contactId })
    .sort((a, b) => Date.parse(b.eventDate) - Date.parse(a.eventDate) || b.id - a.id);
}

function listNames(account: AccountAdmin): Map<number, string> {
  return new Map(account.lists().map((list) => [list.id, list.name]));
}

const CONTACT_COLUMNS = ['E-mail', 'Attributes', 'Lists', { label: 'Events', numeric: true }, 'Latest event'];
const LIST_COLUMNS = [{ label: 'Id', numeric: true }, 'Name', 'Members'];

function accountSection(account: AccountAdmin): Html {
  const settings = account.settings();
  const lists = listNames(account);
  const contacts = account.contacts();
  const contactRows = contacts.map((contact) => {
    const [latest] = timelineOf(account, contact.id);
    const events = account.events({ contactId: contact.id }).length;
    return html`<tr data-testid="brevo-contact-row">
      <td>
        ${contactLink(contact)}${contact.emailBlacklisted ? html` <span class="badge">blacklisted</span>` : ''}
      </td>
      <td>${attributeCodes(contact.attributes)}</td>
      <td>${contact.listIds.map((id) => lists.get(id) ?? `#${id}`).join(', ')}</td>
      <td class="num">${events}</td>
      <td>${latest ? html`<code>${latest.name}</code> <time>${secondUtc(latest.eventDate)}</time>` : ''}</td>
    </tr>`;
  });
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const byLabel = new Map(contacts.map((contact) => [contactLabel(contact), contact]));
  const listRows = account.lists().map((list) => {
    const members = account.listMembers(list.id).map((member) => {
      // listMembers names a contact by its e-mail address, or `#<id>` when it has none.
      const id = /^#(\d+)$/.exec(member)?.[1];
      const contact = id === undefined ? byLabel.get(member) : byId.get(Number(id));
      return contact ? html`${contactLink(contact)} ` : html`${member} `;
    });
    return html`<tr data-testid="brevo-list-row">
      <td class="num">${list.id}</td>
      <td>${list.name}</td>
      <td>${members.length > 0 ? members : html`<span class="hint">none</span>`}</td>
    </tr>`;
  });
  return html`<section data-testid="brevo-account">
    <h2>${settings.companyName} <span class="key">account ${settings.id} · ${settings.email}</span></h2>
    <div data-live id="brevo-contacts-${settings.id}">
      <h3>Contacts</h3>
      ${table({
        columns: CONTACT_COLUMNS,
        rows: contactRows,
        empty: 'No contacts yet: the app creates them when it sends an event.',
      })}
    </div>
    <div data-live id="brevo-lists-${settings.id}">
      <h3>Lists</h3>
      ${table({ columns: LIST_COLUMNS, rows: listRows, empty: 'No lists.' })}
    </div>
  </section>`;
}

export function brevoPage(input: { brevo: BrevoConsole; counters: Html }): Html {
  const accounts = input.brevo.accounts();
  return html`<h1>Brevo</h1>
    <p class="hint">
      The Brevo emulator's contacts, lists and custom events. The app calls it as
      <code>${input.brevo.appUrl}</code>, which the sandbox routes to <code>${input.brevo.baseUrl}</code>.
      Open a contact for its event timeline. Updates live.
    </p>
    ${accounts.length > 0 ? accounts.map(accountSection) : html`<p class="hint">The emulator has no account.</p>`}
    <div data-live id="brevo-counters">
      <h2>Requests from the app</h2>
      ${input.counters}
    </div>`;
}

/** The account holding contact `contactId` and the contact, if any (contact ids are unique across accounts). */
export function findContact(
  brevo: BrevoConsole,
  contactId: number,
): { account: AccountAdmin; contact: ContactView } | undefined {
  for (const account of brevo.accounts()) {
    const contact = account.contact(contactId);
    if (contact) return { account, contact };
  }
  return undefined;
}

function issueLink(value: unknown, jiraIssueExists: (key: string) => boolean): Html | string {
  if (typeof value !== 'string') return value === undefined ? '' : shown(value);
  return ISSUE_KEY.test(value) && jiraIssueExists(value)
    ? html`<a href="/jira/browse/${value}">${value}</a>`
    : value;
}

/** The properties that say what an event is about, as the app sends them (docs/product.md, "Brevo events"). */
function keyProperties(event: EventView, jiraIssueExists: (key: string) => boolean): Html {
  const p = event.properties;
  const has = (name: string): boolean => p[name] !== undefined && p[name] !== null && p[name] !== '';
  const rows: Html[] = [];
  if (has('issue_key'))
    rows.push(
      html`<dt>Issue</dt>
        <dd data-testid="brevo-event-issue">
          ${issueLink(p.issue_key, jiraIssueExists)}${has('summary') ? html` · ${shown(p.summary)}` : ''}
        </dd>`,
    );
  if (has('from_status') || has('to_status'))
    rows.push(
      html`<dt>Status</dt>
        <dd data-testid="brevo-event-status-change">
          ${has('from_status') ? shown(p.from_status) : '?'} → ${has('to_status') ? shown(p.to_status) : '?'}
        </dd>`,
    );
  else if (has('status'))
    rows.push(
      html`<dt>Status</dt>
        <dd>${shown(p.status)}</dd>`,
    );
  if (has('changed_fields'))
    rows.push(
      html`<dt>Changed</dt>
        <dd>${shown(p.changed_fields)}</dd>`,
    );
  if (has('comment'))
    rows.push(
      html`<dt>Comment${has('comment_author') ? html` by ${shown(p.comment_author)}` : ''}</dt>
        <dd class="text" data-testid="brevo-event-comment">${shown(p.comment)}</dd>`,
    );
  return rows.length > 0 ? html`<dl>${rows}</dl>` : html``;
}

function eventItem(event: EventView, jiraIssueExists: (key: string) => boolean): Html {
  const all = Object.entries(event.properties).map(
    ([name, value]) =>
      html`<dt>${name}</dt>
        <dd><code>${shown(value)}</code></dd>`,
  );
  const contactProperties = Object.entries(event.contactProperties).map(
    ([name, value]) => html`<code>${name}=${shown(value)}</code> `,
  );
  return html`<li class="comment" data-testid="brevo-event">
    <div class="meta">
      <strong data-testid="brevo-event-name">${event.name}</strong>
      ${event.via === 'batch' ? html`<span class="badge">batch</span>` : ''}
      <time datetime="${event.eventDate}" title="received ${secondUtc(event.receivedAt)}"
        >${secondUtc(event.eventDate)}</time
      >
    </div>
    ${keyProperties(event, jiraIssueExists)}
    <details>
      <summary>All properties</summary>
      <dl>
        ${
          all.length > 0
            ? all
            : html`<dt>none</dt>
                <dd></dd>`
        }
      </dl>
      ${contactProperties.length > 0 ? html`<p>Contact properties: ${contactProperties}</p>` : ''}
    </details>
  </li>`;
}

export function brevoContactPage(
  found: { account: AccountAdmin; contact: ContactView },
  jiraIssueExists: (key: string) => boolean,
): Html {
  const { account, contact } = found;
  const settings = account.settings();
  const lists = listNames(account);
  const timeline = timelineOf(account, contact.id);
  const events = timeline.slice(0, TIMELINE_SHOWN).map((event) => eventItem(event, jiraIssueExists));
  const older = timeline.length - events.length;
  const attributes = Object.entries(contact.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, value]) =>
        html`<dt>${name}</dt>
          <dd>${shown(value)}</dd>`,
    );
  return html`<p class="crumbs"><a href="/brevo">Brevo</a> / ${settings.companyName}</p>
    <div class="issue">
      <section class="issue-main">
        <h1 data-testid="brevo-contact"><span class="key">Contact</span> ${contactLabel(contact)}</h1>
        <h2>Timeline</h2>
        <p class="hint">The contact's events, newest first, as Brevo shows a contact's activity.</p>
        <div data-live id="brevo-timeline-${contact.id}">
          <ol class="comments">
            ${events.length > 0 ? events : html`<li class="hint">No events yet.</li>`}
          </ol>
          ${older > 0 ? html`<p class="hint">${older} older events are not shown.</p>` : ''}
        </div>
      </section>
      <aside class="issue-side" data-live id="brevo-contact-${contact.id}">
        <h2>Attributes</h2>
        ${attributes.length > 0 ? html`<dl>${attributes}</dl>` : html`<p class="hint">None.</p>`}
        <h2>Lists</h2>
        <p>${contact.listIds.map((id) => lists.get(id) ?? `#${id}`).join(', ') || '—'}</p>
        <h2>Details</h2>
        <dl>
          <dt>Contact id</dt>
          <dd>${contact.id}</dd>
          <dt>ext_id</dt>
          <dd>${contact.extId ?? '—'}</dd>
          <dt>Blacklisted</dt>
          <dd>${contact.emailBlacklisted ? 'e-mail' : 'no'}${contact.smsBlacklisted ? ', SMS' : ''}</dd>
          <dt>Created</dt>
          <dd>${secondUtc(contact.createdAt)}</dd>
          <dt>Modified</dt>
          <dd>${secondUtc(contact.modifiedAt)}</dd>
        </dl>
      </aside>
    </div>`;
}
