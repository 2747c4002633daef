// The sandbox's start page: what runs, the demo issues with their panels, the admin page, and a "run pull now" button.
import type { Sandbox } from '../runtime/sandbox';
import type { DemoSummary } from '../demo';

const esc = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function renderHome(input: {
  demo: DemoSummary;
  jiraUrl: string;
  teamSupportUrl: string;
  sandbox: Sandbox;
}): string {
  const issues = input.demo.issues
    .map(
      (i) =>
        `<li><a href="/ui/issue-panel/?issue=${esc(i.id)}&amp;key=${esc(i.key)}">${esc(i.key)}</a> — issue panel</li>`,
    )
    .join('');
  const functions = [...input.sandbox.manifest.functions.values()]
    .map(
      (f) =>
        `<li><code>${esc(f.key)}</code> → <code>src/${esc(f.file)}.ts#${esc(f.exportName)}</code> (${esc(f.kinds.join(', '))}, ${f.timeoutSeconds}s)</li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support Ticket Sync sandbox</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#172b4d}code{background:#f4f5f7;padding:0 .25rem}</style></head>
<body><h1>Support Ticket Sync — sandbox</h1>
<p>The app's real handlers run here against emulators of Jira Cloud (${esc(input.jiraUrl)}) and TeamSupport (${esc(input.teamSupportUrl)}).</p>
<h2>Jira issues</h2><ul>${issues}</ul>
<h2>Admin</h2><p><a href="/ui/admin/">Admin page</a> (as alice, a Jira administrator)</p>
<h2>Scheduled pull</h2><form method="post" action="/api/run-pull"><button>Run the pull now</button></form>
<h2>Hosted functions</h2><ul>${functions}</ul></body></html>`;
}
