// The parts of Brevo's JSON answers the connector reads (https://developers.brevo.com/reference), checked with zod.
// Objects are loose: Brevo adds fields over time, and only the ones named here matter.
import { z } from 'zod';
import { IntegrationError } from '../../lib/errors';
import { BREVO_SYSTEM } from './system';

/** Brevo's error model: `{ code, message }`, plus `metadata` on contact errors (e.g. duplicate_identifiers). */
export const errorBodySchema = z.looseObject({
  code: z.string().optional(),
  message: z.string().optional(),
  metadata: z.looseObject({ duplicate_identifiers: z.array(z.string()).optional() }).optional(),
});

/** GET /v3/account */
export const accountSchema = z.looseObject({
  email: z.string(),
  companyName: z.string(),
});

/** GET /v3/contacts/{identifier}: only the id is needed (to read the contact's events back). */
export const contactSchema = z.looseObject({
  id: z.number().int(),
});

/** GET /v3/contacts/lists: `lists` is left out of an empty page. */
export const listsPageSchema = z.looseObject({
  lists: z.array(z.looseObject({ id: z.number().int(), name: z.string() })).default([]),
  count: z.number().int().nonnegative(),
});

/** GET /v3/contacts/attributes: calculated and global attributes have no `type`. */
export const attributesSchema = z.looseObject({
  attributes: z.array(
    z.looseObject({
      name: z.string(),
      category: z.string().optional(),
      type: z.string().optional(),
    }),
  ),
});

/** GET /v3/events (https://developers.brevo.com/reference/get-events): newest first, `events` absent when none. */
export const eventsPageSchema = z.looseObject({
  events: z
    .array(
      z.looseObject({
        event_name: z.string().optional(),
        event_date: z.string().optional(),
        event_properties: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .default([]),
  count: z.number().int().nonnegative(),
});

/** The part of an answer to show when it cannot be read: where and what. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const where = issue.path.length === 0 ? '(the body)' : issue.path.map(String).join('.');
  return `${where}: ${issue.message}`;
}

/** Parses an answer, or throws a 'malformed' error that names what Brevo sent and what is wrong with it. */
export function parseAnswer<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new IntegrationError(
    'malformed',
    `Brevo sent ${what} the app cannot read: ${firstIssue(parsed.error)}.`,
    {
      system: BREVO_SYSTEM,
    },
  );
}

/** Brevo's own words for an error answer ("code: message"), or undefined when the body is not its error model. */
export function errorDetail(body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { code, message } = parsed.data;
  const text = [code, message].filter((part) => part !== undefined && part !== '').join(': ');
  return text === '' ? undefined : text;
}
