// The live event log (what was triggered, queued, pulled, written, skipped and why) and the request counters per
// target, as the sandbox runtime recorded them.
import type { RequestStat } from '../../runtime/accounting';
import type { SandboxLogEntry } from '../../runtime/sandbox';
import { z } from 'zod';
import { html, type Html } from './html';
import { table } from './table';

/** The hosts the app calls the emulated services by (e.g. sandbox.teamsupport.com, api.brevo.com), to name them. */
export interface TargetHosts {
  teamSupport: string;
  brevo: string;
}

export interface EventsInput {
  entries: readonly SandboxLogEntry[];
  totals: Record<string, RequestStat>;
  hosts: TargetHosts;
  kind: string | undefined;
}

const SHOWN = 300;

const TARGET_NAMES: Record<string, string> = {
  jira: 'Jira REST API',
  kvs: 'Forge storage (KVS)',
  queue: 'Async events (queues)',
  platform: 'Forge platform',
};

function targetName(target: string, hosts: TargetHosts): string {
  if (target === hosts.teamSupport) return `TeamSupport API (${target})`;
  if (target === hosts.brevo) return `Brevo API (${target})`;
  return TARGET_NAMES[target] ?? target;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const appData = z.object({
  level: z.string(),
  functionKey: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

const short = (text: string, max = 240): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The details column: for the app's own lines the function and its fields as `key=value`, otherwise the JSON. */
function details(entry: SandboxLogEntry): string {
  if (entry.data === undefined) return '';
  const app = appData.safeParse(entry.data);
  if (!app.success) return short(JSON.stringify(entry.data));
  const fields = Object.entries(app.data.fields).map(
    ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return short([app.data.functionKey, ...fields].join(' · '));
}

function levelOf(data: unknown): string {
  const parsed = appData.safeParse(data);
  return parsed.success ? parsed.data.level : '';
}

/** Requests per target; `only` keeps the given targets (the Brevo view shows Brevo's). */
export function countersTable(
  input: Pick<EventsInput, 'totals' | 'hosts'> & { only?: readonly string[] },
): Html {
  const rows = Object.entries(input.totals)
    .filter(([target]) => input.only === undefined || input.only.includes(target))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([target, stat]) =>
        html`<tr data-testid="counter-row">
          <td>${targetName(target, input.hosts)}</td>
          <td class="num">${stat.count}</td>
          <td class="num">${kb(stat.bytesOut)}</td>
          <td class="num">${kb(stat.bytesIn)}</td>
        </tr>`,
    );
  return table({
    className: 'counters',
    columns: [
      'Target',
      { label: 'Requests', numeric: true },
      { label: 'Sent', numeric: true },
      { label: 'Received', numeric: true },
    ],
    rows,
    empty: 'No requests yet.',
  });
}

export function eventsPage(input: EventsInput): Html {
  const kinds = [...new Set(input.entries.map((entry) => entry.kind))].sort();
  const shown = input.entries
    .filter((entry) => input.kind === undefined || entry.kind === input.kind)
    .slice(-SHOWN)
    .reverse();
  const rows = shown.map(
    (entry) =>
      html`<tr class="log-${entry.kind} level-${levelOf(entry.data)}" data-testid="event">
        <td><time>${entry.time.slice(11, 19)}</time></td>
        <td><span class="badge">${entry.kind}</span></td>
        <td>${entry.message}</td>
        <td class="details" title="${details(entry)}"><code>${details(entry)}</code></td>
      </tr>`,
  );
  const filters = ['', ...kinds].map(
    (kind) =>
      html`<a
        href="/events${kind ? `?kind=${encodeURIComponent(kind)}` : ''}"
        ${(input.kind ?? '') === kind ? html` aria-current="page"` : ''}
        >${kind || 'all'}</a
      > `,
  );
  return html`<h1>Event log</h1>
    <p class="hint">
      What the sandbox runtime did for the app: product events delivered to triggers, jobs queued and handled,
      scheduled pulls, resolver calls, and the app's own log lines (written, skipped and why). Updates live.
    </p>
    <div data-live id="counters">
      <h2>Requests by target</h2>
      ${countersTable(input)}
    </div>
    <h2>Events</h2>
    <p class="filters">Show: ${filters}</p>
    <div data-live id="event-log">
      ${table({
        className: 'log',
        columns: [
          { label: 'Time (UTC)' },
          { label: 'Kind' },
          { label: 'What happened' },
          { label: 'Details' },
        ],
        rows,
        empty: 'Nothing yet.',
      })}
    </div>`;
}
