// The value of a ticket field the mapping rules read, standard or custom.
import { ticketFieldValue } from './field-value';

describe('ticketFieldValue', () => {
  it.each<[string, { type: string | null; itemsType: string | null }, unknown, string | null]>([
    ['text', { type: 'string', itemsType: null }, 'Customer impact: high', 'Customer impact: high'],
    ['number', { type: 'number', itemsType: null }, 42.5, '42.5'],
    ['not a number', { type: 'number', itemsType: null }, Number.NaN, null],
    ['option', { type: 'option', itemsType: null }, { self: 'x', value: 'High', id: '10001' }, 'High'],
    [
      'user → name',
      { type: 'user', itemsType: null },
      { accountId: 'a1', displayName: 'Alice Smith' },
      'Alice Smith',
    ],
    ['priority', { type: 'priority', itemsType: null }, { id: '2', name: 'High' }, 'High'],
    ['date', { type: 'date', itemsType: null }, '2026-11-21', '2026-11-21'],
    [
      'datetime in UTC',
      { type: 'datetime', itemsType: null },
      '2026-11-21T10:30:00.000+0100',
      '2026-11-21 09:30:00',
    ],
    ['labels', { type: 'array', itemsType: 'string' }, ['urgent', 'vip'], 'urgent, vip'],
    ['multi-select', { type: 'array', itemsType: 'option' }, [{ value: 'A' }, { value: 'B' }], 'A, B'],
    ['empty array', { type: 'array', itemsType: 'string' }, [], null],
    ['cleared value', { type: 'string', itemsType: null }, null, null],
    [
      'rich text (ADF)',
      { type: 'string', itemsType: null },
      {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps' }] }],
      },
      'Steps',
    ],
    ['unknown object', { type: 'any', itemsType: null }, { foo: 1 }, null],
  ])('%s', (_name, field, value, expected) => {
    expect(ticketFieldValue(field, value)).toBe(expected);
  });
});
