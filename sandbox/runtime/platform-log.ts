// The sandbox's event log: what the platform did (a delivery, a retry, a dead letter) and what the app printed while
// it ran, in one numbered, bounded list that the console's live event stream and the tests read.
import type { AppLogLevel, AppLogLine } from './app-log';
import type { InvocationRecord } from './accounting';

/** A console line an invocation printed, with the invocation it belongs to. */
export interface AppLogData {
  level: AppLogLevel;
  message: string;
  /** the other keys of a JSON record line; empty for plain text */
  fields: Record<string, unknown>;
  functionKey: string;
  moduleKey: string;
  invocationId: string;
}

export type PlatformLogKind = 'product-event' | 'trigger' | 'queue' | 'scheduled' | 'resolver' | 'webtrigger';

type LogEvent =
  | { kind: PlatformLogKind; message: string; data?: unknown }
  | { kind: 'app'; message: string; data: AppLogData };

/** What the sandbox did (platform kinds) and what the app printed while it ran ('app'). */
export type SandboxLogEntry = LogEvent & { seq: number; time: string };
export type AppLogEntry = Extract<SandboxLogEntry, { kind: 'app' }>;

/** How a delivery module writes to the log. */
export type LogPlatform = (kind: PlatformLogKind, message: string, data?: unknown) => void;

const MAX_LOG = 2_000;

export class PlatformLog {
  readonly entries: SandboxLogEntry[] = [];
  private seq = 0;

  constructor(
    private readonly now: () => number,
    private readonly onEntry: (entry: SandboxLogEntry) => void,
  ) {}

  platform: LogPlatform = (kind, message, data) => {
    this.append({ kind, message, data });
  };

  appLine(line: AppLogLine, record: InvocationRecord): void {
    const { functionKey, moduleKey, invocationId } = record;
    this.append({
      kind: 'app',
      message: line.message,
      data: {
        level: line.level,
        message: line.message,
        fields: line.fields ?? {},
        functionKey,
        moduleKey,
        invocationId,
      },
    });
  }

  /** What handlers printed to the console, oldest first, from the retained log (see InvocationRecord.logs too). */
  appLogs(
    filter: Partial<Pick<AppLogData, 'functionKey' | 'moduleKey' | 'invocationId' | 'level'>> = {},
  ): AppLogEntry[] {
    return this.entries.flatMap((entry) =>
      entry.kind === 'app' &&
      (filter.functionKey === undefined || entry.data.functionKey === filter.functionKey) &&
      (filter.moduleKey === undefined || entry.data.moduleKey === filter.moduleKey) &&
      (filter.invocationId === undefined || entry.data.invocationId === filter.invocationId) &&
      (filter.level === undefined || entry.data.level === filter.level)
        ? [entry]
        : [],
    );
  }

  private append(event: LogEvent): void {
    const entry: SandboxLogEntry = { ...event, seq: ++this.seq, time: new Date(this.now()).toISOString() };
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG) this.entries.shift();
    this.onEntry(entry);
  }
}
