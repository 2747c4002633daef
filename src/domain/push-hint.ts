// Push hints (issue 19): what a TeamSupport workflow or middleware sends to the app's web trigger to say "ticket N
// changed", and how the app checks it. A hint is signed with the instance's secret: HMAC-SHA256 over
// `<timestamp>.<body>`, hex, in `x-sts-signature: sha256=<hex>`, the Unix time in seconds in `x-sts-timestamp`. A hint
// older (or newer) than 5 minutes is refused, and so is one seen before (the caller keeps signatures 10 minutes). The
// hint carries nothing the app trusts: it only causes a check of the ticket (sync/inbound/hot-check.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TIMESTAMP_HEADER = 'x-sts-timestamp';
export const SIGNATURE_HEADER = 'x-sts-signature';
/** how far a hint's timestamp may be from the app's clock */
export const HINT_MAX_AGE_SECONDS = 5 * 60;
/** how long a signature is remembered, so that a replay within the accepted age is refused */
export const REPLAY_MEMORY_SECONDS = 10 * 60;

export const PushHintBodySchema = z.object({
  instanceId: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/),
  ticketNumber: z
    .union([z.string().regex(/^\d{1,10}$/), z.number().int().positive().max(2_147_483_647)])
    .transform(String),
});
export type PushHintBody = z.infer<typeof PushHintBodySchema>;

const TimestampSchema = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);
const SignatureSchema = z
  .string()
  .regex(/^sha256=[0-9a-f]{64}$/)
  .transform((value) => value.slice('sha256='.length));

export function signHint(secret: string, timestamp: number | string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export type HintRefusal = 'malformed' | 'stale' | 'bad-signature';

/** The signed parts of a request, or why they cannot be read. */
export function readSignedParts(
  header: (name: string) => string | undefined,
): { ok: true; timestamp: number; signature: string } | { ok: false; refusal: HintRefusal } {
  const timestamp = TimestampSchema.safeParse(header(TIMESTAMP_HEADER));
  const signature = SignatureSchema.safeParse(header(SIGNATURE_HEADER));
  if (!timestamp.success || !signature.success) return { ok: false, refusal: 'malformed' };
  return { ok: true, timestamp: timestamp.data, signature: signature.data };
}

export function isFresh(timestamp: number, now: Date): boolean {
  return Math.abs(now.getTime() / 1000 - timestamp) <= HINT_MAX_AGE_SECONDS;
}

/** Compares in constant time, so the answer's timing tells nothing about how much of a guess was right. */
export function signatureMatches(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signHint(secret, timestamp, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
