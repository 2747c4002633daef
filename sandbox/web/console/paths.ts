// Paths the console accepts: issue keys, and the targets of its redirects.
export const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** Only paths of this console are redirect targets (no `//host` or absolute URLs). */
export function safeBack(back: string | undefined, fallback: string): string {
  return back !== undefined && /^\/(?!\/)[\w\-./?=&%]*$/.test(back) ? back : fallback;
}
