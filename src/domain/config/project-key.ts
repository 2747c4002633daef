// The Jira project-key rule shared by the default project, the project mappings and the extra projects, so a project
// name typed in place of a key is caught on save rather than when an issue is created.
import { z } from 'zod';

/** Jira's default key rule: a capital letter, then 1–9 capitals, digits or underscores. */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{1,9}$/;

export const ProjectKeySchema = z
  .string({ error: 'Enter a Jira project key, e.g. SUP.' })
  .trim()
  .regex(PROJECT_KEY_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a Jira project key: use 2–10 characters (uppercase letters A–Z, digits or _), ` +
      'starting with a letter, e.g. SUP. Use the key, not the project name.',
  });

export const EXTRA_PROJECT_KEYS_MAX = 100;

/**
 * More Jira projects whose issues a ticket's correlation field may link, besides the mapped and default projects
 * (README.md, "Configuration reference"). Keys are upper-cased (Jira keys are upper case; people type `ops`) and each
 * is kept once, so the stored list is what src/domain/linkable-project.ts compares against.
 */
export const ExtraProjectKeysSchema = z
  .array(z.string({ error: 'Enter a Jira project key, e.g. SUP.' }).toUpperCase().pipe(ProjectKeySchema), {
    error: 'Send the extra projects as a list of Jira project keys.',
  })
  .max(
    EXTRA_PROJECT_KEYS_MAX,
    `Too many extra projects: list at most ${EXTRA_PROJECT_KEYS_MAX} project keys.`,
  )
  .transform((keys) => [...new Set(keys)])
  .default([]);
