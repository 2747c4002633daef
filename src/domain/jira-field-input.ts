// Turns a ticket field's text into the JSON a Jira field takes on issue creation, by the field's schema type from
// create metadata. Undefined when the text cannot be expressed in that type (e.g. a user: names are not account ids).
export interface JiraFieldSchema {
  type: string | null;
  itemsType: string | null;
}

function byName(type: string | null, value: string): unknown {
  switch (type) {
    case 'string':
    case null:
      return value;
    case 'number': {
      const number = Number(value.replace(/,/g, ''));
      return value.trim() !== '' && Number.isFinite(number) ? number : undefined;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined;
    case 'datetime': {
      const time = Date.parse(value);
      return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace('Z', '+0000');
    }
    case 'option':
      return { value };
    case 'priority':
    case 'version':
    case 'component':
    case 'resolution':
      return { name: value };
    default:
      // users, groups and other references need ids that ticket text does not carry
      return undefined;
  }
}

export function jiraFieldInput(schema: JiraFieldSchema, value: string): unknown {
  if (schema.type !== 'array') return byName(schema.type, value);
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const converted = items.map((item) => byName(schema.itemsType, item));
  return converted.every((item) => item !== undefined) ? converted : undefined;
}

/** The text of a ticket field for mapping: a standard field by its domain name, else a custom field by API name. */
export function ticketFieldText(
  ticket: {
    name: string;
    product: string | null;
    reportedVersion: string | null;
    solvedVersion: string | null;
    severity: string | null;
    ticketType: string;
    status: string;
    assignee: string | null;
    customers: string[];
    customFields: Record<string, string | null>;
  },
  field: string,
): string | null {
  const standard: Record<string, string | null> = {
    name: ticket.name,
    product: ticket.product,
    reportedversion: ticket.reportedVersion,
    solvedversion: ticket.solvedVersion,
    severity: ticket.severity,
    tickettype: ticket.ticketType,
    status: ticket.status,
    assignee: ticket.assignee,
    customers: ticket.customers.length > 0 ? ticket.customers.join(', ') : null,
  };
  const key = field.trim().toLowerCase();
  if (key in standard) return standard[key] ?? null;
  const custom = Object.entries(ticket.customFields).find(([name]) => name.toLowerCase() === key);
  const value = custom?.[1]?.trim();
  return value ? value : null;
}
