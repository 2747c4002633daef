// Turns a Jira field value (REST JSON of the issue) into the text a ticket field takes, by the field's schema type:
// text as is, numbers as decimals, options and named objects by name, users by display name, dates as yyyy-MM-dd,
// date-times as yyyy-MM-dd HH:mm:ss UTC (the form TeamSupport parses unambiguously, docs/teamsupport-api.md §11).
import { adfToPlainText } from './content';
import type { JiraField } from './jira';

function named(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of ['value', 'displayName', 'name', 'key']) {
    const candidate: unknown = Reflect.get(value, key);
    if (typeof candidate === 'string') return candidate;
  }
  return undefined;
}

function isAdfDoc(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Reflect.get(value, 'type') === 'doc';
}

function scalar(type: string | null, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') {
    if (type === 'datetime') {
      const time = Date.parse(value);
      return Number.isNaN(time) ? value : new Date(time).toISOString().replace('T', ' ').slice(0, 19);
    }
    return value;
  }
  if (isAdfDoc(value)) return adfToPlainText(value).trim();
  return named(value) ?? null;
}

export function ticketFieldValue(
  field: Pick<JiraField, 'type' | 'itemsType'>,
  value: unknown,
): string | null {
  if (Array.isArray(value)) {
    const items = value
      .map((item) => scalar(field.itemsType, item))
      .filter((item): item is string => item !== null);
    return items.length === 0 ? null : items.join(', ');
  }
  return scalar(field.type, value);
}
