// List responses, built the way the 2018 server builds them: the XML-shaped JSON ({"Tickets":{"Ticket":[…]}}) is
// reshaped by plain string surgery over the serialised body, then the id label is renamed to "ID" with a global text
// replace. Doing it on the text (not on objects) reproduces the side effects: a one-item page stays an object, and
// any value that contains the id label (e.g. a description mentioning "ActionID") is rewritten too.
import { xmlStyleCollection, type Json, type JsonObject } from './cells';

export interface ListSpec {
  /** root key, e.g. "Tickets" */
  readonly plural: string;
  /** element name of one item, e.g. "Ticket" */
  readonly element: string;
  /** primary-key label renamed to "ID", or null for lists the server does not reshape (deletedtickets) */
  readonly idLabel: string | null;
}

export const LISTS = {
  tickets: { plural: 'Tickets', element: 'Ticket', idLabel: 'TicketID' },
  actions: { plural: 'Actions', element: 'Action', idLabel: 'ActionID' },
  ticketTypes: { plural: 'TicketTypes', element: 'TicketType', idLabel: 'TicketTypeID' },
  ticketStatuses: { plural: 'TicketStatuses', element: 'TicketStatus', idLabel: 'TicketStatusID' },
  ticketSeverities: { plural: 'TicketSeverities', element: 'TicketSeverity', idLabel: 'TicketSeverityID' },
  actionTypes: { plural: 'ActionTypes', element: 'ActionType', idLabel: 'ActionTypeID' },
  products: { plural: 'Products', element: 'Product', idLabel: 'ProductID' },
  versions: { plural: 'Versions', element: 'Version', idLabel: 'ProductVersionID' },
  users: { plural: 'Users', element: 'User', idLabel: 'UserID' },
  deletedTickets: { plural: 'DeletedTickets', element: 'DeletedTicket', idLabel: null },
  // The 2018 paged branch of /deletedtickets writes this misspelt root.
  deletedTicketsPaged: { plural: 'DeletedTicketx', element: 'DeletedTicket', idLabel: null },
} as const satisfies Record<string, ListSpec>;

export interface PageInfo {
  readonly totalRecords: number;
}

/** Serialise a list response body. */
export function renderList(spec: ListSpec, items: readonly JsonObject[], page?: PageInfo): string {
  if (page && items.length === 0 && spec.idLabel !== null) {
    // The current server answers an empty page with counters only (docs/teamsupport-api.md §3, §16.4); the 2018 string
    // surgery would have cut this body short.
    return JSON.stringify({ [spec.plural]: { RecordsReturned: '0', TotalRecords: '0' } });
  }
  const collection = xmlStyleCollection(spec.element, items);
  let root: Json = collection;
  if (page) {
    const inner: Record<string, Json> = collection === null ? {} : { ...collection };
    inner['TotalRecords'] = String(items.length === 0 ? 0 : page.totalRecords);
    root = inner;
  }
  const text = JSON.stringify({ [spec.plural]: root });
  return spec.idLabel === null ? text : reshapeListText(text, spec, page !== undefined);
}

/** The server's FixJsonFormatError, step for step, on the serialised text. */
export function reshapeListText(input: string, spec: ListSpec, isPaging: boolean): string {
  const stringToRemove = `{"${spec.element}":`;
  const squareBracketIndex = `{"${spec.plural}":{"${spec.element}":`.length;
  if (spec.idLabel === null || input.length <= squareBracketIndex) return input;

  let output = input;
  if (!isPaging) {
    if (output.charAt(squareBracketIndex) !== '[') {
      output = output.split(stringToRemove).join('[');
      output = output.slice(0, -2);
    } else {
      output = output.split(stringToRemove).join('');
      output = output.slice(0, -3);
    }
    output += ']}';
  } else {
    output = output.split(stringToRemove).join('');
    if (output.endsWith('}')) output = output.slice(0, -1);
  }
  return output.split(spec.idLabel).join('ID');
}
