// Names typed by admins and names from Jira or TeamSupport match without regard to case or surrounding spaces
// ("Done" = " done"), as TeamSupport's own integration matched statuses and types by name.
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
