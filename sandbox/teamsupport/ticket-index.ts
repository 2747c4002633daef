// The tickets of one organisation kept in the two orders the API asks for most: by TicketNumber (paging, lookups by
// number) and by DateModified (incremental pulls). Lists then cost what matches, not what the org holds.
import type { TicketRecord } from './model';

/** Tickets sorted by a numeric key, ties broken by TicketID. Appending in key order (the usual case) is O(1). */
export class SortedTickets {
  // Parallel arrays: reading a range is then a plain slice.
  private readonly keys: number[] = [];
  private readonly tickets: TicketRecord[] = [];

  get size(): number {
    return this.tickets.length;
  }

  private isBefore(index: number, key: number, id: number): boolean {
    const atKey = this.keys[index] ?? Number.NaN;
    return atKey < key || (atKey === key && (this.tickets[index]?.id ?? Number.NaN) < id);
  }

  /** First position whose (key, id) is not before the given one. */
  private lowerBound(key: number, id: number): number {
    let low = 0;
    let high = this.tickets.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.isBefore(middle, key, id)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(key: number, ticket: TicketRecord): void {
    const last = this.tickets.length - 1;
    if (last < 0 || this.isBefore(last, key, ticket.id)) {
      this.keys.push(key);
      this.tickets.push(ticket);
    } else {
      const index = this.lowerBound(key, ticket.id);
      this.keys.splice(index, 0, key);
      this.tickets.splice(index, 0, ticket);
    }
  }

  remove(key: number, ticket: TicketRecord): void {
    const index = this.lowerBound(key, ticket.id);
    if (this.tickets[index] !== ticket) return;
    this.keys.splice(index, 1);
    this.tickets.splice(index, 1);
  }

  /** The ticket with this key (keys that are unique, like TicketNumber). */
  find(key: number): TicketRecord | undefined {
    const index = this.lowerBound(key, Number.NEGATIVE_INFINITY);
    return this.keys[index] === key ? this.tickets[index] : undefined;
  }

  all(): TicketRecord[] {
    return this.tickets.slice();
  }

  /** Tickets whose key is strictly greater than `key`, in key order. */
  above(key: number): TicketRecord[] {
    return this.tickets.slice(this.lowerBound(key, Number.POSITIVE_INFINITY));
  }

  /** Tickets whose key is strictly less than `key`, in key order. */
  below(key: number): TicketRecord[] {
    return this.tickets.slice(0, this.lowerBound(key, Number.NEGATIVE_INFINITY));
  }
}

/** One org's tickets by TicketNumber and by DateModified (in milliseconds). */
export class OrgTicketIndex {
  readonly byNumber = new SortedTickets();
  readonly byDateModified = new SortedTickets();

  add(ticket: TicketRecord): void {
    this.byNumber.insert(ticket.ticketNumber, ticket);
    this.addDateModified(ticket, ticket.dateModified);
  }

  remove(ticket: TicketRecord): void {
    this.byNumber.remove(ticket.ticketNumber, ticket);
    this.removeDateModified(ticket, ticket.dateModified);
  }

  /** Call with the old value before the ticket's DateModified changes to `next`. */
  moveDateModified(ticket: TicketRecord, previous: Date, next: Date): void {
    this.removeDateModified(ticket, previous);
    this.addDateModified(ticket, next);
  }

  // An invalid date never satisfies a date comparison, so such a ticket is simply left out of the date order.
  private addDateModified(ticket: TicketRecord, at: Date): void {
    if (!Number.isNaN(at.getTime())) this.byDateModified.insert(at.getTime(), ticket);
  }

  private removeDateModified(ticket: TicketRecord, at: Date): void {
    if (!Number.isNaN(at.getTime())) this.byDateModified.remove(at.getTime(), ticket);
  }
}
