// Tickets a pull has handled in full, kept with the pull's cursor. Each window reaches back `overlapMs` before the last
// watermark (late commits, minute-precision dates), so the next windows list these tickets again: unchanged, they cost
// nothing, not even the read of their link. Only a ticket whose change is known to be included in what was read
// counts (domain/modification-time); the rest go through the link's own check (sync/inbound/ticket-actions).
import { readIncludesChange } from '../../domain/modification-time';
import type { Ticket } from '../../domain/ticket';

/** Bounds the cursor's size (about 30 bytes each); a burst beyond it falls back to the link's check. */
export const MAX_SETTLED_TICKETS = 2_000;

export class SettledTickets {
  private readonly entries: Map<string, number>;

  constructor(stored: Readonly<Record<string, number>> = {}) {
    this.entries = new Map(Object.entries(stored));
  }

  /** listed again with the modification time it was handled at */
  has(ticket: Pick<Ticket, 'id' | 'dateModified'>): boolean {
    return this.entries.get(ticket.id) === ticket.dateModified.getTime();
  }

  /** a ticket handled in full by work that started at `handledAt` */
  add(ticket: Pick<Ticket, 'id' | 'dateModified'>, handledAt: Date): void {
    if (readIncludesChange(ticket.dateModified, handledAt)) {
      this.entries.set(ticket.id, ticket.dateModified.getTime());
    } else {
      this.entries.delete(ticket.id);
    }
  }

  /** what the cursor keeps: the tickets that windows starting at `reach` or later still list, newest first */
  toStored(reach: number): Record<string, number> | undefined {
    const kept = [...this.entries]
      .filter(([, modified]) => modified >= reach)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_SETTLED_TICKETS);
    return kept.length === 0 ? undefined : Object.fromEntries(kept);
  }
}
