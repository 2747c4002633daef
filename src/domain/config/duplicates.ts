/**
 * Calls `report` for every item whose key was already taken by an earlier item, so the problem lands on the later
 * (duplicate) row and the first one stays unmarked. Items without a key (`undefined`) are ignored.
 */
export function forEachDuplicate<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  report: (index: number, firstIndex: number) => void,
): void {
  const firstIndexByKey = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const firstIndex = firstIndexByKey.get(key);
    if (firstIndex === undefined) firstIndexByKey.set(key, index);
    else report(index, firstIndex);
  });
}

/** Names typed by people (types, statuses, fields) are compared the way people read them: trimmed, ignoring case. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
