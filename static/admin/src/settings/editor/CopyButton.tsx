// "Copy" beside a value the admin takes elsewhere (the push-hint URL, secret and example). A Custom UI runs in an
// iframe whose host may not grant clipboard access, so when writing fails the button says to copy by hand, and the
// value stays selectable on screen.
import Button from '@atlaskit/button/default/button';
import CopyIcon from '@atlaskit/icon/core/copy';
import { useState } from 'react';

type Outcome = 'idle' | 'copied' | 'failed';

const LABELS: Record<Outcome, string> = {
  idle: 'Copy',
  copied: 'Copied',
  failed: 'Select and copy by hand',
};

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');

  async function copy(): Promise<void> {
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <Button
      spacing="compact"
      iconBefore={CopyIcon}
      aria-label={`${LABELS[outcome]}: ${label}`}
      onClick={() => void copy()}
    >
      {LABELS[outcome]}
    </Button>
  );
}
