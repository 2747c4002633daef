// Plans a create or edit: checks `fields` and `update` against the issue type's screen and collects every error
// first, as Jira answers one 400 with all of them.
import { z } from 'zod';
import { ContractError, fieldErrors } from '../http/errors';
import type { Json } from '../state/json';
import type { ChangeItem, Project } from '../state/types';
import type { JiraCore } from './core';
import { isEmptyValue } from './fields/parsers';
import { screenFields, type ScreenEntry } from './field-catalog';

export interface FieldInput {
  fields: Record<string, unknown>;
  update: Record<string, unknown[]>;
}

export interface PlannedUpdate {
  /** the new value of every field the request touched */
  values: Map<string, Json>;
  changes: ChangeItem[];
}

const Operation = z.union([
  z.object({ set: z.unknown() }).strict(),
  z.object({ add: z.unknown() }).strict(),
  z.object({ remove: z.unknown() }).strict(),
  z.object({ edit: z.unknown() }).strict(),
  z.object({ copy: z.unknown() }).strict(),
]);

const notOnScreen = (fieldId: string): string =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

const requiredMessage = (entry: ScreenEntry): string =>
  entry.definition.id === 'summary'
    ? 'You must specify a summary of the issue.'
    : `${entry.definition.name} is required.`;

/**
 * Validates `fields` and `update` against the screen of the issue type and computes the new values, collecting
 * every error first like Jira does (one 400 with `errors: {field: message}`).
 */
export function planFieldUpdate(
  core: JiraCore,
  project: Project,
  issueTypeId: string,
  current: Map<string, Json>,
  input: FieldInput,
  mode: 'create' | 'edit',
): PlannedUpdate {
  const screen = screenFields(core, project, issueTypeId);
  const errors: Record<string, string> = {};
  const violations: string[] = [];
  const next = new Map<string, Json>();
  const context = { core, project };

  for (const [fieldId, raw] of Object.entries(input.fields)) {
    const entry = screen.find((candidate) => candidate.definition.id === fieldId);
    if (!entry?.definition.writer) {
      errors[fieldId] = notOnScreen(fieldId);
      continue;
    }
    if (fieldId in input.update) {
      errors[fieldId] = `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`;
      continue;
    }
    const parsed = entry.definition.writer.parse(raw, context);
    if (parsed.ok) next.set(fieldId, parsed.value);
    else {
      errors[fieldId] = parsed.message;
      violations.push(...(parsed.contract ?? []).map((message) => `fields.${fieldId}: ${message}`));
    }
  }

  for (const [fieldId, operations] of Object.entries(input.update)) {
    const entry = screen.find((candidate) => candidate.definition.id === fieldId);
    const writer = entry?.definition.writer;
    if (!writer) {
      errors[fieldId] = notOnScreen(fieldId);
      continue;
    }
    let value: Json = next.get(fieldId) ?? current.get(fieldId) ?? null;
    for (const raw of operations) {
      const operation = Operation.safeParse(raw);
      if (!operation.success) {
        errors[fieldId] = `Each operation on '${fieldId}' must have exactly one of set, add, remove.`;
        break;
      }
      const op = operation.data;
      const parsed =
        'set' in op
          ? writer.parse(op.set, context)
          : 'add' in op && writer.item
            ? writer.item(op.add, context)
            : 'remove' in op && writer.item
              ? writer.item(op.remove, context)
              : {
                  ok: false as const,
                  message: `Operation '${Object.keys(op).join()}' is not supported for field '${fieldId}'.`,
                };
      if (!parsed.ok) {
        errors[fieldId] = parsed.message;
        violations.push(...(parsed.contract ?? []).map((message) => `update.${fieldId}: ${message}`));
        break;
      }
      if ('set' in op) value = parsed.value;
      else {
        const items = Array.isArray(value) ? value : [];
        const without = items.filter((item) => item !== parsed.value);
        value = 'add' in op ? [...without, parsed.value] : without;
        if (fieldId === 'labels') value = [...value].sort();
      }
    }
    if (!(fieldId in errors)) next.set(fieldId, value);
  }

  for (const entry of screen) {
    if (!entry.required) continue;
    const id = entry.definition.id;
    const touched = next.has(id);
    const value = touched ? next.get(id) : current.get(id);
    if ((mode === 'create' || touched) && isEmptyValue(value) && !(id in errors))
      errors[id] = requiredMessage(entry);
  }

  if (violations.length > 0) throw new ContractError(violations, [], errors);
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);

  const changes: ChangeItem[] = [];
  for (const [fieldId, value] of next) {
    const writer = screen.find((entry) => entry.definition.id === fieldId)?.definition.writer;
    if (writer) changes.push(...writer.changes(current.get(fieldId), value, core, project));
  }
  return { values: next, changes };
}
