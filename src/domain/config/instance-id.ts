// The rule for instance ids, which become parts of storage keys and so must stay free of separators.
import { z } from 'zod';

/**
 * Instance ids end up inside storage keys such as `secret:instance:<id>` and `<id>:action:<actionId>`, so they
 * must not contain the `:` separator (or anything else that would need escaping).
 */
export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const InstanceIdSchema = z
  .string({ error: 'Instance id must be text.' })
  .regex(
    INSTANCE_ID_PATTERN,
    "Instance id must be 1–64 letters, digits, '-' or '_'; leave it out to create an instance.",
  );
