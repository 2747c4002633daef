// Reads the details of an issue's linked tickets from the ticket systems in one round: the connectors (one per
// instance, so lookups and credentials are read once) are opened first, then every ticket is requested at once.
// Nothing here fails the panel: a ticket system that cannot answer leaves its links without details and a line for
// the notice saying why.
import type { StoredInstance } from '../../domain/config';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';
import type { PanelDeps } from './deps';
import { summarise, ticketRef, type TicketSummary } from './linked-ticket';

export interface TicketDetails {
  /** the tickets the ticket systems returned */
  fetched: TicketSummary[];
  /** a ticket's URL where it can be built without asking the ticket system, by ticketRef */
  urls: Map<string, string>;
  /** one sentence per problem, for the panel's notice */
  problems: string[];
}

interface Connection {
  instance: StoredInstance;
  tickets: TicketSystem | undefined;
  failure?: string;
}

async function connect(deps: PanelDeps, instance: StoredInstance): Promise<Connection> {
  try {
    return { instance, tickets: await deps.openTicketSystem(instance) };
  } catch (error) {
    return { instance, tickets: undefined, failure: redactText(describeError(error)) };
  }
}

function connectionProblem(connection: Connection): string {
  const name = connection.instance.name;
  return connection.failure === undefined
    ? `${name} has no API token, so its ticket details cannot be shown; ask a Jira administrator to enter one.`
    : `Ticket details from ${name} cannot be shown: ${connection.failure}`;
}

/** `links` must belong to the instances given; links of other instances are ignored. */
export async function fetchTicketDetails(
  deps: PanelDeps,
  links: readonly Link[],
  instances: readonly StoredInstance[],
): Promise<TicketDetails> {
  const connections = await Promise.all(instances.map((instance) => connect(deps, instance)));
  const byInstance = new Map(connections.map((connection) => [connection.instance.id, connection]));
  const problems = connections.filter((c) => c.tickets === undefined).map(connectionProblem);
  const urls = new Map<string, string>();
  const requests: Array<{ link: Link; connection: Connection; tickets: TicketSystem }> = [];
  for (const link of links) {
    const connection = byInstance.get(link.instanceId);
    if (!connection?.tickets) continue;
    urls.set(ticketRef(link), connection.tickets.ticketUrl({ id: link.ticketId, number: link.ticketNumber }));
    requests.push({ link, connection, tickets: connection.tickets });
  }
  // The single round: every ticket at once.
  const answers = await Promise.allSettled(requests.map((r) => r.tickets.getTicket(r.link.ticketId)));
  const fetched: TicketSummary[] = [];
  const unreachable = new Map<string, { connection: Connection; count: number; reason: string }>();
  answers.forEach((answer, index) => {
    const request = requests[index];
    if (!request) return;
    const { link, connection, tickets } = request;
    if (answer.status === 'rejected') {
      const seen = unreachable.get(connection.instance.id);
      const reason = seen?.reason ?? redactText(describeError(answer.reason));
      unreachable.set(connection.instance.id, { connection, count: (seen?.count ?? 0) + 1, reason });
    } else if (answer.value === undefined) {
      problems.push(
        `Ticket #${link.ticketNumber} no longer exists in ${connection.instance.name}: it was deleted or merged there.`,
      );
    } else {
      fetched.push(summarise(link.instanceId, answer.value, tickets.ticketUrl(answer.value)));
    }
  });
  for (const { connection, count, reason } of unreachable.values()) {
    deps.logger.warn('Ticket details could not be read for the issue panel', {
      instanceId: connection.instance.id,
      tickets: count,
      reason,
    });
    problems.push(
      `${connection.instance.name} could not be reached, so ${count === 1 ? 'one ticket is' : `${count} tickets are`} ` +
        `shown as stored in Jira, without current details (${reason}).`,
    );
  }
  return { fetched, urls, problems };
}
