// getBrevoOptions: what the Brevo account editor's pickers offer. Jira's projects and issue types are read as the app;
// Brevo's lists and attributes with the account's key, when it has one and Brevo answers. A Brevo failure leaves the
// pickers as free-text fields (and says why) rather than failing the editor.
import { z } from 'zod';
import type { StoredBrevoAccount } from '../../domain/config';
import { InstanceIdParamSchema } from '../../domain/ids';
import { ok, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import type { SinkAttribute } from '../records/sink';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findBrevoAccount } from './instances';

/** Without `id` (an account not saved yet) only Jira's lists are returned. */
export const getBrevoOptionsPayload = z.object({ id: InstanceIdParamSchema.optional() });

export interface BrevoOptions {
  jira: {
    projects: Array<{ key: string; name: string }>;
    issueTypes: string[];
  };
  brevo?: {
    lists: Array<{ id: number; name: string }>;
    attributes: SinkAttribute[];
  };
  /** why `brevo` is missing (no key, Brevo refused it or could not be reached) */
  brevoError?: string;
}

async function jiraPart(deps: AdminDeps): Promise<BrevoOptions['jira']> {
  const [projects, issueTypes] = await Promise.all([deps.jira.listProjects(), deps.jira.listIssueTypes()]);
  const seen = new Set<string>();
  return {
    projects: projects.map(({ key, name }) => ({ key, name })),
    // Issue types repeat across projects (one per team-managed project): offer each name once.
    issueTypes: issueTypes
      .map((type) => type.name)
      .filter((type) => {
        const key = type.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  };
}

async function brevoPart(
  deps: AdminDeps,
  account: StoredBrevoAccount,
): Promise<Pick<BrevoOptions, 'brevo' | 'brevoError'>> {
  try {
    const sink = await deps.openEventSink(account);
    if (!sink) return { brevoError: `${account.name} has no API key yet: save one to pick from its lists.` };
    const [lists, attributes] = await Promise.all([sink.listLists(), sink.listAttributes()]);
    return {
      brevo: {
        lists: [...lists].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
        attributes: [...attributes].sort((a, b) => a.name.localeCompare(b.name, 'en')),
      },
    };
  } catch (error) {
    return {
      brevoError: `The lists of ${account.name} could not be read: ${redactText(describeError(error))}`,
    };
  }
}

export function getBrevoOptions(deps: AdminDeps, call: AdminCall): Promise<Envelope<BrevoOptions>> {
  return asAdmin(deps, call, getBrevoOptionsPayload, async ({ id }) => {
    if (id === undefined) return ok({ jira: await jiraPart(deps) });
    const found = await findBrevoAccount(deps.config, id);
    if (!found.ok) return found;
    const [jira, brevo] = await Promise.all([jiraPart(deps), brevoPart(deps, found.account)]);
    return ok({ jira, ...brevo });
  });
}
