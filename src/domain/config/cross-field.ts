// Lets object-level settings rules run even when unrelated fields failed, so the admin page reports every problem in
// one round.
import type { z } from 'zod';

/**
 * By default zod skips an object-level rule once any field failed hard (wrong type, unusable URL), so an admin
 * would fix one batch of errors only to meet the next. These params run a rule as soon as the fields it reads
 * parsed cleanly, whatever happened to the other fields, so every problem is reported in one round. The rule is
 * still skipped when the value itself is unusable (not an object, unknown kind), since its fields cannot be trusted.
 */
export function whenParsed(fields: readonly string[]): z.core.$ZodSuperRefineParams {
  return {
    when: (payload) =>
      payload.aborted !== true &&
      payload.issues.every((issue) => {
        const first = issue.path?.[0];
        if (first === undefined) return issue.code === 'unrecognized_keys';
        return typeof first !== 'string' || (first !== 'kind' && !fields.includes(first));
      }),
  };
}
