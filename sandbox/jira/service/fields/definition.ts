// What a field of the emulated Jira is (how it is read, written through create/edit, and written to the changelog),
// and helpers for describing values.
import type { Json, JsonObject } from '../../state/json';
import type { ChangeItem, Issue, Project } from '../../state/types';
import { adfToText } from '../adf-text';
import type { JiraCore } from '../core';
import type { Parser } from './parsers';

/** How a field can be written through create/edit: `set` always; `add`/`remove` for multi-value fields. */
export interface FieldWriter {
  parse: Parser;
  item?: Parser;
  /** one changelog entry per change, in Jira's shape */
  changes(before: Json | undefined, after: Json, core: JiraCore, project: Project): ChangeItem[];
}

export interface FieldDefinition {
  id: string;
  name: string;
  custom: boolean;
  schema: JsonObject;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  writer?: FieldWriter;
  render(issue: Issue, core: JiraCore): Json;
  allowedValues?(core: JiraCore, project: Project): Json[];
  autoCompleteUrl?(core: JiraCore): string;
}

export interface Described {
  id: string | null;
  text: string | null;
}

/** A single-item change: `from`/`to` carry ids where the field has them, `fromString`/`toString` the names. */
export function singleChange(
  field: string,
  fieldId: string,
  custom: boolean,
  describe: (value: Json | undefined) => Described,
): FieldWriter['changes'] {
  return (before, after) => {
    const from = describe(before);
    const to = describe(after);
    if (from.id === to.id && from.text === to.text) return [];
    return [
      {
        field,
        fieldId,
        fieldtype: custom ? 'custom' : 'jira',
        from: from.id,
        fromString: from.text,
        to: to.id,
        toString: to.text,
      },
    ];
  };
}

export const asText = (value: Json | undefined): Described => ({
  id: null,
  text:
    value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value),
});
export const asAdfText = (value: Json | undefined): Described => ({ id: null, text: adfToText(value) });
export const asStringArray = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
export const asId = (value: Json | undefined): string | null => (typeof value === 'string' ? value : null);
