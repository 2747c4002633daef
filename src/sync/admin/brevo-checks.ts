// The connection test of a Brevo account, one line per item of its checklist: API key accepted (which account), lists
// found, attributes present (naming the missing ones), Jira search works with the filter, user e-mail lookup
// available. Every line is reported, in the order an admin fixes things; a line that cannot run says why.
import { CAPACITY_ATTRIBUTES } from '../../domain/capacity';
import { ATTRIBUTE_SOURCE_TYPES, type StoredBrevoAccount } from '../../domain/config';
import type { ConnectionCheck } from '../../domain/ticket';
import { IntegrationError } from '../../lib/errors';
import type { EventSink } from '../ports/event-sink';
import type { SinkAttribute } from '../records/sink';
import {
  BREVO_CHECK,
  failureText,
  type BrevoCheckDeps,
  type BrevoConnectionReport,
} from './brevo-check-parts';
import { emailCheck, searchCheck } from './brevo-jira-checks';

/**
 * The attribute each mapping needs in Brevo and the type its values have, first row first; then, while the account
 * sends team capacity, the attributes capacity writes (domain/capacity.ts), unless a mapping fills one already.
 */
export function requiredAttributes(account: StoredBrevoAccount): SinkAttribute[] {
  const required = new Map<string, SinkAttribute>();
  for (const row of account.attributeMappings) {
    if (!required.has(row.attribute)) {
      required.set(row.attribute, { name: row.attribute, type: ATTRIBUTE_SOURCE_TYPES[row.source] });
    }
  }
  if (account.events.teamCapacity) {
    for (const attribute of CAPACITY_ATTRIBUTES) {
      if (!required.has(attribute.name)) required.set(attribute.name, { ...attribute });
    }
  }
  return [...required.values()];
}

/** The mapped attributes Brevo lacks (names compared as Brevo keeps them: upper case). */
export function missingAttributes(
  account: StoredBrevoAccount,
  existing: readonly SinkAttribute[],
): SinkAttribute[] {
  const names = new Set(existing.map((attribute) => attribute.name.toUpperCase()));
  return requiredAttributes(account).filter((attribute) => !names.has(attribute.name));
}

function keyRefused(error: unknown): string {
  if (error instanceof IntegrationError && error.kind === 'auth') {
    return (
      `Brevo refused the API key (${failureText(error)}). Create a key under SMTP & API → API keys in Brevo, ` +
      'enter it and save.'
    );
  }
  if (error instanceof IntegrationError && error.kind === 'permission') {
    return `Brevo accepted the key but refused the request (${failureText(error)}): check the key's permissions.`;
  }
  return `Brevo could not be asked (${failureText(error)}). Test again in a moment.`;
}

async function listsCheck(sink: EventSink, account: StoredBrevoAccount): Promise<ConnectionCheck> {
  try {
    const lists = await sink.listLists();
    const byId = new Map(lists.map((list) => [list.id, list.name]));
    const count = `${lists.length} list${lists.length === 1 ? '' : 's'} in the account`;
    if (account.projectLists.length === 0) {
      return {
        name: BREVO_CHECK.lists,
        ok: true,
        message: `${count}; no project is mapped to a list yet (contacts are not added to any list).`,
      };
    }
    const absent = account.projectLists.filter((row) => !byId.has(row.listId));
    if (absent.length > 0) {
      const named = absent.map((row) => `list ${row.listId} (for ${row.projectKey})`).join(', ');
      return {
        name: BREVO_CHECK.lists,
        ok: false,
        message: `${count}, but not ${named}: choose an existing list for ${absent.length === 1 ? 'it' : 'them'} under Lists and save.`,
      };
    }
    const mapped = account.projectLists
      .map((row) => `${row.projectKey} → ${byId.get(row.listId) ?? ''} (${row.listId})`)
      .join(', ');
    return { name: BREVO_CHECK.lists, ok: true, message: `${count}; every mapped list exists: ${mapped}.` };
  } catch (error) {
    return {
      name: BREVO_CHECK.lists,
      ok: false,
      message: `The lists could not be read: ${failureText(error)}`,
    };
  }
}

async function attributesCheck(
  sink: EventSink,
  account: StoredBrevoAccount,
): Promise<{ check: ConnectionCheck; missing: string[] }> {
  const name = BREVO_CHECK.attributes;
  try {
    const existing = await sink.listAttributes();
    const required = requiredAttributes(account);
    if (required.length === 0) {
      return { check: { name, ok: true, message: 'No attribute is mapped: events only.' }, missing: [] };
    }
    const missing = missingAttributes(account, existing).map((attribute) => attribute.name);
    const types = new Map(existing.map((attribute) => [attribute.name.toUpperCase(), attribute.type]));
    // Brevo drops a value of the wrong type without an error (https://developers.brevo.com/reference/create-contact).
    const mistyped = required.filter((attribute) => {
      const type = types.get(attribute.name);
      return type !== undefined && type !== '' && type !== attribute.type;
    });
    const problems = [
      ...(missing.length > 0
        ? [
            `Missing in Brevo: ${missing.join(', ')}. Use "Create missing attributes", or create them in Brevo.`,
          ]
        : []),
      ...mistyped.map(
        (attribute) =>
          `${attribute.name} is a ${types.get(attribute.name) ?? ''} attribute in Brevo but receives a ` +
          `${attribute.type}: Brevo would drop its values, so map it to a ${attribute.type} attribute.`,
      ),
    ];
    return {
      check:
        problems.length === 0
          ? { name, ok: true, message: `All ${required.length} mapped attributes exist with the right type.` }
          : { name, ok: false, message: problems.join(' ') },
      missing,
    };
  } catch (error) {
    return {
      check: { name, ok: false, message: `The attributes could not be read: ${failureText(error)}` },
      missing: [],
    };
  }
}

async function brevoChecks(
  deps: BrevoCheckDeps,
  account: StoredBrevoAccount,
): Promise<{ checks: ConnectionCheck[]; missing: string[] }> {
  const skipped = (reason: string): ConnectionCheck[] => [
    { name: BREVO_CHECK.lists, ok: false, notChecked: true, message: `Not checked: ${reason}.` },
    { name: BREVO_CHECK.attributes, ok: false, notChecked: true, message: `Not checked: ${reason}.` },
  ];
  let sink: EventSink | undefined;
  try {
    sink = await deps.openEventSink(account);
  } catch (error) {
    // Opening the connector can refuse the settings themselves.
    const check = { name: BREVO_CHECK.apiKey, ok: false, message: failureText(error) };
    return { checks: [check, ...skipped('the connection could not be opened')], missing: [] };
  }
  if (!sink) {
    const message =
      'No API key is stored for this account: enter one under Connection, save, and test again.';
    return {
      checks: [{ name: BREVO_CHECK.apiKey, ok: false, message }, ...skipped('no API key')],
      missing: [],
    };
  }
  try {
    const owner = await sink.account();
    const keyCheck: ConnectionCheck = {
      name: BREVO_CHECK.apiKey,
      ok: true,
      message: `Brevo accepted the key: account ${owner.companyName} (${owner.email}).`,
    };
    const [lists, attributes] = await Promise.all([
      listsCheck(sink, account),
      attributesCheck(sink, account),
    ]);
    return { checks: [keyCheck, lists, attributes.check], missing: attributes.missing };
  } catch (error) {
    const check = { name: BREVO_CHECK.apiKey, ok: false, message: keyRefused(error) };
    return { checks: [check, ...skipped('Brevo did not accept the API key')], missing: [] };
  }
}

/** Every line of the checklist; the Jira lines run whatever Brevo answers. */
export async function testBrevoConnection(
  deps: BrevoCheckDeps,
  account: StoredBrevoAccount,
  callerAccountId: string,
): Promise<BrevoConnectionReport> {
  const [brevo, search, email] = await Promise.all([
    brevoChecks(deps, account),
    searchCheck(deps, account),
    emailCheck(deps, callerAccountId),
  ]);
  return { checks: [...brevo.checks, search, email], missingAttributes: brevo.missing };
}
