// The panel's data: the links and the instances a ticket can be linked from, loaded together, with link and
// unlink applied to the list as soon as the backend confirms them (no reload, so the table does not flicker). The unlink
// itself runs in the confirmation modal (unlink-modal.ts); the panel only forgets the row it reports unlinked.
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '../../shared/envelope';
import { getLinkedTickets, linkTicket, listInstances, type InstanceSummary, type LinkedTicket } from './api';
import { ticketKey } from './ticket-key';

export type PanelData =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ResolverError }
  | {
      phase: 'ready';
      tickets: LinkedTicket[];
      notice: string | undefined;
      instances: InstanceSummary[];
      /** the instance list could not be loaded: linking is unavailable, the links are still shown */
      instancesError: ResolverError | undefined;
    };

export type LinkOutcome =
  { ok: true; ticket: LinkedTicket; warnings: string[] } | { ok: false; error: ResolverError };

export function useLinkedTickets() {
  const [data, setData] = useState<PanelData>({ phase: 'loading' });

  const load = useCallback(async (refresh = false) => {
    setData({ phase: 'loading' });
    const [links, instances] = await Promise.all([getLinkedTickets(refresh), listInstances()]);
    if (!links.ok) {
      setData({ phase: 'failed', error: links.error });
      return;
    }
    setData({
      phase: 'ready',
      tickets: links.data.tickets,
      notice: links.data.notice,
      instances: instances.ok ? instances.data.instances : [],
      instancesError: instances.ok ? undefined : instances.error,
    });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const link = useCallback(async (instanceId: string, ticket: string): Promise<LinkOutcome> => {
    const result = await linkTicket(instanceId, ticket);
    if (!result.ok) return result;
    const linked = result.data.ticket;
    setData((current) =>
      current.phase === 'ready'
        ? {
            ...current,
            tickets: [...current.tickets.filter((other) => ticketKey(other) !== ticketKey(linked)), linked],
          }
        : current,
    );
    return { ok: true, ticket: linked, warnings: result.data.warnings ?? [] };
  }, []);

  /** Drops the row of a ticket the confirmation modal unlinked. */
  const forget = useCallback((ticket: LinkedTicket) => {
    setData((current) =>
      current.phase === 'ready'
        ? {
            ...current,
            tickets: current.tickets.filter((other) => ticketKey(other) !== ticketKey(ticket)),
          }
        : current,
    );
  }, []);

  return { data, reload: load, link, forget };
}
