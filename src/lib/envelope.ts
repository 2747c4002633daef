// The result envelope every Custom UI resolver returns (docs/resolver-contract.md, "Resolver contract"):
// `{ ok: true, data }` or `{ ok: false, error: { code, message, details? } }`. Use cases build these; the entry turns
// anything they throw into an envelope too, so the bridge never sees an exception and the UI handles one shape.
import type { z } from 'zod';
import { IntegrationError } from './errors';
import { redactText, type Logger } from './logger';

/** The codes a resolver may answer with; the UI keys its messages on them (UPPER_SNAKE, stable once shipped). */
export type ErrorCode =
  /** the caller may not do this (not a Jira admin, cannot see the issue, lacks Link Issues) */
  | 'FORBIDDEN'
  /** the payload or the settings break a rule; `details.issues` says where */
  | 'INVALID_INPUT'
  /** the instance, link or sync-log entry named does not exist */
  | 'NOT_FOUND'
  | 'TICKET_NOT_FOUND'
  /** the ticket is linked already, to this issue or (`details.issueKey`, when the caller may see it) another */
  | 'ALREADY_LINKED'
  | 'INSTANCE_INACTIVE'
  /** the instance has no API token stored: an admin must enter one */
  | 'NO_CREDENTIALS'
  /** Jira, the ticket system or storage failed; `details.retryable` says whether trying again may help */
  | 'UPSTREAM_ERROR'
  /** the stored configuration cannot be read by this build */
  | 'CONFIG_UNAVAILABLE'
  /** the sync-log entry carries nothing that can be re-run, or was resolved */
  | 'NOT_RETRYABLE'
  /** the sync-log entry was retried already (each entry re-runs at most once) */
  | 'ALREADY_RETRIED'
  /** the instance is gone but its links are not all removed yet: call deleteInstance again */
  | 'DELETE_INCOMPLETE'
  /** the work asked for is running already (a Brevo backfill): `details.run` says how far it is */
  | 'ALREADY_RUNNING'
  /** a bug: the message is generic, the details are in the app's log */
  | 'INTERNAL';

export type ErrorDetails = Record<string, unknown>;

export interface EnvelopeError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export interface Success<T> {
  ok: true;
  data: T;
}

export interface Failure {
  ok: false;
  error: EnvelopeError;
}

export type Envelope<T> = Success<T> | Failure;

/** One field-level problem of INVALID_INPUT: a dot path from the payload (or the instance) root, and what to do. */
export interface InputIssue {
  path: string;
  message: string;
}

export function ok<T>(data: T): Success<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, details?: ErrorDetails): Failure {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

export function invalidInput(issues: InputIssue[], message = 'Some values are not valid.'): Failure {
  return fail('INVALID_INPUT', message, { issues });
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'symbol' ? (part.description ?? '') : String(part))).join('.');
}

/** Parses a resolver payload; its problems become INVALID_INPUT with one issue per path. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; value: z.output<S> } | Failure {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return invalidInput(
    parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })),
  );
}

const INTERNAL_MESSAGE =
  'Something went wrong in the app. Try again; if it keeps happening, ask your Jira administrator to check the app logs.';

/**
 * The envelope for a failure nobody handled: an IntegrationError (Jira, the ticket system, storage) keeps its message,
 * which names the system and what to do, redacted once more on the way out; anything else is a bug, answered with a
 * generic message and logged in full (through the redacting logger).
 */
export function unexpectedFailure(error: unknown, logger: Logger): Failure {
  if (error instanceof IntegrationError) {
    logger.warn('A resolver call failed upstream', { error });
    return fail('UPSTREAM_ERROR', redactText(error.message), {
      system: error.details.system,
      retryable: error.retryable,
    });
  }
  logger.error('A resolver call failed unexpectedly', { error });
  return fail('INTERNAL', INTERNAL_MESSAGE);
}
