// Tickets by words of their subject, for the issue panel's "find a ticket" (docs/teamsupport-api.md §8): the server
// filters on one word with `Name[contains]=` (a repeated parameter ORs its values, so two words cannot both be asked
// for); the longest word goes to the server, as the most selective, and every word is checked here. Paged tickets come
// in TicketNumber order (§9), so a word found on many tickets reads the first page and the last one: the newest
// matches, which an agent most likely means, and never more than two requests however common the word.
import type { Paging, TicketLists, WireTicketPage } from './ticket-lists';
import type { WireTicket } from './schemas';

/** One page of matches: large enough that a specific word finds every ticket it is in. */
export const SEARCH_PAGE_SIZE = 50;

/** The words of a search, lower-cased, each once; punctuation around a word is not part of it. */
export function searchWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  return [...new Set(words)];
}

function longest(words: readonly string[]): string | undefined {
  return words.reduce<string | undefined>(
    (best, word) => (best === undefined || word.length > best.length ? word : best),
    undefined,
  );
}

/** Up to `limit` tickets whose subject holds every word, newest (highest number) first. */
export async function searchTicketsByName(
  lists: TicketLists,
  text: string,
  limit: number,
): Promise<WireTicket[]> {
  const words = searchWords(text);
  const key = longest(words);
  if (key === undefined || limit < 1) return [];
  const read = (pageNumber: number): Promise<WireTicketPage> => {
    const paging: Paging = { pageNumber, pageSize: SEARCH_PAGE_SIZE };
    return lists.page([['Name[contains]', key]], paging);
  };
  const first = await read(1);
  const lastPage = Math.ceil(first.totalRecords / SEARCH_PAGE_SIZE);
  const pages = lastPage > 1 ? [first, await read(lastPage)] : [first];
  const byId = new Map<string, WireTicket>();
  for (const ticket of pages.flatMap((page) => page.tickets)) byId.set(ticket.TicketID, ticket);
  // Checked here as well: a server that ignored the filter would otherwise offer any ticket.
  return [...byId.values()]
    .filter((ticket) => {
      const name = (ticket.Name ?? '').toLowerCase();
      return words.every((word) => name.includes(word));
    })
    .sort((a, b) => Number(b.TicketNumber) - Number(a.TicketNumber))
    .slice(0, limit);
}
