// How the sync log names a ticket action or a Jira comment: by when and by whom, never by its id (issue 20). An admin
// reading "Action of 3 Dec 14:05 CET by Ann Agent" finds it on the ticket; "action 52395726" means nothing to anyone.
// Times are in the TeamSupport organization's time zone (the instance's `timeZone`), the clock its agents see on the
// ticket, and name that zone: the admin page shows the entry's own time in the reader's zone, which may differ.

const UTC = 'UTC';

/** "3 Dec 14:05 CET" in `timeZone` (UTC when absent or unknown). */
export function shortTime(at: Date | string, timeZone: string | undefined = UTC): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).formatToParts(date);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = format(timeZone);
  } catch {
    parts = format(UTC);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`.trim();
}

/** "of 3 Dec 14:05 CET by Ann Agent": what tells one action (or comment) from another for a person. */
export function whenAndWho(at: Date | string, author: string | null | undefined, timeZone?: string): string {
  const who = author?.trim() ? author.trim() : 'an unknown author';
  return `of ${shortTime(at, timeZone)} by ${who}`;
}

/** "Action of 3 Dec 14:05 CET by Ann Agent" */
export function actionWords(
  action: { dateCreated: Date; creatorName: string | null },
  timeZone?: string,
): string {
  return `Action ${whenAndWho(action.dateCreated, action.creatorName, timeZone)}`;
}
