// Bulk setup for benchmarks, through the emulators' admin surfaces (not logged, not rate-limited) and the app's own
// link store, so that nothing measured later is spent on setup.
import type { World } from '../../test/integration/world';

export interface IssueRef {
  id: string;
  key: string;
}

export interface TicketRef {
  ticketId: number;
  ticketNumber: number;
}

const LINKS_PER_INVOCATION = 100;

export function createIssues(world: World, count: number, summary: string): IssueRef[] {
  return Array.from({ length: count }, (_, i) => world.createIssue(`${summary} ${i + 1}`));
}

/**
 * Tickets last modified at `modifiedAt`: back-dated before the first pull's look-back, they stay out of every pull
 * window until something changes them, as an established organisation's history does.
 */
export function createTickets(world: World, count: number, modifiedAt: Date): TicketRef[] {
  return Array.from({ length: count }, (_, i) => {
    const ticket = world.org.createTicket({
      name: `Customer ticket ${i + 1}`,
      ticketType: 'Bug',
      description: '<p>It fails.</p>',
      creator: 'Jane Doe',
      customers: ['Globex Corporation'],
      dateCreated: modifiedAt,
    });
    return { ticketId: ticket.ticketId, ticketNumber: ticket.ticketNumber };
  });
}

/** Links through the app's store (`store.links.create`), a hundred per sandbox invocation. */
export async function linkAll(world: World, pairs: ReadonlyArray<{ issue: IssueRef; ticket: TicketRef }>) {
  for (let start = 0; start < pairs.length; start += LINKS_PER_INVOCATION) {
    const batch = pairs.slice(start, start + LINKS_PER_INVOCATION);
    await world.run(async () => {
      for (const { issue, ticket } of batch) {
        await world.store.links.create({
          instanceId: world.instanceId,
          issueId: issue.id,
          issueKey: issue.key,
          ticketId: String(ticket.ticketId),
          ticketNumber: String(ticket.ticketNumber),
        });
      }
    });
  }
}

/** A new customer comment on the ticket, as a portal post would add it; it moves the ticket's DateModified. */
export function addCustomerAction(world: World, ticket: TicketRef, text: string): number {
  return world.org.addAction(ticket.ticketId, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    isVisibleOnPortal: true,
    description: `<p>${text}</p>`,
  }).actionId;
}
