// Which tickets an instance syncs by type: all, or the listed types matched by name.
import { syncsTicketType } from './synced-ticket-type';

describe('syncsTicketType', () => {
  it('syncs every type when the instance syncs all', () => {
    expect(syncsTicketType({ ticketTypes: 'all' }, 'Anything')).toBe(true);
  });

  it.each([
    ['Incident', true],
    [' incident ', true],
    ['Problem', true],
    ['Question', false],
    ['', false],
  ])('with Incident and Problem listed, %j syncs: %s', (type, syncs) => {
    expect(syncsTicketType({ ticketTypes: ['Incident', 'Problem'] }, type)).toBe(syncs);
  });
});
