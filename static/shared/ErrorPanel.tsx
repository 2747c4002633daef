// A failed load shown as an error message, with Try again when the caller can retry.
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ResolverError } from './envelope';

interface ErrorPanelProps {
  title: string;
  error: ResolverError;
  onRetry?: () => void;
}

/** A failed load, with the backend's message and (when it makes sense) a way to try again. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  return (
    <SectionMessage
      appearance="error"
      title={title}
      actions={
        onRetry
          ? [
              <SectionMessageAction key="retry" onClick={onRetry}>
                Try again
              </SectionMessageAction>,
            ]
          : []
      }
    >
      <p>{error.message}</p>
    </SectionMessage>
  );
}
