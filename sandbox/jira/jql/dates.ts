// JQL date operands (absolute dates, relative periods such as -5m or -1w 2d, now()) resolved to instants.
import type { Operand } from './ast';
import { JqlError } from './errors';

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

const invalidDate = (text: string, field: string): JqlError =>
  new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );

/**
 * The instant a JQL date operand denotes: absolute dates, relative periods (`-5m`, `-1w 2d`) against `now`, or
 * epoch milliseconds. Absolute dates are read in UTC (every emulated user's time zone is UTC unless told otherwise).
 */
export function resolveDate(operand: Operand, field: string, now: number): number {
  if (operand.kind === 'function') {
    if (operand.name.toLowerCase() === 'now') return now;
    throw new JqlError(`Unable to find JQL function '${operand.name}()'.`);
  }
  if (operand.kind !== 'value') throw invalidDate('EMPTY', field);
  const text = operand.text.trim();

  const period = /^([-+]?)((?:\d+[wdhm]\s*)+)$/i.exec(text);
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let total = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)([wdhm])/gi)) {
      total += Number(part[1]) * (UNIT_MS[(part[2] ?? '').toLowerCase()] ?? 0);
    }
    return now + sign * total;
  }

  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (absolute) {
    const [, year, month, day, hour, minute] = absolute;
    const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0));
    if (Number.isNaN(ms)) throw invalidDate(text, field);
    return ms;
  }

  if (/^\d{10,}$/.test(text)) return Number(text);
  throw invalidDate(text, field);
}
