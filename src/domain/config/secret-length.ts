// The shortest API token or API key the app stores (issue 20). Real ones are far longer (a TeamSupport token is a
// GUID, a Brevo key about 90 characters); a shorter secret could not be told from the words of a log line, so the
// logger could mask it only by garbling ordinary text (src/lib/logger.ts masks whole tokens).
export const MIN_SECRET_LENGTH = 8;
