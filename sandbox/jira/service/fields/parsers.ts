// Parsers for field values in create/edit requests (text, numbers, ADF, labels, priority, versions, users, select
// options), answering with Jira's messages.
import { z } from 'zod';
import { adfErrors } from '../../contract/adf';
import { JsonSchema, type Json } from '../../state/json';
import type { CustomField, Project } from '../../state/types';
import { can, type JiraCore } from '../core';
import { exceedsTextLimit, TEXT_TOO_LONG } from '../text-limit';

/** `contract` marks input that breaks the published contract (not ADF), which is also a recorded violation. */
export type ParseResult = { ok: true; value: Json } | { ok: false; message: string; contract?: string[] };

export interface FieldContext {
  core: JiraCore;
  project: Project;
}

export type Parser = (raw: unknown, context: FieldContext) => ParseResult;

const ok = (value: Json): ParseResult => ({ ok: true, value });
const fail = (message: string): ParseResult => ({ ok: false, message });

const IdRef = z.object({ id: z.union([z.string(), z.number()]).transform(String) });
const NameRef = z.object({ name: z.string() });
const ValueRef = z.object({ value: z.string() });
const AccountRef = z.object({ accountId: z.string().nullable() });

export const MAX_TEXT_LENGTH = 255;

export function textParser(label: string): Parser {
  return (raw) => {
    if (raw === null) return ok(null);
    if (typeof raw !== 'string') return fail(`Operation value must be a string`);
    if (raw.length > MAX_TEXT_LENGTH)
      return fail(`${label} must be less than ${MAX_TEXT_LENGTH} characters.`);
    return ok(raw);
  };
}

export const numberParser: Parser = (raw) => {
  if (raw === null) return ok(null);
  return typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : fail('Operation value must be a number');
};

/**
 * Jira v3 takes rich text only as ADF; a v2-style string is refused with this message. A document longer than Jira's
 * text limit (description, paragraph custom fields) is refused as Jira does (text-limit.ts).
 */
export const adfParser: Parser = (raw) => {
  if (raw === null) return ok(null);
  const message = 'Operation value must be an Atlassian Document';
  const parsed = JsonSchema.safeParse(raw);
  if (!parsed.success || typeof raw !== 'object')
    return { ok: false, message, contract: [`${message} (got ${typeof raw})`] };
  const errors = adfErrors(parsed.data);
  if (errors.length > 0) return { ok: false, message, contract: errors };
  return exceedsTextLimit(parsed.data) ? fail(TEXT_TOO_LONG) : ok(parsed.data);
};

export const labelParser: Parser = (raw) => {
  if (typeof raw !== 'string') return fail('Operation value must be a string');
  if (raw.trim() === '') return fail('The label cannot be empty.');
  if (/\s/.test(raw)) return fail(`The label '${raw}' contains spaces which is invalid.`);
  if (raw.length > MAX_TEXT_LENGTH) return fail(`The label '${raw}' exceeds ${MAX_TEXT_LENGTH} characters.`);
  return ok(raw);
};

export const labelsParser: Parser = (raw, context) => {
  if (raw === null) return ok([]);
  if (!Array.isArray(raw)) return fail('Operation value must be an array of labels');
  const labels = new Set<string>();
  for (const item of raw) {
    const parsed = labelParser(item, context);
    if (!parsed.ok) return parsed;
    if (typeof parsed.value === 'string') labels.add(parsed.value);
  }
  return ok([...labels].sort());
};

export const priorityParser: Parser = (raw, { core }) => {
  const byId = IdRef.safeParse(raw);
  if (byId.success) {
    return core.store.priorities.has(byId.data.id)
      ? ok(byId.data.id)
      : fail(`Priority with id '${byId.data.id}' does not exist.`);
  }
  const byName = NameRef.safeParse(raw);
  if (byName.success) {
    const found = [...core.store.priorities.values()].find((p) => p.name === byName.data.name);
    return found ? ok(found.id) : fail(`Priority name '${byName.data.name}' is not valid`);
  }
  return fail('Specify the Priority (id or name) in the format {"id": "3"}');
};

export const versionParser: Parser = (raw, { project }) => {
  const byId = IdRef.safeParse(raw);
  if (byId.success) {
    return project.versions.some((v) => v.id === byId.data.id)
      ? ok(byId.data.id)
      : fail(`Version id '${byId.data.id}' is not valid`);
  }
  const byName = NameRef.safeParse(raw);
  if (byName.success) {
    const found = project.versions.find((v) => v.name === byName.data.name);
    return found ? ok(found.id) : fail(`Version name '${byName.data.name}' is not valid`);
  }
  return fail('Specify a version (id or name)');
};

export const versionsParser: Parser = (raw, context) => {
  if (raw === null) return ok([]);
  if (!Array.isArray(raw)) return fail('Operation value must be an array of versions');
  const ids: string[] = [];
  for (const item of raw) {
    const parsed = versionParser(item, context);
    if (!parsed.ok) return parsed;
    if (typeof parsed.value === 'string' && !ids.includes(parsed.value)) ids.push(parsed.value);
  }
  return ok(ids);
};

export function userParser(role: 'assignee' | 'reporter'): Parser {
  return (raw, { core, project }) => {
    if (raw === null) return role === 'assignee' ? ok(null) : fail('Reporter is required.');
    const ref = AccountRef.safeParse(raw);
    if (!ref.success) return fail(`Specify the ${role} by accountId, e.g. {"accountId": "..."}`);
    const accountId = ref.data.accountId;
    if (accountId === null) return role === 'assignee' ? ok(null) : fail('Reporter is required.');
    const user = core.store.users.get(accountId);
    if (!user || !user.active) return fail(`The user with account id '${accountId}' does not exist.`);
    if (role === 'assignee' && !can(core, { accountId, isApp: false }, 'ASSIGNABLE_USER', project.id)) {
      return fail(`User '${user.displayName}' cannot be assigned issues.`);
    }
    return ok(accountId);
  };
}

export function optionParser(field: CustomField): Parser {
  return (raw) => {
    if (raw === null) return ok(null);
    const byId = IdRef.safeParse(raw);
    if (byId.success) {
      return field.options.some((o) => o.id === byId.data.id)
        ? ok(byId.data.id)
        : fail(`Option id '${byId.data.id}' is not valid`);
    }
    const byValue = ValueRef.safeParse(raw);
    if (byValue.success) {
      const found = field.options.find((o) => o.value === byValue.data.value);
      return found ? ok(found.id) : fail(`Option value '${byValue.data.value}' is not valid`);
    }
    return fail(`Specify a valid 'id' or 'value' for ${field.name}`);
  };
}

export function isEmptyValue(value: Json | undefined): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
