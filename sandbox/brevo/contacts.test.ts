// Contacts over HTTP: create, the duplicate answer, upsert with updateEnabled, attributes Brevo keeps or drops, lists,
// read and update by identifier.
import type { BrevoEmulator } from './emulator';
import { ApiClient, json, startFrozen, summary } from './testSupport';

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

describe('GET and PUT /v3/contacts/{identifier}', () => {
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
    expect((await api.put('/contacts/nobody%40example.com', { attributes: {} })).status).toBe(404);
  });

  it('updates attributes, lists and the e-mail address (EMAIL in attributes)', async () => {
    brevo.account().addContact({ email: 'jane@example.com', listIds: [2, 3] });
    brevo.clock.set(new Date('2025-03-05T09:30:00.000Z'));
    const reply = await api.put('/contacts/jane%40example.com', {
      attributes: { EMAIL: 'jane.doe@example.com', FIRSTNAME: 'Jane' },
      listIds: [4],
      unlinkListIds: [2],
    });
    expect(summary(reply)).toEqual([204, '']);
    expect(brevo.account().contact('jane@example.com')).toBeUndefined();
    expect(brevo.account().contact('jane.doe@example.com')).toMatchObject({
      listIds: [3, 4],
      attributes: { FIRSTNAME: 'Jane' },
      modifiedAt: '2025-03-05T09:30:00.000Z',
    });
  });

  it('refuses an address another contact has', async () => {
    brevo.account().addContact({ email: 'jane@example.com' });
    brevo.account().addContact({ email: 'john@example.com' });
    const reply = await api.put('/contacts/john%40example.com', {
      attributes: { EMAIL: 'jane@example.com' },
    });
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({
      code: 'duplicate_parameter',
      metadata: { duplicate_identifiers: ['email'] },
    });
  });
});

describe('POST /v3/contacts/lists/{listId}/contacts/add', () => {
  it('adds the contacts that exist and reports the others as failures', async () => {
    brevo.account().addContact({ email: 'jane@example.com' });
    const reply = await api.post('/contacts/lists/3/contacts/add', {
      emails: ['jane@example.com', 'nobody@example.com'],
    });
    expect(summary(reply)).toEqual([
      201,
      { contacts: { success: ['jane@example.com'], failure: ['nobody@example.com'], total: 2 } },
    ]);
    expect(brevo.account().listMembers(3)).toEqual(['jane@example.com']);
  });

  it('answers 404 for a list that does not exist', async () => {
    expect(summary(await api.post('/contacts/lists/99/contacts/add', { ids: [1] }))).toEqual([
      404,
      { code: 'document_not_found', message: 'List ID does not exist' },
    ]);
  });

  it('takes exactly one of emails, ids and extIds', async () => {
    const reply = await api.post('/contacts/lists/3/contacts/add', { emails: ['a@example.com'], ids: [1] });
    expect(reply.status).toBe(400);
    expect(brevo.contractViolations()).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'addContactToList' }),
    ]);
    brevo.clearContractViolations();
  });
});
