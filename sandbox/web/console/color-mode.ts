// Light or dark: the console's header toggle keeps the choice in a cookie, and every page of this origin reads it —
// the console's own pages and the app's Custom UI frames, whose context then carries `theme.colorMode` as Jira's does
// for a user who picked dark mode (docs/forge-platform.md §4.3). `?theme=dark` on a Custom UI URL still wins.
import type http from 'node:http';
import { z } from 'zod';

export type ColorMode = 'light' | 'dark';

export const COLOR_MODE_COOKIE = 'sandbox-color-mode';

const colorModeSchema = z.enum(['light', 'dark']);

/** The mode the request's cookie asks for; light when there is none. */
export function colorModeOf(req: Pick<http.IncomingMessage, 'headers'>): ColorMode {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COLOR_MODE_COOKIE) {
      const parsed = colorModeSchema.safeParse(value);
      if (parsed.success) return parsed.data;
    }
  }
  return 'light';
}

/** The form the toggle posts: the mode wanted, or undefined for anything else. */
export function parseColorModeForm(form: Record<string, string>): ColorMode | undefined {
  const parsed = colorModeSchema.safeParse(form.mode);
  return parsed.success ? parsed.data : undefined;
}

/** Kept a year, for this origin's pages only; nothing secret, so readable by the page. */
export function colorModeCookie(mode: ColorMode): string {
  return `${COLOR_MODE_COOKIE}=${mode}; Path=/; Max-Age=31536000; SameSite=Strict`;
}
