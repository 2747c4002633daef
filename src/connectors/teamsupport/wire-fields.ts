// Field schemas for TeamSupport's all-string JSON (docs/teamsupport-api.md §3): ids and numbers arrive as "745895",
// booleans as "True"/"False", dates in the organization's format, and any value may be null. Each schema says in its
// issue what it expected, so a malformed response can be reported field by field.
import { z } from 'zod';
import { parseOrgDate } from './org-dates';
import { readWireText } from './wire-text';

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function field<T>(read: (value: unknown) => Read<T>) {
  // optional() first: an absent key reaches the reader as undefined and gets its message instead of zod's.
  return z
    .unknown()
    .optional()
    .transform((value, ctx): T => {
      const result = read(value);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    });
}

/** The text of a scalar; numbers and booleans are tolerated although the server sends strings. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const isAbsent = (value: unknown): boolean => value === null || value === undefined;

function readId(value: unknown): Read<string> {
  const text = scalarText(value)?.trim();
  if (text !== undefined && /^-?\d{1,19}$/.test(text)) return { ok: true, value: text };
  return { ok: false, message: `expected a numeric id, got ${describe(value)}` };
}

function readInt(value: unknown): Read<number> {
  const text = scalarText(value)?.trim();
  if (text !== undefined && /^-?\d{1,15}$/.test(text)) return { ok: true, value: Number(text) };
  return { ok: false, message: `expected a whole number, got ${describe(value)}` };
}

function readBool(value: unknown): Read<boolean> {
  const text = scalarText(value)?.trim().toLowerCase();
  if (text === 'true') return { ok: true, value: true };
  if (text === 'false') return { ok: true, value: false };
  return { ok: false, message: `expected "True" or "False", got ${describe(value)}` };
}

function nullable<T>(read: (value: unknown) => Read<T>): (value: unknown) => Read<T | null> {
  return (value) =>
    isAbsent(value) || scalarText(value)?.trim() === '' ? { ok: true, value: null } : read(value);
}

/** Text or null, unescaped when the server escaped it (see wire-text.ts). */
export const wireText = field((value): Read<string | null> => {
  if (isAbsent(value)) return { ok: true, value: null };
  const text = scalarText(value);
  return text === undefined
    ? { ok: false, message: `expected text, got ${describe(value)}` }
    : { ok: true, value: readWireText(text) };
});

export const wireId = field(readId);
export const wireOptionalId = field(nullable(readId));
export const wireInt = field(readInt);
export const wireOptionalInt = field(nullable(readInt));
export const wireBool = field(readBool);
export const wireOptionalBool = field(nullable(readBool));

function dateReader(timeZone: string): (value: unknown) => Read<Date> {
  return (value) => {
    const text = scalarText(value);
    const date = text === undefined ? null : parseOrgDate(text, timeZone);
    return date
      ? { ok: true, value: date }
      : {
          ok: false,
          message: `expected a date in the organization's format such as "7/30/2015 1:23 PM", got ${describe(value)}`,
        };
  };
}

/** A date in the organization's culture and time zone, as the UTC instant. */
export function wireDate(timeZone: string) {
  return field(dateReader(timeZone));
}

export function wireOptionalDate(timeZone: string) {
  return field(nullable(dateReader(timeZone)));
}

/** A custom-field value: scalar text or null; anything else is not a custom field value and is skipped. */
export function customFieldValue(value: unknown): string | null | undefined {
  if (value === null) return null;
  const text = scalarText(value);
  return text === undefined ? undefined : readWireText(text);
}
