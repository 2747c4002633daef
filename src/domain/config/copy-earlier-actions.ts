// The "copy earlier actions" setting (docs/product.md, "Linking tickets to issues"): when a ticket joins an issue, the
// actions it had before may be copied to the issue as comments too, oldest first, each once. On by default for a new
// issue made from a ticket (escalation: the issue starts with the ticket's history, as an agent expects), off by default
// when a ticket is linked to an issue that already has its own discussion.
import { z } from 'zod';

export interface CopyEarlierActions {
  /** a ticket that asks for a new issue (escalation) brings its earlier actions to it */
  onEscalation: boolean;
  /** a ticket linked to an existing issue (issue panel or correlation field) brings its earlier actions to it */
  onLink: boolean;
}

export const DEFAULT_COPY_EARLIER_ACTIONS: CopyEarlierActions = { onEscalation: true, onLink: false };

/** Optional, so that documents stored before the setting existed stay valid and read as the defaults. */
export const CopyEarlierActionsSchema = z
  .strictObject({
    onEscalation: z
      .boolean({ error: 'Copy earlier actions on escalation must be true or false.' })
      .default(DEFAULT_COPY_EARLIER_ACTIONS.onEscalation),
    onLink: z
      .boolean({ error: 'Copy earlier actions when linking must be true or false.' })
      .default(DEFAULT_COPY_EARLIER_ACTIONS.onLink),
  })
  .optional();

/** What an instance does with a ticket's earlier actions; unset reads as the defaults. */
export function copyEarlierActionsOf(instance: {
  copyEarlierActions?: CopyEarlierActions | undefined;
}): CopyEarlierActions {
  return instance.copyEarlierActions ?? DEFAULT_COPY_EARLIER_ACTIONS;
}
