// A released version → one note on each linked ticket of one of its issues, and (when the instance asks for it) the
// ticket moved to the instance's on-release status (docs/product.md, "Releases and sprints"). Both go through the
// copy-once step: the note is keyed by version and issue, the status move by version and ticket, so a redelivered
// job, a lost answer or a version released again writes nothing twice, and an agent who reopens the ticket later is
// not overruled. Nothing of an issue with a security level leaves Jira (invariant 3, docs/architecture.md).
import {
  releaseNoteId,
  releaseNoteSentence,
  releaseSecuredMessage,
  releaseStatusId,
  releaseStatusSetMessage,
  releaseStatusUnknownMessage,
  type ReleasedVersion,
} from '../../domain/milestone';
import type { ItemStatus } from '../../domain/item-outcome';
import type { JiraIssue } from '../../domain/jira';
import { sameName } from '../../domain/names';
import { copyOnce } from '../copy-once';
import type { OutboundDeps, OutboundTarget } from '../outbound/deps';
import { guardEachTarget, ticketTypeAllowed } from '../outbound/guard';
import { logForTarget } from '../outbound/log-entry';
import type { SyncJson } from '../records/json';
import { addTicketNote } from '../ticket-note';
import { forgetTicket } from '../ticket-view-cache';

export const RELEASE_OPERATION = 'release-to-ticket';

export interface Release {
  version: ReleasedVersion;
  /** when the release reached the app (ISO-8601) */
  releasedAt: string;
}

/** The admin's "Retry" of one link: the release note job restricted to it (sync/jobs/outbound.ts releaseNoteJobSchema). */
function retryJob(release: Release, issue: { id: string; key: string }, target: OutboundTarget): SyncJson {
  const { version } = release;
  return {
    kind: 'release-note',
    issueId: issue.id,
    issueKey: issue.key,
    version: {
      type: 'version',
      id: version.id,
      name: version.name,
      projectId: version.projectId,
      ...(version.releaseDate === undefined ? {} : { releaseDate: version.releaseDate }),
    },
    releasedAt: release.releasedAt,
    only: { instanceId: target.instance.id, ticketId: target.link.ticketId },
  };
}

type StatusMove =
  { kind: 'set' } | { kind: 'unknown'; ticketType: string; status: string } | { kind: 'gone' };

/** Moves the ticket to the on-release status once per version (copy-once keyed by version and ticket). */
async function moveStatusOnce(
  deps: OutboundDeps,
  target: OutboundTarget,
  version: ReleasedVersion,
  wanted: string,
): Promise<ItemStatus> {
  const { tickets, link, instance } = target;
  let move: StatusMove | undefined;
  const result = await copyOnce(
    deps.ledger,
    {
      item: {
        kind: 'note',
        instanceId: instance.id,
        noteId: releaseStatusId(version.id),
        ticketId: link.ticketId,
      },
      context: { ticketId: link.ticketId, issueId: link.issueId },
      describe: `the status "${wanted}" on ticket #${link.ticketNumber}`,
      // After a lost answer: the move happened when the ticket is in that status now.
      find: async () => {
        const ticket = await tickets.getTicket(link.ticketId);
        return ticket && sameName(ticket.status, wanted) ? `status:${ticket.status}` : undefined;
      },
      write: async () => {
        const ticket = await tickets.getTicket(link.ticketId);
        if (!ticket) {
          move = { kind: 'gone' };
          return 'ticket-gone';
        }
        // 'unknown-status' completes the item too: a redelivery must not log the same problem again.
        if ((await tickets.setStatus(ticket, wanted)) === 'unknown-status') {
          move = { kind: 'unknown', ticketType: ticket.ticketType, status: ticket.status };
          return 'unknown-status';
        }
        move = { kind: 'set' };
        return `status:${wanted}`;
      },
    },
    deps.copy,
  );
  if (result.status === 'busy') return 'transient';
  if (result.status !== 'written' || move === undefined) return 'skipped';
  switch (move.kind) {
    case 'set':
      await logForTarget(
        deps,
        target,
        RELEASE_OPERATION,
        'info',
        releaseStatusSetMessage(version.name, wanted),
      );
      return 'sent';
    case 'unknown':
      await logForTarget(
        deps,
        target,
        RELEASE_OPERATION,
        'warn',
        releaseStatusUnknownMessage(version.name, wanted, move),
      );
      return 'skipped';
    case 'gone':
      await logForTarget(
        deps,
        target,
        RELEASE_OPERATION,
        'warn',
        `Ticket #${link.ticketNumber} no longer exists in TeamSupport.`,
      );
      return 'skipped';
  }
}

async function announceOnTicket(
  deps: OutboundDeps,
  target: OutboundTarget,
  release: Release,
  issue: JiraIssue,
): Promise<ItemStatus> {
  const { version } = release;
  if (!(await ticketTypeAllowed(target))) return 'skipped';
  const note = await addTicketNote(
    deps.ledger,
    {
      instance: target.instance,
      tickets: target.tickets,
      ticketId: target.link.ticketId,
      ticketNumber: target.link.ticketNumber,
      issueId: issue.id,
      noteId: releaseNoteId(version.id, issue.id),
      sentence: releaseNoteSentence(version, release.releasedAt, issue),
      visibleOnPortal: target.instance.releaseNoteVisibleOnPortal,
    },
    deps.copy,
  );
  if (note.status === 'busy') return 'transient';
  let outcome: ItemStatus = note.status === 'done' ? 'skipped' : 'sent';
  if (outcome === 'sent') {
    await logForTarget(
      deps,
      target,
      RELEASE_OPERATION,
      'info',
      `Added "Fixed in ${version.name}" for ${issue.key} to ticket #${target.link.ticketNumber}.`,
    );
  }
  const wanted = target.instance.releaseStatus;
  if (wanted !== undefined) {
    const moved = await moveStatusOnce(deps, target, version, wanted);
    if (moved === 'transient') return 'transient';
    if (moved === 'sent') outcome = 'sent';
  }
  if (outcome === 'sent') {
    await deps.links.recordSync(target.link, { at: new Date() });
    await forgetTicket(deps.cache, target.link);
  }
  return outcome;
}

/**
 * Announces the release on every target (linked tickets on instances that announce releases). `issue` is read once
 * for all of them; a failed read fails each target inside its guard (retried, then logged with Retry).
 */
export async function announceRelease(
  deps: OutboundDeps,
  release: Release,
  issueRef: { id: string; key: string },
  issue: Promise<JiraIssue | undefined>,
  targets: readonly OutboundTarget[],
  finalAttempt: boolean,
): Promise<ItemStatus[]> {
  issue.catch(() => undefined);
  const context = {
    operation: RELEASE_OPERATION,
    finalAttempt,
    retryJob: (target: OutboundTarget) => retryJob(release, issueRef, target),
  };
  return guardEachTarget(deps, targets, context, async (target) => {
    const current = await issue;
    if (!current) {
      await logForTarget(
        deps,
        target,
        RELEASE_OPERATION,
        'warn',
        `Jira issue ${issueRef.key} no longer exists, or the app can no longer browse it, so release ` +
          `${release.version.name} was not announced on ticket #${target.link.ticketNumber}.`,
      );
      return 'skipped';
    }
    if (current.securityLevel !== null) {
      await logForTarget(
        deps,
        target,
        RELEASE_OPERATION,
        'info',
        releaseSecuredMessage(current.key, release.version.name),
      );
      return 'skipped';
    }
    return announceOnTicket(deps, target, release, current);
  });
}
