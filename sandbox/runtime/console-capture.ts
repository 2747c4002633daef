// Forge collects what a function prints to the console, per invocation (`forge logs`). The sandbox does the same:
// while an invocation runs, console.debug/log/info/warn/error lines go to that invocation's sink (its record and the
// sandbox's event log) and reach the real console only when the sandbox echoes them. Outside invocations the console
// behaves as before.
//
// Why the methods are replaced once, when this module loads, and the sink is looked up on every call: several sandboxes
// may live in one process (one jest worker), and only the async context knows which invocation — hence which sandbox —
// a line belongs to. Loading happens when a test file imports the sandbox, before any of its hooks run, so a test's own
// jest.spyOn(console, ...) lands on top of the wrapper: a spy with a mock implementation receives every line exactly
// as it did before capture existed (the sandbox sees none of them — the test took them), and a plain spy records the
// call and passes it on to be captured; mockRestore() puts the wrapper back. Wrapping at sandbox creation instead
// would wrap a spy installed earlier in a beforeEach, and with echo off the test would stop seeing the app's lines.
import { format } from 'node:util';
import { z } from 'zod';
import type { AppLogLevel, AppLogLine } from './app-log';
import { currentInvocation, invocationContext } from './invocation';

export type { AppLogLevel, AppLogLine, AppLogSink } from './app-log';

type CapturedMethod = 'debug' | 'log' | 'info' | 'warn' | 'error';
export type CapturableConsole = Pick<Console, CapturedMethod>;

// Forge reports console.log at INFO level.
const CAPTURED_METHODS: ReadonlyArray<readonly [CapturedMethod, AppLogLevel]> = [
  ['debug', 'debug'],
  ['log', 'info'],
  ['info', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
];

// Marks a console object as wrapped. A registered symbol, so that a second copy of this module (after a test resets the
// module registry) never wraps the wrappers.
const INSTALLED = Symbol.for('support-ticket-sync.sandbox.console-capture');

const jsonRecordSchema = z.looseObject({ message: z.string() });

function jsonRecord(text: string): z.infer<typeof jsonRecordSchema> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const parsed = jsonRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A printed line as a log record: a JSON object with a string `message` is split into message and fields. */
export function toAppLogLine(level: AppLogLevel, text: string): AppLogLine {
  const record = jsonRecord(text);
  if (!record) return { level, message: text };
  const { message, ...fields } = record;
  // The logger's `level` key repeats the console method it wrote to; it is kept only when it says something else.
  if (fields.level === level) delete fields.level;
  return Object.keys(fields).length > 0 ? { level, message, fields } : { level, message };
}

/** Wraps the console methods so that lines printed inside an invocation reach its sink (idempotent per console). */
export function installConsoleCapture(target: CapturableConsole = console): void {
  if (Object.hasOwn(target, INSTALLED)) return;
  Object.defineProperty(target, INSTALLED, { value: true });
  for (const [method, level] of CAPTURED_METHODS) {
    const original = target[method];
    target[method] = (...args: unknown[]): void => {
      const sink = currentInvocation()?.appLog;
      if (!sink) {
        Reflect.apply(original, target, args);
        return;
      }
      const text = format(...args);
      // Whoever listens to captured lines (the sandbox's 'log' event) is not app code: its own console output must
      // reach the console as usual instead of being captured again, which would loop.
      invocationContext.exit(() => sink.capture(toAppLogLine(level, text)));
      if (sink.echoPrefix !== undefined) Reflect.apply(original, target, [`${sink.echoPrefix} ${text}`]);
    };
  }
}
