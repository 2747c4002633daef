// Results as the agent types in the link form: searchTickets is asked once typing pauses (debounced), only for text
// worth a search (ticket-number.ts), and an answer that arrives after newer text is dropped, so the list always
// belongs to what the field shows.
import { useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../shared/envelope';
import { searchTickets, type TicketMatch } from './api';
import { searchable, typedTicket } from './ticket-number';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const SEARCH_DELAY_MS = 300;

export type TicketSearch =
  | { phase: 'idle' }
  | { phase: 'searching'; query: string }
  | { phase: 'found'; query: string; tickets: TicketMatch[] }
  | { phase: 'failed'; query: string; error: ResolverError };

export function useTicketSearch(instanceId: string | undefined, typed: string): TicketSearch {
  const [search, setSearch] = useState<TicketSearch>({ phase: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const asked = ++latest.current;
    const query = typed.trim();
    if (instanceId === undefined || !searchable(typedTicket(query))) {
      setSearch({ phase: 'idle' });
      return undefined;
    }
    setSearch({ phase: 'searching', query });
    const timer = setTimeout(() => {
      void searchTickets(instanceId, query).then((result) => {
        if (asked !== latest.current) return;
        setSearch(
          result.ok
            ? { phase: 'found', query, tickets: result.data.tickets }
            : { phase: 'failed', query, error: result.error },
        );
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [instanceId, typed]);

  return search;
}
