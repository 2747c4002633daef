// The mapping tables of an instance (fields, ticket types, statuses, projects): row limits, required cells and
// duplicate checks, so no two rows can fight over the same value.
import { z } from 'zod';
import { forEachDuplicate, nameKey } from './duplicates';
import { ProjectKeySchema } from './project-key';
import { optionalText, requiredText } from './text';

const MAX_ROWS = 200;
const MAX_CELL = 255;

function cell(label: string) {
  return requiredText({ label, max: MAX_CELL, blank: `Enter the ${label}, or remove this row.` });
}

function rows<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string) {
  return z
    .array(z.strictObject(shape), { error: `Send ${what} as a list of rows.` })
    .max(MAX_ROWS, `Too many ${what}: keep at most ${MAX_ROWS} rows.`);
}

/** Blank cells are already reported as blank; counting them as duplicates too would only add noise. */
function filledKey(name: string): string | undefined {
  return name === '' ? undefined : nameKey(name);
}

/** Marks the later of two rows that share `keyOf`, on `column`, so the admin sees which row to edit or remove. */
function rejectDuplicateRows<Row>(
  list: readonly Row[],
  ctx: z.RefinementCtx,
  column: keyof Row & string,
  keyOf: (row: Row) => string | undefined,
  message: (row: Row) => string,
): void {
  forEachDuplicate(list, keyOf, (index) => {
    const row = list[index];
    if (row !== undefined) ctx.addIssue({ code: 'custom', path: [index, column], message: message(row) });
  });
}

/**
 * Field updates flow both ways (ticket → new issue, issue updates → ticket), so a field on either side may appear
 * in one row only; otherwise two rows would fight over the same value.
 */
export const FieldMappingsSchema = rows(
  { jiraField: cell('Jira field'), ticketField: cell('TeamSupport field') },
  'field mappings',
)
  .superRefine((list, ctx) => {
    rejectDuplicateRows(
      list,
      ctx,
      'jiraField',
      (row) => filledKey(row.jiraField),
      (row) =>
        `Jira field "${row.jiraField}" is mapped twice: map each Jira field once (edit or remove this row).`,
    );
    rejectDuplicateRows(
      list,
      ctx,
      'ticketField',
      (row) => filledKey(row.ticketField),
      (row) =>
        `TeamSupport field "${row.ticketField}" is mapped twice: map each TeamSupport field once (edit or remove this row).`,
    );
  })
  .default([]);

/** Several ticket types may share an issue type, but each ticket type needs exactly one issue type to create. */
export const TypeMappingsSchema = rows(
  { ticketType: cell('ticket type'), issueType: cell('Jira issue type') },
  'type mappings',
)
  .superRefine((list, ctx) => {
    rejectDuplicateRows(
      list,
      ctx,
      'ticketType',
      (row) => filledKey(row.ticketType),
      (row) =>
        `Ticket type "${row.ticketType}" is mapped twice: map each ticket type to one issue type (edit or remove this row).`,
    );
  })
  .default([]);

/** Several Jira statuses may land on one ticket status (Done, Closed → Closed), but each Jira status needs one target. */
export const StatusMappingsSchema = rows(
  { jiraStatus: cell('Jira status'), ticketStatus: cell('TeamSupport status') },
  'status mappings',
)
  .superRefine((list, ctx) => {
    rejectDuplicateRows(
      list,
      ctx,
      'jiraStatus',
      (row) => filledKey(row.jiraStatus),
      (row) =>
        `Jira status "${row.jiraStatus}" is mapped twice: map each Jira status to one ticket status (edit or remove this row).`,
    );
  })
  .default([]);

/** A row without a version applies to every version of the product; a row with one applies to that version only. */
export const ProjectMappingsSchema = rows(
  {
    product: cell('product'),
    version: optionalText(
      requiredText({
        label: 'Version',
        max: MAX_CELL,
        blank: 'Enter a version, or leave it empty for all versions.',
      }),
      'Version',
    ),
    projectKey: ProjectKeySchema,
  },
  'project mappings',
)
  .superRefine((list, ctx) => {
    rejectDuplicateRows(
      list,
      ctx,
      'product',
      (row) =>
        row.product === '' ? undefined : JSON.stringify([nameKey(row.product), nameKey(row.version ?? '')]),
      (row) =>
        `Product "${row.product}"${row.version === undefined ? ' (all versions)' : ` version "${row.version}"`} is ` +
        'mapped twice: give each product and version one project key (edit or remove this row).',
    );
  })
  .default([]);
