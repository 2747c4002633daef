// createBrevoAttributes: the "Create missing attributes" button. Brevo stores a contact attribute only when the account
// has it (https://developers.brevo.com/reference/create-contact, `attributes`), so every mapped attribute the account
// lacks is created, with the type its Jira value has, and so are team capacity's attributes while the account sends
// it (brevo-checks.ts requiredAttributes). Attributes that exist are left alone, whatever their type:
// changing one would touch the admin's other uses of it. Pressing the button again creates only what is still missing.
import { fail, ok, type Envelope } from '../../lib/envelope';
import { describeError, IntegrationError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { asAdmin } from './access';
import { missingAttributes } from './brevo-checks';
import type { AdminCall, AdminDeps } from './deps';
import { findBrevoAccount, instanceIdPayload } from './instances';

export interface CreatedAttributes {
  /** the attributes created, in mapping order */
  created: string[];
}

export function createBrevoAttributes(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<CreatedAttributes>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findBrevoAccount(deps.config, id);
    if (!found.ok) return found;
    const { account } = found;
    const sink = await deps.openEventSink(account);
    if (!sink) {
      return fail('NO_CREDENTIALS', `${account.name} has no API key yet: enter one, save, and try again.`);
    }
    const missing = missingAttributes(account, await sink.listAttributes());
    const created: string[] = [];
    for (const attribute of missing) {
      try {
        await sink.createAttribute(attribute);
        created.push(attribute.name);
      } catch (error) {
        deps.logger.warn('Could not create a Brevo attribute', {
          instanceId: id,
          attribute: attribute.name,
          error,
        });
        const done = created.length > 0 ? `Created ${created.join(', ')}; ` : '';
        return fail(
          'UPSTREAM_ERROR',
          `${done}Brevo refused to create ${attribute.name}: ${redactText(describeError(error))}`,
          { created, retryable: error instanceof IntegrationError ? error.retryable : false },
        );
      }
    }
    deps.logger.info('An admin created Brevo attributes', {
      instanceId: id,
      accountId: call.accountId,
      created,
    });
    return ok({ created });
  });
}
