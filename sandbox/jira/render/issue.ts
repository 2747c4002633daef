// Renders a stored issue as Jira's issue bean, honouring the `fields`, `properties` and `expand` parameters, and its
// changelog groups.
import type { JiraCore } from '../service/core';
import { fieldCatalog, type FieldDefinition } from '../service/field-catalog';
import { formatJiraDate } from '../state/clock';
import type { JsonObject } from '../state/json';
import type { ChangeGroup, ChangeItem, Issue } from '../state/types';
import { renderUserDetails } from './entities';

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export interface IssueRenderOptions {
  /** tokens of the `fields` parameter, already split on commas */
  fields: string[];
  /** what an absent `fields` means: GET issue returns `*all`, search/jql only `id` */
  defaultFields: '*all' | '*navigable' | 'id';
  expand: Set<string>;
  /** tokens of the `properties` parameter; absent means no `properties` key */
  properties?: string[];
}

/** Splits repeated and comma-separated parameter values (`fields=a,b&fields=c`). */
export function splitTokens(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((token) => token.trim())
    .filter((t) => t !== '');
}

function selectFields(catalog: FieldDefinition[], tokens: string[]): FieldDefinition[] {
  const included = new Set<string>();
  const excluded = new Set<string>();
  for (const token of tokens) {
    if (token === '*all') catalog.forEach((field) => included.add(field.id));
    else if (token === '*navigable')
      catalog.filter((f) => f.navigable).forEach((field) => included.add(field.id));
    else if (token.startsWith('-')) excluded.add(token.slice(1));
    else included.add(token);
  }
  return catalog.filter((field) => included.has(field.id) && !excluded.has(field.id));
}

/** Jira's ChangeDetails has no nullable members in the spec, so absent values are left out instead of null. */
function renderChangeItem(item: ChangeItem): JsonObject {
  return {
    field: item.field,
    fieldtype: item.fieldtype,
    ...(item.fieldId !== undefined ? { fieldId: item.fieldId } : {}),
    ...(item.from !== null ? { from: item.from } : {}),
    ...(item.fromString !== null ? { fromString: item.fromString } : {}),
    ...(item.to !== null ? { to: item.to } : {}),
    ...(item.toString !== null ? { toString: item.toString } : {}),
  };
}

export function renderChangeGroup(core: JiraCore, group: ChangeGroup): JsonObject {
  const author = core.store.users.get(group.authorId);
  return {
    id: group.id,
    ...(author ? { author: renderUserDetails(core, author) } : {}),
    created: formatJiraDate(group.created),
    items: group.items.map(renderChangeItem),
  };
}

function selectProperties(issue: Issue, tokens: string[]): JsonObject {
  const keys = new Set<string>();
  for (const token of tokens) {
    if (token === '*all') [...issue.properties.keys()].forEach((key) => keys.add(key));
    else if (token.startsWith('-')) keys.delete(token.slice(1));
    else keys.add(token);
  }
  const out: JsonObject = {};
  for (const key of keys) {
    const value = issue.properties.get(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function renderIssue(core: JiraCore, issue: Issue, options: IssueRenderOptions): JsonObject {
  const tokens = options.fields.length > 0 ? options.fields : [options.defaultFields];
  // search/jql answers `{id}` alone when only ids were asked for (its default).
  const idsOnly = options.defaultFields === 'id' && tokens.every((token) => token === 'id');
  if (idsOnly && options.expand.size === 0 && !options.properties) return { id: issue.id };
  const selected = selectFields(fieldCatalog(core), tokens);
  const fields: JsonObject = {};
  for (const field of selected) fields[field.id] = field.render(issue, core);
  const bean: JsonObject = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${core.baseUrl()}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (options.expand.has('names')) bean.names = Object.fromEntries(selected.map((f) => [f.id, f.name]));
  if (options.expand.has('schema')) bean.schema = Object.fromEntries(selected.map((f) => [f.id, f.schema]));
  bean.fields = fields;
  if (options.properties) bean.properties = selectProperties(issue, options.properties);
  if (options.expand.has('changelog')) {
    // Newest first, as documented for expand=changelog.
    const histories = [...issue.changelog].reverse().map((group) => renderChangeGroup(core, group));
    bean.changelog = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
  }
  return bean;
}
