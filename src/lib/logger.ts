// A small structured logger over the console (Forge collects console output per invocation). Everything it prints
// goes through redaction first, because a log line is the easiest way for a token to leave the backend: registered
// secret values are masked wherever they appear as a whole token, as are Authorization-style header values and the
// values of fields whose names say they hold a secret. Fields are turned into plain JSON so that one line is one
// parseable record.
//
// Secrets are remembered per invocation, never process-wide (issue 20): every handler in src/index.ts runs inside
// withSecretScope, which gives it a registry of its own through AsyncLocalStorage, so invocations that share a
// process (a warm Forge container, or the sandbox running many at once) neither see nor keep each other's tokens, and
// a replaced token is forgotten when the invocation that used it ends.
import { AsyncLocalStorage } from 'node:async_hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogJson = string | number | boolean | null | LogJson[] | { [key: string]: LogJson };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** a logger that adds `fields` to every line */
  child(fields: LogFields): Logger;
}

/** Where lines go; the default writes to the console method of the same level. */
export type LogSink = (level: LogLevel, line: string) => void;

export const REDACTED = '[REDACTED]';

const MAX_DEPTH = 8;
const MAX_STRING_LENGTH = 4_000;
const MAX_ARRAY_ITEMS = 100;

// A match counts only as a whole token: not inside a longer run of letters and digits. Masking a substring garbled
// messages (a token "tok" turned "token" into "[REDACTED]en", issue 20) without hiding anything that was a secret.
// Secrets are never short: domain/config/secret-length.ts refuses tokens and API keys under 8 characters at save
// time, so a whole-token match cannot hit an ordinary word.
const TOKEN_CHAR = '[A-Za-z0-9]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Values that must never be printed. Tokens are registered when the app reads or writes them. */
export class SecretRegistry {
  private readonly patterns = new Map<string, RegExp>();

  register(secret: string): void {
    const trimmed = secret.trim();
    if (trimmed === '') return;
    for (const form of [trimmed, encodeURIComponent(trimmed)]) {
      if (!this.patterns.has(form)) {
        this.patterns.set(form, new RegExp(`(?<!${TOKEN_CHAR})${escapeRegExp(form)}(?!${TOKEN_CHAR})`, 'g'));
      }
    }
  }

  /** Masks every registered value where it stands as a whole token, longest first so a secret containing another is masked whole. */
  mask(text: string): string {
    let masked = text;
    for (const [secret, pattern] of [...this.patterns].sort((a, b) => b[0].length - a[0].length)) {
      if (masked.includes(secret)) masked = masked.replace(pattern, REDACTED);
    }
    return masked;
  }
}

/** Nothing registered: what code outside any invocation (a script, a test's own setup) masks with. */
const NO_SECRETS = new SecretRegistry();

const invocationSecrets = new AsyncLocalStorage<SecretRegistry>();

/** The running invocation's secrets (see withSecretScope). */
function currentSecrets(): SecretRegistry {
  return invocationSecrets.getStore() ?? NO_SECRETS;
}

/**
 * Runs every call of `handler` with a secret registry of its own. src/index.ts wraps each Forge handler in it, so a
 * secret registered during an invocation is masked in everything that invocation logs, and forgotten with it.
 */
export function withSecretScope<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  return (...args: A) => invocationSecrets.run(new SecretRegistry(), () => handler(...args));
}

/**
 * Registers a secret value with the running invocation's registry, which the default logger masks. Outside an
 * invocation there is nothing to register with: nothing is remembered process-wide.
 */
export function registerSecret(secret: string): void {
  invocationSecrets.getStore()?.register(secret);
}

// `Authorization: Basic abc`, `"apiToken":"abc"`, `?token=abc` — a name that says "secret", then the value after it.
// A bare `secret` is left out: the app's own storage keys read `secret:instance:<id>` and name no value.
const NAMED_SECRET_IN_TEXT =
  /((?:proxy-)?authorization|api[-_]?key|api[-_]?token|access[-_]?token|refresh[-_]?token|token|password|passwd|client[-_]?secret|secret[-_]?key)(["']?\s*[:=]\s*["']?)((?:(?:basic|bearer|digest|token)\s+)?[^"'\s,;&}]+)/gi;
// A bare credential scheme with its value, e.g. in a curl command or a header dump.
const AUTH_SCHEME_VALUE = /\b(Basic|Bearer|Digest)\s+[A-Za-z0-9._~+/=-]{6,}/g;
// Field names whose values are secrets whatever they look like (`apiToken`, `password`, `x-api-key`, `authorization`).
const SECRET_FIELD_NAME = /(?:token|password|passwd|secret|authorization|api[-_]?key|cookie)$/i;

/** Masks registered secrets and anything shaped like a credential inside free text. */
export function redactText(text: string, secrets: SecretRegistry = currentSecrets()): string {
  return secrets
    .mask(text)
    .replace(
      NAMED_SECRET_IN_TEXT,
      (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`,
    )
    .replace(AUTH_SCHEME_VALUE, (_match, scheme: string) => `${scheme} ${REDACTED}`);
}

function truncate(text: string): string {
  return text.length > MAX_STRING_LENGTH ? `${text.slice(0, MAX_STRING_LENGTH)}…(truncated)` : text;
}

function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { name: error.name, message: error.message };
  for (const property of ['kind', 'code', 'details'] as const) {
    const value: unknown = Reflect.get(error, property);
    if (value !== undefined) fields[property] = value;
  }
  return fields;
}

/**
 * Turns any value into redacted JSON: secrets masked, secret-named fields replaced (booleans such as `hasToken`
 * are kept, they reveal nothing), errors reduced to name/message/kind, cycles and deep nesting cut off.
 */
export function redact(value: unknown, secrets: SecretRegistry = currentSecrets()): LogJson {
  const seen = new WeakSet<object>();
  const visit = (input: unknown, depth: number): LogJson => {
    if (input === null || input === undefined) return null;
    if (typeof input === 'string') return truncate(redactText(input, secrets));
    if (typeof input === 'number') return Number.isFinite(input) ? input : String(input);
    if (typeof input === 'boolean') return input;
    if (typeof input === 'bigint') return input.toString();
    if (typeof input !== 'object') return `[${typeof input}]`;
    if (input instanceof Date) return Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString();
    if (seen.has(input)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[Nested]';
    seen.add(input);
    try {
      if (input instanceof Error) return visit(errorFields(input), depth);
      if (Array.isArray(input)) {
        const items = input.slice(0, MAX_ARRAY_ITEMS).map((item: unknown) => visit(item, depth + 1));
        if (input.length > MAX_ARRAY_ITEMS) items.push(`…${input.length - MAX_ARRAY_ITEMS} more`);
        return items;
      }
      const output: { [key: string]: LogJson } = {};
      for (const [key, item] of Object.entries(input)) {
        if (item === undefined || typeof item === 'function') continue;
        const keepsValue = typeof item === 'boolean' || item === null;
        output[key] = SECRET_FIELD_NAME.test(key) && !keepsValue ? REDACTED : visit(item, depth + 1);
      }
      return output;
    } finally {
      seen.delete(input);
    }
  };
  return visit(value, 0);
}

const consoleSink: LogSink = (level, line) => {
  // Looked up on every call so that tests (and Forge's own wrapper) can replace the console methods.
  console[level](line);
};

export interface LoggerOptions {
  sink?: LogSink;
  fields?: LogFields;
  secrets?: SecretRegistry;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const sink = options.sink ?? consoleSink;
  const { secrets } = options;
  const base = options.fields ?? {};
  const write = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    // Level and message go last so that a field of the same name cannot overwrite them. Without a registry of its
    // own, a logger masks the secrets of the invocation it writes in (looked up per line: one logger serves many).
    const record = redact({ ...base, ...fields, level, message }, secrets ?? currentSecrets());
    sink(level, JSON.stringify(record));
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) =>
      createLogger({ sink, ...(secrets === undefined ? {} : { secrets }), fields: { ...base, ...fields } }),
  };
}

/** The app's logger: console output, masking the secrets of the invocation it writes in. */
export const logger: Logger = createLogger();
