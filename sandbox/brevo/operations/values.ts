// How Brevo stores attribute values written through contacts and events: only attributes the account defines, and
// only values of the attribute's type; anything else is silently ignored, as Brevo does
// (https://developers.brevo.com/reference/create-contact: "attributes … must already exist"; values of the wrong type
// are dropped without an error).
import type { AttributeRecord, AttributeValue, ContactRecord } from '../model';
import type { BrevoState } from '../state';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dateValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (DAY.test(value)) return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** The value as the attribute keeps it, or undefined when Brevo would ignore it. */
export function attributeValue(attribute: AttributeRecord, value: unknown): AttributeValue | undefined {
  switch (attribute.type) {
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' || value === 'false' ? value === 'true' : undefined;
    case 'date':
      return dateValue(value);
    case 'id':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))
        ? String(value)
        : undefined;
    case 'category': {
      const option = attribute.enumeration.find((entry) => entry.value === value || entry.label === value);
      return option?.value;
    }
  }
}

export interface AttributeWrite {
  /** names written, upper case */
  applied: string[];
  /** names Brevo drops: unknown attribute or a value of another type */
  ignored: string[];
}

/** Writes attribute values onto a contact (in place); EMAIL and other identifiers are the caller's business. */
export function writeAttributes(
  state: BrevoState,
  contact: ContactRecord,
  values: Readonly<Record<string, unknown>>,
): AttributeWrite {
  const write: AttributeWrite = { applied: [], ignored: [] };
  for (const [rawName, raw] of Object.entries(values)) {
    const name = rawName.toUpperCase();
    const attribute = state.attribute(contact.accountId, name);
    const value =
      attribute && attribute.category !== 'calculated' && attribute.category !== 'global'
        ? attributeValue(attribute, raw)
        : undefined;
    if (value === undefined) {
      write.ignored.push(name);
      continue;
    }
    contact.attributes[name] = value;
    write.applied.push(name);
  }
  return write;
}
