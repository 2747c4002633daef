// Where Brevo's live API has moved on since the vendored November 2024 document (NOTICE.md), corrected in memory:
// the vendored file is never edited. Each entry says what the live API does and where Brevo documents it; the
// README's "Where the live API differs from this document" lists the same for readers.
//
// Schemas here are OpenAPI 3.0 schema objects like the document's own; `#/components/...` refers to the document.

/** A property of the event schema an event may carry today, keyed by property name. */
const IDENTIFIERS = {
  type: 'object',
  minProperties: 1,
  properties: {
    // https://developers.brevo.com/reference/create-event: "Internal unique contact ID. When present, this takes
    // priority over all other identifiers". The 2024 document lacks it.
    contact_id: { type: 'integer', format: 'int64' },
    email_id: { type: 'string' },
    ext_id: { type: 'string' },
    phone_id: { type: 'string' },
    whatsapp_id: { type: 'string' },
    landline_number_id: { type: 'string' },
  },
} as const;

// https://developers.brevo.com/reference/create-event: contact_properties update the contact's attributes and take
// "string, number or boolean"; event_properties support "string, number, boolean (true/false), date", and nested
// objects and arrays. The 2024 document allows string|integer only for contact_properties, and no boolean or
// fractional number for event_properties.
const CONTACT_PROPERTY = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } as const;
const EVENT_PROPERTY = {
  anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array' }],
} as const;

/** One event as `POST /events` takes it, and as each item of `POST /events/batch` takes it. */
export const EVENT_SCHEMA = {
  type: 'object',
  required: ['event_name', 'identifiers'],
  properties: {
    event_name: { type: 'string' },
    event_date: { type: 'string' },
    identifiers: IDENTIFIERS,
    contact_properties: { type: 'object', additionalProperties: CONTACT_PROPERTY },
    event_properties: { type: 'object', additionalProperties: EVENT_PROPERTY },
    // "Identifiers of the object record associated with this event. Ignored if the object type or identifier for
    // this record does not exist on the account." Accepted and ignored by the emulator (no objects are emulated).
    object: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        identifiers: { type: 'object', properties: { id: { type: 'string' }, ext_id: { type: 'string' } } },
      },
    },
  },
} as const;

const EVENT_ERROR = { $ref: '#/components/schemas/errorModel' } as const;

/** The reply to a batch in which some or all events failed validation. */
const BATCH_RESULT = {
  type: 'object',
  required: ['status', 'total_events', 'successful_events', 'failed_events', 'errors'],
  properties: {
    status: { type: 'string' },
    total_events: { type: 'integer' },
    successful_events: { type: 'integer' },
    failed_events: { type: 'integer' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          eventIndex: { type: 'array', items: { type: 'integer' } },
          message: { type: 'string' },
        },
      },
    },
  },
} as const;

export interface ErratumOperation {
  method: 'get' | 'post';
  /** relative to the server URL https://api.brevo.com/v3, as the document's own paths */
  path: string;
  /** the operation object, in the document's form */
  operation: Record<string, unknown>;
}

/** Operations of the live API that the 2024 document does not have. */
export const ADDED_OPERATIONS: readonly ErratumOperation[] = [
  {
    // https://developers.brevo.com/reference/get-events ("This endpoint currently only supports custom events").
    method: 'get',
    path: '/events',
    operation: {
      operationId: 'getEvents',
      parameters: [
        {
          name: 'contact_id',
          in: 'query',
          schema: { type: 'array', items: { type: 'integer', format: 'int64' } },
        },
        { name: 'event_name', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        { name: 'object_type', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        // "Mandatory if endDate is used … YYYY-MM-DD or RFC3339"; the pairing is checked by the operation itself.
        { name: 'startDate', in: 'query', schema: { type: 'string' } },
        { name: 'endDate', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 100 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
      ],
      responses: {
        '200': {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['count'],
                properties: {
                  count: { type: 'integer', format: 'int64' },
                  // "List of matching events ordered by event_date descending"
                  events: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        contact_id: { type: 'integer', format: 'int64' },
                        event_date: { type: 'string', format: 'date-time' },
                        event_name: { type: 'string' },
                        event_filter_id: { type: 'string' },
                        object_type: { type: 'string' },
                        event_properties: { type: 'object' },
                        contact_properties: { type: 'object' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        '400': { content: { 'application/json': { schema: EVENT_ERROR } } },
        '401': { content: { 'application/json': { schema: EVENT_ERROR } } },
      },
    },
  },
  {
    // https://developers.brevo.com/reference/create-batch-events; 207 for a partly valid batch:
    // https://developers.brevo.com/changelog/2026/3/3.
    method: 'post',
    path: '/events/batch',
    operation: {
      operationId: 'createBatchEvents',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            // Each item is checked on its own by the operation (a bad item fails alone, not the whole batch).
            schema: {
              type: 'object',
              required: ['events'],
              properties: { events: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
      responses: {
        '202': {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['message', 'count'],
                properties: { message: { type: 'string' }, count: { type: 'integer' } },
              },
            },
          },
        },
        '207': { content: { 'application/json': { schema: BATCH_RESULT } } },
        '400': { content: { 'application/json': { schema: BATCH_RESULT } } },
        '401': { content: { 'application/json': { schema: EVENT_ERROR } } },
      },
    },
  },
];

/** Component schemas replaced by what the live API accepts today. */
export const REPLACED_SCHEMAS: Readonly<Record<string, unknown>> = {
  event: EVENT_SCHEMA,
};
