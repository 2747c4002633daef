// What the user types into the link form: a ticket number, as people copy it from TeamSupport ("#1234",
// "Ticket 1234"), or words from a ticket's subject to search with (docs/resolver-contract.md, searchTickets).

/** What the typed text asks for: one ticket by number, a search by words, or nothing yet. */
export type TypedTicket =
  { kind: 'number'; number: string } | { kind: 'words'; words: string } | { kind: 'empty' };

/** Shorter words find too much to help, so the form waits for more (the backend answers nothing for them too). */
export const MIN_SEARCH_LENGTH = 2;

/** The words the form asks for when neither a number nor a search was typed. */
export const TICKET_NUMBER_MESSAGE = 'Enter a ticket number, like 1234, or words from its subject.';

export function typedTicket(typed: string): TypedTicket {
  const trimmed = typed.trim();
  const number = /^(?:ticket\b\s*)?#?\s*(\d{1,10})$/i.exec(trimmed)?.[1];
  if (number !== undefined) return { kind: 'number', number };
  const words = trimmed.replace(/^#\s*/, '').trim();
  return words === '' ? { kind: 'empty' } : { kind: 'words', words };
}

/** The ticket number to send to linkTicket, or undefined when the text is not one. */
export function ticketReference(typed: string): string | undefined {
  const ticket = typedTicket(typed);
  return ticket.kind === 'number' ? ticket.number : undefined;
}

/** Whether the text is worth a search: a number, or words of at least MIN_SEARCH_LENGTH characters. */
export function searchable(ticket: TypedTicket): boolean {
  if (ticket.kind === 'number') return true;
  return ticket.kind === 'words' && ticket.words.replace(/\s+/g, '').length >= MIN_SEARCH_LENGTH;
}
