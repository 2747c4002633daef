// Text-field building blocks for the settings schemas (trimmed, length-limited, blank = "not set" where optional), so
// every form field behaves the same.
import { z } from 'zod';

/** Trimmed text that must not be blank. `blank` is the whole message shown when it is missing or blank. */
export function requiredText(options: { blank: string; max: number; label: string }) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? options.blank : `${options.label} must be text.`),
    })
    .trim()
    .min(1, options.blank)
    .max(options.max, `${options.label} is too long: use at most ${options.max} characters.`);
}

/**
 * An optional text field whose blank value means "not set".
 * Admin forms send '' for a text box left empty; treating that as absent spares the page from cleaning every field,
 * while a value that is present must still pass `schema`.
 */
export function optionalText<Out>(schema: z.ZodType<Out, string>, label: string) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(schema.optional())
    .optional();
}
