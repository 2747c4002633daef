// The Custom UI resolvers: the issue panel's and the admin page's. Each call reads the caller (and the issue) from the
// platform's context, builds the ports, runs one use case and answers with its envelope. Nothing reaches the bridge as
// an exception: an unexpected failure becomes UPSTREAM_ERROR or INTERNAL (logged, redacted), and so does a call to a
// function key that is not defined.
import Resolver, { type Request } from '@forge/resolver';
import { fail, unexpectedFailure, type Envelope, type Failure } from '../lib/envelope';
import { logger } from '../lib/logger';
import { createBrevoAttributes } from '../sync/admin/brevo-attributes';
import { getBrevoBackfill, resumeBrevoBackfill, startBrevoBackfill } from '../sync/admin/brevo-backfill';
import { getBrevoOptions } from '../sync/admin/brevo-options';
import { getBrevoStatus } from '../sync/admin/brevo-status';
import type { AdminCall, AdminDeps } from '../sync/admin/deps';
import { countLinks, deleteInstance } from '../sync/admin/delete-instance';
import { getMappingOptions } from '../sync/admin/mapping-options';
import { retrySyncEvent } from '../sync/admin/retry-sync-event';
import { getSettings, saveInstance } from '../sync/admin/settings';
import { getSyncLog } from '../sync/admin/sync-log';
import { testConnection } from '../sync/admin/test-connection';
import type { PanelCall, PanelDeps } from '../sync/panel/deps';
import { getLinkedTickets } from '../sync/panel/get-linked-tickets';
import { linkTicket } from '../sync/panel/link-ticket';
import { listInstances } from '../sync/panel/list-instances';
import { retrySyncItem } from '../sync/panel/retry-item';
import { searchTickets } from '../sync/panel/search-tickets';
import { syncNow } from '../sync/panel/sync-now';
import { unlinkTicket } from '../sync/panel/unlink-ticket';
import { withBackfill } from './brevo-account-jobs';
import { withSyncNow } from './panel-sync-deps';
import { withHotTickets } from './compose';
import { withPushHints } from './push-hint-secrets';
import { getPushHints, rotatePushHintSecret } from '../sync/admin/push-hints';
import { adminCallOf, panelCallOf, type ResolverRequest } from './ui-context';
import { flushUsage } from './compose';
import { adminDeps, panelDeps } from './ui-deps';

type UseCase<D, C> = (deps: D, call: C) => Promise<Envelope<unknown>>;

interface Surface<D, C> {
  name: string;
  callOf(request: ResolverRequest): { ok: true; call: C } | Failure;
  deps(): D;
  useCases: Record<string, UseCase<D, C>>;
}

const panel: Surface<PanelDeps, PanelCall> = {
  name: 'issue-panel',
  callOf: panelCallOf,
  deps: () => panelDeps(),
  useCases: {
    // Opening the panel makes its tickets hot (sync/inbound/hot-window.ts).
    getLinkedTickets: (deps, call) => getLinkedTickets(withHotTickets(deps), call),
    linkTicket,
    unlinkTicket,
    searchTickets,
    listInstances,
    // The sync flows' ports and the queues ride beside the panel's own (entry/panel-sync-deps.ts).
    syncNow: (deps, call) => syncNow(withSyncNow(deps), call),
    retrySyncItem: (deps, call) => retrySyncItem(withSyncNow(deps), call),
  },
};

const admin: Surface<AdminDeps, AdminCall> = {
  name: 'admin-page',
  callOf: adminCallOf,
  deps: () => adminDeps(),
  useCases: {
    getSettings,
    saveInstance,
    deleteInstance,
    testConnection,
    getSyncLog,
    retrySyncEvent,
    getMappingOptions,
    countLinks,
    getBrevoOptions,
    createBrevoAttributes,
    getBrevoStatus,
    // Push hints (issue 19): the secret store and the web trigger's URL ride beside the page's ports.
    getPushHints: (deps, call) => getPushHints(withPushHints(deps), call),
    rotatePushHintSecret: (deps, call) => rotatePushHintSecret(withPushHints(deps), call),
    // The backfill's store and queue ride beside the page's own ports (entry/brevo-account-jobs.ts).
    startBrevoBackfill: (deps, call) => startBrevoBackfill(withBackfill(deps), call),
    resumeBrevoBackfill: (deps, call) => resumeBrevoBackfill(withBackfill(deps), call),
    getBrevoBackfill: (deps, call) => getBrevoBackfill(withBackfill(deps), call),
  },
};

async function answer<D, C>(
  surface: Surface<D, C>,
  functionKey: string,
  useCase: UseCase<D, C>,
  request: Request,
): Promise<Envelope<unknown>> {
  const log = logger.child({ resolver: `${surface.name}/${functionKey}` });
  try {
    const call = surface.callOf({ payload: request.payload, context: request.context });
    if (!call.ok) return call;
    return await useCase(surface.deps(), call.call);
  } catch (error) {
    return unexpectedFailure(error, log);
  } finally {
    // The TeamSupport requests the call made count towards the instance's daily limit (entry/compose.ts).
    await flushUsage();
  }
}

type ResolverHandler = ReturnType<Resolver['getDefinitions']>;

function definitions<D, C>(surface: Surface<D, C>): ResolverHandler {
  const resolver = new Resolver();
  for (const [functionKey, useCase] of Object.entries(surface.useCases)) {
    resolver.define(functionKey, (request: Request) => answer(surface, functionKey, useCase, request));
  }
  const handler = resolver.getDefinitions();
  // @forge/resolver throws for a key nobody defined; the UI gets an envelope instead.
  return async (invocation, backendContext) => {
    try {
      return await handler(invocation, backendContext);
    } catch (error) {
      logger.warn('A resolver call named no defined function', { surface: surface.name, error });
      return fail('NOT_FOUND', 'The app does not offer this function; reload the page.');
    }
  };
}

export const panelResolver = definitions(panel);
export const adminResolver = definitions(admin);
