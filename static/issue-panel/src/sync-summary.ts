// What the panel says after "Sync now": one sentence per link, e.g. "Synced: 2 comments from #5, 1 comment to #5", or
// the link's problem in words.
import type { SyncNowResult } from './api';

function comments(count: number): string {
  return count === 1 ? '1 comment' : `${count} comments`;
}

export function syncSummary(result: SyncNowResult): { lines: string[]; failed: boolean } {
  const copied: string[] = [];
  const problems: string[] = [];
  for (const link of result.results) {
    if (link.fromTicket > 0) copied.push(`${comments(link.fromTicket)} from #${link.ticketNumber}`);
    if (link.toTicket > 0) copied.push(`${comments(link.toTicket)} to #${link.ticketNumber}`);
    if (link.error !== undefined) problems.push(`#${link.ticketNumber}: ${link.error}`);
  }
  const lines = [copied.length > 0 ? `Synced: ${copied.join(', ')}` : 'Everything was already in sync.'];
  if (result.results.length === 0) lines[0] = 'No tickets are linked to this issue.';
  return {
    lines: [...lines, ...problems, ...(result.stopped === undefined ? [] : [result.stopped])],
    failed: problems.length > 0 || result.stopped !== undefined,
  };
}
