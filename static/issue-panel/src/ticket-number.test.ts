// Reading what an agent types in the panel's ticket field: a ticket number, or words to search the subject by.
import { describe, expect, it } from '@jest/globals';
import { searchable, ticketReference, typedTicket } from './ticket-number';

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

  it.each(['', '   ', '#', ' # ', 'abc', '12a', 'invoice 1234'])('%j is no ticket number', (typed) => {
    expect(ticketReference(typed)).toBeUndefined();
  });
});

describe('typedTicket', () => {
  it.each([
    ['#1250', { kind: 'number', number: '1250' }],
    ['abc', { kind: 'words', words: 'abc' }],
    ['  invoice VAT ', { kind: 'words', words: 'invoice VAT' }],
    ['# vat', { kind: 'words', words: 'vat' }],
    [' # ', { kind: 'empty' }],
  ])('%j → %j', (typed, expected) => {
    expect(typedTicket(typed)).toEqual(expected);
  });

  it.each([
    ['1', true],
    ['ab', true],
    ['a', false],
    ['', false],
  ])('%j is searchable: %s', (typed, expected) => {
    expect(searchable(typedTicket(typed))).toBe(expected);
  });
});
