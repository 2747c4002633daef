// The emulator is held to Brevo's OpenAPI document: the vendored copy is the published file, the deviations of the
// live API are corrected in memory only where the document lacks them, requests and replies are checked, and calls of
// operations the emulator lacks are reported.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { z } from 'zod';
import { platformFetch } from '../runtime/globals';
import { ControllableClock } from './clock';
import { BREVO_SPEC_PATH } from './contract/spec';
import { ViolationLog } from './contract/violations';
import type { BrevoEmulator } from './emulator';
import { FaultInjector } from './faults';
import { handleApiRequest } from './http/pipeline';
import { RateLimiter } from './rate-limits';
import { RequestLog } from './request-log';
import { BrevoState } from './state';
import { ApiClient, json, startFrozen, summary } from './brevo.test-support';

let brevo: BrevoEmulator;
let api: ApiClient;

beforeAll(async () => {
  brevo = await startFrozen({ appAttributes: true });
  api = ApiClient.for(brevo);
});
beforeEach(() => brevo.reset({ appAttributes: true }));
afterAll(() => brevo.close());

const documentSchema = z.object({
  info: z.object({ version: z.string(), license: z.object({ name: z.string() }) }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});

describe('the vendored document', () => {
  const text = fs.readFileSync(BREVO_SPEC_PATH, 'utf8');
  const document = documentSchema.parse(parse(text));

  it('is the file NOTICE.md describes, byte for byte', () => {
    const notice = fs.readFileSync(path.join(path.dirname(BREVO_SPEC_PATH), 'NOTICE.md'), 'utf8');
    const digest = createHash('sha256').update(text).digest('hex');
    expect(notice).toContain(digest);
    expect(notice).toContain(`${Buffer.byteLength(text).toLocaleString('en-US')} bytes`);
    expect([document.info.version, document.info.license.name]).toEqual(['3.0.0', 'MIT']);
    expect(Object.keys(document.paths)).toHaveLength(185);
  });

  it('lacks what errata.ts adds, so every erratum is still needed', () => {
    expect(document.paths['/events']?.['get']).toBeUndefined();
    expect(document.paths['/events/batch']).toBeUndefined();
    expect(JSON.stringify(document.components.schemas['event'])).not.toContain('contact_id');
  });

  it("is an independent oracle for the emulator's replies of operations errata.ts leaves alone", async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'url'])
      ajv.addFormat(format, true);
    ajv.addSchema({ $id: 'oracle', components: document.components });
    const valid = (schema: string, body: unknown) => {
      const validate = ajv.compile({ $ref: `oracle#/components/schemas/${schema}` });
      return validate(body) ? [] : validate.errors;
    };
    brevo.account().addContact({ email: 'jane@example.com', attributes: { LAST_TICKET_DATE: '2025-03-01' } });
    expect(valid('getAccount', json(await api.get('/account')))).toEqual([]);
    expect(valid('getExtendedContactDetails', json(await api.get('/contacts/jane%40example.com')))).toEqual(
      [],
    );
    expect(valid('getLists', json(await api.get('/contacts/lists')))).toEqual([]);
    expect(valid('getAttributes', json(await api.get('/contacts/attributes')))).toEqual([]);
    expect(
      valid('createUpdateContactModel', json(await api.post('/contacts', { email: 'john@example.com' }))),
    ).toEqual([]);
  });
});

describe('requests held to the document', () => {
  it('accepts what the live API takes beyond the 2024 document: contact_id, booleans, fractional numbers', async () => {
    const { id } = brevo.account().addContact({ email: 'jane@example.com' });
    const reply = await api.post('/events', {
      event_name: 'jira_issue_resolved',
      identifiers: { contact_id: id },
      contact_properties: { LAST_TICKET_STATUS: 'Done', FIRSTNAME: true },
      event_properties: { resolved: true, hours: 1.5, labels: ['a'], nested: { x: 1 } },
    });
    expect(reply.status).toBe(204);
    expect(brevo.contractViolations()).toEqual([]);
  });

  it('refuses a body of the wrong type, a body that is not JSON, and JSON sent as another type', async () => {
    const wrongType = await api.post('/contacts', { email: 'jane@example.com', listIds: ['3'] });
    expect(summary(wrongType)).toEqual([
      400,
      { code: 'invalid_parameter', message: 'body/listIds/0 must be integer' },
    ]);
    expect((await api.post('/contacts', '{"email":')).status).toBe(400);
    const textPlain = await platformPost(
      `${brevo.apiUrl}/contacts`,
      '{"email":"jane@example.com"}',
      'text/plain',
    );
    expect(textPlain).toBe(400);
    expect(brevo.contractViolations().map((violation) => [violation.kind, violation.messages])).toEqual([
      ['request', ['body/listIds/0 must be integer']],
      ['request', ['body is not JSON']],
      ['request', ["content-type 'text/plain' is not application/json"]],
    ]);
  });

  it('answers a Brevo operation the emulator lacks with 501 and records it (loudly)', async () => {
    const loud = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await api.post('/smtp/email', { subject: 'hi' });
    expect(loud).toHaveBeenCalledTimes(1);
    loud.mockRestore();
    expect(reply.status).toBe(501);
    expect(brevo.contractViolations()).toEqual([
      expect.objectContaining({
        kind: 'unimplemented',
        operationId: 'sendTransacEmail',
        path: '/smtp/email',
      }),
    ]);
  });

  it('answers 404 for what is no Brevo operation, and 405 for a known path with another method', async () => {
    expect((await api.get('/nothing/here')).status).toBe(404);
    expect(summary(await api.request('DELETE', '/events/batch'))).toEqual([
      405,
      { code: 'method_not_allowed', message: 'DELETE is not allowed on /events/batch' },
    ]);
    expect(brevo.contractViolations()).toEqual([]);
  });
});

async function platformPost(url: string, body: string, contentType: string): Promise<number> {
  const response = await platformFetch()(url, {
    method: 'POST',
    headers: { 'api-key': brevo.account().apiKey, 'Content-Type': contentType },
    body,
  });
  return response.status;
}

describe('replies held to the document', () => {
  it('turns a reply that breaks the document into a 500 and a recorded response violation', async () => {
    const state = new BrevoState();
    state.accounts.set(1, {
      id: 1,
      apiKey: 'key-1',
      keyEnabled: true,
      email: 'crm@acme.example',
      firstName: 'A',
      lastName: 'B',
      companyName: 'C',
      street: 's',
      city: 'c',
      zipCode: 'z',
      country: 'c',
    });
    // A contact no API call could have made: its address is not one.
    state.putContact({
      id: 7,
      accountId: 1,
      email: 'not an address',
      extId: null,
      attributes: {},
      listIds: [],
      emailBlacklisted: false,
      smsBlacklisted: false,
      createdAt: '2025-03-03T12:00:00.000Z',
      modifiedAt: '2025-03-03T12:00:00.000Z',
    });
    const violations = new ViolationLog();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await handleApiRequest(
      {
        state,
        clock: new ControllableClock(),
        limiter: new RateLimiter(),
        faults: new FaultInjector(),
        log: new RequestLog(),
        violations,
        settings: { retryAfter: false, unknownEventContact: 'create' },
        sleep: () => Promise.resolve(),
      },
      { method: 'GET', url: '/v3/contacts/7', apiKey: 'key-1', contentType: undefined, body: '' },
    );
    error.mockRestore();
    expect(reply.status).toBe(500);
    expect(violations.list()).toEqual([
      expect.objectContaining({
        kind: 'response',
        operationId: 'getContactInfo',
        status: 200,
        messages: ['response/email must match format "email"'],
      }),
    ]);
  });
});
