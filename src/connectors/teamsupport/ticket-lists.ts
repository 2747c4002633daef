// Paged reads of /tickets (docs/teamsupport-api.md §8–§10): always with both paging parameters (without them the server
// returns every ticket of the organization), the window filter in UTC, and the custom-field search, which checks
// the server actually applied its filter because paged /tickets silently ignores parameters it does not know.
import { IntegrationError } from '../../lib/errors';
import type { TeamSupportClient } from './client';
import { sameName } from './lookups';
import { toFilterDate } from './org-dates';
import { isStandardTicketKey, parseWire, type OrgSchemas, type WireTicket } from './schemas';

/** Page size used when the connector pages on its own (the server's documented default, §9). */
export const FIELD_SEARCH_PAGE_SIZE = 50;

export interface Paging {
  pageNumber: number;
  pageSize: number;
}

export interface WireTicketPage {
  tickets: WireTicket[];
  totalRecords: number;
}

function refused(message: string): IntegrationError {
  return new IntegrationError('validation', message, { system: 'teamsupport' });
}

const hasField = (ticket: WireTicket, field: string): boolean =>
  Object.keys(ticket.CustomFields).some((name) => sameName(name, field));

export class TicketLists {
  constructor(
    private readonly client: TeamSupportClient,
    private readonly schemas: OrgSchemas,
  ) {}

  /** One page of tickets modified strictly after `since` (the filter has one-second resolution, in UTC). */
  modifiedSince(since: Date, paging: Paging): Promise<WireTicketPage> {
    return this.page([['DateModified[gt]', toFilterDate(since)]], paging);
  }

  /** Every ticket whose custom field `field` (API name) holds `value` (compared ignoring case, like the server). */
  async withFieldValue(field: string, value: string): Promise<WireTicket[]> {
    if (
      !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(field) ||
      isStandardTicketKey(field) ||
      /^page(number|size)$/i.test(field)
    ) {
      throw refused(`"${field}" is not the API name of a TeamSupport ticket custom field.`);
    }
    const found: WireTicket[] = [];
    const seen = new Set<string>();
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.page([[field, value]], { pageNumber, pageSize: FIELD_SEARCH_PAGE_SIZE });
      if (pageNumber === 1) await this.assertFilterApplied(field, value, page);
      const fresh = page.tickets.filter((ticket) => !seen.has(ticket.TicketID));
      for (const ticket of fresh) {
        seen.add(ticket.TicketID);
        if (this.holdsValue(ticket, field, value)) found.push(ticket);
      }
      // A server that ignored the paging would send the same page forever.
      if (fresh.length === 0 || pageNumber * FIELD_SEARCH_PAGE_SIZE >= page.totalRecords) return found;
    }
  }

  async page(filters: readonly (readonly [string, string])[], paging: Paging): Promise<WireTicketPage> {
    const { pageNumber, pageSize } = paging;
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
      throw new RangeError(`Invalid page ${pageNumber} of size ${pageSize}`);
    }
    const result = await this.client.get('/tickets', {
      query: [...filters, ['pageNumber', String(pageNumber)], ['pageSize', String(pageSize)]],
      parse: (json) =>
        parseWire(this.schemas.ticketPage, json, { what: 'a page of tickets', root: 'Tickets' }),
    });
    // Without TotalRecords a full page says "there may be more" and a short one "this was the last".
    const seenSoFar = (pageNumber - 1) * pageSize + result.items.length;
    const totalRecords = result.totalRecords ?? seenSoFar + (result.items.length === pageSize ? 1 : 0);
    return { tickets: result.items, totalRecords };
  }

  /**
   * Tickets of types without the field come back too and are skipped; a ticket that has the field with another
   * value means the server ignored the filter, and reading on would walk the whole organization.
   */
  private holdsValue(ticket: WireTicket, field: string, value: string): boolean {
    const key = Object.keys(ticket.CustomFields).find((name) => sameName(name, field));
    if (key === undefined) return false;
    const stored = ticket.CustomFields[key] ?? null;
    const matches =
      value.trim().toLowerCase() === '[null]'
        ? stored === null || stored.trim() === ''
        : stored !== null && sameName(stored, value);
    if (!matches) {
      throw refused(
        `TeamSupport ignored the filter ${field}=${value} (ticket ${ticket.TicketNumber} holds another value): ` +
          'the field cannot be searched on this server.',
      );
    }
    return true;
  }

  /**
   * A first page where no ticket even has the field, as long as the whole organization, means the server ignored
   * an unknown field name. One extra request, only in that case.
   */
  private async assertFilterApplied(field: string, value: string, page: WireTicketPage): Promise<void> {
    if (page.tickets.length === 0 || page.tickets.some((ticket) => hasField(ticket, field))) return;
    const everything = await this.page([], { pageNumber: 1, pageSize: 1 });
    if (page.totalRecords >= everything.totalRecords) {
      throw refused(
        `TeamSupport ignored the filter ${field}=${value}: no ticket has a field with that API name. Check the ` +
          'name (custom fields go by their API name, e.g. "Jira Issue Key" → JiraIssueKey).',
      );
    }
  }
}
