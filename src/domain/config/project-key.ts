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
