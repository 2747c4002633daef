// Request bodies as the server reads them: the JSON is converted to XML, so the body must have exactly one root
// property (the wrapper, e.g. "Ticket"), every value becomes text, and field names are matched case-insensitively.
import { z } from 'zod';
import { parseBodyDate, type Culture } from '../dates';
import { failures } from '../api/failures';

export type BodyValue =
  | { readonly kind: 'text'; readonly text: string }
  /** null, "" or whitespace: the server clears the field */
  | { readonly kind: 'empty' }
  /** an object or array, e.g. Tags */
  | { readonly kind: 'structured'; readonly value: unknown };

export class RequestFields {
  constructor(private readonly byLowerName: ReadonlyMap<string, BodyValue>) {}

  get(name: string): BodyValue | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byLowerName.has(name.toLowerCase());
  }

  /** lower-cased field names, in body order */
  names(): string[] {
    return [...this.byLowerName.keys()];
  }
}

const jsonObject = z.record(z.string(), z.unknown());

function toBodyValue(value: unknown): BodyValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  // Newtonsoft writes JSON numbers and booleans into the XML as their text ("5", "true").
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  return { kind: 'structured', value };
}

export function fieldsOf(object: Readonly<Record<string, unknown>>): RequestFields {
  const byLowerName = new Map<string, BodyValue>();
  for (const [key, value] of Object.entries(object)) {
    const lower = key.toLowerCase();
    if (!byLowerName.has(lower)) byLowerName.set(lower, toBodyValue(value));
  }
  return new RequestFields(byLowerName);
}

/**
 * Parse `{"<wrapper>": {...}}`. Flat bodies fail the way the server's JSON → XML → DataSet step fails (500).
 * A single root object with another name is refused too (the contract requires the wrapper; see the report).
 */
export function parseWrappedBody(raw: string, wrapper: string): RequestFields {
  if (raw.trim() === '') throw failures.internal('Root element is missing.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw failures.internal(error instanceof Error ? error.message : 'Invalid JSON.');
  }
  const root = jsonObject.safeParse(parsed);
  if (!root.success || Array.isArray(parsed)) {
    throw failures.internal('Cannot convert the request body to XML: the root must be a JSON object.');
  }
  const entries = Object.entries(root.data);
  if (entries.length > 1) {
    throw failures.internal(
      'JSON root object has multiple properties. The root object must have a single property in order to create ' +
        'a valid XML document. Consider specifying a DeserializeRootElementName.',
    );
  }
  const [entry] = entries;
  if (entry === undefined) throw failures.internal('Root element is missing.');
  const [key, inner] = entry;
  const innerObject = jsonObject.safeParse(inner);
  if (!innerObject.success || Array.isArray(inner)) throw failures.internal('Cannot find table 0.');
  if (key.toLowerCase() !== wrapper.toLowerCase()) {
    throw failures.internal(`Expected the root element "${wrapper}" but found "${key}".`);
  }
  return fieldsOf(innerObject.data);
}

// Value parsers with the .NET messages the server puts into its 500 bodies.

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function parseInt32(text: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw failures.internal('Input string was not in a correct format.');
  const value = Number(text.trim());
  if (value < INT32_MIN || value > INT32_MAX) {
    throw failures.internal('Value was either too large or too small for an Int32.');
  }
  return value;
}

/** bool.Parse: "true"/"false" in any case, surrounding whitespace allowed; "1", "yes" fail. */
export function parseBoolean(text: string): boolean {
  const normalised = text.trim().toLowerCase();
  if (normalised === 'true') return true;
  if (normalised === 'false') return false;
  throw failures.internal('String was not recognized as a valid Boolean.');
}

export function parseDateText(text: string, culture: Culture): Date {
  const date = parseBodyDate(text, culture);
  if (!date) throw failures.internal('String was not recognized as a valid DateTime.');
  return date;
}
