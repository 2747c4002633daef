// The unlink confirmation as Jira shows confirmations: a modal over the whole page with a backdrop, opened through the
// Forge bridge (https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/modal/), not a dialog
// squeezed into the panel's frame. The modal loads this same resource; its context (`extension.modal`) names the
// ticket, and `view.close(payload)` answers whether it was unlinked.
import { Modal, view } from '@forge/bridge';
import { z } from 'zod';
import type { LinkedTicket } from './api';

/** What the panel hands the modal: enough to ask, and to unlink. */
export const UnlinkModalContextSchema = z.object({
  unlink: z.object({
    instanceId: z.string(),
    instanceName: z.string(),
    ticketId: z.string(),
    ticketNumber: z.string(),
    name: z.string(),
    issueKey: z.string().optional(),
  }),
});

export type UnlinkModalContext = z.infer<typeof UnlinkModalContextSchema>;

/** What the modal answers through view.close: absent (cancelled), or the unlink's outcome. */
export const UnlinkModalResultSchema = z.object({
  unlinked: z.literal(true),
  warnings: z.array(z.string()).default([]),
});

export type UnlinkModalResult = z.infer<typeof UnlinkModalResultSchema>;

/** The context this page was opened with when it is the unlink modal; undefined for the panel itself. */
export async function unlinkModalContext(): Promise<UnlinkModalContext | undefined> {
  const context = z
    .object({ extension: z.object({ modal: z.unknown().optional() }).optional() })
    .safeParse(await view.getContext());
  const parsed = UnlinkModalContextSchema.safeParse(
    context.success ? context.data.extension?.modal : undefined,
  );
  return parsed.success ? parsed.data : undefined;
}

/**
 * Opens the confirmation; `onClosed` gets the outcome (undefined when the user cancelled or closed it). Rejects when
 * the host cannot open a modal.
 */
export async function openUnlinkModal(
  ticket: LinkedTicket,
  issueKey: string | undefined,
  onClosed: (result: UnlinkModalResult | undefined) => void,
): Promise<void> {
  const context: UnlinkModalContext = {
    unlink: {
      instanceId: ticket.instanceId,
      instanceName: ticket.instanceName,
      ticketId: ticket.ticketId,
      ticketNumber: ticket.ticketNumber,
      name: ticket.name,
      ...(issueKey === undefined ? {} : { issueKey }),
    },
  };
  const modal = new Modal({
    resource: null,
    size: 'small',
    context,
    onClose: (payload: unknown) => {
      const result = UnlinkModalResultSchema.safeParse(payload);
      onClosed(result.success ? result.data : undefined);
    },
  });
  await modal.open();
}
