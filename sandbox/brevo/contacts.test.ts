// Contacts over HTTP: create, the duplicate answer, upsert with updateEnabled, attributes Brevo keeps or drops, lists,
// read by identifier, and 501 for the contact operations the app never calls.
import type { BrevoEmulator } from './emulator';
import { ApiClient, json, startFrozen, summary } from './brevo.test-support';

let brevo: BrevoEmulator;
let api: ApiClient;

beforeAll(async () => {
  brevo = await startFrozen({ appAttributes: true });
  api = ApiClient.for(brevo);
});
beforeEach(() => {
  brevo.reset({ appAttributes: true });
  brevo.clock.set(null);
});
afterEach(() => expect(brevo.contractViolations()).toEqual([]));
afterAll(() => brevo.close());

describe('POST /v3/contacts', () => {
  it('creates a contact (201 {id}) with the attributes and lists given', async () => {
    const reply = await api.post('/contacts', {
      email: 'Jane.Doe@Example.com',
      attributes: { FIRSTNAME: 'Jane', LAST_TICKET_KEY: 'SUP-1', LAST_TICKET_DATE: '2025-02-28T10:00:00Z' },
      listIds: [3],
    });
    expect(reply.status).toBe(201);
    const { id } = json(reply);
    const contact = brevo.account().contact('jane.doe@example.com');
    expect(contact).toMatchObject({
      id,
      email: 'jane.doe@example.com',
      listIds: [3],
      attributes: { FIRSTNAME: 'Jane', LAST_TICKET_KEY: 'SUP-1', LAST_TICKET_DATE: '2025-02-28' },
    });
  });

  it('refuses an existing e-mail without updateEnabled with the duplicate error of late 2024', async () => {
    brevo.account().addContact({ email: 'jane@example.com' });
    expect(summary(await api.post('/contacts', { email: 'JANE@example.com' }))).toEqual([
      400,
      {
        code: 'duplicate_parameter',
        message: 'Unable to create contact, email is already associated with another Contact',
        metadata: { duplicate_identifiers: ['email'] },
      },
    ]);
  });

  it('updates an existing contact with updateEnabled (204), adding lists and keeping what is not sent', async () => {
    brevo.account().addContact({ email: 'jane@example.com', attributes: { LASTNAME: 'Doe' }, listIds: [2] });
    const reply = await api.post('/contacts', {
      email: 'jane@example.com',
      updateEnabled: true,
      attributes: { FIRSTNAME: 'Jane', LAST_TICKET_STATUS: 'Done' },
      listIds: [3],
    });
    expect(summary(reply)).toEqual([204, '']);
    expect(brevo.account().contacts()).toHaveLength(1);
    expect(brevo.account().contact('jane@example.com')).toMatchObject({
      listIds: [2, 3],
      attributes: { LASTNAME: 'Doe', FIRSTNAME: 'Jane', LAST_TICKET_STATUS: 'Done' },
    });
  });

  it('drops, without an error, attributes the account lacks and values of the wrong type', async () => {
    brevo.account().removeAttribute('JIRA_ACCOUNT_ID');
    const reply = await api.post('/contacts', {
      email: 'jane@example.com',
      attributes: { JIRA_ACCOUNT_ID: 'abc', FIRSTNAME: 42, LAST_TICKET_DATE: 'yesterday', LASTNAME: 'Doe' },
    });
    expect(reply.status).toBe(201);
    expect(brevo.account().contact('jane@example.com')?.attributes).toEqual({ LASTNAME: 'Doe' });
  });

  it('refuses list ids the account does not have, before changing anything', async () => {
    const reply = await api.post('/contacts', { email: 'jane@example.com', listIds: [3, 99] });
    expect(summary(reply)).toEqual([
      400,
      { code: 'invalid_parameter', message: 'List ID(s) 99 do not exist' },
    ]);
    expect(brevo.account().contacts()).toEqual([]);
  });

  it('needs an identifier', async () => {
    const reply = await api.post('/contacts', { attributes: { FIRSTNAME: 'Nobody' } });
    expect(reply.status).toBe(400);
    expect(json(reply)['code']).toBe('missing_parameter');
  });
});

describe('GET /v3/contacts/{identifier}', () => {
  it('reads a contact by e-mail (any case), by id, and by identifierType', async () => {
    const { id } = brevo.account().addContact({
      email: 'jane@example.com',
      extId: 'ts-7',
      attributes: { FIRSTNAME: 'Jane' },
      listIds: [3],
    });
    brevo.clock.set(new Date('2025-03-04T08:00:00.000Z'));
    for (const path of [
      '/contacts/JANE%40example.com',
      `/contacts/${id}`,
      `/contacts/${id}?identifierType=contact_id`,
      '/contacts/ts-7?identifierType=ext_id',
      '/contacts/jane%40example.com?identifierType=email_id',
    ]) {
      const reply = await api.get(path);
      expect([path, reply.status]).toEqual([path, 200]);
      expect(json(reply)).toEqual({
        email: 'jane@example.com',
        id,
        emailBlacklisted: false,
        smsBlacklisted: false,
        createdAt: '2025-03-03T12:00:00.000Z',
        modifiedAt: '2025-03-03T12:00:00.000Z',
        listIds: [3],
        listUnsubscribed: [],
        attributes: { FIRSTNAME: 'Jane' },
        statistics: {},
      });
      expect(brevo.schemaErrors('getExtendedContactDetails', json(reply))).toEqual([]);
    }
  });

  it('answers 404 document_not_found for a contact that does not exist', async () => {
    expect(summary(await api.get('/contacts/nobody%40example.com'))).toEqual([
      404,
      { code: 'document_not_found', message: 'Contact does not exist' },
    ]);
  });
});

describe('contact operations the app never calls', () => {
  it('are not served (the app upserts with POST /contacts and listIds): 501, recorded as unimplemented', async () => {
    brevo.account().addContact({ email: 'jane@example.com' });
    expect((await api.put('/contacts/jane%40example.com', { attributes: {} })).status).toBe(501);
    expect((await api.post('/contacts/lists/3/contacts/add', { emails: ['jane@example.com'] })).status).toBe(
      501,
    );
    expect(brevo.contractViolations().map((violation) => [violation.kind, violation.operationId])).toEqual([
      ['unimplemented', 'updateContact'],
      ['unimplemented', 'addContactToList'],
    ]);
    brevo.clearContractViolations();
  });
});
