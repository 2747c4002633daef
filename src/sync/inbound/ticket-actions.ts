// Which of a linked ticket's actions go to Jira, and when they need reading at all: not the description, not what the
// app wrote (ledger), only the configured action types, and only what was added since the last read that handled
// everything (older history stays in the ticket, unless the link copies earlier actions). A ticket listed again by an overlapping pull window costs no read
// unless it changed after that read; a read that copies actions stores the link's new state and its sync-log entry
// with the last copy, in one storage request (docs/reliability.md, "What a copy costs").
import type { ItemStatus } from '../../domain/item-outcome';
import { readIncludesChange, startOfMinute } from '../../domain/modification-time';
import type { Ticket, TicketAction } from '../../domain/ticket';
import type { Link } from '../records/link';
import type { PreparedWrite } from '../records/prepared-write';
import { copiedLogEntry, copyActionToIssue } from './action-to-comment';
import type { InboundDeps, InstanceContext } from './deps';

/** Whether the ticket may have changed since its actions were last read and all handled. */
export function changedSinceRead(ticket: Pick<Ticket, 'dateModified'>, link: Link): boolean {
  return (
    link.actionsReadAt === undefined || !readIncludesChange(ticket.dateModified, new Date(link.actionsReadAt))
  );
}

function typeIsPulled(pullActionTypes: 'all' | string[], action: TicketAction): boolean {
  if (pullActionTypes === 'all') return true;
  const type = action.actionType?.trim().toLowerCase();
  return type !== undefined && pullActionTypes.some((name) => name.trim().toLowerCase() === type);
}

export function actionsToPull(
  actions: readonly TicketAction[],
  link: Link,
  pullActionTypes: 'all' | string[],
): TicketAction[] {
  // TeamSupport dates have minute precision: an action from the minute of linking (or of the newest action handled)
  // counts as after it, unless the link names it as handled. A link that copies earlier actions starts at the
  // ticket's first action instead (docs/product.md, "Linking tickets to issues"); each is still copied once, by the
  // copy-once step.
  const handled = handledUpTo(link);
  const start = link.copiesEarlierActions === true ? 0 : startOfMinute(Date.parse(link.linkedAt));
  const floor = Math.max(start, handled.minute);
  const done = new Set(handled.minute === floor ? handled.ids : []);
  return actions
    .filter((a) => a.systemKind !== 'description')
    .filter((a) => a.dateCreated.getTime() >= floor && !done.has(a.id))
    .filter((a) => typeIsPulled(pullActionTypes, a))
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime() || Number(a.id) - Number(b.id));
}

/** The newest minute with handled actions, and the ids handled in it (what the link keeps of the last read). */
interface HandledUpTo {
  minute: number;
  at?: Date;
  ids: string[];
}

function handledUpTo(link: Link): HandledUpTo {
  if (link.copiedUpTo === undefined) return { minute: 0, ids: [] };
  const at = new Date(link.copiedUpTo);
  return { minute: startOfMinute(at.getTime()), at, ids: link.copiedUpToIds ?? [] };
}

function withHandled(upTo: HandledUpTo, action: TicketAction): HandledUpTo {
  const minute = startOfMinute(action.dateCreated.getTime());
  if (minute < upTo.minute) return upTo;
  if (minute > upTo.minute) return { minute, at: action.dateCreated, ids: [action.id] };
  const at = upTo.at && upTo.at > action.dateCreated ? upTo.at : action.dateCreated;
  return { minute, at, ids: [...upTo.ids, action.id] };
}

/** How a read is asked for: the issue panel's "Sync now" reads even an unchanged ticket and counts the copies. */
export interface PullOptions {
  /** read the actions even when the ticket looks unchanged since the last read (the user asked for it) */
  evenIfUnchanged?: boolean;
  /** told of each action copied into Jira now */
  onCopied?: (action: TicketAction) => void;
}

export async function pullTicketActions(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number' | 'dateModified'>,
  link: Link,
  options: PullOptions = {},
): Promise<ItemStatus> {
  if (options.evenIfUnchanged !== true && !changedSinceRead(ticket, link)) return 'skipped';
  const readAt = deps.now();
  const actions = actionsToPull(
    await context.tickets.listActions(ticket.id),
    link,
    context.instance.pullActionTypes,
  );
  const copied: TicketAction[] = [];
  // Where the unbroken run of handled actions ends: a failed action stops it, so a later read tries it again.
  let handled = handledUpTo(link);
  let unbroken = true;
  const finish = (alsoCopied: TicketAction[]): PreparedWrite[] => {
    const all = [...copied, ...alsoCopied];
    const upTo = unbroken ? alsoCopied.reduce(withHandled, handled) : handled;
    const entry = all.length > 0 ? copiedLogEntry(deps, context, ticket, link, all) : undefined;
    return [
      deps.links.prepareSync(link, {
        at: deps.now(),
        ...(unbroken ? { actionsReadAt: readAt } : {}),
        ...(upTo.at === undefined ? {} : { copiedUpTo: upTo.at, copiedUpToIds: upTo.ids }),
      }),
      ...(entry ? [entry] : []),
    ];
  };
  // In order, one at a time: comments appear in Jira in the order they were written.
  for (const [index, action] of actions.entries()) {
    const last = index === actions.length - 1;
    const result = await copyActionToIssue(
      deps,
      context,
      ticket,
      link,
      action,
      last && unbroken ? () => finish([action]) : undefined,
    );
    if (result.status === 'sent') options.onCopied?.(action);
    if (result.status === 'transient') return 'transient';
    if (result.status === 'failed') {
      unbroken = false;
      continue;
    }
    if (result.status === 'sent' && last && unbroken && result.finished) return 'sent';
    if (result.status === 'sent') copied.push(action);
    if (unbroken) handled = withHandled(handled, action);
  }
  // Nothing was copied last (or its completion could not carry these): store them on their own.
  for (const write of finish([])) await write.apply();
  // A failed action was logged with its own Retry; the read as a whole is done either way.
  return !unbroken ? 'failed' : copied.length > 0 ? 'sent' : 'skipped';
}
