// testConnection: one line per check, in the order an admin fixes things. The ticket system checks what the settings
// name (comment action type, ticket types, statuses of the status mappings, correlation field); a missing token is a
// line of its own, since nothing else can be checked without it. A Brevo account runs its own checklist
// (brevo-checks.ts) and also names the mapped attributes Brevo lacks. An address the app may not call (one saved
// before the address rule) is one failed line with what to enter, and no request is sent (issue 20).
import { isTeamSupportHost, type StoredInstance } from '../../domain/config';
import type { ConnectionCheck } from '../../domain/ticket';
import { ok, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import type { ConnectionExpectations } from '../records/tickets';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { testBrevoConnection } from './brevo-checks';
import { findAnyInstance, instanceIdPayload } from './instances';

export const TOKEN_CHECK = 'API token stored';

export function expectationsOf(instance: StoredInstance): ConnectionExpectations {
  return {
    commentActionType: instance.commentActionType,
    ticketTypes: instance.ticketTypes,
    statusNames: instance.statusMappings.map((mapping) => mapping.ticketStatus),
    correlationField: instance.correlationField,
  };
}

/** Whether the saved address is one the manifest's egress lets the app call (domain/config/base-url.ts). */
function mayCall(baseUrl: string): boolean {
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'https:' && url.port === '' && isTeamSupportHost(url.hostname);
  } catch {
    return false;
  }
}

async function runChecks(deps: AdminDeps, instance: StoredInstance): Promise<ConnectionCheck[]> {
  if (!mayCall(instance.baseUrl)) return deps.addressNotCallableChecks();
  try {
    const tickets = await deps.openTicketSystem(instance);
    if (!tickets) {
      return [
        {
          name: TOKEN_CHECK,
          ok: false,
          message:
            'No API token is stored for this instance: enter it in the settings, save, and test again.',
        },
      ];
    }
    return await tickets.testConnection(expectationsOf(instance));
  } catch (error) {
    // Opening the connector can refuse the settings themselves (e.g. an unknown time zone).
    return [{ name: 'Settings usable', ok: false, message: redactText(describeError(error)) }];
  }
}

export function testConnection(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<{ checks: ConnectionCheck[]; missingAttributes?: string[] }>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findAnyInstance(deps.config, id);
    if (!found.ok) return found;
    if (found.kind === 'brevo') return ok(await testBrevoConnection(deps, found.account, call.accountId));
    return ok({ checks: await runChecks(deps, found.instance) });
  });
}
