// How the panel names one link's ticket across its parts (cache, details, health): `<instanceId>:<ticketId>`.
import type { Link } from '../records/link';

export function ticketRef(link: Pick<Link, 'instanceId' | 'ticketId'>): string {
  return `${link.instanceId}:${link.ticketId}`;
}
