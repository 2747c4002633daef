import { describe, expect, it } from '@jest/globals';
import { ticketReference } from './ticket-number';

describe('ticketReference', () => {
  it.each([
    ['1234', '1234'],
    ['#1234', '1234'],
    ['  # 1234 ', '1234'],
    ['Ticket #1234', '1234'],
    ['ticket 1234', '1234'],
    ['880011', '880011'],
  ])('%j → %j', (typed, expected) => {
    expect(ticketReference(typed)).toBe(expected);
  });

  it.each(['', '   ', '#', ' # '])('%j is nothing to link', (typed) => {
    expect(ticketReference(typed)).toBeUndefined();
  });
});
