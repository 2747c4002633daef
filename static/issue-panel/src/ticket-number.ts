// What the user types into "Ticket number": people copy "#1234" or "Ticket 1234" from TeamSupport.

/** The ticket reference to send to linkTicket, or undefined when nothing usable was typed. */
export function ticketReference(typed: string): string | undefined {
  const text = typed
    .trim()
    .replace(/^(?:ticket\b\s*)?#?\s*/i, '')
    .trim();
  return text === '' ? undefined : text;
}
