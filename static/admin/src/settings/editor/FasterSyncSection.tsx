// Faster sync (issue 19): the hot-ticket settings of a TeamSupport instance, saved with the instance. A ticket whose
// issue panel was opened, or that got a new action or a push hint, is read every few seconds for a while instead of
// waiting for the five-minute pull (src/sync/inbound/hot-window.ts). Each field shows its default and range; the
// backend checks the rules on save and its messages land under the field, as everywhere in the editor.
import Textfield from '@atlaskit/textfield';
import { Text } from '@atlaskit/primitives';
import {
  FASTER_SYNC_KEYS,
  FASTER_SYNC_SETTINGS,
  fasterSyncCostText,
  type FasterSyncKey,
} from './faster-sync';
import { FieldRow } from './FieldRow';
import { messagesAt, under } from './issues';
import { Section, type SectionProps } from './section';

const HELPERS: Record<FasterSyncKey, string> = {
  hotWindowMinutes:
    'How long a ticket stays hot after its issue panel is opened, a new action arrives or a push hint names it.',
  hotCheckSeconds: 'How often a hot ticket is read. Each read is one TeamSupport request.',
  hotTicketCap: 'The most tickets of this instance checked at a time; 0 turns faster sync off.',
};

export function FasterSyncSection({ draft, change, issues }: SectionProps) {
  const cost = fasterSyncCostText(draft.fasterSync);
  return (
    <Section
      id="section-faster-sync"
      title="Faster sync"
      description="Tickets someone is working on right now are checked every few seconds, so their new actions reach Jira within a minute instead of at the next five-minute pull."
    >
      {FASTER_SYNC_KEYS.map((key) => {
        const setting = FASTER_SYNC_SETTINGS[key];
        return (
          <FieldRow
            key={key}
            path={key}
            label={`${setting.label} (${setting.unit})`}
            helper={`${HELPERS[key]} Empty means ${setting.fallback}; from ${setting.min} to ${setting.max}.`}
            messages={messagesAt(issues, key)}
          >
            {(control) => (
              <Textfield
                id={control.id}
                value={draft.fasterSync[key]}
                onChange={(event) =>
                  change(
                    { fasterSync: { ...draft.fasterSync, [key]: event.currentTarget.value } },
                    under(key),
                  )
                }
                isInvalid={control.isInvalid}
                aria-describedby={control.describedBy}
                placeholder={String(setting.fallback)}
                inputMode="numeric"
                width="small"
                isCompact
              />
            )}
          </FieldRow>
        );
      })}
      {cost ? (
        <Text size="small" color="color.text.subtle" testId="faster-sync-cost">
          {cost}
        </Text>
      ) : null}
    </Section>
  );
}
