// The sandbox console's page shell: navigation, the scheduled-pull clock with its "Run the pull now" button, and the
// live script. Plain server-rendered HTML: the console is a local tool, and it must keep working with no build step.
import type { ColorMode } from './color-mode';
import { html, type Html } from './html';

export type Section = 'overview' | 'jira' | 'teamsupport' | 'brevo' | 'admin' | 'events';

export interface PageChrome {
  /** epoch ms of the next scheduled pull */
  nextPullAt: number;
  pullEverySeconds: number;
  /** a one-line confirmation or error from the last form post */
  notice?: { kind: 'success' | 'error'; text: string } | undefined;
  /** the header toggle's choice (color-mode.ts); light when left out */
  colorMode?: ColorMode | undefined;
}

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'overview', href: '/', label: 'Overview' },
  { section: 'jira', href: '/jira', label: 'Jira' },
  { section: 'teamsupport', href: '/teamsupport', label: 'TeamSupport' },
  { section: 'brevo', href: '/brevo', label: 'Brevo' },
  { section: 'admin', href: '/admin', label: 'Admin page' },
  { section: 'events', href: '/events', label: 'Event log' },
];

export function page(input: {
  title: string;
  section: Section;
  chrome: PageChrome;
  body: Html;
  path: string;
}): Html {
  const { chrome } = input;
  const nav = NAV.map(
    (item) =>
      html`<a href="${item.href}" ${item.section === input.section ? html` aria-current="page"` : ''}
        >${item.label}</a
      >`,
  );
  const notice = chrome.notice
    ? html`<p
        class="notice notice-${chrome.notice.kind}"
        role="${chrome.notice.kind === 'error' ? 'alert' : 'status'}"
        data-testid="notice"
      >
        ${chrome.notice.text}
      </p>`
    : '';
  const dark = chrome.colorMode === 'dark';
  return html`<!doctype html>
    <html lang="en" data-color-mode="${dark ? 'dark' : 'light'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} · Support Ticket Sync sandbox</title>
        <link rel="stylesheet" href="/sandbox/console.css" />
        <script src="/sandbox/console.js" defer></script>
      </head>
      <body>
        <header class="top">
          <strong class="brand">Support Ticket Sync <span>sandbox</span></strong>
          <nav aria-label="Sandbox">${nav}</nav>
          <form class="pull" method="post" action="/actions/run-pull">
            <input type="hidden" name="back" value="${input.path}" />
            <span data-live id="pull-clock"
              ><span
                class="clock"
                data-next-pull="${chrome.nextPullAt}"
                title="The scheduled trigger pull-tickets runs every ${chrome.pullEverySeconds} s"
                >next pull soon</span
              ></span
            >
            <button type="submit">Run the pull now</button>
          </form>
          <form class="color-mode" method="post" action="/actions/color-mode">
            <input type="hidden" name="back" value="${input.path}" />
            <button
              type="submit"
              name="mode"
              value="${dark ? 'light' : 'dark'}"
              aria-pressed="${dark ? 'true' : 'false'}"
              title="Dark mode for the console and the app's pages, as a Jira user's theme setting would give"
            >
              Dark mode
            </button>
          </form>
        </header>
        <main>${notice} ${input.body}</main>
      </body>
    </html>`;
}
