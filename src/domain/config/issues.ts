// Validation problems as `{ path, message }` rows: the shape the admin page uses to point at the field to fix.
import type { z } from 'zod';

/** One validation problem, addressed the way the admin page addresses its form fields. */
export interface ConfigIssue {
  /** Dot-separated path from the validated value's root, e.g. `fieldMappings.1.jiraField`; '' for the root. */
  path: string;
  message: string;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'symbol' ? (segment.description ?? '') : String(segment)))
    .join('.');
}

/**
 * Turns a zod error into `{ path, message }` rows for the `INVALID_INPUT` envelope.
 * Zod reports all unknown properties of one object as a single issue on the object; each one is split onto its own
 * path here so that the admin page can point at the misspelt property itself.
 */
export function issuesFromZodError(error: z.ZodError): ConfigIssue[] {
  return error.issues.flatMap((issue): ConfigIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatIssuePath([...issue.path, key]),
        message: `Unknown property "${key}": remove it or correct its spelling.`,
      }));
    }
    return [{ path: formatIssuePath(issue.path), message: issue.message }];
  });
}
