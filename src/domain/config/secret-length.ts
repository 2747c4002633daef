// The rules of a secret the admin pastes (a TeamSupport API token, a Brevo API key), each said with where to copy it
// from. The shortest one the app stores is 8 characters (issue 20): real ones are far longer (a TeamSupport token is a
// GUID, a Brevo key about 90 characters), and a shorter secret could not be told from the words of a log line, so the
// logger could mask it only by garbling ordinary text (src/lib/logger.ts masks whole tokens).
import { z } from 'zod';

export const MIN_SECRET_LENGTH = 8;
const SECRET_MAX_LENGTH = 200;

/** How the messages name the secret: `API token`, `the token`, `token`, and where the admin copies it from. */
export interface SecretWords {
  label: string;
  /** what to paste: `the token`, `a key` */
  paste: string;
  noun: string;
  source: string;
}

/** Write-only: it goes to the secret store and is never part of a stored or returned instance or account. */
export function secretSchema(words: SecretWords) {
  const { label, paste, noun, source } = words;
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, {
      error: `${label} is empty: paste ${paste} from ${source}, or leave the field out to keep the stored one.`,
      abort: true,
    })
    .min(
      MIN_SECRET_LENGTH,
      `${label} is too short (under ${MIN_SECRET_LENGTH} characters): copy the whole ${noun} from ${source}.`,
    )
    .max(
      SECRET_MAX_LENGTH,
      `${label} is too long (over ${SECRET_MAX_LENGTH} characters): copy it again from ${source}.`,
    );
}
