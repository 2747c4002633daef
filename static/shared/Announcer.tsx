// A screen-reader announcement of what an action changed when no focus moved.
import { VisuallyHidden } from './VisuallyHidden';

/** A polite live region: what changed after an action that moved no focus ("Ticket #12 linked"). */
export function Announcer({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite">
      <VisuallyHidden>{message}</VisuallyHidden>
    </div>
  );
}
