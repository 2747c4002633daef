// Reading Brevo's answers: account, lists, events, attributes, and the detail of an error body.
import { IntegrationError } from '../../lib/errors';
import {
  accountSchema,
  attributesSchema,
  errorDetail,
  eventsPageSchema,
  listsPageSchema,
  parseAnswer,
} from './schemas';

function malformed(run: () => unknown): IntegrationError {
  try {
    run();
  } catch (error) {
    if (error instanceof IntegrationError) return error;
    throw error;
  }
  throw new Error('expected a malformed answer');
}

describe('parseAnswer', () => {
  it('reads the account and keeps what else Brevo sends out of the way', () => {
    const account = parseAnswer(
      accountSchema,
      { email: 'crm@acme.example', companyName: 'Acme', plan: [], relay: { enabled: true } },
      'the account details',
    );
    expect(account).toMatchObject({ email: 'crm@acme.example', companyName: 'Acme' });
  });

  it('reads an empty page of lists, which has no `lists`', () => {
    expect(parseAnswer(listsPageSchema, { count: 0 }, 'a page')).toEqual({ lists: [], count: 0 });
  });

  it('reads an empty page of events, which has no `events`', () => {
    expect(parseAnswer(eventsPageSchema, { count: 0 }, 'a page')).toEqual({ events: [], count: 0 });
  });

  it('reads events whose properties are missing or null', () => {
    const page = parseAnswer(
      eventsPageSchema,
      { count: 2, events: [{ event_name: 'a' }, { event_name: 'b', event_properties: null }] },
      'a page',
    );
    expect(page.events.map((event) => event.event_properties)).toEqual([undefined, null]);
  });

  it('reads calculated attributes, which have no type', () => {
    const answer = parseAnswer(
      attributesSchema,
      { attributes: [{ name: 'TOTAL', category: 'calculated', calculatedValue: 'SUM[X]' }] },
      'the attributes',
    );
    expect(answer.attributes).toEqual([{ name: 'TOTAL', category: 'calculated', calculatedValue: 'SUM[X]' }]);
  });

  it.each<[string, () => unknown, string]>([
    [
      'a list without a name',
      () => parseAnswer(listsPageSchema, { count: 1, lists: [{ id: 2 }] }, 'a page of contact lists'),
      'Brevo sent a page of contact lists the app cannot read: lists.0.name: Invalid input: expected string, received undefined.',
    ],
    [
      'a page of events without its count',
      () => parseAnswer(eventsPageSchema, { events: [] }, 'a page of events'),
      'Brevo sent a page of events the app cannot read: count: Invalid input: expected number, received undefined.',
    ],
    [
      'a body that is not an object',
      () => parseAnswer(accountSchema, 'ok', 'the account details'),
      'Brevo sent the account details the app cannot read: (the body): Invalid input: expected object, received string.',
    ],
  ])('names where %s is wrong', (_case, run, message) => {
    const error = malformed(run);
    expect(error.kind).toBe('malformed');
    expect(error.details.system).toBe('brevo');
    expect(error.message).toBe(message);
  });
});

describe('errorDetail', () => {
  it.each<[string, string, string | undefined]>([
    ['the error model', '{"code":"invalid_parameter","message":"bad"}', 'invalid_parameter: bad'],
    ['a message only', '{"message":"Key not found"}', 'Key not found'],
    [
      'the contact error model',
      '{"code":"duplicate_parameter","message":"dup","metadata":{}}',
      'duplicate_parameter: dup',
    ],
    ['HTML', '<html>gateway</html>', undefined],
    ['JSON of another shape', '{"error":"x"}', undefined],
    ['an empty body', '', undefined],
  ])('reads %s', (_case, body, detail) => {
    expect(errorDetail(body)).toBe(detail);
  });
});
