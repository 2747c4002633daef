// The Jira remote link that shows a linked ticket in Jira's own UI (docs/teamsupport-api.md §15): one per ticket, found
// again by its global id so that creating it twice updates it instead.
import type { Ticket } from '../domain/ticket';
import type { RemoteLinkInput } from './records/jira';

export function remoteLinkGlobalId(instanceId: string, ticketId: string): string {
  return `teamsupport:${instanceId}:${ticketId}`;
}

export function ticketRemoteLink(
  instanceId: string,
  ticket: Pick<Ticket, 'id' | 'number' | 'name'>,
  url: string,
): RemoteLinkInput {
  return {
    globalId: remoteLinkGlobalId(instanceId, ticket.id),
    applicationName: 'TeamSupport',
    applicationType: 'com.teamsupport',
    url,
    title: `Ticket #${ticket.number}: ${ticket.name}`.slice(0, 255),
  };
}
