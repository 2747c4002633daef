// The app's console lines as the sandbox keeps them, per invocation: the types the invocation context, the accounting
// and the console capture share (their own file, so none of the three imports another for a type).
export type AppLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One console line the app printed during an invocation. */
export interface AppLogLine {
  level: AppLogLevel;
  message: string;
  /** the other keys of a JSON record line (the app's logger writes one per call); absent for plain text */
  fields?: Record<string, unknown>;
}

/** Where one invocation's console output goes; the host puts one in every invocation context. */
export interface AppLogSink {
  /** printed before each captured line that is echoed to the real console; undefined keeps them off it */
  echoPrefix: string | undefined;
  capture(line: AppLogLine): void;
}
