// How each kind of custom field (select option, text, number, rich text) is parsed, rendered and described in the
// changelog.
import type { Json } from '../../state/json';
import type { CustomField } from '../../state/types';
import type { JiraCore } from '../core';
import { asAdfText, asId, asText, singleChange, type Described, type FieldDefinition } from './definition';
import { adfParser, numberParser, optionParser, textParser, type Parser } from './parsers';

const CUSTOM_TYPES: Record<CustomField['kind'], { type: string; custom: string }> = {
  option: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
  string: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
  number: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  adf: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' },
};

export function customFieldDefinition(field: CustomField): FieldDefinition {
  const numericId = Number(field.id.replace('customfield_', ''));
  const optionText = (value: Json | undefined): Described => {
    const id = asId(value);
    return { id, text: field.options.find((o) => o.id === id)?.value ?? null };
  };
  const parse: Parser =
    field.kind === 'option'
      ? optionParser(field)
      : field.kind === 'number'
        ? numberParser
        : field.kind === 'adf'
          ? adfParser
          : textParser(field.name);
  const describe = field.kind === 'option' ? optionText : field.kind === 'adf' ? asAdfText : asText;
  return {
    id: field.id,
    name: field.name,
    custom: true,
    schema: { ...CUSTOM_TYPES[field.kind], customId: numericId },
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${numericId}]`, field.name],
    writer: { parse, changes: singleChange(field.name, field.id, true, describe) },
    render: (issue, core) => {
      const value = issue.values.get(field.id) ?? null;
      if (field.kind !== 'option' || value === null) return value;
      const option = field.options.find((o) => o.id === value);
      return option
        ? {
            self: `${core.baseUrl()}/rest/api/3/customFieldOption/${option.id}`,
            value: option.value,
            id: option.id,
          }
        : null;
    },
    ...(field.kind === 'option'
      ? {
          allowedValues: (core: JiraCore) =>
            field.options.map((o) => ({
              self: `${core.baseUrl()}/rest/api/3/customFieldOption/${o.id}`,
              value: o.value,
              id: o.id,
            })),
        }
      : {}),
  };
}
