// Jira's 32,767-character limit on multi-line text values and the 400 it answers, for comments, descriptions and
// paragraph custom fields.
import type { Json } from '../state/json';

// Jira Cloud caps every multi-line text value (comment bodies, the description, paragraph custom fields) at 32,767
// characters and answers a longer one with a 400 naming the field:
//   {"errorMessages":[],"errors":{"comment":"The entered text is too long. It exceeds the allowed limit of 32,767 characters."}}
// (the wording Jira Cloud answers, quoted in https://github.com/mozilla/jira-bugzilla-integration/pull/1134; the
// `errors.comment` key for a comment in https://github.com/jenkinsci/jira-plugin/issues/667, and `errors.description`
// for a description in https://github.com/HASecuritySolutions/VulnWhisperer/issues/151).
//
// What is counted: Jira stores a v3 rich-text value as its ADF JSON, and the limit applies to the stored text. The
// emulator therefore counts the UTF-16 code units (Java's and JavaScript's string length) of the value serialised with
// JSON.stringify. That is the strictest reading: the plain text of a document is always shorter than its JSON, so a
// body this emulator accepts is also accepted under a plain-text count. See sandbox/jira/README.md.

export const TEXT_FIELD_LIMIT = 32_767;

export const TEXT_TOO_LONG =
  'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';

/** The length Jira's text-field limit is compared with: the serialised value, in UTF-16 code units. */
export function storedTextLength(value: Json): number {
  return typeof value === 'string' ? value.length : JSON.stringify(value).length;
}

export function exceedsTextLimit(value: Json): boolean {
  return storedTextLength(value) > TEXT_FIELD_LIMIT;
}
