// Lists (paged) and contact attributes over HTTP, and the seed's options for the attributes the app maps.
import { z } from 'zod';
import type { BrevoEmulator } from './emulator';
import { APP_ATTRIBUTES, DEFAULT_LISTS } from './seed';
import { ApiClient, json, startFrozen, summary } from './brevo.test-support';

let brevo: BrevoEmulator;
let api: ApiClient;

beforeAll(async () => {
  brevo = await startFrozen();
  api = ApiClient.for(brevo);
});
beforeEach(() => brevo.reset());
afterEach(() => expect(brevo.contractViolations()).toEqual([]));
afterAll(() => brevo.close());

const listsOf = (body: Record<string, unknown>) =>
  z.array(z.object({ id: z.number(), name: z.string() })).parse(body['lists']);

describe('GET /v3/contacts/lists', () => {
  it('lists the seeded lists, newest first by default, with their subscriber counts', async () => {
    brevo.account().addContact({ email: 'jane@example.com', listIds: [3] });
    brevo.account().addContact({ email: 'john@example.com', listIds: [3], emailBlacklisted: true });
    const body = json(await api.get('/contacts/lists'));
    expect(body['count']).toBe(3);
    expect(listsOf(body).map((list) => list.name)).toEqual([...DEFAULT_LISTS].reverse());
    expect(z.array(z.unknown()).parse(body['lists'])).toContainEqual({
      id: 3,
      name: 'Jira SUP customers',
      totalBlacklisted: 1,
      totalSubscribers: 1,
      uniqueSubscribers: 2,
      folderId: 1,
    });
  });

  it('pages with limit (at most 50) and offset, in either order', async () => {
    for (let n = 1; n <= 60; n++) brevo.account().addList({ name: `List ${n}` });
    const first = json(await api.get('/contacts/lists?limit=50&offset=0&sort=asc'));
    const second = json(await api.get('/contacts/lists?limit=50&offset=50&sort=asc'));
    expect([first['count'], listsOf(first).length, listsOf(second).length]).toEqual([63, 50, 13]);
    expect(listsOf(second).at(-1)?.name).toBe('List 60');
    expect((await api.get('/contacts/lists?limit=51')).status).toBe(400);
    expect(brevo.contractViolations()).toEqual([
      expect.objectContaining({ kind: 'request', messages: ['query/limit must be <= 50'] }),
    ]);
    brevo.clearContractViolations();
  });
});

describe('contact attributes', () => {
  it("has a new account's attributes, and none of the app's unless the seed asks for them", async () => {
    const names = async () =>
      z
        .array(z.object({ name: z.string() }))
        .parse(json(await api.get('/contacts/attributes'))['attributes'])
        .map((attribute) => attribute.name);
    expect(await names()).toEqual(['LASTNAME', 'FIRSTNAME', 'SMS']);
    brevo.reset({ appAttributes: true });
    expect(await names()).toEqual(['LASTNAME', 'FIRSTNAME', 'SMS', ...APP_ATTRIBUTES.map((a) => a.name)]);
    brevo.reset({ standardAttributes: false });
    expect(await names()).toEqual([]);
  });

  it('creates a normal attribute (201, no body), upper-cased, that contacts then keep', async () => {
    expect(summary(await api.post('/contacts/attributes/normal/last_ticket_date', { type: 'date' }))).toEqual(
      [201, ''],
    );
    expect(json(await api.get('/contacts/attributes'))['attributes']).toContainEqual({
      name: 'LAST_TICKET_DATE',
      category: 'normal',
      type: 'date',
    });
    await api.post('/contacts', {
      email: 'jane@example.com',
      attributes: { LAST_TICKET_DATE: '2025-03-01' },
    });
    expect(brevo.account().contact('jane@example.com')?.attributes).toEqual({
      LAST_TICKET_DATE: '2025-03-01',
    });
  });

  it.each([
    ['an existing name', '/contacts/attributes/normal/FIRSTNAME', { type: 'text' }, 'duplicate_parameter'],
    ['a name with a dash', '/contacts/attributes/normal/LAST-KEY', { type: 'text' }, 'invalid_parameter'],
    [
      'a type normal attributes cannot have',
      '/contacts/attributes/normal/ORDER',
      { type: 'id' },
      'invalid_parameter',
    ],
    [
      'a category without enumeration',
      '/contacts/attributes/category/TIER',
      { type: 'category' },
      'missing_parameter',
    ],
  ])('refuses %s', async (_case, path, body, code) => {
    const reply = await api.post(path, body);
    expect([reply.status, json(reply)['code']]).toEqual([400, code]);
  });

  it('lists a category attribute as text with its enumeration', async () => {
    const enumeration = [
      { value: 1, label: 'Gold' },
      { value: 2, label: 'Silver' },
    ];
    expect((await api.post('/contacts/attributes/category/TIER', { enumeration })).status).toBe(201);
    expect(json(await api.get('/contacts/attributes'))['attributes']).toContainEqual({
      name: 'TIER',
      category: 'category',
      type: 'text',
      enumeration,
    });
    await api.post('/contacts', { email: 'jane@example.com', attributes: { TIER: 'Silver' } });
    expect(brevo.account().contact('jane@example.com')?.attributes).toEqual({ TIER: 2 });
  });
});
