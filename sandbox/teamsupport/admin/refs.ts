// Resolving admin references (id or name) to rows of one organisation.
import type { Ref } from './schemas';

/** 404 for an unknown object, 400 for an input that breaks a rule. */
export class AdminError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export function resolveRef<R extends { readonly id: number }>(
  rows: readonly R[],
  reference: Ref,
  namesOf: (row: R) => readonly string[],
  what: string,
): R {
  const found =
    typeof reference === 'number'
      ? rows.find((row) => row.id === reference)
      : rows.find((row) =>
          namesOf(row).some((name) => name.toLowerCase() === reference.trim().toLowerCase()),
        );
  if (!found) throw new AdminError(404, `Unknown ${what}: ${String(reference)}`);
  return found;
}

/** "Jira Issue Key" → "JiraIssueKey", "2nd Line Owner" → "_2ndLineOwner" (docs/teamsupport-api.md §7). */
export function apiNameOf(displayName: string): string {
  const compact = displayName.replace(/[^\p{L}\p{N}]/gu, '');
  return /^\p{N}/u.test(compact) ? `_${compact}` : compact;
}
